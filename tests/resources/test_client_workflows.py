"""client.workflows.get_run: a chat turn's run, and not-found alike on every server."""

from __future__ import annotations

import uuid

import pytest
from dify_chatflow import InvalidIdError, WorkflowRun, WorkflowRunNotFoundError
from resource_support import streamed_run_id


def test_get_run_of_a_chat_turn(server, driver):
    run_id = streamed_run_id(server, "What is my balance?")

    run = driver.run(driver.client(server).workflows.get_run(run_id))

    assert isinstance(run, WorkflowRun)
    assert str(run.id) == run_id
    assert run.status == "succeeded"
    # 1.10 sends outputs as JSON text, 1.16 as an object: decoded alike.
    assert run.outputs["answer"] == "What is my balance?"
    assert run.finished_at is not None


def test_an_unknown_run_is_not_found_on_every_server(server, driver, dialect):
    client = driver.client(server)

    with pytest.raises(WorkflowRunNotFoundError) as caught:
        driver.run(client.workflows.get_run(uuid.uuid4()))

    assert caught.value.status_code == 404
    assert caught.value.message == "Workflow run not found."
    # 1.10 answers 200 with every field null; the error keeps the real answer.
    assert caught.value.response.status_code == (200 if dialect == "1.10" else 404)


def test_a_malformed_run_id_is_refused_before_sending(server, driver):
    with pytest.raises(InvalidIdError):
        driver.run(driver.client(server).workflows.get_run("run-1"))

    assert server.requests == []

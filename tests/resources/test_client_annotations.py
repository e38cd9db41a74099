"""client.annotations: list / create / update / delete, and the jobs that switch
annotation replies on and off (polled until they end)."""

from __future__ import annotations

import pytest
from dify_chatflow import (
    Annotation,
    AnnotationNotFoundError,
    AnnotationReplyJob,
    AnnotationReplyJobError,
    AnnotationReplyJobTimeoutError,
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    InternalServerError,
    InvalidIdError,
    InvalidParamError,
    RetryPolicy,
)
from dify_chatflow.testing import DifyTestServer, Fault, RecordedRequest
from resource_support import API_KEY, AnswerLosingProxy

UNKNOWN = "0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47"
EMBEDDING = {
    "embedding_provider_name": "openai",
    "embedding_model_name": "text-embedding-3-small",
    "score_threshold": 0.9,
}


def requests_to(server: DifyTestServer, path: str) -> list[RecordedRequest]:
    return [r for r in server.requests if r.path.endswith(path)]


def test_create_returns_the_stored_annotation(server, driver):
    client = driver.client(server)

    note = driver.run(client.annotations.create("How do refunds work?", "Within 30 days."))

    assert isinstance(note, Annotation)
    assert (note.question, note.answer, note.hit_count) == (
        "How do refunds work?",
        "Within 30 days.",
        0,
    )
    assert note.created_at.tzinfo is not None
    assert [a.id for a in driver.items(client.annotations.list())] == [note.id]


def test_list_follows_numbered_pages_newest_first(server, driver, clock):
    client = driver.client(server)
    made = []
    for number in range(5):
        made.append(driver.run(client.annotations.create(f"q{number}", f"a{number}")).id)
        clock.tick()
    server.clear_requests()

    listed = driver.items(client.annotations.list(page_size=2))

    assert [a.id for a in listed] == made[::-1]
    pages = requests_to(server, "/apps/annotations")
    assert [(r.query["page"], r.query["limit"]) for r in pages] == [
        ("1", "2"),
        ("2", "2"),
        ("3", "2"),
    ]


def test_list_is_lazy_and_starts_again_on_each_loop(server, driver):
    client = driver.client(server)
    for number in range(3):
        server.add_annotation(f"q{number}", f"a{number}")
    server.clear_requests()

    pager = client.annotations.list(page_size=1)
    assert server.requests == []
    first = driver.items(pager, limit=1)
    again = driver.items(pager)

    assert len(first) == 1
    assert len(again) == 3
    assert again[0].id == first[0].id


def test_list_keyword_matches_question_or_answer_ignoring_case(server, driver):
    client = driver.client(server)
    server.add_annotation("Refund policy?", "Thirty days.")
    server.add_annotation("Opening hours?", "Nine to five, REFUNDS at the desk.")
    server.add_annotation("Parking?", "Behind the shop.")

    found = driver.items(client.annotations.list(keyword="refund"))

    assert sorted(a.question for a in found) == ["Opening hours?", "Refund policy?"]
    assert requests_to(server, "/apps/annotations")[-1].query["keyword"] == "refund"


def test_update_replaces_question_and_answer(server, driver):
    client = driver.client(server)
    note_id = server.add_annotation("Old?", "Old.")

    updated = driver.run(client.annotations.update(note_id, question="New?", answer="New."))

    assert (str(updated.id), updated.question, updated.answer) == (note_id, "New?", "New.")
    assert [(a.question, a.answer) for a in driver.items(client.annotations.list())] == [
        ("New?", "New.")
    ]


def test_update_of_an_unknown_annotation_is_not_found(server, driver):
    client = driver.client(server)

    with pytest.raises(AnnotationNotFoundError) as caught:
        driver.run(client.annotations.update(UNKNOWN, question="q", answer="a"))

    assert caught.value.status_code == 404


def test_delete_removes_it_and_a_second_delete_is_not_found(server, driver):
    client = driver.client(server)
    note_id = server.add_annotation("q", "a")

    assert driver.run(client.annotations.delete(note_id)) is None
    assert driver.items(client.annotations.list()) == []
    with pytest.raises(AnnotationNotFoundError):
        driver.run(client.annotations.delete(note_id))


def test_a_delete_whose_answer_was_lost_succeeds_on_the_retry(server, driver):
    note_id = server.add_annotation("q", "a")
    with AnswerLosingProxy(server, lose=1) as proxy:
        client = driver.client(
            server, base_url=proxy.base_url, retry_policy=RetryPolicy(initial_delay=0.01)
        )

        assert driver.run(client.annotations.delete(note_id)) is None

    assert [r.method for r in server.requests] == ["DELETE", "DELETE"]


def test_arguments_are_checked_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(ConfigurationError, match="question must be a str"):
        driver.run(client.annotations.create(42, "a"))
    with pytest.raises(ConfigurationError, match="answer must be a str"):
        driver.run(client.annotations.update(UNKNOWN, question="q", answer=None))
    with pytest.raises(InvalidIdError):
        driver.run(client.annotations.delete("nope"))
    with pytest.raises(ConfigurationError, match="page_size"):
        client.annotations.list(page_size=0)
    for threshold in (-0.1, 1.5, True, "0.5"):
        with pytest.raises(ConfigurationError, match="score_threshold"):
            driver.run(
                client.annotations.enable_reply(**{**EMBEDDING, "score_threshold": threshold})
            )
    with pytest.raises(ConfigurationError, match="embedding_model_name"):
        driver.run(client.annotations.disable_reply(**{**EMBEDDING, "embedding_model_name": ""}))
    with pytest.raises(ConfigurationError, match="action"):
        driver.run(client.annotations.reply_job("pause", UNKNOWN))
    for wait_timeout in (-1, float("nan"), float("inf"), True, "5"):
        with pytest.raises(ConfigurationError, match="wait_timeout must be a finite number"):
            driver.run(
                client.annotations.enable_reply(**EMBEDDING, wait=True, wait_timeout=wait_timeout)
            )

    assert server.requests == []


def test_create_is_not_sent_twice_but_update_is_retried(server, driver):
    client = driver.client(server)
    note_id = server.add_annotation("q", "a")
    server.inject_fault(Fault.status(503), route="annotations.create", times=1)
    server.inject_fault(Fault.status(503), route="annotations.update", times=1)

    with pytest.raises(InternalServerError):
        driver.run(client.annotations.create("q2", "a2"))
    updated = driver.run(client.annotations.update(note_id, question="q3", answer="a3"))

    assert updated.question == "q3"
    assert [r.method for r in server.requests] == ["POST", "PUT", "PUT"]


def test_enable_reply_starts_a_job_that_completes(server, driver):
    client = driver.client(server)

    job = driver.run(client.annotations.enable_reply(**EMBEDDING))

    assert isinstance(job, AnnotationReplyJob)
    assert (job.action, job.status, job.done) == ("enable", "waiting", False)
    assert requests_to(server, "/apps/annotation-reply/enable")[-1].json == EMBEDDING
    ended = driver.run(job.wait(client))
    assert (ended.job_id, ended.status, ended.error_message) == (job.job_id, "completed", None)
    assert driver.run(client.annotations.reply_job("enable", job.job_id)).status == "completed"


def test_enable_reply_with_wait_returns_the_ended_job(server, driver):
    client = driver.client(server)

    job = driver.run(client.annotations.enable_reply(**EMBEDDING, wait=True))

    assert job.status == "completed"
    polls = requests_to(server, f"/status/{job.job_id}")
    assert len(polls) >= 1


def test_a_failing_job_raises_with_the_servers_message(server, driver):
    server.add_app(API_KEY, embedding_models={"openai": ["text-embedding-3-small"]})
    server.add_annotation("q", "a")
    client = driver.client(server)

    with pytest.raises(AnnotationReplyJobError, match="does not exist") as caught:
        driver.run(
            client.annotations.enable_reply(
                **{**EMBEDDING, "embedding_model_name": "text-embedding-ada-002"}, wait=True
            )
        )

    assert caught.value.job.status == "error"
    assert "text-embedding-ada-002" in caught.value.message


def test_disable_after_enable_completes(server, driver):
    client = driver.client(server)
    driver.run(client.annotations.enable_reply(**EMBEDDING, wait=True))

    job = driver.run(client.annotations.disable_reply(**EMBEDDING, wait=True))

    assert (job.action, job.status) == ("disable", "completed")


def test_a_job_that_never_ends_times_out(server, driver):
    client = driver.client(server)
    # Disabling replies that were never enabled: the server's job stays waiting.
    job = driver.run(client.annotations.disable_reply(**EMBEDDING))

    with pytest.raises(APITimeoutError, match="still waiting"):
        driver.run(job.wait(client, timeout=0.3))


def test_a_wait_that_times_out_carries_the_job(server, driver):
    client = driver.client(server)

    with pytest.raises(AnnotationReplyJobTimeoutError) as caught:
        # Disabling replies that were never enabled: the server's job stays waiting.
        driver.run(client.annotations.disable_reply(**EMBEDDING, wait=True, wait_timeout=0.3))

    started = requests_to(server, "/apps/annotation-reply/disable")
    assert len(started) == 1
    job = caught.value.job
    assert isinstance(caught.value, APITimeoutError)
    assert (job.action, job.status) == ("disable", "waiting")
    assert requests_to(server, f"/status/{job.job_id}") != []
    assert "disable_reply(wait=True)" in str(caught.value)
    # The job goes on: asking for it again starts nothing new.
    assert driver.run(client.annotations.reply_job("disable", job.job_id)).job_id == job.job_id
    assert len(requests_to(server, "/apps/annotation-reply/disable")) == 1


def test_a_wait_names_what_was_called(server, driver):
    client = driver.client(server)
    job = driver.run(client.annotations.disable_reply(**EMBEDDING))

    with pytest.raises(AnnotationReplyJobTimeoutError, match=r"AnnotationReplyJob\.wait"):
        driver.run(job.wait(client, timeout=0.2))
    with pytest.raises(AnnotationReplyJobTimeoutError, match="wait_for_job"):
        driver.run(client.annotations.wait_for_job(job, timeout=0.2))
    with pytest.raises(ConfigurationError, match="wait_for_job takes an AnnotationReplyJob"):
        driver.run(client.annotations.wait_for_job(job.job_id))


def test_waiting_polls_with_the_callers_options(server, driver):
    client = driver.client(server)
    server.inject_fault(Fault.status(503), route="annotations.reply_job", times=1)

    with pytest.raises(InternalServerError):
        driver.run(client.annotations.enable_reply(**EMBEDDING, wait=True, max_retries=0))

    assert len(requests_to(server, "/apps/annotation-reply/enable")) == 1
    assert len([r for r in server.requests if "/status/" in r.path]) == 1


def test_a_job_asked_under_the_other_action_does_not_exist(server, driver):
    client = driver.client(server)
    job = driver.run(client.annotations.enable_reply(**EMBEDDING))

    with pytest.raises(InvalidParamError, match="The job does not exist"):
        driver.run(client.annotations.reply_job("disable", job.job_id))


def test_a_lost_answer_to_enable_is_not_resent(server, driver):
    with AnswerLosingProxy(server, lose=1) as proxy:
        client = driver.client(
            server, base_url=proxy.base_url, retry_policy=RetryPolicy(initial_delay=0.01)
        )

        with pytest.raises(APIConnectionError):
            driver.run(client.annotations.enable_reply(**EMBEDDING))

    assert [r.method for r in server.requests] == ["POST"]

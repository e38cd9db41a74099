"""The committed generated client provides everything ``dify_chatflow._api`` binds to.

When it does not (a regeneration moved a name), importing the overlay fails with one
``GeneratedBindingError`` naming what moved. The clients send what the generated request
builders build, so a builder that takes other arguments or builds another request is
named by :func:`request_builder_problems`.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _generation_support import PACKAGE, REPO_ROOT, contract_problems, python_with_generated
from dify_chatflow import _api

CONVERSATION = uuid.UUID("0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47")
VARIABLE = uuid.UUID("7c1e9d34-8f2a-4b6c-a5d0-3e4f5a6b7c8d")
LAST = uuid.UUID("e2d3c4b5-a697-4881-9a0b-1c2d3e4f5a6b")
OPERATIONS = "dify_chatflow_api.api.conversations."

AFTER_THE_NAME = (
    "; regenerate it with `make generate` from a spec that documents "
    "PUT /conversations/{conversation_id}/variables/{variable_id} "
    "and GET /conversations/{conversation_id}/variables"
)


def test_every_bound_name_is_bound_with_the_parameters_the_overlay_passes() -> None:
    assert contract_problems() == []


def test_the_bound_functions_are_the_generated_operations() -> None:
    assert _api.update_variable.__name__ == (
        "dify_chatflow_api.api.conversations.update_chatflow_conversation_variable"
    )
    assert _api.list_variables.__name__ == (
        "dify_chatflow_api.api.conversations.get_advanced_conversation_variables"
    )


def request_builder_problems() -> list[str]:
    """How the bound request builders differ from what the clients send; empty when whole.

    Imports ``dify_chatflow._api``, so call it in a subprocess to check another tree.
    """
    from dify_chatflow import _api

    expected: dict[str, tuple[Callable[[], dict[str, Any]], dict[str, Any]]] = {
        "build_update_request": (
            lambda: _api.build_update_request(
                conversation_id=CONVERSATION,
                variable_id=VARIABLE,
                body=_api.ConversationVariableUpdateRequest(value=["a", 1], user="u-1"),
            ),
            {
                "method": "PUT",
                "url": f"/conversations/{CONVERSATION}/variables/{VARIABLE}",
                "json": {"value": ["a", 1], "user": "u-1"},
                "headers": {"content-type": "application/json"},
            },
        ),
        "build_list_request": (
            lambda: _api.build_list_request(
                conversation_id=CONVERSATION, user="u-1", last_id=LAST, limit=100
            ),
            {
                "method": "GET",
                "url": f"/conversations/{CONVERSATION}/variables",
                "params": {"user": "u-1", "last_id": str(LAST), "limit": 100},
            },
        ),
    }
    problems = []
    for name, (build, wanted) in expected.items():
        try:
            built = build()
        except TypeError as exc:
            problems.append(f"_api.{name} does not take the arguments the clients pass: {exc}")
            continue
        seen = dict(built)
        seen["method"] = str(seen.get("method")).upper()
        if "headers" in seen:
            seen["headers"] = {key.lower(): value for key, value in seen["headers"].items()}
        if seen != wanted:
            problems.append(f"_api.{name} builds {seen}, the clients expect {wanted}")
    return problems


def test_the_request_builders_build_what_the_clients_send() -> None:
    assert request_builder_problems() == []


def test_the_request_builders_are_the_generated_operations_builders() -> None:
    builders = {
        "build_update_request": _api.build_update_request,
        "build_list_request": _api.build_list_request,
    }
    assert {name: f"{b.__module__}.{b.__name__}" for name, b in builders.items()} == {
        "build_update_request": OPERATIONS + "update_chatflow_conversation_variable._get_kwargs",
        "build_list_request": OPERATIONS + "get_advanced_conversation_variables._get_kwargs",
    }


def test_the_update_body_leaves_user_out_unless_given() -> None:
    assert _api.ConversationVariableUpdateRequest(value=[1, 2]).to_dict() == {"value": [1, 2]}
    assert _api.ConversationVariableUpdateRequest(value="x", user="u-1").to_dict() == {
        "value": "x",
        "user": "u-1",
    }


def _remove_module(tree: Path) -> None:
    (tree / "api" / "conversations" / "get_advanced_conversation_variables.py").unlink()


def _rename_model(tree: Path) -> None:
    # What an unpinned upstream schema rename would do to the models package.
    init = tree / "models" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    renamed = text.replace(
        "import ConversationVariableItem\n", "import ConversationVariableItem as VariableRecord\n"
    ).replace('"ConversationVariableItem",', '"VariableRecord",')
    assert renamed != text
    init.write_text(renamed, encoding="utf-8")


def _drop_update_builder(tree: Path) -> None:
    module = tree / "api" / "conversations" / "update_chatflow_conversation_variable.py"
    _edit(module, "def _get_kwargs(", "def _build_kwargs(", count=-1)
    _edit(module, "kwargs = _get_kwargs(", "kwargs = _build_kwargs(", count=-1)


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.mark.parametrize(
    ("break_tree", "missing"),
    [
        pytest.param(
            _drop_update_builder,
            OPERATIONS + "update_chatflow_conversation_variable._get_kwargs",
            id="request-builder-gone",
        ),
        pytest.param(
            _remove_module,
            "dify_chatflow_api.api.conversations.get_advanced_conversation_variables",
            id="module-gone",
        ),
        pytest.param(
            _rename_model, "dify_chatflow_api.models.ConversationVariableItem", id="model-renamed"
        ),
    ],
)
def test_a_moved_name_fails_the_import_with_one_message_naming_it(
    tmp_path: Path, break_tree: Callable[[Path], None], missing: str
) -> None:
    tree = tmp_path / PACKAGE
    shutil.copytree(REPO_ROOT / "generated" / PACKAGE, tree)
    break_tree(tree)

    result = python_with_generated(tmp_path, "import dify_chatflow._api")

    assert result.returncode == 1
    assert "During handling of the above exception" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"dify_chatflow._api.GeneratedBindingError: the generated client has no {missing}"
        + AFTER_THE_NAME
    )


def test_the_binding_error_is_an_import_error_of_the_package_hierarchy() -> None:
    from dify_chatflow import DifyError

    assert issubclass(_api.GeneratedBindingError, ImportError)
    assert issubclass(_api.GeneratedBindingError, DifyError)


def _tree_copy(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A copy of the committed generated tree with ``(module, old, new)`` edits applied."""
    tree = tmp_path / PACKAGE
    shutil.copytree(REPO_ROOT / "generated" / PACKAGE, tree)
    for module, old, new in edits:
        _edit(tree / "api" / "conversations" / f"{module}.py", old, new)
    return tmp_path


CHECK_BUILDERS = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "from test_generated_contract import request_builder_problems; "
    "print(json.dumps(request_builder_problems()))"
)
TESTS = str(REPO_ROOT / "tests")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        pytest.param(
            (
                "update_chatflow_conversation_variable",
                '_kwargs["json"] = body.to_dict()',
                '_kwargs["data"] = body.to_dict()',
            ),
            "_api.build_update_request builds {'method': 'PUT', 'url': "
            f"'/conversations/{CONVERSATION}/variables/{VARIABLE}', 'data': ",
            id="form-body",
        ),
        pytest.param(
            ("get_advanced_conversation_variables", "    last_id: UUID", "    after: UUID"),
            "_api.build_list_request does not take the arguments the clients pass: ",
            id="parameter-renamed",
        ),
    ],
)
def test_a_changed_request_builder_is_named(
    tmp_path: Path, edit: tuple[str, str, str], problem: str
) -> None:
    run = python_with_generated(_tree_copy(tmp_path, edit), CHECK_BUILDERS, TESTS)
    assert run.returncode == 0, run.stderr
    (only,) = json.loads(run.stdout)
    assert only.startswith(problem)


SEND_THROUGH_CLIENT = """
import json
from dify_chatflow import ChatflowClient, DifyError
from dify_chatflow.testing import DifyTestServer

with DifyTestServer(api_key="app-k") as server:
    conv = server.add_conversation(
        user="u-1", variables=[{"name": "n", "value_type": "number", "value": 1}]
    )
    var = server.variable(conv, "n").id
    with ChatflowClient(api_key="app-k", base_url=server.base_url, user="u-1") as client:
        try:
            updated = client.variables.update(conv, var, 2)
            outcome = [updated.value, client.variables.get(conv, "n").value]
        except DifyError as exc:
            outcome = [type(exc).__name__, str(exc)]
    sent = [[r.method, r.path, r.headers.get("x-built-by"), dict(r.query)] for r in server.requests]
print(json.dumps({"outcome": outcome, "sent": sent, "conv": conv, "var": str(var)}))
"""


def test_the_clients_send_the_requests_the_generated_builders_build(tmp_path: Path) -> None:
    tree = _tree_copy(
        tmp_path,
        (
            "update_chatflow_conversation_variable",
            'headers["Content-Type"] = "application/json"',
            'headers["Content-Type"] = "application/json"; headers["X-Built-By"] = "generated"',
        ),
        ("get_advanced_conversation_variables", 'params["limit"] = limit', 'params["limit"] = 7'),
    )
    run = python_with_generated(tree, SEND_THROUGH_CLIENT)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    assert report["outcome"] == [2, 2]
    update, listing = report["sent"]
    assert update == [
        "PUT",
        f"/v1/conversations/{report['conv']}/variables/{report['var']}",
        "generated",
        {},
    ]
    assert listing == [
        "GET",
        f"/v1/conversations/{report['conv']}/variables",
        None,
        {"user": "u-1", "limit": "7"},
    ]


def test_a_builder_passing_what_the_clients_cannot_send_fails_before_sending(
    tmp_path: Path,
) -> None:
    tree = _tree_copy(
        tmp_path,
        (
            "update_chatflow_conversation_variable",
            '_kwargs["json"] = body.to_dict()',
            '_kwargs["files"] = body.to_dict()',
        ),
    )
    run = python_with_generated(tree, SEND_THROUGH_CLIENT)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    name, message = report["outcome"]
    assert name == "GeneratedBindingError"
    assert "passes ['files'] to httpx, which dify_chatflow does not send" in message
    assert report["sent"] == []

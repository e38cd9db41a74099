"""The committed generated client provides every operation of the overlay's registry.

Each registry entry is generated as ``api/<tag>/<operation>.py`` with a public
``build_request``, and ``_binding`` builds with it exactly the request the registry
describes. A tree without an operation fails only the methods that need it, with one
sentence naming the method + path; a builder that changed is named by the contract check.
"""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

import pytest
from _generation_support import (
    CONVERSATION,
    OTHER,
    PACKAGE,
    REPO_ROOT,
    contract_problems,
    contract_samples,
    documented_operations,
    python_with_generated,
)
from dify_chatflow import (
    ChatflowClient,
    DifyError,
    GeneratedBindingError,
    OperationUnavailableError,
    _binding,
    _registry,
)
from dify_chatflow_api.client import AuthenticatedClient
from generate import BUILD_REQUEST_TEMPLATE, ENDPOINT_TEMPLATE, compose_templates, stock_template

GENERATED = REPO_ROOT / "generated" / PACKAGE
TESTS = str(REPO_ROOT / "tests")
# What the vendored spec documents: an older upstream spec lacks some operations.
DOCUMENTED = documented_operations(REPO_ROOT / "openapi_chatflow.json")


def test_every_documented_operation_builds_the_request_the_registry_describes() -> None:
    assert contract_problems(DOCUMENTED) == []


def test_every_registry_operation_has_a_contract_sample() -> None:
    samples, missing = contract_samples()
    assert missing == []
    assert sorted(samples) == sorted(op.name for op in _registry.OPERATIONS)


def test_a_query_parameter_the_registry_row_lacks_is_refused_before_building() -> None:
    with pytest.raises(GeneratedBindingError, match=r"messages\.suggested\(\) passes query"):
        _binding.build("messages.suggested", OTHER, query={"user": "u", "limit": 1})


@pytest.mark.parametrize("operation", _registry.OPERATIONS, ids=lambda op: op.name)
def test_every_documented_operation_is_generated_with_a_public_builder(
    operation: _registry.Operation,
) -> None:
    if operation.name not in DOCUMENTED:
        with pytest.raises(ImportError):
            importlib.import_module(_registry.module_name(operation))
        return
    module = importlib.import_module(_registry.module_name(operation))
    assert callable(module.build_request)
    assert callable(module.sync_detailed)


def test_the_registry_names_each_operation_once() -> None:
    names = [op.name for op in _registry.OPERATIONS]
    shapes = [(op.method, _registry.path_shape(op.path)) for op in _registry.OPERATIONS]
    assert len(set(names)) == len(names)
    assert len(set(shapes)) == len(shapes)
    assert [op.name for op in _registry.OPERATIONS if op.required] == [
        "variables.update",
        "variables.list",
    ]


def test_the_endpoint_template_is_the_generators_own_plus_build_request(tmp_path: Path) -> None:
    composed = (compose_templates(tmp_path) / ENDPOINT_TEMPLATE).read_text(encoding="utf-8")
    stock = stock_template(ENDPOINT_TEMPLATE)
    assert composed.startswith(stock.rstrip("\n") + "\n")
    assert composed.endswith(BUILD_REQUEST_TEMPLATE.read_text(encoding="utf-8"))
    # The stock template still defines what build_request delegates to.
    assert "def _get_kwargs(" in stock


def test_build_request_is_the_request_sync_detailed_sends() -> None:
    from dify_chatflow_api.api.variables import update_conversation_variable
    from dify_chatflow_api.models import ConversationVariableUpdateRequest

    body = ConversationVariableUpdateRequest.from_dict({"value": 1, "user": "u"})
    assert update_conversation_variable.build_request(CONVERSATION, OTHER, body=body) == (
        update_conversation_variable._get_kwargs(CONVERSATION, OTHER, body=body)
    )


def test_client_generated_is_the_typed_generated_client() -> None:
    with ChatflowClient(api_key="app-k", base_url="http://127.0.0.1:9/v1", user="u") as client:
        generated = client.generated
        assert isinstance(generated, AuthenticatedClient)
        assert generated.get_httpx_client() is client.http_client
        assert "app-k" not in repr(generated)


def test_the_binding_errors_belong_to_the_package_hierarchy() -> None:
    assert issubclass(OperationUnavailableError, GeneratedBindingError)
    assert issubclass(GeneratedBindingError, ImportError)
    assert issubclass(GeneratedBindingError, DifyError)


def _tree_without(tmp_path: Path, *relative: str) -> Path:
    tree = tmp_path / PACKAGE
    shutil.copytree(GENERATED, tree)
    for path in relative:
        (tree / path).unlink()
    return tmp_path


MISSING_RUN = """
import json
from dify_chatflow import ChatflowClient, DifyError, OperationUnavailableError, _binding
from dify_chatflow.testing import DifyTestServer

with DifyTestServer(api_key="app-k") as server:
    conv = server.add_conversation(
        user="u-1", variables=[{"name": "n", "value_type": "number", "value": 1}]
    )
    with ChatflowClient(api_key="app-k", base_url=server.base_url, user="u-1") as client:
        value = client.variables.set(conv, "n", 2).value
try:
    _binding.build("workflows.get_run", __import__("uuid").uuid4())
    outcome = None
except OperationUnavailableError as exc:
    outcome = [type(exc).__name__, str(exc)]
print(json.dumps({"value": value, "outcome": outcome}))
"""


def test_a_missing_operation_fails_only_the_methods_that_need_it(tmp_path: Path) -> None:
    if "workflows.get_run" not in DOCUMENTED:
        pytest.skip("the vendored spec does not document GET /workflows/run/{id}")
    tree = _tree_without(tmp_path, "api/workflows/get_workflow_run.py")
    run = python_with_generated(tree, MISSING_RUN)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    assert report["value"] == 2  # the variables still work
    assert report["outcome"] == [
        "OperationUnavailableError",
        "workflows.get_run() needs GET /workflows/run/{workflow_run_id}, which the generated "
        "client lacks: it was generated from a spec that does not document it; regenerate "
        "with `make generate` from a spec that does",
    ]


CHECK_CONTRACT = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "from _generation_support import contract_problems; "
    "print(json.dumps(contract_problems()))"
)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "old", "new", "problem"),
    [
        pytest.param(
            "variables/update_conversation_variable.py",
            '_kwargs["json"] = body.to_dict()',
            '_kwargs["data"] = body.to_dict()',
            "variables.update: builds {'method': 'PUT', 'url': "
            f"'/conversations/{CONVERSATION}/variables/{OTHER}', 'data': ",
            id="form-body",
        ),
        pytest.param(
            "messages/list_messages.py",
            "    first_id: UUID",
            "    before: UUID",
            "messages.list: the generated builder does not take what the overlay passes: ",
            id="parameter-renamed",
        ),
        pytest.param(
            "chat/send_chat_message.py",
            '"url": "/chat-messages",',
            '"url": "/chat-messages/",',
            "chat.send: builds {'method': 'POST', 'url': '/chat-messages/'",
            id="path-changed",
        ),
    ],
)
def test_a_changed_request_builder_is_named(
    tmp_path: Path, module: str, old: str, new: str, problem: str
) -> None:
    tree = tmp_path / PACKAGE
    shutil.copytree(GENERATED, tree)
    _edit(tree / "api" / module, old, new)
    run = python_with_generated(tmp_path, CHECK_CONTRACT, TESTS)
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
    tree = tmp_path / PACKAGE
    shutil.copytree(GENERATED, tree)
    _edit(
        tree / "api" / "variables" / "update_conversation_variable.py",
        'headers["Content-Type"] = "application/json"',
        'headers["Content-Type"] = "application/json"; headers["X-Built-By"] = "generated"',
    )
    _edit(
        tree / "api" / "variables" / "list_conversation_variables.py",
        'params["limit"] = limit',
        'params["limit"] = 7',
    )
    run = python_with_generated(tmp_path, SEND_THROUGH_CLIENT)
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
    tree = tmp_path / PACKAGE
    shutil.copytree(GENERATED, tree)
    _edit(
        tree / "api" / "variables" / "update_conversation_variable.py",
        '_kwargs["json"] = body.to_dict()',
        '_kwargs["data"] = body.to_dict()',
    )
    run = python_with_generated(tmp_path, SEND_THROUGH_CLIENT)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    name, message = report["outcome"]
    assert name == "GeneratedBindingError"
    assert "passes ['data'] to httpx, which dify_chatflow does not send" in message
    assert report["sent"] == []


def test_the_upload_request_lets_httpx_choose_the_multipart_boundary() -> None:
    import io

    part = _binding.Upload(io.BytesIO(b"--+++\r\n"), "a.txt", "text/plain")
    request = _binding.build("files.upload", body={"file": part, "user": "u"})
    assert "headers" not in request  # the generated header fixes the boundary to "+++"

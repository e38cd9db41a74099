"""dify_chatflow.codegen: an app's input form, served by the embedded server, as a module
holding a TypedDict that mypy --strict and ruff accept, and that mypy holds callers to."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import types
import typing
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import pytest
from dify_chatflow import (
    AppParameters,
    ChatflowClient,
    ConfigurationError,
    FileRef,
    JSONValue,
    UploadedFile,
)
from dify_chatflow.codegen import form_fingerprint, inputs_class_name, render_inputs_module
from dify_chatflow.testing import DifyTestServer
from mypy_support import marked_errors, mypy_errors

API_KEY = "app-codegen"

EVERY_CONTROL: list[dict[str, Any]] = [
    {"text-input": {"variable": "topic", "label": "Topic", "required": True, "max_length": 48}},
    {"paragraph": {"variable": "notes", "label": "Notes", "required": False, "max_length": 500}},
    {"select": {"variable": "plan", "label": "Plan", "required": True, "options": ["free", "pro"]}},
    {"number": {"variable": "seats", "label": "Seats", "required": False, "default": 3}},
    {"checkbox": {"variable": "vip", "label": "VIP", "required": False}},
    {"file": {"variable": "contract", "label": "Contract", "required": False}},
    {"file-list": {"variable": "scans", "label": "Scans", "required": False, "max_length": 2}},
    {"json_object": {"variable": "profile", "label": "Profile", "required": False}},
    {"external_data_tool": {"variable": "weather", "label": "Weather", "required": False}},
]

# Names a class body cannot hold as they are (and one it can: a soft keyword).
AWKWARD: list[dict[str, Any]] = [
    {"text-input": {"variable": "class", "label": "Class", "required": True}},
    {"text-input": {"variable": "order-id", "label": "Order", "required": False}},
    {"number": {"variable": "1st_try", "label": "First try", "required": False}},
    {
        "select": {
            "variable": "名前",
            "label": "名前\uff08なまえ\uff09",
            "options": ["太郎", "花子"],
        }
    },
    {"checkbox": {"variable": "__hidden", "label": "Hidden", "required": False}},
    {"text-input": {"variable": "ﬁle", "label": "Ligature", "required": False}},
    {"text-input": {"variable": "match", "label": "Soft keyword", "required": False}},
    # Text a reader (and ruff) could take for ASCII: escaped in strings, plain in comments.
    {
        "select": {
            "variable": "grade",
            "label": "Grade \u2013 \u201cfinal\u201d \u00d7 2",
            "description": "First line\nsecond line\u200b",
            "options": ["\u0391", "a\u2013b", "caf\u00e9", "x\u3001y"],
        }
    },
    {"external_data_tool": {"variable": "crm\nlookup", "label": "CRM", "required": False}},
]

LONG_OPTIONS = [f"option number {n} with a long name" for n in range(6)] + ['say "hi"']


def served(
    form: list[dict[str, Any]],
    *,
    dialect: Literal["1.10", "1.16"] = "1.16",
    name: str = "Support bot",
) -> tuple[AppParameters, str]:
    """The app's parameters as a client reads them from the embedded server, and the
    ``X-Version`` the server answered with."""
    versions: list[str] = []
    with DifyTestServer(api_key=API_KEY, dialect=dialect) as server:
        server.add_app(API_KEY, user_input_form=form, name=name)
        with ChatflowClient(api_key=API_KEY, base_url=server.base_url) as client:
            client.http_client.event_hooks["response"].append(
                lambda response: versions.append(response.headers["x-version"])
            )
            return client.app.parameters(), versions[-1]


def loaded(source: str, name: str) -> Any:
    """Run the module's text; return the object it defines as ``name``."""
    module = types.ModuleType("generated_inputs")
    exec(compile(source, "generated_inputs.py", "exec", dont_inherit=True), module.__dict__)
    return getattr(module, name)


def header_of(source: str) -> str:
    """The module's leading comment, its lines joined."""
    lines = source.split('"""', 1)[0].splitlines()
    return " ".join(line.removeprefix("# ") for line in lines)


def hints(typed_dict: Any) -> dict[str, Any]:
    """The keys' types, ``Required[...]`` taken off."""
    return {
        key: typing.get_args(value)[0] if typing.get_origin(value) is typing.Required else value
        for key, value in typed_dict.__annotations__.items()
    }


@pytest.mark.parametrize("dialect", ["1.10", "1.16"])
def test_every_control_type_becomes_its_python_type(dialect):
    parameters, version = served(EVERY_CONTROL, dialect=dialect)

    source = render_inputs_module(parameters, "SupportInputs", dify_version=version)
    inputs = loaded(source, "SupportInputs")

    assert hints(inputs) == {
        "topic": str,
        "notes": str,
        "plan": Literal["free", "pro"],
        "seats": int | float,
        "vip": bool,
        "contract": UploadedFile | FileRef,
        "scans": list[UploadedFile | FileRef],
        "profile": dict[str, JSONValue],
    }
    assert inputs.__required_keys__ == {"topic", "plan"}
    assert inputs.__total__ is False
    assert re.search(r"^class SupportInputs\(TypedDict, total=False\):$", source, re.M)
    assert f"Dify {dialect}.1 served it" in header_of(source)


def test_labels_limits_and_defaults_are_comments_above_their_keys():
    parameters, _ = served(EVERY_CONTROL)

    source = render_inputs_module(parameters, "SupportInputs")

    assert (
        "    # Topic: text-input; required; at most 48 characters\n    topic: Required[str]\n"
        in (source)
    )
    assert "    # Scans: file-list; at most 2 files\n    scans: list[" in source
    assert "    # Seats: number; default 3\n    seats: int | float\n" in source


def test_the_header_names_the_app_the_version_and_what_was_left_out():
    parameters, version = served(EVERY_CONTROL, dialect="1.10")

    source = render_inputs_module(
        parameters, "SupportInputs", app_name="Support bot", dify_version=version
    )

    header = header_of(source)
    assert '"Support bot"' in header
    assert "Dify 1.10.1" in header
    assert form_fingerprint(parameters) in header
    assert "No time is recorded" in header
    assert "'weather'" in header  # an external data tool: the server fills it in
    assert "weather:" not in source


def test_the_time_is_written_only_when_asked():
    parameters, _ = served(EVERY_CONTROL)
    moment = datetime(2026, 12, 5, 21, 30, 15, tzinfo=timezone(timedelta(hours=2)))

    source = render_inputs_module(parameters, "SupportInputs", generated_at=moment)

    assert "Generated at 2026-12-05 19:30:15 UTC." in header_of(source)
    with pytest.raises(ConfigurationError, match="aware datetime"):
        render_inputs_module(parameters, "SupportInputs", generated_at=datetime(2026, 12, 5))


def test_the_same_form_gives_the_same_bytes_and_another_form_another_fingerprint():
    first, version = served(EVERY_CONTROL)
    reordered = [{control: dict(reversed(settings.items()))} for item in EVERY_CONTROL
                 for control, settings in item.items()]  # fmt: skip
    again, _ = served(reordered)
    relabelled = [*EVERY_CONTROL[:-1], {"paragraph": {"variable": "extra", "label": "Extra"}}]
    changed, _ = served(relabelled)

    def render(parameters: AppParameters) -> str:
        return render_inputs_module(
            parameters, "SupportInputs", app_name="Support bot", dify_version=version
        )

    assert render(first).encode() == render(again).encode()
    assert form_fingerprint(changed) != form_fingerprint(first)
    assert "extra: str" in render(changed)


def test_awkward_names_use_the_functional_form_with_their_exact_keys():
    parameters, _ = served(AWKWARD)

    source = render_inputs_module(parameters, "AwkwardInputs")
    inputs = loaded(source, "AwkwardInputs")

    assert "AwkwardInputs = TypedDict(" in source
    assert list(hints(inputs)) == [
        "class",
        "order-id",
        "1st_try",
        "名前",
        "__hidden",
        "ﬁle",  # not normalised to "file", as a class attribute would be
        "match",
        "grade",
    ]
    assert inputs.__required_keys__ == {"class"}
    assert hints(inputs)["名前"] == Literal["太郎", "花子"]
    assert hints(inputs)["grade"] == Literal["\u0391", "a\u2013b", "caf\u00e9", "x\u3001y"]
    assert '"\\u0391", "a\\u2013b", "café", "x\\u3001y"' in source
    assert '# Grade - "final" x 2: select\n        # First line second line\n' in source


def test_names_a_class_body_can_hold_use_the_class_form():
    parameters, _ = served([{"text-input": {"variable": "match", "required": True}}])

    source = render_inputs_module(parameters, "SoftInputs")

    assert "class SoftInputs(TypedDict, total=False):" in source
    assert loaded(source, "SoftInputs").__required_keys__ == {"match"}


def test_an_empty_select_takes_no_value_and_an_unknown_control_any_json():
    form: list[dict[str, Any]] = [
        {"select": {"variable": "size", "label": "Size", "options": []}},
        {"rating": {"variable": "stars", "label": "Stars", "required": True}},
    ]
    parameters, _ = served(form)

    inputs = loaded(render_inputs_module(parameters, "OddInputs"), "OddInputs")

    assert hints(inputs) == {"size": typing.Never, "stars": JSONValue}


def test_a_form_without_inputs_gives_an_empty_typed_dict():
    parameters, _ = served([])

    inputs = loaded(render_inputs_module(parameters, "NothingInputs"), "NothingInputs")

    assert hints(inputs) == {}


@pytest.mark.parametrize(
    "class_name", ["", "class", "my-inputs", "Nämen", "TypedDict", "Required", "UploadedFile"]
)
def test_a_class_name_that_cannot_be_used_is_refused(class_name):
    parameters = AppParameters.from_json({"user_input_form": []})

    with pytest.raises(ConfigurationError, match="class name"):
        render_inputs_module(parameters, class_name)


@pytest.mark.parametrize(
    ("app_name", "class_name"),
    [
        ("Support bot", "SupportBotInputs"),
        ("customer-care v2", "CustomerCareV2Inputs"),
        ("3D printer help", "App3DPrinterHelpInputs"),
        ("客服", "AppInputs"),
        ("Order Inputs", "OrderInputs"),
    ],
)
def test_the_default_class_name_comes_from_the_apps_name(app_name, class_name):
    assert inputs_class_name(app_name) == class_name


def test_the_raw_parameters_json_works_as_well_as_the_model():
    parameters, _ = served(EVERY_CONTROL)
    raw = {"user_input_form": EVERY_CONTROL}

    assert render_inputs_module(raw, "SupportInputs") == render_inputs_module(
        parameters, "SupportInputs"
    )


# --- mypy and ruff on the generated modules ---------------------------------------------

USES = textwrap.dedent(
    """\
    from dify_chatflow import AsyncChatflowClient, ChatflowClient, UploadedFile

    from awkward_inputs import AwkwardInputs
    from long_inputs import LongInputs
    from support_inputs import SupportInputs


    def send(client: ChatflowClient, upload: UploadedFile) -> str:
        inputs: SupportInputs = {
            "topic": "billing",
            "plan": "pro",
            "seats": 2.5,
            "vip": True,
            "contract": upload,
            "scans": [upload, {"type": "image", "transfer_method": "remote_url", "url": "u"}],
            "profile": {"city": "Lyon", "tags": ["a", 1, None]},
        }
        again: SupportInputs = {"topic": "b", "plan": "free", "contract": upload.as_chat_file()}
        client.chat.send("Again", inputs=again)
        return client.chat.send("Hello", inputs=inputs).answer


    async def stream(client: AsyncChatflowClient) -> None:
        inputs: AwkwardInputs = {"class": "B", "名前": "花子", "ﬁle": "x", "1st_try": 1}
        async with client.chat.stream("Hello", inputs=inputs) as events:
            async for _ in events:
                pass


    def chosen(plan: str) -> LongInputs:
        return {"choice": "say \\"hi\\""}
    """
)

MISUSES = textwrap.dedent(
    """\
    from dify_chatflow import ChatflowClient

    from awkward_inputs import AwkwardInputs
    from support_inputs import SupportInputs

    a: SupportInputs = {"tpoic": "b", "topic": "b", "plan": "pro"}  # error: typeddict-unknown-key
    b: SupportInputs = {"topic": "billing", "plan": "gold"}  # error: typeddict-item
    c: SupportInputs = {"topic": "billing"}  # error: typeddict-item
    d: SupportInputs = {"topic": "b", "plan": "pro", "seats": "3"}  # error: typeddict-item
    e: SupportInputs = {"topic": "b", "plan": "pro", "vip": "yes"}  # error: typeddict-item
    f: AwkwardInputs = {"名前": "太郎"}  # error: typeddict-item
    g: AwkwardInputs = {"class": "B", "名前": "次郎"}  # error: typeddict-item


    def send(client: ChatflowClient) -> None:
        sent: SupportInputs = {"topic": "b", "plan": "pro", "vp": 1}  # error: typeddict-unknown-key
        client.chat.send("Hello", inputs=sent)
    """
)


@pytest.fixture(scope="module")
def generated_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three generated modules (every control type, awkward names, a long select) and
    two files that use them, rightly and wrongly."""
    folder = tmp_path_factory.mktemp("codegen")
    long_form = [{"select": {"variable": "choice", "label": "Choice", "options": LONG_OPTIONS}}]
    for file_name, form, class_name in (
        ("support_inputs.py", EVERY_CONTROL, "SupportInputs"),
        ("awkward_inputs.py", AWKWARD, "AwkwardInputs"),
        ("long_inputs.py", long_form, "LongInputs"),
    ):
        parameters, version = served(form)
        module = render_inputs_module(
            parameters, class_name, app_name="Support bot", dify_version=version
        )
        (folder / file_name).write_text(module, encoding="utf-8")
    (folder / "uses.py").write_text(USES, encoding="utf-8")
    (folder / "misuses.py").write_text(MISUSES, encoding="utf-8")
    return folder


def test_a_long_select_is_split_one_option_a_line(generated_folder):
    source = (generated_folder / "long_inputs.py").read_text(encoding="utf-8")

    assert '    choice: Literal[\n        "option number 0 with a long name",\n' in source
    assert "        'say \"hi\"',\n    ]\n" in source
    assert max(len(line) for line in source.splitlines()) <= 88


def test_mypy_strict_accepts_the_modules_and_reports_each_misuse(generated_folder, repo_root):
    files = ["support_inputs.py", "awkward_inputs.py", "long_inputs.py", "uses.py", "misuses.py"]

    reported = mypy_errors(generated_folder, files, repo_root / "pyproject.toml")

    expected = marked_errors(MISUSES)
    assert len(expected) == 8
    assert {name: errors for name, errors in reported.items() if errors} == {"misuses.py": expected}


def test_ruff_accepts_the_modules_under_the_projects_rules_and_its_formatter(
    generated_folder, repo_root
):
    modules = ["support_inputs.py", "awkward_inputs.py", "long_inputs.py"]
    ruff = str(Path(sys.executable).with_name("ruff"))

    checked = subprocess.run(
        [ruff, "check", "--config", str(repo_root / "pyproject.toml"), *modules],
        capture_output=True,
        text=True,
        cwd=generated_folder,
        timeout=60,
        check=False,
    )
    formatted = subprocess.run(
        [ruff, "format", "--isolated", "--check", *modules],
        capture_output=True,
        text=True,
        cwd=generated_folder,
        timeout=60,
        check=False,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr

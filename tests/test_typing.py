"""mypy --strict, run on code a user writes, reports the mistakes the types can catch.

Each line of ``MISTAKES`` marked ``# error: <code>`` must be reported, at that line, with
that code, and no other line; ``CORRECT`` must pass. The checks use the project's mypy
settings (``[tool.mypy]`` in pyproject.toml) and the installed package.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mypy_support import Report, marked_errors, marked_reveals, mypy_reports

MISTAKES = textwrap.dedent(
    """\
    import dify_chatflow
    from dify_chatflow import ChatflowClinet  # error: attr-defined
    from dify_chatflow import (
        ConversationVariable,
        PaginationError,
        RetryPolicy,
        VariableType,
        decode_value,
        validate_value,
    )

    dify_chatflow.ConversationVarible  # error: attr-defined
    validate_value(42, "x")  # error: arg-type
    validate_value("number", 1, number_kind="int")  # error: arg-type
    VariableType.NUMBR  # error: attr-defined
    RetryPolicy(max_total_wait="10")  # error: arg-type


    def shout(variable: ConversationVariable) -> str:
        return variable.value.upper()  # error: union-attr


    def as_text(variable: ConversationVariable) -> str:
        return variable.value  # error: return-value


    def strip(raw: str) -> str:
        return decode_value("string", raw).strip()  # error: union-attr


    def first_id(error: PaginationError[ConversationVariable]) -> int:
        return error.partial[0].name  # error: return-value


    def logged(variable: ConversationVariable) -> dict[str, str]:
        return variable.to_dict()  # error: return-value


    def visits(variable: ConversationVariable) -> str:
        return variable.value_as(int)  # error: return-value


    def pair(variable: ConversationVariable) -> object:
        return variable.value_as(tuple)  # error: arg-type
    """
)

REVEALED = textwrap.dedent(
    """\
    from dify_chatflow import ConversationVariable


    def show(variable: ConversationVariable) -> None:
        reveal_type(variable.value_as(str))  # revealed: str
        reveal_type(variable.value_as(int))  # revealed: int
        reveal_type(variable.value_as(float))  # revealed: float
        reveal_type(variable.value_as(bool))  # revealed: bool
        reveal_type(variable.value_as(dict))  # revealed: dict[str, JSON]
        reveal_type(variable.value_as(list))  # revealed: list[JSON]
        reveal_type(variable.to_json())  # revealed: str
    """
)

CORRECT = textwrap.dedent(
    """\
    import json

    import dify_chatflow
    from dify_chatflow import (
        ConversationVariable,
        JSONValue,
        PaginationError,
        RetryPolicy,
        VariableType,
        decode_value,
        validate_value,
    )

    version: str = dify_chatflow.__version__
    validate_value(VariableType.NUMBER, 5, number_kind="integer")
    validate_value("array[string]", ["a"], strict=False)
    decoded: JSONValue = decode_value("object", "{'a': 1}")
    policy = RetryPolicy(max_total_wait=30.0)
    bound: float = policy.worst_case_wait(3)


    def shout(variable: ConversationVariable) -> str:
        value = variable.value
        if isinstance(value, str):
            return value.upper()
        return json.dumps(value)


    def names(error: PaginationError[ConversationVariable]) -> list[str]:
        return [variable.name for variable in error.partial]


    def logged(variable: ConversationVariable) -> str:
        return json.dumps(variable.to_dict())
    """
)


def every_export() -> str:
    """A module that imports every name ``dify_chatflow.__all__`` lists at run time."""
    import dify_chatflow

    names = "".join(f"    {name},\n" for name in sorted(dify_chatflow.__all__))
    return f"from dify_chatflow import (\n{names})\n"


def every_family() -> tuple[str, set[tuple[int, str]]]:
    """A module revealing every family attribute of both clients, and the ``(line, type)``
    mypy must reveal: the class the attribute makes at run time."""
    from dify_chatflow import AsyncChatflowClient, ChatflowClient
    from dify_chatflow._client import Families, Family

    lines = [
        "from dify_chatflow import AsyncChatflowClient, ChatflowClient",
        "",
        "",
        "def show(client: ChatflowClient, async_client: AsyncChatflowClient) -> None:",
    ]
    expected = set()
    clients = {
        "client": ChatflowClient(api_key="app-k", base_url="http://127.0.0.1:9"),
        "async_client": AsyncChatflowClient(api_key="app-k", base_url="http://127.0.0.1:9"),
    }
    for name, value in vars(Families).items():
        if isinstance(value, Family):
            for variable, client in clients.items():
                made = type(getattr(client, name))
                lines.append(f"    reveal_type({variable}.{name})")
                expected.add((len(lines), f"{made.__module__}.{made.__qualname__}"))
    return "\n".join(lines) + "\n", expected


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Report:
    """Errors mypy reports per sample file, as ``{(line, code)}``; for ``revealed.py`` the
    revealed types, as ``{(line, type)}``."""
    folder = tmp_path_factory.mktemp("typing")
    (folder / "mistakes.py").write_text(MISTAKES)
    (folder / "correct.py").write_text(CORRECT)
    (folder / "revealed.py").write_text(REVEALED)
    (folder / "exports.py").write_text(every_export())
    (folder / "families.py").write_text(every_family()[0])
    files = ["mistakes.py", "correct.py", "revealed.py", "exports.py", "families.py"]
    errors, revealed = mypy_reports(folder, files, repo_root / "pyproject.toml")
    return {
        **errors,
        "revealed.py": revealed["revealed.py"] | errors["revealed.py"],
        "families.py": revealed["families.py"] | errors["families.py"],
    }


def test_every_deliberate_mistake_is_reported_at_its_line(mypy_report: Report) -> None:
    expected = marked_errors(MISTAKES)
    assert len(expected) == 13
    assert mypy_report["mistakes.py"] == expected


def test_correct_code_passes_strict(mypy_report: Report) -> None:
    assert mypy_report["correct.py"] == set()


def test_type_checkers_see_every_name_the_package_exports(mypy_report: Report) -> None:
    # The families' names are exported at run time from their modules' __all__, and to
    # type checkers by star imports: the two views must agree.
    assert "    ChatReply,\n" in every_export()
    assert mypy_report["exports.py"] == set()


def test_each_family_attribute_is_typed_as_the_class_it_makes(mypy_report: Report) -> None:
    _, expected = every_family()
    shown = {type_name for _, type_name in expected}
    assert {"dify_chatflow.resources.chat.Chat", "dify_chatflow.resources.chat.AsyncChat"} <= shown
    assert mypy_report["families.py"] == expected


def test_value_as_is_typed_as_the_type_asked_for(mypy_report: Report) -> None:
    # `JSON` in a mark stands for JSONValue, which mypy spells out.
    json_value = "str | int | float | bool | list[...] | dict[str, ...] | None"
    expected = {
        (number, shown.replace("JSON", json_value)) for number, shown in marked_reveals(REVEALED)
    }
    assert len(expected) == 7
    assert mypy_report["revealed.py"] == expected


def test_dir_shows_the_public_names_only() -> None:
    import dify_chatflow

    shown = dir(dify_chatflow)
    assert shown == sorted(dify_chatflow.__all__)
    assert {"validate_value", "decode_value", "ConversationVariable"} <= set(shown)
    assert not [name for name in shown if name.startswith("_") and name != "__version__"]


def test_a_cold_import_leaves_the_value_layer_unloaded_until_it_is_used() -> None:
    code = (
        "import sys, dify_chatflow\n"
        "client = dify_chatflow.ChatflowClient(api_key='app-k', base_url='http://127.0.0.1:9')\n"
        "heavy = ('attr', 'attrs', 'uuid', 'dify_chatflow.types.variables', "
        "'dify_chatflow._values.validation', 'dify_chatflow._values.decoding', "
        "'dify_chatflow.resources.chat')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "dify_chatflow.ConversationVariable\n"
        "client.chat\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "try:\n"
        "    dify_chatflow.ConversationVarible\n"
        "except AttributeError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    before, after, missing = result.stdout.splitlines()
    assert before == "[]"
    assert "dify_chatflow.types.variables" in after
    assert "dify_chatflow.resources.chat" in after  # a resource's module loads on first use
    assert "attrs" in after
    assert missing == "module 'dify_chatflow' has no attribute 'ConversationVarible'"

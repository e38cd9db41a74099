"""``dify-chatflow conversations``, ``messages`` and ``app``, run in a subprocess against the
embedded server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from cli_support import (
    API_KEY,
    USER,
    assert_key_not_echoed,
    assert_one_line_error,
    json_lines,
    run_cli,
)
from dify_chatflow.testing import DifyTestServer


class Clock:
    """The server's clock, one second further at each turn (Dify orders by seconds)."""

    def __init__(self) -> None:
        self.now = 1_764_578_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["1.10", "1.16"])
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    clock = Clock()
    with DifyTestServer(api_key=API_KEY, dialect=request.param, clock=clock) as running:
        running.clock = clock  # type: ignore[attr-defined]
        yield running


def conversation_with(server: DifyTestServer, name: str, *turns: tuple[str, str]) -> str:
    """A conversation of USER, created one second after the previous one."""
    server.clock.now += 1  # type: ignore[attr-defined]
    conversation = server.add_conversation(user=USER, name=name)
    for query, answer in turns:
        server.clock.now += 1  # type: ignore[attr-defined]
        server.add_turn(conversation, query, answer)
    return conversation


def table(stdout: str) -> list[list[str]]:
    """The table's rows split on runs of two spaces (cells may hold single spaces)."""
    return [
        [cell.strip() for cell in line.split("  ") if cell.strip()] for line in stdout.splitlines()
    ]


# -- conversations ---------------------------------------------------------------------------


def test_list_shows_a_table_most_recent_first(server: DifyTestServer) -> None:
    older = conversation_with(server, "Billing question")
    newer = conversation_with(server, "Shipping")
    server.add_conversation(user="someone-else", name="Not mine")

    result = run_cli("conversations", "list", server=server)

    assert result.returncode == 0, result.stderr
    rows = table(result.stdout)
    assert rows[0] == ["ID", "NAME", "STATUS", "CREATED (UTC)", "UPDATED (UTC)"]
    assert [(row[0], row[1]) for row in rows[1:]] == [
        (newer, "Shipping"),
        (older, "Billing question"),
    ]
    assert rows[1][2] == "normal"
    assert_key_not_echoed(result)


def test_list_json_and_sort_order(server: DifyTestServer) -> None:
    older = conversation_with(server, "first")
    newer = conversation_with(server, "second")

    result = run_cli("conversations", "list", "--sort", "created_at", "--json", server=server)

    assert result.returncode == 0, result.stderr
    records = json_lines(result.stdout)
    assert [r["id"] for r in records] == [older, newer]
    assert records[0]["name"] == "first"
    assert str(records[0]["created_at"]).endswith("+00:00")


def test_list_of_a_user_without_conversations(server: DifyTestServer) -> None:
    result = run_cli("conversations", "list", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "(no conversations)"


def test_rename_by_name_and_automatically(server: DifyTestServer) -> None:
    conversation = conversation_with(server, "New conversation", ("Where is my parcel?", "Here."))

    named = run_cli("conversations", "rename", conversation, "Parcel", server=server)
    automatic = run_cli("conversations", "rename", conversation, "--auto", "--json", server=server)

    assert named.returncode == 0, named.stderr
    assert named.stdout == f"{conversation}  Parcel\n"
    assert automatic.returncode == 0, automatic.stderr
    (record,) = json_lines(automatic.stdout)
    assert record["name"] == "Parcel"  # a server without a model keeps the name
    (kept,) = [c for c in server.conversations(user=USER) if c.id == conversation]
    assert kept.name == "Parcel"


@pytest.mark.parametrize(
    ("arguments", "says"),
    [([], "give the new NAME, or --auto"), (["Name", "--auto"], "give NAME or --auto, not both")],
)
def test_rename_without_a_name_is_exit_2_and_sends_nothing(
    server: DifyTestServer, arguments: list[str], says: str
) -> None:
    conversation = conversation_with(server, "x")
    server.clear_requests()

    result = run_cli("conversations", "rename", conversation, *arguments, server=server)

    assert says in assert_one_line_error(result, 2)
    assert server.requests == []


def test_delete(server: DifyTestServer) -> None:
    conversation = conversation_with(server, "Old")
    kept = conversation_with(server, "Kept")

    result = run_cli("conversations", "delete", conversation, server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"deleted {conversation}\n"
    assert [c.id for c in server.conversations(user=USER)] == [kept]


def test_an_unknown_conversation_is_one_line_and_exit_1(server: DifyTestServer) -> None:
    unknown = str(uuid.uuid4())

    renamed = run_cli("conversations", "rename", unknown, "x", server=server)
    listed = run_cli("messages", "list", unknown, server=server)

    assert "404" in assert_one_line_error(renamed, 1)
    assert "404" in assert_one_line_error(listed, 1)


def test_a_malformed_id_is_exit_2(server: DifyTestServer) -> None:
    result = run_cli("conversations", "delete", "not-an-id", server=server)

    assert "conversation_id" in assert_one_line_error(result, 2)
    assert server.requests == []


# -- messages ------------------------------------------------------------------------------


def test_messages_list_oldest_first(server: DifyTestServer) -> None:
    conversation = conversation_with(
        server,
        "Chat",
        ("Hello", "Hi! How can I help?"),
        ("Track my parcel " * 5, "It is on its way."),
    )

    result = run_cli("messages", "list", conversation, server=server)

    assert result.returncode == 0, result.stderr
    rows = table(result.stdout)
    assert rows[0] == ["CREATED (UTC)", "ID", "STATUS", "QUERY", "ANSWER"]
    assert [(row[3], row[4]) for row in rows[1:]] == [
        ("Hello", "Hi! How can I help?"),
        ("Track my parcel Track my parcel…", "It is on its way."),  # cut to 32
    ]
    assert [row[1] for row in rows[1:]] == [m.id for m in server.messages(conversation)]


def test_messages_list_json_has_whole_texts(server: DifyTestServer) -> None:
    long_query = "Track my parcel " * 5
    conversation = conversation_with(server, "Chat", ("Hello", "Hi"), (long_query, "On its way."))

    result = run_cli("messages", "list", conversation, "--json", server=server)

    assert result.returncode == 0, result.stderr
    records = json_lines(result.stdout)
    assert [(r["query"], r["answer"]) for r in records] == [
        ("Hello", "Hi"),
        (long_query, "On its way."),
    ]
    assert records[0]["conversation_id"] == conversation


def test_messages_of_a_conversation_without_any(server: DifyTestServer) -> None:
    conversation = conversation_with(server, "Empty")

    result = run_cli("messages", "list", conversation, server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "(no messages)"


# -- app -----------------------------------------------------------------------------------

FORM = [
    {"text-input": {"variable": "name", "label": "Your name", "required": True, "max_length": 20}},
    {
        "select": {
            "variable": "plan",
            "label": "Plan",
            "required": False,
            "options": ["free", "pro"],
        }
    },
    {"number": {"variable": "seats", "label": "Seats", "required": False}},
]


def test_app_info(server: DifyTestServer) -> None:
    server.add_app(API_KEY, name="Support bot", description="Answers billing questions")

    result = run_cli("app", "info", server=server)
    as_json = run_cli("app", "info", "--json", server=server)

    assert result.returncode == 0, result.stderr
    rows = dict((row[0], row[1:]) for row in table(result.stdout)[1:])
    assert rows["name"] == ["Support bot"]
    assert rows["mode"] == ["advanced-chat"]
    assert rows["description"] == ["Answers billing questions"]
    (record,) = json_lines(as_json.stdout)
    assert (record["name"], record["mode"]) == ("Support bot", "advanced-chat")


def test_app_parameters_list_the_input_form(server: DifyTestServer) -> None:
    server.add_app(
        API_KEY,
        user_input_form=FORM,
        opening_statement="Hello! Ask me anything.",
    )

    result = run_cli("app", "parameters", server=server)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = table("\n".join(lines[:4]))
    assert rows == [
        ["VARIABLE", "TYPE", "REQUIRED", "LABEL", "DETAILS"],
        ["name", "text-input", "yes", "Your name", "max 20"],
        ["plan", "select", "no", "Plan", "one of free, pro"],
        ["seats", "number", "no", "Seats"],
    ]
    assert "opening statement: Hello! Ask me anything." in lines


def test_app_parameters_json(server: DifyTestServer) -> None:
    server.add_app(API_KEY, user_input_form=FORM)

    result = run_cli("app", "parameters", "--json", server=server)

    assert result.returncode == 0, result.stderr
    (record,) = json_lines(result.stdout)
    form = record["user_input_form"]
    assert [(f["control"], f["variable"], f["required"]) for f in form] == [
        ("text-input", "name", True),
        ("select", "plan", False),
        ("number", "seats", False),
    ]
    assert form[1]["options"] == ["free", "pro"]


def test_missing_configuration_is_exit_2(server: DifyTestServer) -> None:
    result = run_cli("app", "info", env={"DIFY_BASE_URL": server.base_url})

    assert "--api-key" in assert_one_line_error(result, 2)
    assert server.requests == []

"""The ``dify-chatflow`` console script, run in a subprocess against the embedded server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    API_KEY,
    SECRET,
    USER,
    assert_key_not_echoed,
    assert_one_line_error,
    json_lines,
    run_cli,
)
from dify_chatflow.testing import DifyTestServer, Fault


@pytest.fixture(scope="module")
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.fixture
def conversation(server: DifyTestServer) -> str:
    return server.add_conversation(
        user=USER,
        variables=[
            {"name": "theme", "value_type": "string", "value": "dark", "description": "UI"},
            {"name": "visits", "value_type": "number", "value": 3},
            {"name": "ratio", "value_type": "number", "value": 0.5},
            {"name": "enabled", "value_type": "boolean", "value": False},
            {"name": "profile", "value_type": "object", "value": {"lang": "en"}},
            {"name": "tags", "value_type": "array[string]", "value": ["a"]},
            {"name": "token", "value_type": "secret", "value": SECRET},
            {"name": "upload", "value_type": "file", "value": None},
        ],
    )


class TestList:
    def test_table_shows_every_variable_with_type_and_short_value(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli("vars", "list", conversation, server=server)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].split() == ["NAME", "TYPE", "VALUE", "UPDATED", "(UTC)"]
        rows = {line.split()[0]: line for line in lines[1:]}
        assert set(rows) == {
            "theme",
            "visits",
            "ratio",
            "enabled",
            "profile",
            "tags",
            "token",
            "upload",
        }
        assert rows["visits"].split()[1:3] == ["number", "3"]
        assert rows["enabled"].split()[1:3] == ["boolean", "false"]
        assert '{"lang": "en"}' in rows["profile"]
        assert SECRET not in result.stdout
        assert_key_not_echoed(result)

    def test_json_lines_carry_decoded_values(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli("vars", "list", conversation, "--json", server=server)
        assert result.returncode == 0, result.stderr
        records = {r["name"]: r for r in json_lines(result.stdout)}
        assert records["visits"]["value"] == 3
        assert records["ratio"]["value"] == 0.5
        assert records["enabled"]["value"] is False
        assert records["profile"]["value"] == {"lang": "en"}
        assert records["tags"]["value"] == ["a"]
        assert records["token"]["value"] != SECRET
        assert str(records["theme"]["updated_at"]).endswith("+00:00")

    def test_secrets_are_shown_only_on_request(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli("vars", "list", conversation, "--json", "--show-secrets", server=server)
        records = {r["name"]: r for r in json_lines(result.stdout)}
        assert records["token"]["value"] == SECRET

    def test_options_override_the_environment(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli(
            "vars",
            "list",
            conversation,
            "--api-key",
            API_KEY,
            "--base-url",
            server.base_url,
            "--user",
            USER,
            "--json",
        )
        assert result.returncode == 0, result.stderr
        assert len(json_lines(result.stdout)) == 8
        assert_key_not_echoed(result)


class TestGet:
    def test_table_for_one_variable(self, server: DifyTestServer, conversation: str) -> None:
        result = run_cli("vars", "get", conversation, "theme", server=server)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[1].split()[:3] == ["theme", "string", "dark"]

    def test_json(self, server: DifyTestServer, conversation: str) -> None:
        result = run_cli("vars", "get", conversation, "profile", "--json", server=server)
        (record,) = json_lines(result.stdout)
        assert record["value"] == {"lang": "en"}
        assert record["value_type"] == "object"

    def test_unknown_name_is_an_error_naming_it(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli("vars", "get", conversation, "nope", server=server)
        assert result.returncode == 1
        assert "nope" in result.stderr


class TestSet:
    @pytest.mark.parametrize(
        ("name", "text", "extra", "expected"),
        [
            ("theme", "light", [], "light"),
            ("visits", "4", [], 4),
            ("ratio", "0.25", [], 0.25),
            ("ratio", "2", [], 2.0),  # float-stored: integer text is read as a float
            ("enabled", "true", [], True),
            ("profile", '{"lang": "fr", "n": [1, 2]}', [], {"lang": "fr", "n": [1, 2]}),
            ("tags", '["x", "y"]', [], ["x", "y"]),
            ("theme", '"42"', ["--json-value"], "42"),
        ],
    )
    def test_value_is_read_by_the_variable_type_and_stored(
        self,
        server: DifyTestServer,
        conversation: str,
        name: str,
        text: str,
        extra: list[str],
        expected: object,
    ) -> None:
        result = run_cli("vars", "set", conversation, name, text, *extra, "--json", server=server)
        assert result.returncode == 0, result.stderr
        (record,) = json_lines(result.stdout)
        assert record["value"] == expected
        assert type(record["value"]) is type(expected)
        check = run_cli("vars", "get", conversation, name, "--json", server=server)
        assert json_lines(check.stdout)[0]["value"] == expected

    def test_table_output_after_set(self, server: DifyTestServer, conversation: str) -> None:
        result = run_cli("vars", "set", conversation, "visits", "9", server=server)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[1].split()[:3] == ["visits", "number", "9"]

    @pytest.mark.parametrize(
        ("name", "text", "hint"),
        [
            ("visits", "5.0", "5"),  # integer-stored: strict mode refuses a float
            ("visits", "many", "number"),
            ("enabled", "yes", "true or false"),
            ("profile", "{not json", "JSON"),
            ("upload", "x", "file"),
        ],
    )
    def test_validation_error_exits_2_and_sends_nothing(
        self, server: DifyTestServer, conversation: str, name: str, text: str, hint: str
    ) -> None:
        puts_before = sum(1 for r in server.requests if r.method == "PUT")
        result = run_cli("vars", "set", conversation, name, text, server=server)
        assert result.returncode == 2
        assert hint in result.stderr
        assert sum(1 for r in server.requests if r.method == "PUT") == puts_before

    def test_a_secret_that_is_not_json_is_refused_without_echoing_it(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli(
            "vars", "set", conversation, "token", SECRET + "{", "--json-value", server=server
        )
        assert result.returncode == 2
        assert "JSON" in result.stderr
        assert SECRET not in result.stderr
        assert SECRET not in result.stdout

    def test_lenient_sends_what_the_server_accepts_but_changes(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        strict = run_cli(
            "vars", "set", conversation, "visits", "true", "--json-value", server=server
        )
        lenient = run_cli(
            "vars",
            "set",
            conversation,
            "visits",
            "true",
            "--json-value",
            "--lenient",
            "--json",
            server=server,
        )
        assert strict.returncode == 2
        assert "bool" in strict.stderr
        assert lenient.returncode == 0, lenient.stderr
        assert json_lines(lenient.stdout)[0]["value"] == 1  # the server stores True as 1

    def test_lenient_still_refuses_what_the_server_refuses(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli("vars", "set", conversation, "visits", "5.0", "--lenient", server=server)
        assert result.returncode == 2
        assert "send 5, not 5.0" in result.stderr


class TestValueSources:
    """VALUE from stdin ('-') or a file, so a secret stays out of argv and shell history."""

    def test_dash_reads_the_value_from_stdin(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli(
            "vars", "set", conversation, "token", "-", "--json", server=server, stdin="n3w\n"
        )
        assert result.returncode == 0, result.stderr
        assert server.variable(conversation, "token").value == "n3w"  # one newline dropped
        assert "n3w" not in result.stdout

    def test_value_file_is_read_by_the_variable_type(
        self, server: DifyTestServer, conversation: str, tmp_path: Path
    ) -> None:
        path = tmp_path / "profile.json"
        path.write_text('{"lang": "de",\n "n": [1]}\n', encoding="utf-8")
        result = run_cli(
            "vars",
            "set",
            conversation,
            "profile",
            "--value-file",
            str(path),
            "--json",
            server=server,
        )
        assert result.returncode == 0, result.stderr
        assert json_lines(result.stdout)[0]["value"] == {"lang": "de", "n": [1]}

    def test_a_file_keeps_inner_newlines_of_text(
        self, server: DifyTestServer, conversation: str, tmp_path: Path
    ) -> None:
        path = tmp_path / "theme.txt"
        path.write_bytes(b"line one\nline two\r\n")
        result = run_cli(
            "vars", "set", conversation, "theme", "--value-file", str(path), server=server
        )
        assert result.returncode == 0, result.stderr
        assert server.variable(conversation, "theme").value == "line one\nline two"

    @pytest.mark.parametrize(
        ("extra", "fragment"),
        [
            (["--value-file", "/nonexistent/value.txt"], "cannot read --value-file"),
            (["x", "--value-file", "/dev/null"], "not both"),
            ([], "give VALUE, '-' to read it from stdin, or --value-file PATH"),
        ],
    )
    def test_a_bad_value_source_is_a_usage_error_and_sends_nothing(
        self, server: DifyTestServer, conversation: str, extra: list[str], fragment: str
    ) -> None:
        before = len(server.requests)
        result = run_cli("vars", "set", conversation, "theme", *extra, server=server)
        assert fragment in assert_one_line_error(result, 2)
        assert len(server.requests) == before

    def test_a_file_that_is_not_utf8_is_a_usage_error(
        self, server: DifyTestServer, conversation: str, tmp_path: Path
    ) -> None:
        path = tmp_path / "latin1.txt"
        path.write_bytes(b"caf\xe9")
        result = run_cli(
            "vars", "set", conversation, "theme", "--value-file", str(path), server=server
        )
        assert "not UTF-8" in assert_one_line_error(result, 2)


class TestExitCodes:
    def test_a_value_the_server_refuses_exits_2_like_one_refused_before_sending(self) -> None:
        # The server's size limit is below the client's: only the server refuses the value.
        with DifyTestServer(api_key=API_KEY, size_limit=60) as small:
            conversation = small.add_conversation(
                user=USER, variables=[{"name": "theme", "value_type": "string", "value": ""}]
            )
            result = run_cli("vars", "set", conversation, "theme", "x" * 100, server=small)
            assert small.requests[-1].method == "PUT"  # it was sent, and refused there
        line = assert_one_line_error(result, 2)
        assert line.startswith("error: server answered 400 invalid_param: variable size ")
        assert "exceeds limit" in line

    def test_an_error_answer_without_a_code_shows_none(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        server.inject_fault(Fault.status(502, body=b"Bad Gateway"), route="variables.list", times=3)
        line = assert_one_line_error(run_cli("vars", "list", conversation, server=server), 1)
        assert "server answered 502: " in line

    def test_server_error_names_status_and_code(self, server: DifyTestServer) -> None:
        missing = "0b6b5d0e-8d3c-4c55-9f0e-5d1d1f7c2a11"
        result = run_cli("vars", "list", missing, server=server)
        assert result.returncode == 1
        assert "404" in result.stderr
        assert "not_found" in result.stderr
        assert_key_not_echoed(result)

    def test_wrong_key_is_a_server_error_without_echoing_the_key(
        self, server: DifyTestServer, conversation: str
    ) -> None:
        result = run_cli(
            "vars", "list", conversation, server=server, env={"DIFY_API_KEY": "app-wrong-key-9"}
        )
        assert result.returncode == 1
        assert "401" in result.stderr
        assert "app-wrong-key-9" not in result.stderr + result.stdout

    def test_network_error_exits_1(self, conversation: str) -> None:
        result = run_cli(
            "vars",
            "list",
            conversation,
            env={
                "DIFY_API_KEY": API_KEY,
                "DIFY_BASE_URL": "http://127.0.0.1:9/v1",
                "DIFY_USER": USER,
            },
        )
        assert result.returncode == 1
        assert "error:" in result.stderr

    def test_missing_key_is_a_usage_error(self, server: DifyTestServer, conversation: str) -> None:
        result = run_cli(
            "vars",
            "list",
            conversation,
            env={"DIFY_BASE_URL": server.base_url, "DIFY_USER": USER},
        )
        assert result.returncode == 2
        assert "DIFY_API_KEY" in result.stderr

    def test_bad_conversation_id_is_a_usage_error(self, server: DifyTestServer) -> None:
        requests_before = len(server.requests)
        result = run_cli("vars", "list", "../etc", server=server)
        assert result.returncode == 2
        assert len(server.requests) == requests_before

    def test_missing_argument_is_a_usage_error(self) -> None:
        result = run_cli("vars", "set", "only-one-arg")
        line = assert_one_line_error(result, 2)
        assert "required: NAME" in line
        assert "see 'dify-chatflow vars set --help'" in line


@pytest.mark.parametrize(
    "command",
    [[], ["vars"], ["vars", "list"], ["vars", "get"], ["vars", "set"], ["serve"]],
    ids=lambda c: " ".join(c) or "top",
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "usage: dify-chatflow" in result.stdout
    assert "example" in result.stdout


@pytest.mark.parametrize("command", [[], ["vars"], ["serve"]], ids=lambda c: " ".join(c) or "top")
def test_help_documents_every_exit_code(command: list[str]) -> None:
    text = run_cli(*command, "--help").stdout
    for code in ("0 ", "1 ", "2 ", "130 ", "141 "):
        assert f"\n  {code}" in text.split("exit codes:", 1)[1]


def test_lenient_help_says_what_it_allows_and_what_it_still_refuses() -> None:
    text = " ".join(run_cli("vars", "set", "--help").stdout.split())
    assert "true/false for a number (stored as 1/0" in text
    assert "integers beyond 64 bits" in text
    assert "5.0 for an integer-stored number" in text  # still refused, as the server does


def test_version() -> None:
    import dify_chatflow

    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout == f"dify-chatflow {dify_chatflow.__version__}\n"

"""client.conversations: lazy listing, rename and delete, on every client kind and dialect."""

from __future__ import annotations

import uuid

import pytest
from dify_chatflow import (
    APIConnectionError,
    AsyncPager,
    ConfigurationError,
    Conversation,
    ConversationNotFoundError,
    InvalidIdError,
    PaginationError,
    RetryPolicy,
    SyncPager,
)
from dify_chatflow.testing import DifyTestServer, Fault, RecordedRequest
from resource_support import USER, AnswerLosingProxy, FakeClock, chat


def conversations_of(server: DifyTestServer, clock: FakeClock, count: int) -> list[str]:
    """``count`` conversations of USER, one second apart, oldest first."""
    ids = []
    for number in range(count):
        ids.append(chat(server, f"question {number}")["conversation_id"])
        clock.tick()
    return ids


def requests_to(server: DifyTestServer, path: str) -> list[RecordedRequest]:
    return [r for r in server.requests if r.path == path]


def test_list_is_lazy_and_follows_pages_newest_first(server, clock, driver):
    ids = conversations_of(server, clock, 5)
    client = driver.client(server)
    server.clear_requests()

    pager = client.conversations.list(page_size=2)

    assert isinstance(pager, SyncPager if driver.kind == "sync" else AsyncPager)
    assert server.requests == []  # nothing is fetched until the loop reads
    listed = driver.items(pager)
    assert [str(c.id) for c in listed] == ids[::-1]
    assert all(isinstance(c, Conversation) for c in listed)
    assert listed[0].name == "question 4"
    pages = requests_to(server, "/v1/conversations")
    assert [p.query.get("last_id") for p in pages] == [None, ids[3], ids[1]]
    assert {p.query["limit"] for p in pages} == {"2"}
    assert {p.query["sort_by"] for p in pages} == {"-updated_at"}


def test_list_fetches_only_the_pages_read(server, clock, driver):
    conversations_of(server, clock, 5)
    client = driver.client(server)
    server.clear_requests()

    first = driver.items(client.conversations.list(page_size=2), limit=1)

    assert first[0].name == "question 4"
    assert len(requests_to(server, "/v1/conversations")) == 1


def test_each_loop_starts_again_from_the_first_page(server, clock, driver):
    conversations_of(server, clock, 3)
    pager = driver.client(server).conversations.list(page_size=2)

    assert driver.items(pager) == driver.items(pager)


def test_list_in_creation_order_and_per_user(server, clock, driver):
    ids = conversations_of(server, clock, 3)
    chat(server, "someone else's", user="other-user")
    client = driver.client(server)

    oldest_first = driver.items(client.conversations.list(sort_by="created_at"))

    assert [str(c.id) for c in oldest_first] == ids
    others = driver.items(client.conversations.list(user="other-user"))
    assert [c.name for c in others] == ["someone else's"]


def test_deleting_each_conversation_inside_the_loop_reaches_every_page(server, clock, driver):
    conversations_of(server, clock, 5)
    client = driver.client(server)

    if driver.kind == "sync":
        for conversation in client.conversations.list(page_size=2):
            client.conversations.delete(conversation.id)
    else:

        async def delete_all() -> None:
            async for conversation in client.conversations.list(page_size=2):
                await client.conversations.delete(conversation.id)

        driver.run(delete_all())

    assert server.conversations(user=USER) == []


def _item(conversation_id: str, created_at: int) -> dict[str, object]:
    return {
        "id": conversation_id,
        "name": "same second",
        "inputs": {},
        "status": "normal",
        "introduction": "",
        "created_at": created_at,
        "updated_at": created_at,
    }


def test_the_same_second_break_is_a_pagination_error_with_what_was_read(server, driver):
    # Dify's next page holds only conversations of a strictly earlier second than the
    # cursor's: with the last two of page 1 in one second, others of it are skipped. The
    # pages are injected here to choose their timestamps exactly.
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    pages = [
        {"limit": 2, "has_more": True, "data": [_item(a, 1_764_578_000), _item(b, 1_764_578_000)]},
        {"limit": 2, "has_more": False, "data": [_item(c, 1_764_577_000)]},
    ]
    for page in pages:
        server.inject_fault(Fault.status(200, body=page), route="conversations")
    client = driver.client(server)

    with pytest.raises(PaginationError) as caught:
        driver.items(client.conversations.list(page_size=2))

    assert [str(conv.id) for conv in caught.value.partial] == [a, b, c]
    assert "every conversation" in str(caught.value)
    assert "same second as the last one of page 1" in str(caught.value)


def test_the_embedded_servers_same_second_break_is_reported(server, driver):
    # Three conversations started within one second, two per page: as on real Dify, the
    # full first page does not count the third for has_more, so it would be lost.
    ids = [chat(server, query)["conversation_id"] for query in ("a", "b", "c")]
    client = driver.client(server)

    with pytest.raises(PaginationError) as caught:
        driver.items(client.conversations.list(page_size=2))

    assert [str(conv.id) for conv in caught.value.partial] == [ids[2], ids[1]]


def test_a_full_last_page_ending_in_one_second_is_reported(server, driver):
    # Dify counts what lies beyond the last conversation's whole second for has_more: the
    # others of that second are neither on the page nor counted.
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    page = {
        "limit": 2,
        "has_more": False,
        "data": [_item(a, 1_764_578_000), _item(b, 1_764_578_000)],
    }
    server.inject_fault(Fault.status(200, body=page), route="conversations")
    client = driver.client(server)

    with pytest.raises(PaginationError) as caught:
        driver.items(client.conversations.list(page_size=2))

    assert [str(conv.id) for conv in caught.value.partial] == [a, b]


def test_a_page_repeated_by_the_server_ends_the_loop_with_an_error(server, driver):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    page = {
        "limit": 2,
        "has_more": True,
        "data": [_item(a, 1_764_578_001), _item(b, 1_764_578_000)],
    }
    server.inject_fault(Fault.status(200, body=page), route="conversations", times=2)
    client = driver.client(server)

    with pytest.raises(PaginationError, match="repeated 2 conversation"):
        driver.items(client.conversations.list(page_size=2))

    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "options",
    [
        {"sort_by": "name"},
        {"sort_by": "updated"},
        {"page_size": 0},
        {"page_size": 101},
        {"page_size": True},
        {"page_size": "10"},
        {"user": ""},
    ],
)
def test_bad_list_arguments_are_refused_before_sending(server, driver, options):
    client = driver.client(server)
    server.clear_requests()

    with pytest.raises(ConfigurationError):
        client.conversations.list(**options)

    assert server.requests == []


def test_list_without_any_user_is_refused_before_sending(server, driver):
    client = driver.client(server, user=None)

    with pytest.raises(ConfigurationError, match="user"):
        client.conversations.list()

    assert server.requests == []


def test_rename_sets_the_name(server, driver):
    conversation_id = chat(server, "hello")["conversation_id"]
    client = driver.client(server)

    renamed = driver.run(client.conversations.rename(conversation_id, "Billing question"))

    assert isinstance(renamed, Conversation)
    assert str(renamed.id) == conversation_id
    assert renamed.name == "Billing question"
    assert server.conversations(user=USER)[0].name == "Billing question"


def test_rename_with_auto_generate_names_it_from_the_first_message(server, driver):
    conversation_id = chat(server, "A long first question about invoices")["conversation_id"]
    client = driver.client(server)
    driver.run(client.conversations.rename(conversation_id, "temporary"))

    renamed = driver.run(client.conversations.rename(conversation_id, auto_generate=True))

    assert renamed.name.startswith("A long first questio")
    assert server.requests[-1].json == {"auto_generate": True, "user": USER}


@pytest.mark.parametrize(
    ("args", "options"),
    [
        ((), {}),  # neither a name nor auto_generate: the server answers 500 or 400
        (("",), {}),
        ((None,), {"auto_generate": False}),
        (("name",), {"auto_generate": "yes"}),
        ((42,), {}),
    ],
)
def test_bad_renames_are_refused_before_sending(server, driver, args, options):
    conversation_id = chat(server, "hello")["conversation_id"]
    client = driver.client(server)
    server.clear_requests()

    with pytest.raises(ConfigurationError):
        driver.run(client.conversations.rename(conversation_id, *args, **options))

    assert server.requests == []


def test_rename_of_an_unknown_or_malformed_id(server, driver):
    client = driver.client(server)

    with pytest.raises(ConversationNotFoundError):
        driver.run(client.conversations.rename(str(uuid.uuid4()), "x"))
    server.clear_requests()
    with pytest.raises(InvalidIdError):
        driver.run(client.conversations.rename("not-a-uuid", "x"))
    assert server.requests == []


def test_delete_removes_the_conversation(server, driver):
    kept = chat(server, "keep me")["conversation_id"]
    gone = chat(server, "delete me")["conversation_id"]
    client = driver.client(server)

    assert driver.run(client.conversations.delete(gone)) is None

    assert [c.id for c in server.conversations(user=USER)] == [kept]


def test_a_second_delete_succeeds_on_1_10_and_is_not_found_on_1_16(server, driver, dialect):
    conversation_id = chat(server, "hello")["conversation_id"]
    client = driver.client(server)
    driver.run(client.conversations.delete(conversation_id))

    if dialect == "1.10":  # answers 204 again
        assert driver.run(client.conversations.delete(conversation_id)) is None
    else:
        with pytest.raises(ConversationNotFoundError):
            driver.run(client.conversations.delete(conversation_id))


def test_deleting_an_unknown_conversation_is_not_found_on_1_16(server, driver):
    client = driver.client(server)

    if server.dialect == "1.10":  # 1.10 deletes by id without looking whether one exists
        assert driver.run(client.conversations.delete(uuid.uuid4())) is None
    else:
        with pytest.raises(ConversationNotFoundError):
            driver.run(client.conversations.delete(uuid.uuid4()))

    assert len(server.requests) == 1  # a 404 is final: not retried


def test_delete_is_retried_after_a_server_error(server, driver):
    conversation_id = chat(server, "hello")["conversation_id"]
    server.inject_fault(Fault.unavailable(retry_after=0), route="conversations")
    client = driver.client(server)

    driver.run(client.conversations.delete(conversation_id))

    assert server.conversations(user=USER) == []
    assert [r.method for r in server.requests[-2:]] == ["DELETE", "DELETE"]


def test_a_delete_whose_answer_was_lost_succeeds_on_the_retry(server, driver):
    conversation_id = chat(server, "hello")["conversation_id"]
    server.clear_requests()
    with AnswerLosingProxy(server, lose=1) as proxy:
        client = driver.client(
            server, base_url=proxy.base_url, retry_policy=RetryPolicy(initial_delay=0.01)
        )

        # 1.16 answers the retry with 404, 1.10 with 204: deleted either way.
        assert driver.run(client.conversations.delete(conversation_id)) is None

    assert server.conversations(user=USER) == []
    assert [r.method for r in server.requests] == ["DELETE", "DELETE"]


def test_a_lost_answer_without_retries_left_is_a_connection_error(server, driver):
    conversation_id = chat(server, "hello")["conversation_id"]
    with AnswerLosingProxy(server, lose=1) as proxy:
        client = driver.client(server, base_url=proxy.base_url, max_retries=0)

        with pytest.raises(APIConnectionError):
            driver.run(client.conversations.delete(conversation_id))


def test_a_pager_and_a_resource_show_no_api_key(server, driver):
    client = driver.client(server, api_key="app-SECRET-KEY-123")
    server.add_app("app-SECRET-KEY-123")

    shown = repr(client.conversations.list()) + repr(client.conversations)

    assert "SECRET" not in shown
    assert "api_key=<hidden>" in shown

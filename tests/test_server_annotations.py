"""Annotations (/apps/annotations) and the annotation reply jobs (/apps/annotation-reply)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import DIALECTS, KEY, Clock, RawResponse, raw

ANNOTATION_KEYS = ["id", "question", "answer", "hit_count", "created_at"]
REPLY_SETTINGS = {
    "score_threshold": 0.9,
    "embedding_provider_name": "openai",
    "embedding_model_name": "text-embedding-3-small",
}
NO_JOB = {"code": "invalid_param", "message": "The job does not exist.", "status": 400}
SERVER_ERROR = {"message": "Internal Server Error", "code": "unknown", "status": 500}
POLLS = 5  # more status reads than any job needs to settle


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param, clock=clock) as started:
        yield started


def create(server: DifyTestServer, question: object, answer: object) -> RawResponse:
    return raw(server.port, "POST", "/apps/annotations", {"question": question, "answer": answer})


def created_id(server: DifyTestServer, question: str, answer: str = "an answer") -> str:
    annotation_id: str = create(server, question, answer).json()["id"]
    return annotation_id


def listed(server: DifyTestServer, query: str = "") -> RawResponse:
    return raw(server.port, "GET", f"/apps/annotations{query}")


def start_job(server: DifyTestServer, action: str, body: object = None) -> RawResponse:
    settings = REPLY_SETTINGS if body is None else body
    return raw(server.port, "POST", f"/apps/annotation-reply/{action}", settings)


def job_status(server: DifyTestServer, action: str, job_id: str) -> RawResponse:
    return raw(server.port, "GET", f"/apps/annotation-reply/{action}/status/{job_id}")


def settled(server: DifyTestServer, action: str, job_id: str) -> list[str]:
    """The statuses a client polling the job sees, up to the first settled one."""
    seen = []
    for _ in range(POLLS):
        status = job_status(server, action, job_id).json()["job_status"]
        seen.append(status)
        if status != "waiting":
            break
    return seen


# -- annotations ---------------------------------------------------------------------------


def test_create_answers_201_with_the_annotation(server, clock):
    answer = create(server, "What are your hours?", "9 to 5.")

    assert answer.status == 201
    body = answer.json()
    assert list(body) == ANNOTATION_KEYS
    assert (body["question"], body["answer"], body["hit_count"]) == (
        "What are your hours?",
        "9 to 5.",
        0,
    )
    assert body["created_at"] == int(clock.now)
    assert str(uuid.UUID(body["id"])) == body["id"]


def test_the_list_is_newest_first_then_by_id_descending(server, clock):
    first = created_id(server, "first")
    clock.now += 1
    same_second = sorted([created_id(server, "second"), created_id(server, "third")], reverse=True)

    answer = listed(server)

    assert answer.status == 200
    body = answer.json()
    assert list(body) == ["data", "has_more", "limit", "total", "page"]
    assert [a["id"] for a in body["data"]] == [*same_second, first]
    assert (body["has_more"], body["limit"], body["total"], body["page"]) == (False, 20, 3, 1)
    assert list(body["data"][0]) == ANNOTATION_KEYS


def test_has_more_means_the_page_is_full(server):
    for n in range(3):
        created_id(server, f"q{n}")

    full = listed(server, "?limit=3").json()
    short = listed(server, "?limit=2&page=2").json()

    assert (len(full["data"]), full["has_more"], full["total"]) == (3, True, 3)
    assert (len(short["data"]), short["has_more"], short["page"]) == (1, False, 2)


def test_keyword_matches_question_or_answer_ignoring_case(server):
    created_id(server, "Opening HOURS?", "9 to 5")
    created_id(server, "Refunds", "Within 30 days, see our hours page")
    created_id(server, "Shipping", "Two days")

    found = listed(server, "?keyword=hours").json()

    assert sorted(a["question"] for a in found["data"]) == ["Opening HOURS?", "Refunds"]
    assert found["total"] == 2


def test_1_10_never_refuses_paging_and_1_16_validates_it(server):
    created_id(server, "only one")

    zero = listed(server, "?limit=0")
    words = listed(server, "?limit=many&page=first")

    if server.dialect == "1.10":
        body = zero.json()
        assert (zero.status, body["limit"], len(body["data"])) == (200, 0, 1)
        assert (words.json()["limit"], words.json()["page"]) == (20, 1)
        assert listed(server, "?page=0").json()["page"] == 0
    else:
        assert (zero.status, zero.json()["code"]) == (400, "invalid_param")
        assert zero.json()["message"].startswith(
            "1 validation error for AnnotationListQuery\nlimit"
        )
        assert words.json()["message"].startswith("2 validation errors for AnnotationListQuery\n")
        assert listed(server, "?page=0").status == 400


def test_a_page_holds_at_most_100_whatever_the_limit(server):
    for n in range(101):
        created_id(server, f"q{n}")

    body = listed(server, "?limit=150").json()

    assert (len(body["data"]), body["limit"], body["has_more"], body["total"]) == (
        100,
        150,
        False,
        101,
    )


def test_update_answers_the_changed_annotation(server):
    annotation_id = created_id(server, "old question", "old answer")

    answer = raw(
        server.port,
        "PUT",
        f"/apps/annotations/{annotation_id}",
        {"question": "new question", "answer": "new answer"},
    )

    assert answer.status == 200
    body = answer.json()
    assert list(body) == ANNOTATION_KEYS
    assert (body["id"], body["question"], body["answer"]) == (
        annotation_id,
        "new question",
        "new answer",
    )


def test_delete_answers_204_with_an_empty_json_body_then_404(server):
    annotation_id = created_id(server, "bye")

    gone = raw(server.port, "DELETE", f"/apps/annotations/{annotation_id}")
    again = raw(server.port, "DELETE", f"/apps/annotations/{annotation_id}")

    assert (gone.status, gone.body, gone.header("content-type")) == (204, b"", "application/json")
    assert again.status == 404
    assert again.json() == {"code": "not_found", "message": "Annotation not found", "status": 404}
    assert listed(server).json()["data"] == []


def test_an_unknown_annotation_cannot_be_updated(server):
    answer = raw(
        server.port, "PUT", f"/apps/annotations/{uuid.uuid4()}", {"question": "q", "answer": "a"}
    )

    assert (answer.status, answer.json()["message"]) == (404, "Annotation not found")


def test_another_apps_annotation_is_reachable_by_id_on_1_10_only(server):
    server.add_app("app-other")
    theirs = raw(
        server.port,
        "POST",
        "/apps/annotations",
        {"question": "q", "answer": "a"},
        key="app-other",
    ).json()["id"]

    answer = raw(server.port, "DELETE", f"/apps/annotations/{theirs}")

    assert answer.status == (204 if server.dialect == "1.10" else 404)


MISSING_IN_JSON = "Missing required parameter in the JSON body"


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_a_body_that_is_not_json_is_an_empty_one_to_1_10(server, content_type):
    headers = {"Content-Type": content_type}
    for method, path in (
        ("POST", "/apps/annotations"),
        ("PUT", f"/apps/annotations/{created_id(server, 'q')}"),
    ):
        answer = raw(server.port, method, path, b"x", headers=headers)
        if server.dialect == "1.10":
            assert (answer.status, answer.json()) == (
                400,
                {
                    "errors": {"question": f"Annotation question {MISSING_IN_JSON}"},
                    "message": "Input payload validation failed",
                },
            )
        elif content_type == "text/plain":
            assert (answer.status, answer.json()["code"]) == (415, "unsupported_media_type")
        else:
            assert (answer.status, answer.json()["code"]) == (400, "bad_request")
    job = start_job(server, "enable", b"x")
    assert job.status in (400, 415)
    if server.dialect == "1.10":
        assert list(job.json()) == ["errors", "message"]


def test_a_missing_answer_is_refused_in_the_dialects_shape(server):
    answer = raw(server.port, "POST", "/apps/annotations", {"question": "q"})

    assert answer.status == 400
    if server.dialect == "1.10":
        assert answer.json() == {
            "errors": {"answer": "Annotation answer Missing required parameter in the JSON body"},
            "message": "Input payload validation failed",
        }
    else:
        message = answer.json()["message"]
        assert message.startswith("1 validation error for AnnotationCreatePayload\nanswer\n")
        assert "Field required [type=missing" in message


def test_a_non_string_question_is_coerced_on_1_10_and_refused_on_1_16(server):
    answer = create(server, 42, "a")

    if server.dialect == "1.10":
        assert (answer.status, answer.json()["question"]) == (201, "42")
    else:
        assert (answer.status, answer.json()["code"]) == (400, "invalid_param")
        assert "Input should be a valid string" in answer.json()["message"]


def test_a_malformed_annotation_id_matches_no_route(server):
    answer = raw(server.port, "DELETE", "/apps/annotations/42")

    assert (answer.status, answer.header("content-type")) == (404, "text/html; charset=utf-8")


# -- annotation reply jobs -----------------------------------------------------------------


def test_an_enable_job_waits_then_completes(server):
    started = start_job(server, "enable")

    assert started.status == 200
    body = started.json()
    assert list(body) == ["job_id", "job_status"]
    assert body["job_status"] == "waiting"
    first = job_status(server, "enable", body["job_id"])
    assert first.json() == {"job_id": body["job_id"], "job_status": "waiting", "error_msg": ""}
    assert settled(server, "enable", body["job_id"]) == ["completed"]


def test_a_disable_job_completes_once_replies_were_enabled(server):
    enabling = start_job(server, "enable").json()["job_id"]
    assert settled(server, "enable", enabling)[-1] == "completed"

    disabling = start_job(server, "disable").json()["job_id"]

    assert settled(server, "disable", disabling)[-1] == "completed"


def test_a_disable_job_never_settles_while_replies_are_off(server):
    job_id = start_job(server, "disable").json()["job_id"]

    assert settled(server, "disable", job_id) == ["waiting"] * POLLS


def test_an_enable_job_with_an_unknown_embedding_provider_ends_in_error(server):
    server.add_app(KEY, embedding_models={"openai": ["text-embedding-3-small"]})
    created_id(server, "something to index")
    settings = {**REPLY_SETTINGS, "embedding_provider_name": "nowhere"}

    job_id = start_job(server, "enable", settings).json()["job_id"]

    assert settled(server, "enable", job_id)[-1] == "error"
    last = job_status(server, "enable", job_id).json()
    assert (last["job_status"], last["error_msg"]) == ("error", "Provider nowhere does not exist.")


def test_an_enable_job_indexes_nothing_without_annotations(server):
    server.add_app(KEY, embedding_models={"openai": ["text-embedding-3-small"]})
    settings = {**REPLY_SETTINGS, "embedding_model_name": "no-such-model"}

    job_id = start_job(server, "enable", settings).json()["job_id"]

    assert settled(server, "enable", job_id)[-1] == "completed"


def test_a_job_is_only_known_under_its_own_action_word(server):
    job_id = start_job(server, "enable").json()["job_id"]

    for path_action in ("disable", "toggle"):
        answer = job_status(server, path_action, job_id)
        assert (answer.status, answer.json()) == (400, NO_JOB)
    unknown = job_status(server, "enable", str(uuid.uuid4()))
    assert (unknown.status, unknown.json()) == (400, NO_JOB)


def test_a_bad_action_word_on_post_is_a_server_error(server):
    answer = start_job(server, "toggle")

    assert (answer.status, answer.json()) == (500, SERVER_ERROR)


@pytest.mark.parametrize("action", ["enable", "disable"])
def test_both_actions_require_the_reply_settings(server, action):
    answer = start_job(server, action, {"score_threshold": 0.5})

    assert answer.status == 400
    if server.dialect == "1.10":
        assert answer.json()["errors"] == {
            "embedding_provider_name": "Embedding provider name Missing required parameter in "
            "the JSON body"
        }
    else:
        message = answer.json()["message"]
        assert message.startswith("2 validation errors for AnnotationReplyActionPayload\n")


def test_a_threshold_that_is_no_number_is_refused(server):
    answer = start_job(server, "enable", {**REPLY_SETTINGS, "score_threshold": "high"})

    assert answer.status == 400
    if server.dialect == "1.10":
        text = "Score threshold for annotation matching could not convert string to float: 'high'"
        assert answer.json()["errors"] == {"score_threshold": text}
    else:
        assert "Input should be a valid number" in answer.json()["message"]


def test_a_fault_aimed_at_annotations_create_leaves_the_list_alone(server):
    server.inject_fault(Fault.status(503), route="annotations.create")

    assert listed(server).status == 200
    assert create(server, "q", "a").status == 503
    assert create(server, "q", "a").status == 201


def test_a_fault_aimed_at_the_annotations_family_hits_its_jobs_too(server):
    server.inject_fault(Fault.status(503), route="annotations", times=2)

    assert start_job(server, "enable").status == 503
    assert job_status(server, "enable", str(uuid.uuid4())).status == 503
    assert listed(server).status == 200


def test_the_list_and_create_routes_answer_as_one_resource(server):
    options = raw(server.port, "OPTIONS", "/apps/annotations")
    patch = raw(server.port, "PATCH", "/apps/annotations", {"question": "q"})

    assert options.header("allow") == "GET, HEAD, OPTIONS, POST"
    assert (patch.status, patch.json()["code"]) == (405, "method_not_allowed")
    assert patch.header("allow") is None


def test_a_fault_aimed_at_annotations_reply_hits_enabling_and_disabling(server):
    server.inject_fault(Fault.status(503), route="annotations.reply", times=2)

    assert start_job(server, "enable").status == 503
    assert start_job(server, "disable").status == 503
    assert start_job(server, "enable").status == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/apps/annotations"),
        ("POST", "/apps/annotations"),
        ("PUT", f"/apps/annotations/{uuid.uuid4()}"),
        ("DELETE", f"/apps/annotations/{uuid.uuid4()}"),
        ("POST", "/apps/annotation-reply/enable"),
        ("GET", f"/apps/annotation-reply/enable/status/{uuid.uuid4()}"),
    ],
)
def test_every_annotation_route_asks_for_the_key_before_anything_else(server, method, path):
    anonymous = raw(server.port, method, path, b"{oops", key=None)
    server.add_app("app-off", enabled=False)
    disabled = raw(server.port, method, path, b"{oops", key="app-off")

    assert (anonymous.status, anonymous.json()["code"]) == (401, "unauthorized")
    assert (disabled.status, disabled.json()["code"]) == (403, "forbidden")

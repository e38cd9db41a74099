"""Secret values never leave the package in clear: not in messages, nor in ``.raw``."""

from __future__ import annotations

import json

import pytest
from dify_chatflow import PaginationError, ResponseDecodeError, decode_value

SECRET = "tok-SECRET-0123456789"
SECRET_ITEM = {"id": "x", "name": "api_token", "value_type": "secret", "value": SECRET}
PUBLIC_ITEM = {"id": "y", "name": "theme", "value_type": "string", "value": "dark"}


def everything_a_user_might_log(error: ResponseDecodeError) -> list[str]:
    return [str(error), repr(error), error.raw, repr(error.args)]


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"data": [SECRET_ITEM, PUBLIC_ITEM], "has_more": "no"}),
        json.dumps([SECRET_ITEM]),
        json.dumps({"data": json.dumps([SECRET_ITEM])}),  # JSON text inside a string
        json.dumps({"data": [SECRET_ITEM]})[:-10],  # cut short: not JSON any more
        json.dumps({"data": json.dumps([SECRET_ITEM])})[:-8],  # both at once
        json.dumps({**SECRET_ITEM, "value_type": "password"}),  # unknown type: maybe secret
        json.dumps({"value": SECRET, "user": "u"}),  # an echoed update body
    ],
    ids=["page", "list", "nested", "cut", "nested-cut", "unknown-type", "echo"],
)
def test_raw_masks_every_value_that_might_be_secret(raw: str) -> None:
    error = ResponseDecodeError("cannot decode", raw=raw)
    for text in everything_a_user_might_log(error):
        assert SECRET not in text
    assert "<secret: hidden>" in error.raw


def test_raw_keeps_what_is_not_secret_and_the_text_when_nothing_is_hidden() -> None:
    raw = json.dumps({"data": [SECRET_ITEM, PUBLIC_ITEM], "has_more": "no"})
    error = ResponseDecodeError("cannot decode", raw=raw, show_raw=False)
    assert json.loads(error.raw)["data"][1] == PUBLIC_ITEM
    assert json.loads(error.raw)["has_more"] == "no"
    untouched = '{"data":[{"value_type":"number","value":"1"}]}'
    assert ResponseDecodeError("x", raw=untouched).raw == untouched
    html = "<html><body>502 Bad Gateway</body></html>"
    assert ResponseDecodeError("x", raw=html).raw == html


@pytest.mark.parametrize(
    ("value_type", "raw"),
    [("secret", {"not": SECRET}), ("password", SECRET), ("secret", [SECRET])],
)
def test_a_value_that_does_not_decode_never_shows_in_raw(value_type: str, raw: object) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        decode_value(value_type, raw)
    for text in everything_a_user_might_log(caught.value):
        assert SECRET not in text


def test_pagination_error_counts_its_partial_items() -> None:
    error = PaginationError[str]("an empty page", partial=["a", "b"], noun="conversation")
    assert error.partial == ["a", "b"]
    assert "cannot list every conversation" in str(error)
    assert "2 conversation(s) were read" in str(error)
    assert isinstance(error, ResponseDecodeError)

"""Every family of the blocking client has an async twin with the same methods, each with
the same parameters (names, kinds, defaults)."""

from __future__ import annotations

import importlib
import inspect

import pytest
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow._client import _Resource


def resource_class(client_class: type, family: str) -> type:
    attribute = vars(client_class)[family]
    assert isinstance(attribute, _Resource)
    module = importlib.import_module(attribute._module, "dify_chatflow")
    found: type = getattr(module, attribute._class)
    return found


FAMILIES = sorted(
    name for name, value in vars(ChatflowClient).items() if isinstance(value, _Resource)
)


def public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, callable)
        if not name.startswith("_")
    }


def shape(signature: inspect.Signature) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


def test_both_clients_have_the_same_families() -> None:
    async_families = sorted(
        name for name, value in vars(AsyncChatflowClient).items() if isinstance(value, _Resource)
    )

    assert async_families == FAMILIES
    assert {"annotations", "audio", "files", "app", "workflows"} <= set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_method_has_an_async_twin_with_the_same_parameters(family: str) -> None:
    blocking = public_methods(resource_class(ChatflowClient, family))
    non_blocking = public_methods(resource_class(AsyncChatflowClient, family))

    assert sorted(blocking) == sorted(non_blocking)
    for name, signature in blocking.items():
        assert shape(signature) == shape(non_blocking[name]), f"{family}.{name}"

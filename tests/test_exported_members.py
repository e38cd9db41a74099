"""The public surface: every public module's ``__all__`` both ways, the package's lazy
table against its type-checking imports and ``__all__``, the clients' resources, and the
sync / async twins."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import types
from pathlib import Path
from typing import Any

import dify_chatflow
import pytest
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow._base_client import AsyncAPIResource, SyncAPIResource
from dify_chatflow._client import Family

PACKAGE_DIR = Path(dify_chatflow.__file__).parent

#: Exported classes that have no sync twin: ``AsyncStreamManager`` is what lets
#: ``async with client.chat.stream(...)`` work without an ``await``.
ASYNC_ONLY = {"AsyncStreamManager"}

#: What a sync protocol method is called in the async twin.
ASYNC_NAMES = {
    "__enter__": "__aenter__",
    "__exit__": "__aexit__",
    "__iter__": "__aiter__",
    "__next__": "__anext__",
}


def _public_modules() -> list[str]:
    names = ["dify_chatflow"]
    for info in pkgutil.walk_packages(dify_chatflow.__path__, "dify_chatflow."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def _defined_here(module: types.ModuleType) -> set[str]:
    """The public classes and functions ``module`` itself defines."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == module.__name__
    }


def test_every_public_module_is_covered() -> None:
    names = _public_modules()
    assert {"dify_chatflow.types.events", "dify_chatflow.resources.chat"} <= set(names)
    assert {"dify_chatflow.testing", "dify_chatflow.cli"} <= set(names)
    assert not [name for name in names if "._" in name]


@pytest.mark.parametrize("module_name", _public_modules())
def test_a_public_module_exports_what_it_defines_and_defines_what_it_exports(
    module_name: str,
) -> None:
    module = importlib.import_module(module_name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{module_name} has no __all__"
    assert len(exported) == len(set(exported)), f"{module_name}.__all__ repeats a name"
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{module_name}.__all__ names what it does not have: {missing}"
    unlisted = sorted(_defined_here(module) - set(exported))
    assert not unlisted, f"{module_name} defines public names not in __all__: {unlisted}"


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of every import under ``if TYPE_CHECKING:`` in ``__init__.py``; a star
    import stands for every name its module's ``__all__`` lists."""
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                module = "." * statement.level + (statement.module or "")
                for alias in statement.names:
                    if alias.name == "*":
                        imported = importlib.import_module(module, "dify_chatflow")
                        for name in imported.__all__:
                            assert name not in found, f"{name} is exported twice"
                            found[name] = module
                    else:
                        found[alias.asname or alias.name] = module
    return found


def _lazy_table() -> dict[str, str]:
    table: dict[str, str] = dify_chatflow._lazy_table()  # type: ignore[attr-defined]
    return table


def test_the_lazy_table_is_what_type_checkers_see() -> None:
    assert _type_checking_imports() == _lazy_table()


def test_every_family_module_is_star_imported_for_type_checkers() -> None:
    # A family module missing from the TYPE_CHECKING block would be exported at run time
    # (its names are read from its source) but unknown to type checkers.
    star_imported = set(_type_checking_imports().values())
    families = {
        name.removeprefix("dify_chatflow")
        for name in _public_modules()
        if name.startswith(("dify_chatflow.types.", "dify_chatflow.resources."))
    }
    assert families <= star_imported
    assert {".types.chat", ".resources.chat"} <= families


def test_all_is_exactly_the_eager_names_and_the_lazy_table() -> None:
    lazy = _lazy_table()
    # Names bound at import time, not yet loaded lazily (a fresh interpreter's view).
    eager = {
        name
        for name, value in vars(dify_chatflow).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } - set(lazy)
    eager.discard("TYPE_CHECKING")
    eager.add("__version__")
    assert set(dify_chatflow.__all__) == eager | set(lazy)
    assert not eager & set(lazy)
    assert dir(dify_chatflow) == sorted(dify_chatflow.__all__)
    for name in dify_chatflow.__all__:
        assert getattr(dify_chatflow, name) is not None, name


def test_every_exported_class_and_function_says_what_it_is() -> None:
    for name in dify_chatflow.__all__:
        value = getattr(dify_chatflow, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__doc__, f"{name} has no docstring"


def test_every_lazy_name_comes_from_its_module() -> None:
    lazy = _lazy_table()
    for name, module_name in lazy.items():
        module = importlib.import_module(module_name, "dify_chatflow")
        assert name in module.__all__, f"{module_name} does not export {name}"
        assert getattr(dify_chatflow, name) is getattr(module, name)


def _source_modules() -> set[str]:
    """The modules the package imports eagerly, and every family module (the modules it
    loads lazily also hold machinery shared between modules: streams' state, pagers'
    walks)."""
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text())
    eager = {
        "." * node.level + (node.module or "")
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.level
    }
    families = {
        name.removeprefix("dify_chatflow")
        for name in _public_modules()
        if name.startswith(("dify_chatflow.types.", "dify_chatflow.resources."))
    }
    return eager | families


def test_every_class_the_source_modules_offer_is_exported() -> None:
    exported = set(dify_chatflow.__all__)
    modules = _source_modules()
    assert {"._client", "._exceptions", "._values.types", ".types.chat"} <= modules
    for module_name in modules:
        module = importlib.import_module(module_name, "dify_chatflow")
        for name in getattr(module, "__all__", ()):
            # The sans-I/O flows and the client core are machinery, not a user's handle.
            if inspect.isclass(getattr(module, name)) and not name.endswith(("Flows", "Core")):
                assert name in exported, f"{module_name}.{name} is not exported"


def _resources(client_class: type[ChatflowClient | AsyncChatflowClient]) -> dict[str, type]:
    """The client's resource attributes and the class each makes."""
    with_families = [
        name for name in dir(client_class) if isinstance(getattr(client_class, name), Family)
    ]
    client = client_class(api_key="app-k", base_url="http://127.0.0.1:9")
    return {name: type(getattr(client, name)) for name in with_families}


def test_both_clients_have_the_same_resources_exported_and_named_by_their_module() -> None:
    sync, asynchronous = _resources(ChatflowClient), _resources(AsyncChatflowClient)
    assert set(sync) == set(asynchronous)
    assert {"chat", "conversations", "messages", "variables", "files", "app"} <= set(sync)
    lazy = _lazy_table()
    for name in sync:
        for resource in (sync[name], asynchronous[name]):
            assert getattr(dify_chatflow, resource.__name__) is resource
            assert resource.__module__ == f"dify_chatflow.resources.{name}"
            assert lazy[resource.__name__] == f".resources.{name}"
        assert issubclass(sync[name], SyncAPIResource)
        assert issubclass(asynchronous[name], AsyncAPIResource)
        assert asynchronous[name].__name__ == f"Async{sync[name].__name__}"


def test_every_resource_module_is_a_family_of_both_clients() -> None:
    modules = {
        name.removeprefix("dify_chatflow.resources.")
        for name in _public_modules()
        if name.startswith("dify_chatflow.resources.")
    }
    assert set(_resources(ChatflowClient)) == modules


def test_a_resource_is_made_once_per_client_and_a_copy_makes_its_own() -> None:
    with ChatflowClient(api_key="app-k", base_url="http://127.0.0.1:9") as client:
        for name, resource in _resources(ChatflowClient).items():
            assert type(getattr(client, name)) is resource
            assert getattr(client, name) is getattr(client, name)
        copy = client.with_options(timeout=5)
        assert copy.chat is not client.chat
        assert copy.chat._client is copy
    assert ChatflowClient.chat.__doc__ == AsyncChatflowClient.chat.__doc__
    assert "chat messages" in (ChatflowClient.chat.__doc__ or "")


def _twins() -> list[tuple[type, type]]:
    pairs = []
    for name in dify_chatflow.__all__:
        if not name.startswith("Async") or name in ASYNC_ONLY:
            continue
        base = name.removeprefix("Async")
        twin = next(
            (
                candidate
                for candidate in (base, f"Sync{base}")
                if candidate in dify_chatflow.__all__
            ),
            None,
        )
        assert twin is not None, f"{name} has no sync twin"
        pairs.append((getattr(dify_chatflow, twin), getattr(dify_chatflow, name)))
    return pairs


def test_every_async_class_has_a_sync_twin_and_every_resource_is_paired() -> None:
    twins = {sync.__name__ for sync, _ in _twins()}
    assert {"ChatflowClient", "Chat", "SyncPager", "ChatStream", "WorkflowEventStream"} <= twins
    assert {resource.__name__ for resource in _resources(ChatflowClient).values()} <= twins


def _parameters(function: Any) -> list[tuple[str, Any, Any]]:
    return [
        (parameter.name, parameter.kind, parameter.default)
        for parameter in inspect.signature(function).parameters.values()
    ]


def _methods(cls: type) -> dict[str, Any]:
    """Public methods and the protocol methods of ``cls``, by their sync names."""
    async_names = {value: key for key, value in ASYNC_NAMES.items()}
    methods = {}
    for name in dir(cls):
        if name.startswith("_") and name not in ASYNC_NAMES and name not in async_names:
            continue
        value = inspect.getattr_static(cls, name)
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if inspect.isfunction(value):
            methods[async_names.get(name, name)] = value
    return methods


@pytest.mark.parametrize(("sync", "asynchronous"), _twins(), ids=lambda cls: cls.__name__)
def test_every_sync_method_has_an_async_twin_with_the_same_parameters(
    sync: type, asynchronous: type
) -> None:
    sync_methods, async_methods = _methods(sync), _methods(asynchronous)
    assert sorted(sync_methods) == sorted(async_methods)
    for name, method in sync_methods.items():
        assert _parameters(method) == _parameters(async_methods[name]), name
    sync_properties = {n for n in dir(sync) if isinstance(getattr(sync, n, None), property)}
    async_properties = {
        n for n in dir(asynchronous) if isinstance(getattr(asynchronous, n, None), property)
    }
    assert sync_properties == async_properties

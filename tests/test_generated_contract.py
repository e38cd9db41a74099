"""The committed generated client provides everything ``dify_chatflow._api`` binds to.

When it does not (a regeneration moved a name), importing the overlay fails with one
``GeneratedBindingError`` naming what moved.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from _generation_support import PACKAGE, REPO_ROOT, contract_problems, python_with_generated
from dify_chatflow import _api

AFTER_THE_NAME = (
    "; regenerate it with `make generate` from a spec that documents "
    "PUT /conversations/{conversation_id}/variables/{variable_id} "
    "and GET /conversations/{conversation_id}/variables"
)


def test_every_bound_name_is_bound_with_the_parameters_the_overlay_passes() -> None:
    assert contract_problems() == []


def test_the_bound_functions_are_the_generated_operations() -> None:
    assert _api.update_variable.__name__ == (
        "dify_chatflow_api.api.conversations.update_chatflow_conversation_variable"
    )
    assert _api.list_variables.__name__ == (
        "dify_chatflow_api.api.conversations.get_advanced_conversation_variables"
    )


def test_the_update_body_leaves_user_out_unless_given() -> None:
    assert _api.ConversationVariableUpdateRequest(value=[1, 2]).to_dict() == {"value": [1, 2]}
    assert _api.ConversationVariableUpdateRequest(value="x", user="u-1").to_dict() == {
        "value": "x",
        "user": "u-1",
    }


def _remove_module(tree: Path) -> None:
    (tree / "api" / "conversations" / "get_advanced_conversation_variables.py").unlink()


def _rename_model(tree: Path) -> None:
    # What an unpinned upstream schema rename would do to the models package.
    init = tree / "models" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    renamed = text.replace(
        "import ConversationVariableItem\n", "import ConversationVariableItem as VariableRecord\n"
    ).replace('"ConversationVariableItem",', '"VariableRecord",')
    assert renamed != text
    init.write_text(renamed, encoding="utf-8")


@pytest.mark.parametrize(
    ("break_tree", "missing"),
    [
        pytest.param(
            _remove_module,
            "dify_chatflow_api.api.conversations.get_advanced_conversation_variables",
            id="module-gone",
        ),
        pytest.param(
            _rename_model, "dify_chatflow_api.models.ConversationVariableItem", id="model-renamed"
        ),
    ],
)
def test_a_moved_name_fails_the_import_with_one_message_naming_it(
    tmp_path: Path, break_tree: Callable[[Path], None], missing: str
) -> None:
    tree = tmp_path / PACKAGE
    shutil.copytree(REPO_ROOT / "generated" / PACKAGE, tree)
    break_tree(tree)

    result = python_with_generated(tmp_path, "import dify_chatflow._api")

    assert result.returncode == 1
    assert "During handling of the above exception" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"dify_chatflow._api.GeneratedBindingError: the generated client has no {missing}"
        + AFTER_THE_NAME
    )


def test_the_binding_error_is_an_import_error_of_the_package_hierarchy() -> None:
    from dify_chatflow import DifyError

    assert issubclass(_api.GeneratedBindingError, ImportError)
    assert issubclass(_api.GeneratedBindingError, DifyError)

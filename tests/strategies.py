"""Hypothesis strategies for values of every updatable variable type."""

from __future__ import annotations

from typing import Any

from dify_chatflow import VariableType
from hypothesis import strategies as st

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)  # no lone surrogates
INT64 = st.integers(min_value=-(2**63), max_value=2**64 - 1)  # what the server keeps as int
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
# Strings that look like the server's str() spellings, to trip a careless decoder.
TRICKY_TEXT = st.sampled_from(["True", "None", "inf", "'", '"', "\\"])


def json_values(leaf_text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[Any]:
    """Any JSON value, nested a little."""
    return st.recursive(
        st.none() | st.booleans() | INT64 | FLOAT | leaf_text,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
        max_leaves=12,
    )


def values_by_type(
    *, leaf_text: st.SearchStrategy[str] = TEXT, bools_in_number_arrays: bool = False
) -> dict[VariableType, st.SearchStrategy[Any]]:
    """A strategy per updatable type for values the server accepts."""
    objects = st.dictionaries(TEXT, json_values(leaf_text), max_size=5)
    number_items = INT64 | FLOAT | st.booleans() if bools_in_number_arrays else INT64 | FLOAT
    return {
        VariableType.STRING: TEXT,
        VariableType.SECRET: TEXT,
        VariableType.NUMBER: INT64 | FLOAT,
        VariableType.BOOLEAN: st.booleans(),
        VariableType.OBJECT: objects,
        VariableType.ARRAY_STRING: st.lists(TEXT, max_size=8),
        VariableType.ARRAY_NUMBER: st.lists(number_items, max_size=8),
        VariableType.ARRAY_OBJECT: st.lists(objects, max_size=3),
        VariableType.ARRAY_BOOLEAN: st.lists(st.booleans(), max_size=8),
    }


def typed_values(
    by_type: dict[VariableType, st.SearchStrategy[Any]],
) -> st.SearchStrategy[tuple[VariableType, Any]]:
    """``(value_type, value)`` pairs drawn across every type of ``by_type``."""
    return st.sampled_from(sorted(by_type)).flatmap(lambda t: st.tuples(st.just(t), by_type[t]))

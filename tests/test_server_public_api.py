"""The public surface of dify_chatflow.testing is exactly what __all__ names, all documented."""

from __future__ import annotations

import inspect

import dify_chatflow.testing as testing


def test_all_names_exist_and_classes_are_documented():
    for name in testing.__all__:
        obj = getattr(testing, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name


def test_no_public_name_is_left_out_of_all():
    public = {
        name
        for name, obj in vars(testing).items()
        if name[0].isalpha() and not inspect.ismodule(obj)
    }
    assert public == set(testing.__all__)

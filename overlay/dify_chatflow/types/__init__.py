"""Typed models of the API's answers, one module per family."""

__all__: list[str] = []

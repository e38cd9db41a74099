"""Typed models of the API's answers, one module per family."""

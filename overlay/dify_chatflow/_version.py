"""The package version: its one source (pyproject.toml reads it from here)."""

__all__ = ["USER_AGENT", "__version__"]

__version__ = "0.1.0"

USER_AGENT = f"dify-chatflow/{__version__}"
"""The ``User-Agent`` header every request carries."""

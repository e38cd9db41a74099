"""The package version: its one source (pyproject.toml reads it from here)."""

__version__ = "0.1.0"
#: Sent with every request, so server logs can tell this client apart.
USER_AGENT = f"dify-chatflow/{__version__}"

"""One module per endpoint family, each a sync and an async class attached to the client."""

__all__: list[str] = []

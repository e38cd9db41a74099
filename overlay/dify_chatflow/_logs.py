"""The ``dify_chatflow`` logger, and ``DIFY_LOG`` to turn it on without code.

``DIFY_LOG=info`` logs one line per request attempt (method, path, status, elapsed time,
retry number) to stderr; ``DIFY_LOG=debug`` adds the server's request id and version and
timing details. No line carries the API key, a query value, a header we sent or a body.
"""

from __future__ import annotations

import logging
import os

__all__ = ["logger", "setup_logging"]

logger = logging.getLogger("dify_chatflow")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_handler: logging.Handler | None = None


def setup_logging() -> None:
    """Send the logger's records to stderr at the level ``DIFY_LOG`` names (once).

    Without ``DIFY_LOG`` (or with another value) nothing changes: the application's own
    logging configuration decides.
    """
    global _handler
    level = _LEVELS.get(os.environ.get("DIFY_LOG", "").strip().lower())
    if level is None or _handler is not None:
        return
    _handler = logging.StreamHandler()  # stderr
    _handler.setFormatter(
        logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
    )
    logger.addHandler(_handler)
    logger.setLevel(level)

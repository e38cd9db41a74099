"""The quickstart `make demo` runs tells its whole story against the embedded server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_quickstart_runs_a_whole_conversation(repo_root: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIFY_")}
    result = subprocess.run(
        [sys.executable, str(repo_root / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for step in (
        "A blocking message starts a conversation:",
        "A streamed reply, token by token:",
        "class DemoInputs(TypedDict, total=False):",
        "did you mean 'topic'?",
        "After setting one variable of every updatable type:",
        "The user's conversations:",
        "Its history, oldest first:",
        "A file sent with a message, previewed:",
        "hours.txt: text/plain, 23 bytes",
        "content: 'Opening hours: 9 to 5.'",
        "An annotation the app can reply with:",
        "annotations matching 'open': ['When are you open?']",
        "updates the server received: 0",
        "ConversationNotFoundError: status=404 code='not_found'",
    ):
        assert step in out
    assert "s3cr3t" not in out  # the secret variable is never printed

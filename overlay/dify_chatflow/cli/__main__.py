"""``python -m dify_chatflow.cli``: the same as the ``dify-chatflow`` command."""

import sys

from . import main

sys.exit(main())

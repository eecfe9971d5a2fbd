"""``python -m bulletin``: the command line."""

import sys

from bulletin.cli import main

sys.exit(main())

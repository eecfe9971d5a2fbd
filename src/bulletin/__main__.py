"""``python -m bulletin``: the command line."""

import sys

from bulletin.cli.main import main

sys.exit(main())

"""Doctests of the documentation that need an optional extra are skipped when it is not installed."""

from __future__ import annotations

import importlib.util

_NEEDS = {
    "docs/pdf.md": "pypdfium2",
    "docs/html.md": "selectolax",
    "src/bulletin/htmlpage.py": "selectolax",
}

collect_ignore = [path for path, module in _NEEDS.items() if importlib.util.find_spec(module) is None]

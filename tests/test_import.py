"""``import bulletin`` does no work: no converter built, no data parsed, nothing printed."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import bulletin
import bulletin.knowledge as knowledge
import bulletin.parsing.rules.furniture as furniture
assert "opencc" not in sys.modules, "OpenCC loaded at import"
assert knowledge.load.cache_info().currsize == 0, "data parsed at import"
assert furniture._patterns.cache_info().currsize == 0, "patterns compiled at import"
print("ok", end="")
"""


def test_import_is_free_of_side_effects() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok"
    assert result.stderr == ""


def test_public_names_are_exported() -> None:
    import bulletin

    for name in bulletin.__all__:
        assert hasattr(bulletin, name), name
    assert bulletin.__version__ == "0.1.0"

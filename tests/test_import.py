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


def test_public_functions_are_not_shadowed_by_modules_of_the_same_name() -> None:
    import importlib
    import pkgutil

    import bulletin

    for info in pkgutil.walk_packages(bulletin.__path__, "bulletin."):
        if info.name not in ("bulletin.dask", "bulletin.__main__"):  # an optional dependency; the CLI runner
            importlib.import_module(info.name)
    assert callable(bulletin.normalize)
    assert callable(bulletin.decode)
    assert callable(bulletin.parse)


def test_import_loads_public_names_on_first_use() -> None:
    probe = "import sys, bulletin; assert 'bulletin.parsing.parser' not in sys.modules; bulletin.parse; print('ok', end='')"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.stdout == "ok", result.stderr

"""The benchmark script runs end to end on a tiny corpus (a smoke test: no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_benchmark_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--sizes", "0.004", "--repeat", "1", "--no-peer", "--no-import-time"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for row in ("read+decode", "regex floor", "opencc t2s", "normalize t2s", "parse+json", "one char repeated"):
        assert row in out, out
    assert "error" not in out, out

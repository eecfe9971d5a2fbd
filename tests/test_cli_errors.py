"""The command line on bad input: one clear line on stderr, a documented exit code, no traceback.

Exit codes (README): 0 success, 1 some inputs of a batch failed, 2 usage or input error.
These run the installed ``bulletin`` entry point as a subprocess, as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

SEED = SEEDS / "001_0c3caed24b89a787.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bulletin", *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def one_clean_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert lines[0].startswith("bulletin: error: "), text
    return lines[0]


def test_missing_file(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nowhere.txt"))
    assert result.returncode == 2
    assert "no such file" in one_clean_line(result.stderr)


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    # ``parse`` takes a directory as a batch; ``normalize`` reads one file
    result = run("normalize", str(tmp_path))
    assert result.returncode == 2
    assert "is a directory" in one_clean_line(result.stderr)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("本报讯", encoding="utf-8")
    path.chmod(0)
    try:
        result = run("parse", str(path))
    finally:
        path.chmod(0o600)
    assert result.returncode == 2
    assert "cannot be read" in one_clean_line(result.stderr)


def test_unknown_option() -> None:
    result = run("parse", str(SEED), "--no-such-option")
    assert result.returncode == 2
    assert "--no-such-option" in one_clean_line(result.stderr)


def test_unknown_source() -> None:
    result = run("parse", str(SEED), "--source", "nosuchsource")
    assert result.returncode == 2
    line = one_clean_line(result.stderr)
    assert "nosuchsource" in line
    assert "generic" in line  # the installed parsers are listed


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert "binary data" in one_clean_line(result.stderr)


def test_undecodable_bytes_name_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    good = "本报讯 会议昨天举行。".encode()
    path.write_bytes(good + b"\xff\xfe\xfd\x80\x80\xff" + good)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert f"at byte {len(good)}" in one_clean_line(result.stderr)


def test_broken_pipe_is_quiet() -> None:
    """``bulletin parse seed | head -c 10``: the reader goes away; no traceback, no error line."""
    command = f"{sys.executable} -m bulletin parse {SEED} | head -c 10"
    result = subprocess.run(
        ["sh", "-c", command], capture_output=True, timeout=120, check=False
    )
    assert len(result.stdout) == 10
    assert b"Traceback" not in result.stderr
    assert result.stderr.strip() == b"", result.stderr


def test_broken_pipe_on_a_large_output(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(SEED.read_text(encoding="utf-8") * 30, encoding="utf-8")
    command = f"{sys.executable} -m bulletin parse {path} | head -c 1"
    result = subprocess.run(["sh", "-c", command], capture_output=True, timeout=120, check=False)
    assert b"Traceback" not in result.stderr
    assert result.stderr.strip() == b"", result.stderr

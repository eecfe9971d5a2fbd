"""Fuzz ``bulletin.parse`` and ``bulletin.normalize`` for a given number of seconds.

Two engines:

* ``atheris`` (coverage-guided, libFuzzer) when it is installed::

      python fuzz/fuzz_parse.py --atheris -max_total_time=300 fuzz/corpus

* otherwise (or with ``--hypothesis``) random bulletin-like text from the
  strategies the property tests use, for ``--seconds`` seconds::

      python fuzz/fuzz_parse.py --hypothesis --seconds 300

Every input is checked against the invariants of ``tests/test_properties.py``
(no exception, spans inside the input, every non-space character covered,
``normalize`` idempotent, JSON round trip).  A failing input is written to
``fuzz/crashes/`` and the run stops; turn it into a regression test in
``tests/test_hostile.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import bulletin  # noqa: E402

CRASHES = HERE / "crashes"


def check(text: str) -> None:
    """Raise AssertionError (or whatever parse raises) when ``text`` breaks an invariant.

    The checks are the property tests' own (``tests/test_properties.py``), so the fuzzer and
    the tests hold the library to one definition of each guarantee.
    """
    from test_properties import check_json, check_spans, check_texts, check_valid

    parsed = bulletin.parse(text)
    assert parsed.text == text
    check_valid(text, parsed)
    check_spans(text, parsed)
    check_texts(text, parsed)
    check_json(text, parsed)
    once = bulletin.normalize(text)
    assert bulletin.normalize(once.text).text == once.text, "normalize is not idempotent"
    previous = 0
    for i in range(len(once.text)):
        j = once.offsets.char(i)
        assert previous <= j <= len(text), f"offset map goes backwards or outside at {i}"
        previous = j


def _save(text: str, error: BaseException) -> Path:
    CRASHES.mkdir(exist_ok=True)
    name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = CRASHES / f"{name}.json"
    path.write_text(json.dumps({"input": text, "error": repr(error)}, ensure_ascii=True) + "\n")
    return path


def run_hypothesis(seconds: float) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from bulletin_strategies import bulletin_like, bulletin_lines

    deadline = time.monotonic() + seconds
    count = 0

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(bulletin_like(80), bulletin_lines(30), st.text(max_size=400)))
    def target(text: str) -> None:
        nonlocal count
        if time.monotonic() > deadline:
            raise _Done
        count += 1
        check(text)

    try:
        target()
    except _Done:
        pass
    except Exception as error:  # hypothesis has shrunk it: save the smallest failing input
        text = getattr(error, "__notes__", [""])
        print(f"failure after {count} inputs: {error!r}\n{text}", file=sys.stderr)
        return 1
    print(f"hypothesis fuzz: {count} inputs in {seconds:.0f} s, no failure")
    return 0


class _Done(BaseException):  # not an Exception, so hypothesis stops at once instead of shrinking
    pass


def run_atheris(argv: list[str]) -> None:
    import atheris

    from bulletin_strategies import TOKENS

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        parts: list[str] = []
        while fdp.remaining_bytes():
            choice = fdp.ConsumeIntInRange(0, 3)
            if choice == 0:
                parts.append(TOKENS[fdp.ConsumeIntInRange(0, len(TOKENS) - 1)])
            else:
                parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(1, 8)))
        text = "".join(parts)
        try:
            check(text)
        except Exception as error:
            _save(text, error)
            raise
        # the bytes path too: decode must either decode or raise BulletinDecodeError
        with contextlib.suppress(bulletin.BulletinError):
            bulletin.read_text(data)

    import bulletin.parsing.parser

    atheris.instrument_all()
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def main() -> int:
    args = sys.argv[1:]
    if "--hypothesis" in args or "--atheris" not in args:
        seconds = 60.0
        if "--seconds" in args:
            seconds = float(args[args.index("--seconds") + 1])
        return run_hypothesis(seconds)
    args.remove("--atheris")
    run_atheris([sys.argv[0], *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fuzz ``bulletin.parse`` and ``bulletin.normalize`` for a given number of seconds.

Two engines:

* ``atheris`` (coverage-guided, libFuzzer) when it is installed::

      python fuzz/fuzz_parse.py --atheris -max_total_time=300 fuzz/corpus

* otherwise (or with ``--hypothesis``) random bulletin-like text from the
  strategies the property tests use, for ``--seconds`` seconds::

      python fuzz/fuzz_parse.py --hypothesis --seconds 300

Every input is checked against the invariants of ``tests/test_properties.py``
(no exception, spans inside the input, every non-space character covered,
``normalize`` idempotent for the default and the line-keeping steps, JSON
round trip); about one input in four is checked again in NFD, and one in
twenty goes through ``parse_many`` between two plain documents with a plug-in
that fails on it in one of the ways a plug-in can (raising
``KeyboardInterrupt``, ``GeneratorExit``, ``SystemExit`` or an exception,
returning no bulletin, printing, a ``detect`` that raises): that document
alone must fail.  Which extra checks an input gets is drawn by Hypothesis
with the input, never counted across inputs, so a replay of a failing example
runs the checks that failed (a counter made a failure of the NFD check look
flaky: the replay had another count and skipped it).  The vocabulary
(``tests/bulletin_strategies.py``) holds the triggers of past failures: markup
in full width, unclosed comments, entity chains, long space runs, NFD text
and accented capitals, quotes beside URLs.

Options: ``--seconds S`` (default 60), ``--cases N`` (stop after N inputs),
``--seed N`` (the same inputs every run), ``--replay FILE`` (check a saved
failure again).  A failing input is written to ``fuzz/crashes/`` with the
checks it got and the run stops; turn it into a regression test in
``tests/test_hostile.py`` or ``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import bulletin  # noqa: E402
from bulletin.normalize.pipeline import LINE_STEPS  # noqa: E402

CRASHES = HERE / "crashes"
PLAIN = "本报讯 会议昨天举行。"
FAILURES = ("KeyboardInterrupt", "GeneratorExit", "SystemExit", "Custom", "ValueError", "None", "print", "detect")


class _Custom(BaseException):
    """A plug-in's own BaseException."""


class Hostile(bulletin.RuleBasedParser):
    """A plug-in that fails on the fuzzed document, in the way ``failure`` names."""

    name = "hostile"
    failure = "ValueError"
    victim = ""

    def detect(self, text: str) -> float:
        if text == self.victim:
            if self.failure == "detect":
                raise RuntimeError("detect failed")
            return 1.0
        return 0.0

    def parse(self, text: str, *, options: bulletin.ParseOptions) -> bulletin.Bulletin:
        if text == self.victim:
            kind = self.failure
            if kind == "print":
                print("plug-in output")
            else:
                raise {"KeyboardInterrupt": KeyboardInterrupt, "GeneratorExit": GeneratorExit,
                       "SystemExit": SystemExit, "Custom": _Custom, "ValueError": ValueError}.get(kind, ValueError)()
        return super().parse(text, options=options)


_HOSTILE = Hostile()


def check_plug_in_failure(text: str, failure: str) -> None:
    """``text`` between two plain documents, its parser failing as ``failure`` says: only it fails."""
    import io
    import warnings

    from bulletin.batch import json_line, make_job
    from bulletin.parsers import registry

    if text == PLAIN:
        return
    found = registry._registry()
    found["hostile"] = _HOSTILE
    _HOSTILE.failure, _HOSTILE.victim = failure, text
    try:
        with contextlib.redirect_stderr(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with contextlib.redirect_stdout(io.StringIO()):  # parse_many leaves a plug-in's stdout alone
                results = list(bulletin.parse_many([PLAIN, text, PLAIN], workers=1))
            with contextlib.redirect_stdout(io.StringIO()) as out:  # the batch command's records do not
                ok, line = json_line(make_job(None, None, None), 1, text)
        assert [r.status for r in (results[0], results[2])] == ["ok", "ok"], "a plug-in failure spread"
        if failure in ("print", "detect"):
            assert results[1].status == "ok", f"{failure}: {results[1].error}"
            assert out.getvalue() == "", "a plug-in's print reached stdout in a batch"
        else:
            assert results[1].status == "error", results[1]
            assert results[1].parser == "hostile", results[1]
            assert not ok
            assert json.loads(line)["status"] == "error"
    finally:
        del found["hostile"]


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
    lines = bulletin.normalize(text, steps=LINE_STEPS).text
    assert bulletin.normalize(lines, steps=LINE_STEPS).text == lines, "normalize (LINE_STEPS) is not idempotent"
    previous = 0
    for i in range(len(once.text)):
        j = once.offsets.char(i)
        assert previous <= j <= len(text), f"offset map goes backwards or outside at {i}"
        previous = j


def check_input(text: str, nfd: bool, failure: str | None) -> None:
    """``check`` on ``text``; on its NFD form too if ``nfd``; through a failing plug-in if ``failure``."""
    check(text)
    if nfd:
        decomposed = unicodedata.normalize("NFD", text)
        if decomposed != text:
            check(decomposed)
    if failure is not None:
        check_plug_in_failure(text, failure)


def _save(text: str, nfd: bool, failure: str | None, error: BaseException) -> Path:
    CRASHES.mkdir(exist_ok=True)
    name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = CRASHES / f"{name}.json"
    record = {"input": text, "nfd": nfd, "failure": failure, "error": repr(error)}
    path.write_text(json.dumps(record, ensure_ascii=True) + "\n")
    return path


def replay(path: Path) -> int:
    """Check a saved failure again: 0 when it passes now."""
    record = json.loads(path.read_text())
    check_input(record["input"], bool(record.get("nfd")), record.get("failure"))
    print(f"{path}: passes")
    return 0


def run_hypothesis(seconds: float, cases: int = 0, seed: int | None = None) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fix_seed
    from hypothesis import strategies as st

    from bulletin_strategies import bulletin_like, bulletin_lines

    start = time.monotonic()
    deadline = start + seconds
    count = 0
    saved: list[Path] = []
    report = max(1000, cases // 20) if cases else 10_000
    # the extra checks are drawn with the input: a replay (or a shrink) runs the same checks
    # (shrinking towards no extra check: NFD for one input in four, a failing plug-in for one in twenty)
    nfd = st.integers(0, 3).map(lambda k: k == 3)
    failure = st.sampled_from((*(None,) * 19 * len(FAILURES), *FAILURES))
    plans = st.tuples(nfd, failure)

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(bulletin_like(80), bulletin_lines(30), st.text(max_size=400)), plans)
    def target(text: str, plan: tuple[bool, str | None]) -> None:
        nonlocal count
        if time.monotonic() > deadline or (cases and count >= cases):
            raise _Done
        count += 1
        nfd, failure = plan
        try:
            check_input(text, nfd, failure)
        except Exception as error:  # kept before hypothesis shrinks (its report can lose the input)
            saved.append(_save(text, nfd, failure, error))
            print(f"failing input saved to {saved[-1]}", file=sys.stderr, flush=True)
            raise
        if count % report == 0:
            print(f"{count} inputs, {time.monotonic() - start:.0f} s", flush=True)

    if seed is not None:
        target = fix_seed(seed)(target)
    try:
        target()
    except _Done:
        if CRASHES.is_dir() and saved:  # the time ran out while hypothesis was shrinking a failure
            print(f"failure after {count} inputs (not shrunk in time): see {saved[-1]}", file=sys.stderr)
            return 1
    except Exception as error:  # hypothesis has shrunk it: save the smallest failing input
        text = getattr(error, "__notes__", [""])
        print(f"failure after {count} inputs: {error!r}\n{text}", file=sys.stderr)
        return 1
    print(f"hypothesis fuzz: {count} inputs in {time.monotonic() - start:.0f} s, no failure")
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
            _save(text, False, None, error)
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
    if "--help" in args or "-h" in args:
        print(__doc__)
        return 0
    if "--replay" in args:
        return replay(Path(args[args.index("--replay") + 1]))
    if "--hypothesis" in args or "--atheris" not in args:
        seconds = 60.0
        if "--seconds" in args:
            seconds = float(args[args.index("--seconds") + 1])
        cases = int(args[args.index("--cases") + 1]) if "--cases" in args else 0
        if cases and "--seconds" not in args:
            seconds = float("inf")
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else None
        return run_hypothesis(seconds, cases, seed)
    args.remove("--atheris")
    run_atheris([sys.argv[0], *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())

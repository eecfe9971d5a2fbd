"""The collector is paused during a parse and always resumed after (bulletin.gcpause)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from bulletin.gcpause import collector_paused
from bulletin.parsing.parser import Parser
from bulletin.parsing.state import ParseState


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_a_parse_runs_with_the_collector_paused_and_resumes_it() -> None:
    seen: list[bool] = []

    def spy(state: ParseState) -> None:
        seen.append(gc.isenabled())

    parser = Parser()
    parser.rules.push("spy", spy)
    parser.parse("市政协召开专题协商会\n\n本报讯 市政协昨天下午召开专题协商会。")
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_resumed_when_the_parse_raises() -> None:
    def broken(state: ParseState) -> None:
        raise RuntimeError("a broken rule")

    parser = Parser()
    parser.rules.push("broken", broken)
    with pytest.raises(RuntimeError, match="a broken rule"):
        parser.parse("本报讯 会议举行。")
    assert gc.isenabled()


def test_a_collector_the_program_disabled_stays_disabled() -> None:
    gc.disable()
    Parser().parse("本报讯 会议举行。")
    assert not gc.isenabled()


def test_concurrent_parses_resume_the_collector_once_the_last_ends() -> None:
    inside, release = threading.Barrier(2), threading.Event()
    states: list[bool] = []

    def hold() -> None:
        with collector_paused():
            inside.wait()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    with collector_paused():
        inside.wait()
    states.append(gc.isenabled())  # the other thread is still inside: still paused
    release.set()
    thread.join()
    states.append(gc.isenabled())
    assert states == [False, True]

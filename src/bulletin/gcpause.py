"""The cyclic garbage collector paused while one large operation allocates (parse, normalise, JSON).

Why: a parse allocates a few container objects per character of input (lines,
pieces, spans, model nodes, offset maps), and nearly all of them live until
the parse returns.  The collector counts allocations and, every so often,
walks the whole heap of long-lived objects looking for cycles; on a growing
heap those full walks make the parse of 8 MB cost more than 8 times that of
1 MB.  The parse makes no cyclic garbage that has to go before it ends
(reference counting frees everything else as usual), so the collector is
paused for its duration and resumed after, even when the parse raises.

Threads: the collector is one per process.  Operations in flight are
counted under a lock: the first to start pauses the collector, the last to
end resumes it, and only if it was running when the first started, so a
program that disabled the collector itself keeps it disabled.  While any
thread parses, the collector is paused for every thread.

>>> import gc
>>> with collector_paused():
...     with collector_paused():  # nested and concurrent operations share one pause
...         gc.isenabled()
...     gc.isenabled()
False
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_lock = threading.Lock()
_in_flight = 0
_resume = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the ``with`` block (or the decorated function)."""
    global _in_flight, _resume
    with _lock:
        if _in_flight == 0:
            _resume = gc.isenabled()
            gc.disable()
        _in_flight += 1
    try:
        yield
    finally:
        with _lock:
            _in_flight -= 1
            if _in_flight == 0 and _resume:
                gc.enable()

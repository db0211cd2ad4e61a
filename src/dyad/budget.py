"""A time budget per article, so that one pathological text can never stall a batch or a server.

The budget is a number of seconds per 10,000 characters (every article gets at least that much):
`Pipeline(time_budget=...)`, `--time-budget` on the command line, or the `DYAD_TIME_BUDGET`
environment variable; 0 turns it off. It is enforced two ways, because either alone has a gap:

- cooperatively: the stages call `check()` in their loops (per sentence), which raises
  `TimeBudgetExceeded` once the deadline has passed; this works in any thread;
- preemptively, in a process's main thread (the CLI, a Ray worker, the API's extraction
  worker): a SIGALRM timer raises the same error from whatever Python code is running, which
  also stops a loop that never reaches a `check()`.

`TimeBudgetExceeded` is a `DyadError`, so every entry point reports the article as one line and
goes on with the rest of the batch.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from .types import DyadError

DEFAULT_PER_10K = 5.0  # seconds per 10,000 characters; a normal article needs a tenth of that on one core
ENV = "DYAD_TIME_BUDGET"

_deadline: ContextVar[tuple[float, str, list[bool]] | None] = ContextVar("dyad_deadline", default=None)


class TimeBudgetExceeded(DyadError):
    """An article took longer than its time budget; it is skipped."""


class _Overrun(BaseException):
    """Raised inside the stages when the deadline passes. A BaseException, like KeyboardInterrupt, so
    that a stage's `except Exception` fallback cannot swallow it; `limit` turns it into TimeBudgetExceeded."""


def per_10k(value: float | None = None) -> float:
    """The budget in seconds per 10,000 characters: the value given, else $DYAD_TIME_BUDGET, else the default."""
    if value is not None:
        if value < 0:
            raise DyadError(f"the time budget must be >= 0 seconds, not {value}")
        return float(value)
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_PER_10K
    try:
        got = float(raw)
    except ValueError:
        raise DyadError(f"{ENV} must be a number of seconds per 10,000 characters, not {raw!r}") from None
    if got < 0 or got != got:
        raise DyadError(f"{ENV} must be >= 0, not {raw!r}")
    return got


def seconds_for(n_chars: int, per: float) -> float:
    """The budget of an article of n_chars characters (0: no limit)."""
    return per * max(1.0, n_chars / 10_000) if per > 0 else 0.0


def check() -> None:
    """Raise TimeBudgetExceeded if the current article's deadline has passed (stages call this in loops)."""
    got = _deadline.get()
    if got is not None and time.monotonic() > got[0] and got[2][0]:
        got[2][0] = False  # one overrun per deadline: the timer must not raise a second one while this unwinds
        raise _Overrun(got[1])


@contextmanager
def limit(seconds: float, n_chars: int = 0) -> Iterator[None]:
    """Run the block under a deadline `seconds` from now (0: no deadline)."""
    if not seconds or seconds <= 0:
        yield
        return
    detail = (f"took longer than its time budget ({seconds:.3g} s for {n_chars:,} characters); skipped "
              "(raise it with --time-budget or DYAD_TIME_BUDGET)")
    running = [True]  # shared by check() and the timer, so that only one of them ever raises
    token = _deadline.set((time.monotonic() + seconds, detail, running))

    def _alarm(signum, frame):
        if running[0]:  # not once the block is done, nor after check() raised
            running[0] = False
            raise _Overrun(detail)

    armed = False
    old = None
    try:
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread() \
                and signal.getitimer(signal.ITIMER_REAL)[0] == 0:  # no timer of someone else's to clobber
            try:
                old = signal.signal(signal.SIGALRM, _alarm)
                armed = True
                signal.setitimer(signal.ITIMER_REAL, seconds)
            except ValueError:  # not the main interpreter
                pass
        yield
    except _Overrun as exc:
        raise TimeBudgetExceeded(str(exc)) from None
    finally:
        running[0] = False
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)
        _deadline.reset(token)

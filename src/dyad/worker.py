"""Analysis in a separate process, for the web server: `POST /api/extract` must never freeze `dyad serve`.

One child process holds a `Pipeline` and analyses one article at a time. The server talks to it
from a thread (never on the event loop), so other requests go on meanwhile. Requests wait in a
bounded queue: when it is full the caller is told at once (`WorkerBusy`, a 503) instead of piling
up. The child enforces the article's time budget itself and answers with the reason; if it does
not answer within the budget plus a grace period (stuck in C code, or frozen), it is killed and a
fresh one is started for the next request.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from typing import Any

from . import budget
from .types import Article, DyadError

READY_TIMEOUT = 300.0  # loading spaCy and the KB in a fresh process, on a busy machine


class WorkerBusy(DyadError):
    """Too many analyses are waiting already; try again shortly."""


class WorkerFailed(DyadError):
    """The worker process died or could not start."""


def main() -> None:
    """The child process: messages come on stdin and go out on the original stdout; anything a library
    prints goes to stderr instead, so it cannot corrupt the messages."""
    out_fd = os.dup(1)
    os.dup2(2, 1)
    reader, writer = Connection(0, writable=False), Connection(out_fd, readable=False)
    kb_files, time_budget = reader.recv()
    _serve(reader, writer, tuple(kb_files), time_budget)


def _serve(conn, out, kb_files: tuple[str, ...], time_budget: float) -> None:
    """The worker's loop: build the pipeline once, then answer one article per message."""
    from .pipeline import Pipeline

    try:
        pipe = Pipeline(kb_files=kb_files, time_budget=time_budget)
    except Exception as exc:  # reported to the parent, which says so to the user
        out.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    out.send(("ready", None))
    while True:
        try:
            art = conn.recv()
        except (EOFError, OSError):
            return
        try:
            out.send(("ok", pipe.process(Article(**art)).to_dict()))
        except DyadError as exc:  # over the budget, a bad date, not English
            out.send(("refused", str(exc)))
        except Exception as exc:
            out.send(("error", f"internal error: {type(exc).__name__}"))


class ExtractWorker:
    def __init__(self, kb_files: tuple[str, ...] = (), time_budget: float | None = None, queue: int = 4,
                 grace: float = 3.0):
        self.kb_files = tuple(kb_files)
        self.time_budget = budget.per_10k(time_budget)
        self.queue, self.grace = queue, grace
        self._proc: subprocess.Popen | None = None
        self._to: Connection | None = None
        self._from: Connection | None = None
        self._run = threading.Lock()  # one article at a time in the child
        self._count = threading.Lock()
        self._waiting = 0
        self.restarts = 0

    # -- the child's life

    def start(self) -> None:
        """Start the child now (in the background of server start-up), so the first request does not wait."""
        threading.Thread(target=self._ensure_started_locked, daemon=True).start()

    def _ensure_started_locked(self) -> None:
        with self._run:
            self._ensure_started()

    def _ensure_started(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._stop()
        # a fresh interpreter (not a fork of the threaded server), with this process's import path
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        proc = subprocess.Popen([sys.executable, "-c", "from dyad.worker import main; main()"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        to, frm = Connection(os.dup(proc.stdin.fileno()), readable=False), Connection(os.dup(proc.stdout.fileno()), writable=False)
        proc.stdin.close()
        proc.stdout.close()
        self._proc, self._to, self._from = proc, to, frm
        try:
            to.send((list(self.kb_files), self.time_budget))
            if not frm.poll(READY_TIMEOUT):
                raise WorkerFailed("the analysis worker did not start")
            kind, detail = frm.recv()
        except (EOFError, OSError):
            kind, detail = "failed", "it exited while starting"
        except WorkerFailed:
            self._stop()
            raise
        if kind != "ready":
            self._stop()
            raise WorkerFailed(f"the analysis worker could not start: {detail}")

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(5)
        for c in (self._to, self._from):
            if c is not None:
                c.close()
        self._proc = self._to = self._from = None

    def close(self) -> None:
        with self._run:
            self._stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    # -- one article

    def process(self, article: Article) -> dict[str, Any]:
        """The contract document as a dict. Blocking: call it from a thread, not the event loop.

        Raises TimeBudgetExceeded (and restarts the child) when the article overruns, WorkerBusy when
        the queue is full, DyadError for a refused article.
        """
        with self._count:
            if self._waiting >= self.queue:
                raise WorkerBusy(f"{self._waiting} analyses are already waiting; try again shortly")
            self._waiting += 1
        try:
            with self._run:
                self._ensure_started()
                seconds = budget.seconds_for(len(article.text), self.time_budget)
                try:
                    self._to.send({"text": article.text, "published": article.published, "title": article.title,
                                   "doc_id": article.doc_id, "source": article.source})
                    answered = self._from.poll(seconds + self.grace if seconds else None)
                    if answered:
                        kind, payload = self._from.recv()
                except (EOFError, OSError):  # it died (killed from outside, out of memory)
                    self._stop()
                    raise WorkerFailed("the analysis worker died; it is restarted for the next request") from None
                if not answered:
                    self._stop()  # stuck where its own deadline could not reach: end it, start afresh next time
                    self.restarts += 1
                    raise budget.TimeBudgetExceeded(
                        f"took longer than its time budget ({seconds:.3g} s for {len(article.text):,} characters); "
                        "the analysis was stopped")
        finally:
            with self._count:
                self._waiting -= 1
        if kind == "ok":
            return payload
        if kind == "refused":
            if payload.startswith("took longer than its time budget"):
                raise budget.TimeBudgetExceeded(payload)
            raise DyadError(payload)
        raise WorkerFailed(payload)

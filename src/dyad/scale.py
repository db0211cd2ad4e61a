"""Scale-out on Ray: the same pipeline, one copy per Ray worker, streaming into Parquet shards.

Each worker (a Ray actor) loads the spaCy model, knowledge base and lexicons once, then analyses
the batches it is sent and writes each batch's documents as a Parquet shard (`dyad.shards`); only
the shard's name and the skipped articles' reasons come back. The driver reads its inputs lazily
and keeps at most `in_flight` batches (two per worker) on their way, so its memory does not grow
with the corpus; it loads finished shards into DuckDB itself, one transaction per shard, so the
store keeps a single writer. Shards left by a crashed run are loaded by the next one.

Without an address Ray starts on this machine with one worker per core; with `address="auto"` or
"ray://host:10001" it joins an existing cluster (the shard folder must then be on storage that
every worker can write and the driver can read).

Ray Data is not used: the work is a stateful actor per worker (a loaded pipeline) fed small
batches, which an actor pool with a bounded number of tasks expresses directly, and Ray Data's
readers would add pyarrow and pandas to read what `dyad.ingest` already reads lazily.

    dyad ingest news/ --ray               # all local cores
    dyad ingest news/ --ray --ray-address auto --workers 16 --shards /shared/dyad-shards
"""
from __future__ import annotations

import os
import uuid
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .types import Article


def _ray():
    try:
        import ray
    except ImportError as exc:  # an optional dependency: say how to get it
        raise RuntimeError("Ray is not installed: pip install 'dyad[ray]'") from exc
    return ray


class _Worker:
    """A Ray actor holding one Pipeline."""

    def __init__(self, kb_files: tuple[str, ...], time_budget: float | None = None, verbs: str | None = None):
        from .pipeline import Pipeline

        self.pipe = Pipeline(kb_files=kb_files, time_budget=time_budget, verbs=verbs)

    def run(self, batch: list[Article], folder: str, name: str) -> tuple[str, str | None, list[tuple[str, str]], tuple[int, int]]:
        """Analyse a batch and write its documents as one shard: (name, shard path or None when no
        article could be analysed, [(origin, why skipped)], (this worker's pid, its peak memory in kB))."""
        import resource

        from . import shards

        docs, skipped = [], []
        for art, doc in self.pipe.results(batch, batch_size=len(batch)):
            if isinstance(doc, str):
                skipped.append((art.origin or art.doc_id or "?", doc))
            else:
                docs.append(doc)
        path = str(shards.write(docs, folder, name)) if docs else None
        return name, path, skipped, (os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def run(articles: Iterable[Article], folder: str | Path, on_shard: Callable[[str | None, list, int, tuple[int, int]], None],
        workers: int | None = None, batch_size: int = 16, address: str | None = None,
        kb_files: Iterable[str] = (), time_budget: float | None = None, verbs: str | None = None,
        in_flight: int | None = None) -> int:
    """Analyse `articles` (any iterable, read lazily) on Ray workers into shards in `folder`.
    `on_shard(path, skipped, n_articles, (worker_pid, worker_peak_kb))` is called on the driver as each batch
    finishes (in completion order), typically to load the shard. Returns the number of workers."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                 num_cpus=None if address else (workers or os.cpu_count() or 1))
    n = workers or max(1, int(ray.available_resources().get("CPU", 1)))
    remote = ray.remote(num_cpus=1)(_Worker)
    pool = ray.util.ActorPool([remote.remote(tuple(kb_files), time_budget, verbs) for _ in range(n)])
    limit = in_flight or 2 * n  # one batch running and one waiting per worker
    run_id = uuid.uuid4().hex[:8]
    folder = str(folder)
    busy = 0
    sizes: dict[str, int] = {}

    for seq, batch in enumerate(_batches(articles, batch_size)):
        while busy >= limit:
            _finish(pool, on_shard, sizes)
            busy -= 1
        name = f"{run_id}-{seq:08d}"
        sizes[name] = len(batch)
        pool.submit(lambda a, v: a.run.remote(*v), (batch, folder, name))
        busy += 1
    while pool.has_next():
        _finish(pool, on_shard, sizes)
    return n


def _finish(pool, on_shard: Callable[[str | None, list, int, tuple[int, int]], None], sizes: dict[str, int]) -> None:
    name, path, skipped, peak = pool.get_next_unordered()
    on_shard(path, skipped, sizes.pop(name), peak)

"""Scale-out on Ray: the same pipeline, one copy per Ray worker, fed batches of articles.

Each worker loads the spaCy model, knowledge base and lexicons once (a Ray actor), then analyses
the batches it is given. Documents come back to the caller in input order; the caller stores
them, so DuckDB keeps a single writer. Without an address Ray starts on this machine with one
worker per core; with `address="auto"` or "ray://host:10001" it joins an existing cluster.

    dyad ingest news/ --ray               # all local cores
    dyad ingest news/ --ray --ray-address auto --workers 16
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from .types import Article, Document


def _ray():
    try:
        import ray
    except ImportError as exc:  # an optional dependency: say how to get it
        raise RuntimeError("Ray is not installed: pip install 'dyad[ray]'") from exc
    return ray


class _Worker:
    """A Ray actor holding one Pipeline."""

    def __init__(self, kb_files: tuple[str, ...], time_budget: float | None = None):
        from .pipeline import Pipeline

        self.pipe = Pipeline(kb_files=kb_files, time_budget=time_budget)

    def run(self, batch: list[Article]) -> list[Document | str]:
        """A document, or why it was skipped (over its time budget, a stage error), per article."""
        return [doc for _, doc in self.pipe.results(batch, batch_size=len(batch))]


def extract(articles: Iterable[Article], workers: int | None = None, batch_size: int = 16,
            address: str | None = None, kb_files: Iterable[str] = (), time_budget: float | None = None
            ) -> Iterator[tuple[Article, Document | str]]:
    """(article, document or error message) for every article, in input order."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                 num_cpus=None if address else (workers or os.cpu_count() or 1))
    n = workers or max(1, int(ray.available_resources().get("CPU", 1)))
    remote = ray.remote(num_cpus=1)(_Worker)
    pool = ray.util.ActorPool([remote.remote(tuple(kb_files), time_budget) for _ in range(n)])
    articles = list(articles)
    batches = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    for batch, results in zip(batches, pool.map(lambda w, b: w.run.remote(b), batches)):
        yield from zip(batch, results)

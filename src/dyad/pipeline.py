"""The whole pipe for one article: parse, actors, quotes, events, as one `Document`.

    >>> import dyad
    >>> doc = dyad.extract("Blinken met Xi Jinping in Beijing on Monday.", published="2023-06-20")
    >>> [(e.source_code, e.cameo, e.target_code) for e in doc.events]

`DYAD_VERBS` (or `Pipeline(verbs=...)`) points at a replacement verb lexicon.
`Pipeline` holds what is costly to load (the spaCy model, the knowledge base, the lexicons) and is
reused across articles; `Pipeline.pipe` parses in batches, which is several times faster.
Every article runs under a time budget (`dyad.budget`); `Pipeline.results` is the batch entry
point that never loses a batch: each article comes back with its document or the reason it was skipped.
"""
from __future__ import annotations

import gc
import os
from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator

from spacy.tokens import Doc

from . import kb as kbmod
from . import budget, nlp, repair
from .actors import ActorStage
from .events import EventStage
from .ingest import check_text, normalise_date, sanitise, text_hash
from .quotes import QuoteStage
from .types import Article, Document, DyadError


class Pipeline:
    def __init__(self, kb_files: Iterable[str] = (), verbs: str | None = None, time_budget: float | None = None):
        """Extraction is complete: events with one side are kept, flagged `one_sided`; queries choose.

        `time_budget`: seconds per 10,000 characters (default $DYAD_TIME_BUDGET or 5; 0 = no limit)."""
        self.time_budget = budget.per_10k(time_budget)
        self.kb = kbmod.load(tuple(kb_files))
        self.actors = ActorStage(self.kb)
        self.quotes = QuoteStage()
        self.events = EventStage(lexicon_path=verbs or os.environ.get("DYAD_VERBS"))
        nlp.load()
        self._warm_up()
        # The model, the KB and the lexicons are some 150,000 objects that live as long as the process.
        # Python's cyclic collector would walk all of them at each full collection (about 0.4 s each, a
        # few times per hundred articles); frozen, they are left out of its walks. Objects are still freed
        # when nothing refers to them. No collection first: it costs 0.09 s of start-up, and the cyclic
        # garbage it would find here is some 700 small objects, kept.
        gc.freeze()

    def _warm_up(self) -> None:
        """Analyse a short text once, so the stages' lazily built tables (gazetteer, matchers, lexicons)
        are built now and not counted against the first real article's time budget."""
        text = ('Officials in Paris said on Monday that French President Emmanuel Macron met Chinese Foreign '
                'Minister Wang Yi. "We welcome the talks," he said, and the two sides signed an agreement.')
        self._analyse(Article(text=text, published="2024-01-01"), nlp.parse(text))
        kbmod.place_country("Tel Aviv")  # the city gazetteer, built on the first place the KB does not list

    def process(self, article: Article) -> Document:
        article = self._prepared(article)
        check_text(article.text)
        return self._timed(article, None)

    @staticmethod
    def _prepared(article: Article) -> Article:
        """The article as the stages may take it: storable characters only, and a checked date
        (DyadError for a date that is not ISO, rather than an error deep inside a stage)."""
        article = sanitise(article)
        if article.published is not None:
            article = replace(article, published=normalise_date(article.published, "published"))
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Document]:
        """Documents for already-checked articles, in order; the first failure raises (see `results`)."""
        it = iter(articles)
        while batch := [self._prepared(a) for a in islice(it, batch_size)]:
            for art, doc in zip(batch, nlp.parse_many([a.text for a in batch], batch_size=len(batch))):
                result = self._timed(art, doc)  # computed before the yield: the deadline must not cover the caller
                yield result

    def results(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Document | str]]:
        """(article, document or why it was skipped) for already-checked articles, in order.

        Parses in batches; an article over its time budget or failing in a stage is reported in its
        place and the others of its batch are kept. If the batch parse itself fails, its articles are
        parsed one by one.
        """
        it = iter(articles)  # read lazily: a stream of any length holds one batch in memory
        while chunk := list(islice(it, batch_size)):
            ready: list[tuple[Article, Article | str]] = []
            for art in chunk:
                try:
                    ready.append((art, self._prepared(art)))
                except DyadError as exc:  # a bad date: reported in its place
                    ready.append((art, str(exc)))
            batch = [p for _, p in ready if isinstance(p, Article)]
            try:
                docs = iter(list(nlp.parse_many([a.text for a in batch], batch_size=max(1, len(batch)))))
            except Exception:
                docs = iter([None] * len(batch))
            for art, prepared in ready:
                if isinstance(prepared, str):
                    yield art, prepared
                    continue
                doc = next(docs)
                try:
                    yield prepared, self._timed(prepared, doc)
                except DyadError as exc:
                    yield prepared, str(exc)
                except Exception as exc:  # a bug in a stage: report it, keep the batch
                    yield prepared, f"internal error: {type(exc).__name__}: {exc}"

    def _timed(self, article: Article, doc: Doc | None) -> Document:
        """Parse (unless given the parse) and analyse one article under its time budget."""
        n = len(article.text)
        with budget.limit(budget.seconds_for(n, self.time_budget), n):
            return self._analyse(article, doc if doc is not None else nlp.parse(article.text))

    def _analyse(self, article: Article, doc: Doc) -> Document:
        warnings = article.warnings + repair.warnings_for(doc)
        if article.published is None:
            warnings.append("no publication date: relative dates are left unresolved")
        budget.check()
        resolver = self.actors(doc, article.published)
        budget.check()
        quotes = self.quotes(doc, resolver, warnings)
        budget.check()
        events = self.events(doc, resolver, article.published, quotes)
        h = text_hash(article.text)
        return Document(doc_id=article.doc_id or h[:16], title=article.title, published=article.published,
                        source=article.source, text=article.text, actors=resolver.actors, quotes=quotes,
                        events=events, warnings=warnings, text_hash=h)


_default: Pipeline | None = None


def extract(text: str, published: str | None = None, title: str | None = None, doc_id: str | None = None) -> Document:
    """Analyse one text with the default pipeline (built on first use)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.process(Article(text=text, published=published, title=title, doc_id=doc_id))

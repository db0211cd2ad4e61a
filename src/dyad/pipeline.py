"""The whole pipe for one article: parse, actors, quotes, events, as one `Document`.

    >>> import dyad
    >>> doc = dyad.extract("Blinken met Xi Jinping in Beijing on Monday.", published="2023-06-20")
    >>> [(e.source_code, e.cameo, e.target_code) for e in doc.events]

`DYAD_VERBS` (or `Pipeline(verbs=...)`) points at a replacement verb lexicon.
`Pipeline` holds what is costly to load (the spaCy model, the knowledge base, the lexicons) and is
reused across articles; `Pipeline.pipe` parses in batches, which is several times faster.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from spacy.tokens import Doc

from . import kb as kbmod
from . import nlp, repair
from .actors import ActorStage
from .events import EventStage
from .ingest import check_text, text_hash
from .quotes import QuoteStage
from .types import Article, Document


class Pipeline:
    def __init__(self, kb_files: Iterable[str] = (), verbs: str | None = None):
        """Extraction is complete: events with one side are kept, flagged `one_sided`; queries choose."""
        self.kb = kbmod.load(tuple(kb_files))
        self.actors = ActorStage(self.kb)
        self.quotes = QuoteStage()
        self.events = EventStage(lexicon_path=verbs or os.environ.get("DYAD_VERBS"))
        nlp.load()

    def process(self, article: Article) -> Document:
        check_text(article.text)
        return self._analyse(article, nlp.parse(article.text))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Document]:
        """Documents for already-checked articles, in order."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[Document]:
        for art, doc in zip(batch, nlp.parse_many([a.text for a in batch], batch_size=len(batch))):
            yield self._analyse(art, doc)

    def _analyse(self, article: Article, doc: Doc) -> Document:
        warnings = repair.warnings_for(doc)
        if article.published is None:
            warnings.append("no publication date: relative dates are left unresolved")
        resolver = self.actors(doc, article.published)
        quotes = self.quotes(doc, resolver, warnings)
        events = self.events(doc, resolver, article.published)
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

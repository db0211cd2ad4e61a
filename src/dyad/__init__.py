"""dyad: political event data from news text.

Actors, quotes and CAMEO-coded events for every article, stored in DuckDB and queryable as
relations over time between countries. The library is usable on its own; `dyad.cli`, `dyad.api`
and `dyad.web` are thin layers over it.
"""
from .pipeline import Pipeline, extract
from .types import Actor, Article, Document, DyadError, Event, Mention, Quote

__all__ = ["Pipeline", "extract", "Actor", "Article", "Document", "DyadError", "Event", "Mention", "Quote"]
__version__ = "0.1.0"

"""dyad: political event data from news text.

Actors, quotes and CAMEO-coded events for every article, stored in DuckDB and queryable as
relations over time between countries. The library is usable on its own; `dyad.cli`, `dyad.api`
and `dyad.web` are thin layers over it.

The names below are imported on first use (PEP 562), so that `import dyad.query` or a CLI command
that only reads the store does not pay for loading spaCy.
"""
from importlib import import_module

_EXPORTS = {"Pipeline": "pipeline", "extract": "pipeline", "Actor": "types", "Article": "types",
            "Document": "types", "DyadError": "types", "Event": "types", "Mention": "types", "Quote": "types"}

__all__ = list(_EXPORTS)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_EXPORTS])

"""Facts about a whole document, computed once and kept with its Doc.

Some questions are asked of a whole article again and again, from many places: its datelines, the
countries its places lie in, the countries it names. Each is a function of the Doc (or of a
stage and the Doc) decorated with `per_doc`: the first call computes it, and the value is kept in the
Doc's `user_data` (as doctext.py keeps its text), so it lives exactly as long as the Doc. No stage
holds on to the last article, and a new article never sees an old one's value. Only facts that do
not change while the stages run may be kept this way (they read the parse, the KB, never the
actors being built).
"""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


def per_doc(fn: Callable[..., T]) -> Callable[..., T]:
    """`fn(doc)` or `fn(self, doc)`, computed once per Doc (and per `self`: a stage's own KB)."""
    name = f"dyad.{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def once(*args):
        doc: Doc = args[-1]
        key = (name, *args[:-1])
        data = doc.user_data
        if key not in data:
            data[key] = fn(*args)
        return data[key]

    return once

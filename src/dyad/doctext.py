"""The text of a parsed Doc, joined once, and of its spans as slices of it.

spaCy does not keep a Doc's text: `doc.text` makes a Token object for every token and joins their
texts on each access (milliseconds for an article), and `span.text` does the same over the span.
The stages read the whole text, and each sentence's, many times. Retokenising (the repair step's
splits) never changes the text, so the first join stands for the Doc's life; it is kept in the
Doc's `user_data`. A span's text is the slice between its first and last characters, which is
exactly what `span.text` joins."""
from __future__ import annotations

from spacy.tokens import Doc, Span

KEY = "dyad.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined on first use."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, sliced from the Doc's text."""
    if span.end <= span.start:
        return ""
    return doc_text(span.doc)[span.start_char:span.end_char]

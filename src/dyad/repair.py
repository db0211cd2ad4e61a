"""Noise repair for scraped and machine-translated text, without moving a single character.

Paragraph breaks are also made sentence boundaries before parsing: spaCy's small model
otherwise runs a sentence across a newline and hangs one paragraph's verb on the next. So is the
dash that ends a dateline ("ISTANBUL, Turkey (AP) — Lavrov accused ..."): read as one sentence, the
parser makes the dateline place the verb's subject and the real subject its apposition.

Stripped links leave words fused together ("human rightsChinese military", "technologyamong
other actions"). The fix is made on spaCy's tokens, not on the text: a fused token is split
in two before tagging, so the tagger, parser and NER see two words while `doc.text`, and every
offset into it, stays exactly the input. Stray fragments ("said there is.") are only reported.
"""
from __future__ import annotations

import re

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .datelines import datelines
from .doctext import doc_text, span_text

# "rightsChinese": a lower-case word glued to a capitalised one. Excludes names like McCarthy
# (a capital before the lower run) and brands like iPhone (a lower run shorter than three).
_CAMEL = re.compile(r"^([a-z]{3,})([A-Z][a-z]{2,}(?:[-'][A-Za-z]+)?)$")
# "technologyamong": a word glued to a function word that cannot end an English word.
_GLUED_FUNCTION = re.compile(
    r"^([a-z]{5,}?)(among|amid|against|between|during|without|including|because|although|whereas)$"
)

# "ministrysaid", "saidthe": a verb of saying glued to the word before it or to the function word
# after it (a link's anchor text ran into the attribution). Few English words end in these forms,
# and those few are listed.
_SAYING = r"said|says|told|added|warned"
_GLUED_SAYING = re.compile(rf"^([a-z]{{4,}}?)({_SAYING})$|^({_SAYING}|stated)(the|that|this|its|it|he|she|they|his|her|"
                           r"their|there|we|on|in|to|an)$")
_ENDS_IN_SAYING = {"aforesaid", "unsaid", "gainsaid", "gainsays", "foretold", "untold", "retold", "forewarned"}

# A superset of the patterns above, searched once in the whole text: most texts have no fused
# word, and then no token needs to be looked at.
_MAYBE_FUSED = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[a-z]{5}(?:among|amid|against|between|during|without|including|"
                          rf"because|although|whereas)|[a-z]{{4}}(?:{_SAYING})\b|\b(?:{_SAYING}|stated)[a-z]")

if not Doc.has_extension("repairs"):
    Doc.set_extension("repairs", default=None)


def split_point(word: str) -> int | None:
    """Where a fused token should be split, or None if it looks like one word."""
    m = _CAMEL.match(word) or _GLUED_FUNCTION.match(word)
    if m:
        return len(m.group(1))
    m = _GLUED_SAYING.match(word)
    if m and word not in _ENDS_IN_SAYING:
        return len(m.group(1) or m.group(3))
    return None


# a line that is a unit of its own: a list item ("- ", "* ", "• ", "3. ", "2) ") or a table row
# (columns set apart by a tab or by runs of spaces)
_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]\s|\d{1,3}[.)]\s)")
_ROW = re.compile(r"\t|\S {2,}\S.* {2,}\S")
SHORT_LINE = 40  # characters: hard-wrapped prose fills its lines (60-80), lists and tables do not


def paragraph_breaks(text: str) -> bool:
    """Whether single newlines end paragraphs here (most lines end a sentence, or are list items,
    table rows or short lines), rather than wrapping lines inside one (hard-wrapped text, where only
    blank lines end paragraphs). A list read as one sentence gives the parser one tree of thousands of
    tokens: slow for every later stage, and a verb of one item takes its arguments from another."""
    lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return True
    ends = sum(ln[-1] in ".!?:\"'\u201d\u2019)" or len(ln.strip()) < SHORT_LINE or bool(_ITEM.match(ln) or _ROW.search(ln))
               for ln in lines)
    return ends >= 0.6 * len(lines)


def mark_paragraphs(doc: Doc) -> None:
    """A sentence never runs across a paragraph break: the parser is told where they are.

    A break is a whitespace token holding a blank line (or any newline, when single newlines end
    paragraphs); the token after it starts a sentence. Only whitespace tokens are visited."""
    text = doc_text(doc)
    if "\n" not in text:
        return
    single = paragraph_breaks(text)
    space = doc.to_array(IS_SPACE).tolist()
    for i in range(1, len(doc)):
        if space[i - 1] and not space[i]:
            gap = doc[i - 1].text
            if "\n\n" in gap or (single and "\n" in gap):
                doc[i].is_sent_start = True


def mark_datelines(doc: Doc) -> None:
    """The word after a dateline's dash starts a sentence (see the module's docstring; datelines.py
    says what a dateline is)."""
    space = doc.to_array(IS_SPACE).tolist()
    for d in datelines(doc):
        nxt = next((k for k in range(d.dash + 1, len(doc)) if not space[k]), None)
        if nxt is not None:
            doc[nxt].is_sent_start = True


@Language.component("dyad_repair")
def repair_component(doc: Doc) -> Doc:
    """Split fused tokens and mark paragraph breaks as sentence starts; record (start, end, text)
    of each repair in `doc._.repairs`."""
    repairs = []
    fused = [(t, k) for t in doc if (k := split_point(t.text))] if _MAYBE_FUSED.search(doc_text(doc)) else []
    if fused:
        with doc.retokenize() as retok:
            for tok, k in fused:
                parts = [tok.text[:k], tok.text[k:]]
                # Each part is its own head, as every token is before parsing. The parser keeps a
                # preset head on the tokens it makes roots, so any other choice here can leave a
                # cycle in the finished tree (and a walk over it that never ends).
                retok.split(tok, parts, heads=[(tok, 0), (tok, 1)])
                repairs.append((tok.idx, tok.idx + len(tok.text), tok.text))
    doc._.repairs = repairs
    mark_paragraphs(doc)
    mark_datelines(doc)
    return doc


def fragments(doc: Doc) -> list[tuple[int, int, str]]:
    """Sentences too broken to code: no verb, or only a few words ending abruptly. A dateline, made a
    sentence of its own on purpose, is none."""
    out = []
    opened = {d.start for d in datelines(doc)}
    counted = [0]  # words before each token, from the Doc's arrays: only short sentences are looked at
    for punct, space in doc.to_array([IS_PUNCT, IS_SPACE]).tolist():
        counted.append(counted[-1] + (not (punct or space)))
    for sent in doc.sents:
        if not 0 < counted[sent.end] - counted[sent.start] <= 4 or sent.start in opened:
            continue
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
        if (len(words) <= 3 and not has_verb) or (words and words[0].is_lower and len(words) <= 4):
            out.append((sent.start_char, sent.end_char, span_text(sent).strip()))
    return out


def warnings_for(doc: Doc) -> list[str]:
    notes = [f"fused words split at {s}-{e}: {_shown(t)}" for s, e, t in (doc._.repairs or [])]
    notes += [f"stray fragment at {s}-{e}: {_shown(t)}" for s, e, t in fragments(doc)]
    return notes


def _shown(text: str, limit: int = 60) -> str:
    """The text quoted for a warning, cut short: a 5,000-character token must not fill the message
    (the offsets say where the whole of it is)."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

"""Datelines: where a story was filed, written before its first sentence.

A dateline opens a paragraph (usually the article's first, after the headline): a place in capitals,
perhaps its region or country, a date and a news agency in brackets, then a dash: "SEOUL —",
"ST. PAUL, Minn. (AP) —", "MINGORA, Pakistan (Reuters) -", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
"LONDON, March 3 (AP) —". A heading in capitals before a dash ("FELLOW DOCTORS DON'T WANT TO
ASSOCIATE WITH HIM —") has the same shape with no place in it. A colon ends neither: "PENCE: We will
win" is a speaker's line, of the same shape as "NEW DELHI: India said". This module is the one
reader of datelines (`datelines`, once per document); every stage asks it:

- repair, before the parser: the word after the dash starts a sentence. Read as one sentence with
  what follows, the parser makes the place the verb's subject and the real subject its apposition;
- actors: the dateline's places (`Dateline.places`) are mentions of places (form "dateline"), never
  an actor of the sentence after them; a dateline in a country sets the article there, so "Georgia"
  in a story filed from Atlanta is the state (spans, linking);
- events: no word of a dateline is a verb's subject or a statement's target (`within`), and an
  actor named only by a role ("police said") takes the country of the article's dateline
  (`article_dateline`, events/placing.py).

Read from the token texts alone (case, digits, punctuation), so it can run before the tagger.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc, Token

from .doctext import doc_text
from .perdoc import per_doc

DASHES = {"\u2014", "\u2015"}  # em dash, horizontal bar: end a dateline as written
SPACED_DASHES = {"\u2013", "--", "-"}  # en dash, hyphens: only with a space on each side ("US-China" is one word)
WORDS = 14  # "NEWPORT NEWS, Va., March 3 (Reuters) -": place, region, date, agency
PLACE_WORDS = 6  # "SALT LAKE CITY", "ST. PAUL"
REGION_WORDS = 4  # "Minn.", "N.Y.", "Pakistan", "Bosnia and Herzegovina"
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


@dataclass(frozen=True)
class Dateline:
    """A dateline (or a heading in capitals) opening a paragraph: tokens `start` to `dash` (the dash that
    ends it), its places as token ranges (the place, then its region or country; none for
    a heading), and the number of the paragraph it opens (0 is the first)."""
    start: int
    dash: int
    places: tuple[tuple[int, int], ...]
    paragraph: int


def _dash(doc: Doc, j: int) -> bool | None:
    """Whether token j is a dash that ends a dateline; None when it is a hyphen between words."""
    text = doc[j].text
    if text in DASHES:
        return True
    if text in SPACED_DASHES:
        return bool(doc[j - 1].whitespace_ and doc[j].whitespace_) or None
    return False


def _places(doc: Doc, start: int, dash: int) -> tuple[tuple[int, int], ...]:
    """The place in capitals that opens a dateline ("ST. PAUL", "LOS ANGELES") and, after a comma, its
    region or country ("Minn.", "Rwanda"), when only a date and an agency in brackets follow them."""
    i = start
    while i < dash and i - start < PLACE_WORDS and (doc[i].is_upper and (doc[i].is_alpha or doc[i].text.endswith("."))
                                                    or doc[i].text == "." and i > start):
        i += 1
    if doc[i - 1].text == "." and i - 1 > start and doc[i - 2].text != "ST":
        return ()  # a full stop ends the run: a sentence, not a place ("ST." is a word)
    places = [(start, i)]
    if doc[i].text == ",":
        j = i + 1
        while j < dash and j - i <= REGION_WORDS and (doc[j].is_title or doc[j].is_upper) and not doc[j].is_punct \
                and doc[j].lower_.rstrip(".") not in CALENDAR:
            j += 1
        if j < dash and doc[j].text == "." and doc[j - 1].text[-1:].isalpha() and len(doc[j - 1]) <= 5:
            j += 1  # "Alta" + "." split by the tokenizer
        if j > i + 1:
            places.append((i + 1, j))
            i = j
    bracket = False  # what may follow: a date ("Sept. 26", "March 3") and an agency in brackets ("(AP)")
    for k in range(i, dash):
        t = doc[k]
        if t.text == "(":
            bracket = True
        elif t.text == ")":
            bracket = False
        elif not (t.text in (",", ".") or t.is_digit or t.lower_.rstrip(".") in CALENDAR
                  or bracket and (t.is_title or t.is_upper)):
            return ()
    return tuple(places)


def read(doc: Doc, start: int, paragraph: int = 0) -> Dateline | None:
    """The dateline (or heading in capitals) opening a paragraph at token `start`, or None: an
    upper-case word first ("SEOUL", "ST. PAUL"), then only capitalised words, abbreviations, numbers,
    commas and brackets, up to a dash within `WORDS` tokens."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) >= 2):
        return None
    for j in range(start + 1, min(start + WORDS, len(doc))):
        tok = doc[j]
        dash = _dash(doc, j)
        if dash:
            return Dateline(start, j, _places(doc, start, j), paragraph)
        if dash is None:
            return None
        if not (tok.is_upper or tok.is_title or tok.is_digit or tok.text in {",", ".", "(", ")"}
                or tok.text.endswith(".") and tok.text[:1].isupper()):
            return None
    return None


@per_doc
def datelines(doc: Doc) -> tuple[Dateline, ...]:
    """Every dateline of a document (and heading in capitals before a dash), each opening a paragraph."""
    space = doc.to_array(IS_SPACE).tolist()
    starts = doc.to_array(IDX).tolist()  # the previous token with its whitespace: text[starts[i - 1]:starts[i]]
    text = doc_text(doc)
    out = []
    paragraph = 0
    for i in range(len(doc)):
        if space[i] or not (i == 0 or "\n" in text[starts[i - 1]:starts[i]]):
            continue
        if i > 0:
            paragraph += 1
        found = read(doc, i, paragraph)
        if found is not None:
            out.append(found)
    return tuple(out)


def within(tok: Token) -> bool:
    """Whether a token is a word of a dateline (before its dash): "SEOUL" in "SEOUL — Putin and Kim
    signed", never the subject of the verb after it."""
    return any(d.start <= tok.i < d.dash for d in datelines(tok.doc))


ARTICLE_PARAGRAPHS = 2  # the headline and the first paragraph


def article_dateline(doc: Doc) -> Dateline | None:
    """The article's own dateline: the first with a place, opening its headline or first paragraph."""
    return next((d for d in datelines(doc) if d.places and d.paragraph < ARTICLE_PARAGRAPHS), None)

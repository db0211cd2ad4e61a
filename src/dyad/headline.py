"""Title-case headlines parsed as sentences, without moving a character.

News headlines are often written in title case ("Chris Christie Calls Hillary Clinton 'A Disgrace'
Over Police Shooting Comments"). spaCy's small model reads every capitalised word there as a proper
noun, so the verb of the headline is lost ("Calls" a name, "Hammers" part of one) and no later stage
finds its act. The first line of a text, when it is in title case, is parsed a second time with the
words that are no name written in lower case (a name: a word the knowledge base knows, or a word of
a named entity before its last); the tags, lemmas, dependency tree and entities of that parse replace
the first's on that line, token for token. The tokens and `doc.text` are the first parse's, so every
offset stays the input's. Nothing changes when the two parses do not
split the line into the same tokens.

A headline that opens with a bare name and a verb in -s ("Trump questions the fairness of ...",
"Warren blasts bank chief") is often read as a noun phrase ("trump questions": the verb to trump and
its object). When the first line's root is no verb and it opens with a name the knowledge base knows
followed by a word in -s, the line is parsed again with a plain stand-in subject in place of the name
("She questions ..."); if that parse makes the -s word a verb with the stand-in as its subject, its
tree is kept, the name's tokens being a proper-noun subject.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# a line is a title-case headline when this share of its words of four letters or more is capitalised
# (short function words are often left in lower case: "in", "of", "to", "for")
TITLE_SHARE = 0.8
MIN_WORDS = 3
NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


def headline_end(doc: Doc) -> int:
    """The token index where the text's first line ends."""
    for t in doc:
        if "\n" in t.text or "\n" in t.whitespace_:
            return t.i + (0 if "\n" in t.text else 1)
    return len(doc)


def known_name(word: str) -> bool:
    """A word the knowledge base knows as a name (a person's surname, a place, an organisation), which
    the model may have missed as an entity in title case ("Obama Seeks ...")."""
    from . import kb  # the built-in knowledge base, loaded once per process
    base = kb.load()
    return bool(base.lookup(word) or base.surname_candidates(word) or kb.place_country(word))


def is_title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= MIN_WORDS and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


# stand-ins for a name of one, two or three tokens that the model reads as a clause's subject
STAND_INS = {1: "She", 2: "Jane Smith", 3: "Jane M. Smith"}
VERBAL_POS = {"VERB", "AUX"}


def name_length(doc: Doc, end: int) -> int:
    """How many tokens of a known name (or a PERSON entity) open the line, at most three."""
    n = 0
    while n < min(3, end - 1) and doc[n].text[:1].isupper() and doc[n].is_alpha and \
            (known_name(doc[n].text) or doc[n].ent_type_ == "PERSON"):
        n += 1
    return n


class Headline:
    """The component. Over a batch (`pipe`), the lines to parse again are parsed together, step by
    step: the title-case lines, then the halves of those split at a colon, then the lines opening with
    a name; one short text at a time costs spaCy several times more. Only the title-case step reads
    the new parse's entities, so the others run without the entity recogniser (the last pipe, which
    changes no tag, lemma or tree)."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.busy = False

    def __call__(self, doc: Doc) -> Doc:
        self._run([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._run(batch)
            yield from batch

    def _run(self, docs: list[Doc]) -> None:
        if self.busy:
            return  # a line parsed again passes through here unchanged
        lines = [(doc, end) for doc in docs if (end := headline_end(doc)) >= MIN_WORDS]
        titled = [(doc, end, _title_words(doc, end)) for doc, end in lines if is_title_case([t.text for t in doc[:end]])]
        again = self._reparse([_line(words, doc[:end]) for doc, end, words in titled], entities=True)
        split = [x for x, a in zip(titled, again) if _take_title_case(x[0], x[1], a) and _colon(x[0], x[1]) is not None]
        self._split_at_colon(split)
        named = [(doc, end, n, text) for doc, end in lines
                 for n, text in [_name_subject_text(doc, end)] if text is not None]
        for (doc, end, n, _), a in zip(named, self._reparse([text for *_, text in named])):
            _take_name_subject(doc, end, n, a)

    def _reparse(self, texts: list[str], entities: bool = False) -> list[Doc]:
        if not texts:
            return []
        skip = [] if entities or "ner" not in self.nlp.pipe_names else ["ner"]
        self.busy = True
        try:
            return list(self.nlp.pipe([t.rstrip() for t in texts], disable=skip))
        finally:
            self.busy = False

    def _split_at_colon(self, lines: list[tuple[Doc, int, list[str]]]) -> None:
        """ "X Blasts Y: 'You Should Resign'": the model hangs the clause before the colon on the quoted
        words after it, so the headline's act becomes a clause of the quote. When the line's root lies
        after a colon and the words before it parse alone as a clause with a verb and its subject, the
        two sides are parsed apart: the clause is the root, the words after the colon hang on it."""
        halves = []
        for doc, end, words in lines:
            c = _colon(doc, end)
            halves += [_line(words[:c], doc[:c]), _line(words[c + 1:end], doc[c + 1:end])]
        again = self._reparse(halves)
        for k, (doc, end, _) in enumerate(lines):
            _take_halves(doc, end, _colon(doc, end), again[2 * k], again[2 * k + 1])


ATTRS = [TAG, POS, LEMMA, HEAD, DEP]


def _line(words: list[str], tokens: Span) -> str:
    """The line's words as written again, with the original spacing."""
    return "".join(w + t.whitespace_ for w, t in zip(words, tokens))


def _title_words(doc: Doc, end: int) -> list[str]:
    # an entity's last word may be the headline's verb swallowed into a name ("Angela Merkel Criticizes"):
    # within an entity only the words before its last, and any word the knowledge base knows, stay names
    return [t.text if (t.i == 0 or not t.text.istitle() or known_name(t.text) or t.ent_type_ in NAME_TYPES
                       and t.i + 1 < end and doc[t.i + 1].ent_iob_ == "I") else t.text.lower() for t in doc[:end]]


def _take_title_case(doc: Doc, end: int, again: Doc) -> bool:
    """The title-case line's new parse in place of the first, unless it is tokenised otherwise."""
    if len(again) != end or any(a.text.lower() != t.text.lower() for a, t in zip(again, doc[:end])):
        return False  # tokenised otherwise: keep the first parse
    arr = doc.to_array(ATTRS)
    arr[:end] = again.to_array(ATTRS)
    doc.from_array(ATTRS, arr)
    doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in again.ents] + [e for e in doc.ents if e.start >= end]
    return True


def _colon(doc: Doc, end: int) -> int | None:
    """The colon a title-case line is split at (Headline._split_at_colon): the line's root lies after it."""
    root = next((t for t in doc[:end] if t.dep_ == "ROOT"), None)
    c = next((t.i for t in doc[:end] if t.text == ":"), None)
    if root is None or c is None or not 2 <= c < end - 1 or root.i < c:
        return None
    return c


def _take_halves(doc: Doc, end: int, c: int, pre: Doc, post: Doc) -> None:
    if len(pre) != c or len(post) != end - c - 1:
        return
    head = next((t for t in pre if t.dep_ == "ROOT"), None)
    if head is None or head.pos_ != "VERB" or not any(x.dep_ == "nsubj" for x in head.children):
        return
    arr = doc.to_array(ATTRS)
    arr[:c] = pre.to_array(ATTRS)
    arr[c + 1:end] = post.to_array(ATTRS)
    strings = doc.vocab.strings
    rel = (lambda d: d & 0xFFFF_FFFF_FFFF_FFFF)  # a relative head, as the uint64 array holds it
    arr[c, 3], arr[c, 4] = rel(head.i - c), strings.add("punct")
    for t in post:
        if t.dep_ == "ROOT":
            arr[c + 1 + t.i, 3], arr[c + 1 + t.i, 4] = rel(head.i - (c + 1 + t.i)), strings.add("parataxis")
    doc.from_array(ATTRS, arr)


def _name_subject_text(doc: Doc, end: int) -> tuple[int, str | None]:
    """The line with a stand-in for an opening name read as no subject (module notes), and the name's
    length; (0, None) when the line has a verbal root or opens otherwise."""
    if any(t.dep_ == "ROOT" and t.pos_ in VERBAL_POS for t in doc[:end]):
        return 0, None
    n = name_length(doc, end)
    verb = doc[n] if 0 < n < end else None
    if verb is None or not verb.text.endswith("s") or not verb.is_alpha or verb.text[:1].isupper() and n == 0:
        return 0, None
    stand_in = STAND_INS[n].split()
    return n, _line(stand_in + [t.text for t in doc[n:end]], doc[:end])


def _take_name_subject(doc: Doc, end: int, n: int, again: Doc) -> None:
    """The stand-in's parse, kept if it makes the word after the name a verb with the stand-in as its subject."""
    if len(again) != end or [a.text for a in again[n:]] != [t.text for t in doc[n:end]]:
        return
    v = again[n]
    if v.pos_ != "VERB" or v.dep_ != "ROOT" or not any(c.dep_ == "nsubj" and c.i < n for c in v.children):
        return
    arr = doc.to_array(ATTRS)
    arr[:end] = again.to_array(ATTRS)
    doc.from_array(ATTRS, arr)
    for t in doc[:n]:
        t.tag_, t.pos_, t.lemma_ = "NNP", "PROPN", t.text
    if not any(e.start < n for e in doc.ents):
        doc.ents = [Span(doc, 0, n, label="PERSON")] + [e for e in doc.ents if e.start >= n]


@Language.factory("dyad_headline")
def make_headline(nlp: Language, name: str) -> Headline:
    return Headline(nlp)

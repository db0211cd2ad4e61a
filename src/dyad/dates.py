"""Dates that sentences refer to, resolved against the article's publication date.

News writes "on Monday", "last August", "this week" and means a day before the dateline, so a
weekday or month name resolves to its most recent occurrence on or before the publication date.
"two weeks ago", "this month" and "overnight" count back from the publication date.
Expressions about the future or too vague to place ("in the coming weeks", "recent months")
resolve to nothing, and the event keeps the publication date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH_RE = "|".join(MONTHS + [m[:3] for m in MONTHS] + ["sept"])
_FUTURE = re.compile(r"\b(next|coming|later|upcoming|tomorrow|future|from now)\b", re.I)
_VAGUE = re.compile(r"\b(recent|decades?|centuries|era|age|years|months|weeks|days|times|period|since)\b", re.I)


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def _month_index(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for i, m in enumerate(MONTHS, 1):
        if word == m or (len(word) >= 3 and m.startswith(word)):
            return i
    return None


def resolve(expr: str, published: str | None) -> tuple[str, str] | None:
    """(YYYY-MM-DD, precision) for a date expression, precision being day, month or year."""
    text = " ".join(expr.lower().replace(",", " ").split())
    base = date.fromisoformat(published) if published else None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day"
        except ValueError:
            return None
    m = re.search(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(\d{{4}}))?\b", text) or \
        re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:\s+(\d{{4}}))?\b", text)
    if m:
        a, b, y = m.groups()
        month, day = (_month_index(a), int(b)) if not a.isdigit() else (_month_index(b), int(a))
        if month:
            year = int(y) if y else (base.year if base else None)
            if year is None:
                return None
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            if not y and base and d > base + timedelta(days=180):
                d = date(year - 1, month, day)  # "on December 5" in a January article is last year's
            return d.isoformat(), "day"
    if _FUTURE.search(text) or base is None:
        return None
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening") or text.startswith("earlier today"):
        return base.isoformat(), "day"
    if text in ("yesterday", "last night"):
        return (base - timedelta(days=1)).isoformat(), "day"
    for i, wd in enumerate(WEEKDAYS):
        if re.search(rf"\b{wd}\b", text):
            delta = (base.weekday() - i) % 7
            if "last" in text.split() and delta == 0:
                delta = 7
            return (base - timedelta(days=delta)).isoformat(), "day"
    m = re.search(rf"\b({_MONTH_RE})\.?(?:\s+(\d{{4}}))?\b", text)
    if m and not re.search(r"\b\d{1,2}\b", text.replace(m.group(2) or "@@", "")):
        month = _month_index(m.group(1))
        if month:
            if m.group(2):
                year = int(m.group(2))
            else:
                year = base.year if month < base.month or (month == base.month and "last" not in text) else base.year - 1
            return date(year, month, 1).isoformat(), "month"
    if re.fullmatch(r"(in\s+)?(\d{4})", text):
        return date(int(text[-4:]), 1, 1).isoformat(), "year"
    m = re.fullmatch(r"(?:some |about |nearly |almost |more than |over )?(\w+|\d+) (day|week|month|year)s? ago", text)
    if m:
        n = _NUMBERS.get(m[1]) or (int(m[1]) if m[1].isdigit() else None)
        if n is not None:
            unit = m[2]
            if unit == "day":
                return (base - timedelta(days=n)).isoformat(), "day"
            if unit == "week":
                return (base - timedelta(days=7 * n)).isoformat(), "week"
            if unit == "month":
                y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
                return date(y, mo + 1, 1).isoformat(), "month"
            return date(base.year - n, 1, 1).isoformat(), "year"
    if text in ("overnight", "last weekend"):
        delta = 0 if text == "overnight" else (base.weekday() - 5) % 7
        return (base - timedelta(days=delta)).isoformat(), "day"
    if text in ("the previous day", "the day before"):
        return (base - timedelta(days=1)).isoformat(), "day"
    if text in ("last week", "earlier this week", "this week"):
        return (base - timedelta(days=7 if text == "last week" else 0)).isoformat(), "week"
    if text in ("this month", "earlier this month"):
        return base.replace(day=1).isoformat(), "month"
    if text in ("this year", "earlier this year"):
        return date(base.year, 1, 1).isoformat(), "year"
    if text == "last month":
        first = base.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat(), "month"
    if text == "last year":
        return date(base.year - 1, 1, 1).isoformat(), "year"
    if _VAGUE.search(text):
        return None
    return None


def sentence_date(sent, published: str | None) -> tuple[str, str] | None:
    """The first resolvable DATE entity of a spaCy sentence span."""
    for ent in sent.ents:
        if ent.label_ == "DATE":
            got = resolve(ent.text, published)
            if got:
                return got
    return None


def _clause_head(tok):
    """The verb whose clause a token belongs to (itself, if it is a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


_NOT_WHEN = {"since", "until", "till", "through", "by", "from", "before", "ahead"}
_REPORTS = {"say", "tell", "announce", "report", "state", "add", "confirm", "declare", "claim"}


def clause_date(trigger, published: str | None, ents=None) -> tuple[str, str] | None:
    """The date a trigger's clause refers to: the first resolvable DATE entity of its own clause
    ("X met Y on Monday, after the talks of last August" -> Monday), else of a clause it depends on
    ("On Monday, X said Y would ..."), else of the report that carries it ("X did Y, officials said
    Tuesday"). Dates that bound a period rather than place the event ("since 2018", "until May",
    "by June") are skipped. None when no clause of the event names a date. `ents`: the DATE
    entities of the trigger's sentence, when the caller has them (computing them is the slow part)."""
    head = _clause_head(trigger)
    chain = [head]
    t = head
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = _clause_head(t.head)
        chain.append(t)
    reports = [c for c in head.children if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_ in _REPORTS]
    best = None
    for ent in (trigger.sent.ents if ents is None else ents):
        if ent.label_ != "DATE":
            continue
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _NOT_WHEN or ent[0].lower_ in _NOT_WHEN:
            continue
        h = _clause_head(ent.root)
        rank = chain.index(h) if h in chain else (len(chain) if h in reports else None)
        if rank is None or best is not None and rank >= best[0]:
            continue
        got = resolve(ent.text, published)
        if got:
            best = (rank, got)
    return best[1] if best else None

"""Turn files into `Article` records: plain text, HTML and JSONL, one article or many per file.

Inputs are untrusted. Every way a file can be unusable (empty, binary, not UTF-8, no article
text, not English, too large, a malformed JSONL line) becomes a `Problem` naming the path, the
line and the reason, so a batch reports it and goes on with the rest.
"""
from __future__ import annotations

import glob
import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from .types import Article, DyadError, Refused

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer inputs are not single news articles
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}

# Frequent English function words: a news article in English has a third or more of them.
_ENGLISH = set("""the of and to a in that is was he for it with as his on be at by i this had not are but from
or have an they which one you were her all she there would their we him been has when who will more no if out so
said what up its about into than them can only other new some could time these two may then do first any my now
such like our over man me even most made after also did many before must through back years where much your way
well down should because each just those people how too little state good very make world still own see men work
long get here between both life being under never day same another know while last might us great old year off
come since against go came right used take three""".split())

# Function words of the European languages most often mistaken for English by a Latin-script check.
_FOREIGN = set("""der die das und ist nicht mit den dem des ein eine einen sich auf für von zu im auch wird wurde
sind le la les et est une des du au aux pour dans sur avec qui pas ce cette sont été el los las y es un una del al por
con para se lo como más pero sus fue ha il di che della delle nel non sono gli anche da nella uma não com para os
ao em het een van niet zijn wordt met voor ook aan bij och att är på för som med inte""".split())


@dataclass
class Problem:
    """One input that was not processed, and why."""

    path: str
    line: int | None
    reason: str
    refused: bool = False  # readable, but not what dyad codes (not English, too large)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


def text_hash(text: str) -> str:
    """The store's identity of an article: a hash of its exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Files named by paths, folders (searched recursively) and glob patterns, in a stable order.

    Folders that cannot be read, symbolic-link loops and links to nothing are problems, one each.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        if p == "-":
            files.append(Path("-"))
            continue
        matches = sorted(glob.glob(p, recursive=True)) if any(c in p for c in "*?[") else [p]
        if not matches:
            problems.append(Problem(p, None, "no file matches this pattern"))
        for m in matches:
            path = Path(m)
            if path.is_dir():
                files.extend(_walk(path, problems))
            elif path.is_file():
                files.append(path)
            else:
                problems.append(_not_a_file(path))
    seen: set[Path] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, problems


def _not_a_file(path: Path) -> Problem:
    """Why a name that is neither a file nor a folder cannot be read."""
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == 40:  # ELOOP
                return Problem(str(path), None, "symbolic link loop: the link leads back to itself")
            return Problem(str(path), None, "broken symbolic link: its target does not exist")
        return Problem(str(path), None, "not a regular file or folder")
    if os.path.exists(path):
        return Problem(str(path), None, "not a regular file or folder")
    return Problem(str(path), None, "no such file or folder")


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """The visible files under a folder, depth first in name order (the order of sorted paths).

    Symbolic links to folders are followed unless they lead back into a folder being read (a loop).
    """
    out: list[Path] = []
    open_folders: set[str] = set()

    def visit(d: Path) -> None:
        real = os.path.realpath(d)
        if real in open_folders:
            problems.append(Problem(str(d), None, "symbolic link loop: leads back to a folder being read; skipped"))
            return
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(str(d), None, f"cannot read folder: {exc.strerror or exc}"))
            return
        open_folders.add(real)
        for e in entries:
            if e.name.startswith("."):
                continue
            p = Path(e.path)
            try:
                if e.is_dir():
                    visit(p)
                elif e.is_file():
                    out.append(p)
                elif e.is_symlink():
                    problems.append(_not_a_file(p))
            except OSError as exc:  # a link to itself cannot even be asked what it is
                problems.append(_not_a_file(p) if os.path.islink(p) else
                                Problem(str(p), None, f"cannot read: {exc.strerror or exc}"))
        open_folders.discard(real)

    visit(folder)
    return out


def decode(data: bytes) -> str:
    """Bytes to text, refusing binary data and anything that is not UTF-8 (a BOM is allowed)."""
    if not data.strip():
        raise DyadError("empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise DyadError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DyadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "convert the file to UTF-8 first") from None


MAX_SENTENCE = 10_000  # characters with no sentence end; a long news sentence has a few hundred
_NO_SENTENCE_END = re.compile(f"[^.!?;\n\u3002\u2029]{{{MAX_SENTENCE + 1}}}")


def check_text(text: str) -> None:
    """Raise DyadError if the text cannot be a single English news article."""
    if not text.strip():
        raise DyadError("no text")
    if len(text) > MAX_CHARS:
        raise Refused(f"too large: {len(text):,} characters (limit {MAX_CHARS:,}); split it into articles")
    if not is_english(text):
        raise Refused("not English (dyad codes English news only)")
    run = _NO_SENTENCE_END.search(text)
    if run:
        raise Refused(f"no sentence end (. ! ? or a line break) in the {MAX_SENTENCE:,} characters from offset "
                      f"{run.start():,}: not prose dyad can parse (the parse of one sentence grows faster than "
                      "its length); break the text into sentences or lines")


def is_english(text: str) -> bool:
    """A cheap, dependency-free language check on Latin-script text. English when its function
    words are English ones (not those of another European language), or when it is mostly numbers
    and names, as tables of results, prices or standings are: those are processed, not refused."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return False
    latin = sum(c.isascii() for c in letters) / len(letters)
    if latin < 0.7:
        return False
    words = re.findall(r"[^\W\d_]+", sample)
    low = [w.lower() for w in words]
    english = sum(w in _ENGLISH for w in low)
    # another language's function words, and its lower-case words with letters English writes only in
    # borrowed words ("criticó", "política", "für"): names keep their capitals ("México", "Zürich")
    foreign = sum(w in _FOREIGN or w == o and not w.isascii() for w, o in zip(low, words))
    if len(words) < 30:  # a headline or a short item, mostly names: only refuse clear evidence
        return foreign <= english + 2
    if foreign > english:
        return False
    if english / len(words) >= 0.05:
        return True
    # a table or list: numbers and capitalised names, hardly any running text in another language
    numbers = len(re.findall(r"\d+(?:[.,:]\d+)*", sample))
    names = sum(1 for w in words if w[0].isupper() or len(w) <= 3)
    return (numbers >= len(words) or names >= 0.7 * len(words)) and foreign <= max(2, len(words) // 50)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})"
                  r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def normalise_date(value: object, what: str = "date") -> str | None:
    """A publication date as YYYY-MM-DD from an ISO date or datetime; None for no date.

    Anything else (a number, a list, "yesterday", "March 5") raises DyadError: a guessed date would
    put the article's events silently on the wrong day.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):  # a date or datetime object from a library caller
        return value.isoformat()[:10]
    if not isinstance(value, str):
        shown = "NaN" if isinstance(value, float) and math.isnan(value) else json.dumps(value)[:40]
        raise DyadError(f"{what} must be an ISO date string such as \"2024-05-01\", not {shown}")
    m = _ISO.fullmatch(value.strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise DyadError(f"{what} must be an ISO date such as 2024-05-01 or 2024-05-01T10:00:00Z, not {value[:40]!r}")


# Code points that cannot be stored as UTF-8 (lone surrogates, from JSON escapes like "\ud800"), NUL,
# and the two noncharacters: each becomes U+FFFD, one character for one, so offsets stay the offsets.
_UNENCODABLE = re.compile("[\ud800-\udfff\x00\ufffe\uffff]")


def sanitise(article: Article) -> Article:
    """The article with unencodable characters replaced, and a warning saying how many; else unchanged."""
    fields = {}
    for name in ("text", "title", "doc_id", "source"):
        value = getattr(article, name)
        if isinstance(value, str) and _UNENCODABLE.search(value):
            fields[name], n = _UNENCODABLE.subn("\ufffd", value)
            where = "" if name == "text" else f" of the {name}"
            fields.setdefault("warnings", list(article.warnings)).append(
                f"replaced {n} character(s){where} that cannot be stored as UTF-8 (lone surrogates, NUL) with U+FFFD")
    return replace(article, **fields) if fields else article


MAX_HTML_DEPTH = 250  # libxml2, under trafilatura, stops at 256 nested elements
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center|table|tbody|thead|tr|td|th|ul|ol|li|dl|dd|dt|"
                          r"blockquote|article|main|aside|header|footer|nav|b|i|u|em|strong|small|big|sub|sup|"
                          r"a|abbr|cite|mark|q|s|strike|tt)\b[^>]*>", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "param", "keygen", "command"}


def nesting_depth(html: str) -> int:
    """How deeply the page's elements nest (a linear scan of its tags; no parser limit applies)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m[1], m[2].lower(), m[3]
        if name in _VOID or selfclosing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


# Tags in a page. Trafilatura's fallback extractor (jusText) compares every paragraph with its
# neighbours, in time that grows with the square of their number: 6,000 menu items take 6 s, 60,000
# over ten minutes. Past FAST_HTML_TAGS the page is read without the fallback; past MAX_HTML_TAGS (a
# news page has a few thousand) it is refused, as no article is that markup.
FAST_HTML_TAGS = 8_000
MAX_HTML_TAGS = 100_000
# a line of links set apart by bars ("Home | World | Sport", "Related: A | B | C"), or a bar alone
_LINK_BAR = re.compile(r"^[^|\n]*(?:\|[^|\n]*){2,}$|^\s*\|\s*$", re.M)


def _without_link_bars(text: str) -> str:
    """The extracted text without menu lines a table layout leaves in it: their headlines are other
    articles ("Related: Russia attacks ports | Iran warns Israel"), not this one's sentences."""
    return re.sub(r"\n{2,}", "\n", _LINK_BAR.sub("", text)).strip() if "|" in text else text


# How a page's publication date is found (htmldate, under trafilatura): from its metadata, time
# elements and date lines, the first publication rather than the last update. Not by the extensive
# search, which falls back on a footer's copyright year ("(c) 2026" -> 2026-01-01): a guess that would
# date every event of the page, and every "on Tuesday" in it, to a day nobody wrote.
PAGE_DATES = {"extensive_search": False, "original_date": True}


def html_to_article(html: str, source: str) -> Article:
    """Main text of an HTML page, with its title and date when the page says them."""
    import trafilatura

    tags = sum(1 for _ in _TAG.finditer(html))
    if tags > MAX_HTML_TAGS:
        raise Refused(f"HTML too large to read: {tags:,} tags (limit {MAX_HTML_TAGS:,}; a news page has a few "
                      "thousand); give dyad the article's own text")
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                      fast=tags > FAST_HTML_TAGS, date_extraction_params=PAGE_DATES)
    text = getattr(doc, "text", None) if doc is not None else None
    if isinstance(doc, dict):  # older trafilatura versions return a dict
        text = doc.get("text")
    if (not text or len(text.split()) < 8) and nesting_depth(html) > MAX_HTML_DEPTH:
        # libxml2 gives up below 256 levels and the page looks empty: drop the layout-only wrappers
        # (their text stays) and read the page again
        doc = trafilatura.bare_extraction(_LAYOUT_TAGS.sub(" ", html), include_comments=False,
                                          include_tables=False, with_metadata=True, date_extraction_params=PAGE_DATES)
        text = (doc.get("text") if isinstance(doc, dict) else getattr(doc, "text", None)) if doc is not None else None
    text = _without_link_bars(text) if text else text
    if not text or len(text.split()) < 8:  # a menu or a cookie notice is not an article
        raise DyadError("no article text found in the HTML")
    meta = doc if isinstance(doc, dict) else {"title": getattr(doc, "title", None), "date": getattr(doc, "date", None)}
    try:
        published = normalise_date(meta.get("date"))
    except DyadError:  # a page's own metadata: an odd date there is no reason to refuse the page
        published = None
    return Article(text=text, title=meta.get("title"), published=published, source=source)


def _jsonl_article(line: str, source: str) -> Article:
    """One JSONL record as an Article; every field checked, a bad one named in the error."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DyadError(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise DyadError("malformed JSON (nested too deeply)") from None
    if not isinstance(rec, dict):
        raise DyadError("a JSONL line must be an object with at least a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DyadError("missing or empty 'text' field")
    doc_id = _scalar(rec, ("id", "doc_id"))
    title = _scalar(rec, ("title",))
    src = _scalar(rec, ("source", "url"))
    key = next((k for k in ("date", "published") if rec.get(k) not in (None, "")), "date")
    published = normalise_date(rec.get(key), f"'{key}'")
    return Article(text=text, doc_id=doc_id, title=title, published=published, source=src or source)


def _scalar(rec: dict, keys: tuple[str, ...]) -> str | None:
    """The first present field of `keys` as text: a string or a number; anything else is an error."""
    for k in keys:
        v = rec.get(k)
        if v is None or v == "":
            continue
        if isinstance(v, bool) or not isinstance(v, (str, int, float)) or (isinstance(v, float) and not math.isfinite(v)):
            shown = "NaN" if isinstance(v, float) and math.isnan(v) else json.dumps(v)[:40]
            raise DyadError(f"'{k}' must be a string or a number, not {shown}")
        return v if isinstance(v, str) else str(v)
    return None


def read(path: Path | str, published: str | None = None, stdin_data: bytes | None = None,
         fmt: str | None = None) -> Iterator[Article | Problem]:
    """Articles of one file (or of stdin for "-"), each already checked; problems in their place."""
    name = str(path)
    try:
        if name == "-":
            data = stdin_data if stdin_data is not None else b""
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        yield Problem(name, None, f"cannot read: {exc.strerror}")
        return
    suffix = (fmt and "." + fmt) or Path(name).suffix.lower()
    try:
        text = decode(data)
    except DyadError as exc:
        yield Problem(name, None, str(exc))
        return
    if name == "-" and not fmt:
        stripped = text.lstrip()
        suffix = ".jsonl" if stripped.startswith("{") else ".html" if stripped.startswith("<") else ".txt"
    if suffix in JSONL_SUFFIXES:
        lines = text.splitlines()
        if suffix == ".json" and text.lstrip().startswith("["):
            yield Problem(name, None, "a JSON array is not JSONL; write one object per line")
            return
        for no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                art = sanitise(_jsonl_article(line, name))
                art.origin = f"{name}:{no}"
                check_text(art.text)
                yield art
            except DyadError as exc:
                yield Problem(name, no, str(exc), refused=isinstance(exc, Refused))
        return
    try:
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and re.match(r"\s*<(!doctype|html)", text, re.I)):
            art = html_to_article(text, name)
            art.published = published or art.published
        else:
            art = Article(text=text, published=published, source=name)
        art = sanitise(art)
        art.origin = name
        check_text(art.text)
        yield art
    except DyadError as exc:
        yield Problem(name, None, str(exc), refused=isinstance(exc, Refused))


def read_all(paths: Iterable[str], published: str | None = None, stdin_data: bytes | None = None,
             fmt: str | None = None, leave_out: str | None = None) -> Iterator[Article | Problem]:
    """Articles and problems of every file the paths name. `leave_out` is a file whose own files are
    never read as articles: the store being written, with its lock and write-ahead log
    (`dyad ingest . --db ./dyad.duckdb` must not read its own database)."""
    files, problems = expand(paths)
    yield from problems
    own = os.path.realpath(leave_out) if leave_out else None
    for f in files:
        real = os.path.realpath(f) if own and str(f) != "-" else ""
        if own and (real == own or real.startswith(own + ".")):
            continue
        yield from read(f, published=published, stdin_data=stdin_data, fmt=fmt)


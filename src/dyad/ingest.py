"""Turn files into `Article` records: plain text, HTML and JSONL, one article or many per file.

Inputs are untrusted. Every way a file can be unusable (empty, binary, not UTF-8, no article
text, not English, too large, a malformed JSONL line) becomes a `Problem` naming the path, the
line and the reason, so a batch reports it and goes on with the rest.
"""
from __future__ import annotations

import glob
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .types import Article, DyadError

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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


def text_hash(text: str) -> str:
    """The store's identity of an article: a hash of its exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Files named by paths, folders (searched recursively) and glob patterns, in a stable order."""
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
                files.extend(sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")))
            elif path.is_file():
                files.append(path)
            else:
                problems.append(Problem(m, None, "no such file or folder"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, problems


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


def check_text(text: str) -> None:
    """Raise DyadError if the text cannot be a single English news article."""
    if not text.strip():
        raise DyadError("no text")
    if len(text) > MAX_CHARS:
        raise DyadError(f"too large: {len(text):,} characters (limit {MAX_CHARS:,}); split it into articles")
    if not is_english(text):
        raise DyadError("not English (dyad codes English news only)")


def is_english(text: str) -> bool:
    """A cheap, dependency-free language check: Latin script and enough English function words."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return False
    latin = sum(c.isascii() for c in letters) / len(letters)
    if latin < 0.7:
        return False
    words = re.findall(r"[^\W\d_]+", sample.lower())
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    if len(words) < 30:  # a headline or a short item, mostly names: only refuse clear evidence
        return foreign <= english + 2
    return english / len(words) >= 0.08 and foreign <= english


def normalise_date(value: object) -> str | None:
    """A publication date as YYYY-MM-DD, from ISO dates or timestamps; None when unusable."""
    if value is None or value == "":
        return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only for unusual date strings

    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def html_to_article(html: str, source: str) -> Article:
    """Main text of an HTML page, with its title and date when the page says them."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if isinstance(doc, dict):  # older trafilatura versions return a dict
        text = doc.get("text")
    if not text or len(text.split()) < 8:  # a menu or a cookie notice is not an article
        raise DyadError("no article text found in the HTML")
    meta = doc if isinstance(doc, dict) else {"title": getattr(doc, "title", None), "date": getattr(doc, "date", None)}
    return Article(text=text, title=meta.get("title"), published=normalise_date(meta.get("date")), source=source)


def _jsonl_article(line: str, source: str) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DyadError(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise DyadError("a JSONL line must be an object with at least a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DyadError("missing or empty 'text' field")
    doc_id = rec.get("id", rec.get("doc_id"))
    date_value = rec.get("date", rec.get("published"))
    title = rec.get("title")
    return Article(text=text, doc_id=str(doc_id) if doc_id is not None else None,
                   title=str(title) if title is not None else None,
                   published=normalise_date(date_value), source=rec.get("source") or rec.get("url") or source)


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
                art = _jsonl_article(line, name)
                art.origin = f"{name}:{no}"
                check_text(art.text)
                yield art
            except DyadError as exc:
                yield Problem(name, no, str(exc))
        return
    try:
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and re.match(r"\s*<(!doctype|html)", text, re.I)):
            art = html_to_article(text, name)
            art.published = published or art.published
        else:
            art = Article(text=text, published=published, source=name)
        art.origin = name
        check_text(art.text)
        yield art
    except DyadError as exc:
        yield Problem(name, None, str(exc))


def read_all(paths: Iterable[str], published: str | None = None, stdin_data: bytes | None = None,
             fmt: str | None = None) -> Iterator[Article | Problem]:
    files, problems = expand(paths)
    yield from problems
    for f in files:
        yield from read(f, published=published, stdin_data=stdin_data, fmt=fmt)


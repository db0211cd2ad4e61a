"""Reading PETRARCH actor and agent dictionaries (Phoenix.*.actors.txt, *.agents.txt) as KB records.

Why: users with years of curated PETRARCH dictionaries can pass them to `--kb` as they are; they are
converted on load into the same records the YAML knowledge base gives (kb.Entry, role nouns).

Actors: `NAME [CODE]` (words joined by `_`; a trailing `_` only marks a whole word), `+SYNONYM` lines
that follow are aliases, and indented `[CODE dates]` lines give dated roles: `[USAGOV 010120-090120]` (both days included),
`[HOB < 950601]` (until), `[HOBREB > 990816]` (from); six-digit dates are YYMMDD (YY up to 30 is
20YY). An actor with dated roles is a person; a three-letter code is a country (PETRARCH does not tell
them apart, and a three-letter code is what a state gets); a longer code is an organisation of the
country its first three letters name (`ISRMIL`), or an international one (`IGO...`, `NGO...`).
Discards (`+PHRASE` drops the whole story, `PHRASE` the sentence) are read by load_discards.
Agents: `NAME {PLURALS} [~CODE]` with `!MACRO! = A, B` substitutions (no braces: the regular plural
is generated; `{}`: none); the code is kept whole
("~GOVFRM": GOVFRM, added after the actor's code) and a prefix agent keeps its mark ("[NGO~]": NGO~,
added before it), see kb.compose_code. Lines that fit none of these are reported with their line numbers as KBError and skipped.
"""
from __future__ import annotations

import re
from pathlib import Path

from .kb import Entry, KBError, Role, norm

CODE_LINE = re.compile(r"^(?P<name>[^\[\]{}#]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")
ROLE_LINE = re.compile(r"^\[(?P<code>~?[A-Za-z0-9]{3,}|-{3})\s*(?P<dates>[<>]?\s*[0-9]{6,8}(?:\s*-\s*[0-9]{6,8})?)?\s*\]$")
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC", "NGM")


def is_petrarch(path: str | Path) -> bool:
    """A dictionary in PETRARCH's format rather than YAML: not .yaml/.yml, and `NAME [CODE]` lines."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        return False
    try:
        with open(p, encoding="utf-8", errors="replace") as fh:
            for _, line in zip(range(500), fh):
                if CODE_LINE.match(line.split("#", 1)[0].strip()):
                    return True
    except OSError:
        return False
    return False


DISCARD_LINE = re.compile(r"^\+?\s*[^\[\]{}<>:=~\s][^\[\]{}<>:=~]*$")


def _discard_lines(path: str | Path):
    """(line number, phrase) of a discards file: comments and blank lines left out."""
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            if in_comment or raw.lstrip().startswith("<!--"):
                in_comment = "-->" not in raw
                continue
            line = raw.split("#", 1)[0].strip()
            if line:
                yield n, line


def is_discards(path: str | Path) -> bool:
    """A PETRARCH discards dictionary: not YAML, and every line of its first 500 a bare phrase,
    `+` marking a story-level one (no `[CODE]`, no `key: value`)."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml", ".csv", ".tsv", ".json"):
        return False
    try:
        lines = [line for _, (_, line) in zip(range(500), _discard_lines(p))]
    except OSError:
        return False
    return bool(lines) and all(DISCARD_LINE.match(x) for x in lines) and not all(x.startswith("-") for x in lines)


def load_discards(path: str | Path) -> tuple[dict[str, bool], list[KBError]]:
    """Discard phrases (lower case, words single-spaced) -> whether the whole story goes (`+PHRASE`)
    or only the sentence that has it; lines that are no phrase are reported with their numbers."""
    found: dict[str, bool] = {}
    errors: list[KBError] = []
    for n, line in _discard_lines(path):
        if not DISCARD_LINE.match(line):
            errors.append(KBError(str(path), n, None, f"not a discard phrase: {line!r}"))
            continue
        story = line.startswith("+")
        phrase = " ".join(line.lstrip("+").replace("_", " ").lower().split())
        if phrase:
            found[phrase] = story
    return found, errors


def _date(raw: str) -> str:
    d = raw.strip()
    if len(d) == 6:
        yy = int(d[:2])
        d = ("20" if yy <= 30 else "19") + d
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}"


def _next_day(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _role(code: str, dates: str | None) -> Role:
    start = end = None
    if dates:
        dates = dates.strip()
        if dates.startswith("<"):
            end = _date(dates[1:])
        elif dates.startswith(">"):
            start = _date(dates[1:])
        elif "-" in dates:  # both days included: the role ends the day after the second
            a, b = dates.split("-", 1)
            start, end = _date(a), _next_day(_date(b))
        else:
            start = _date(dates)
    return Role(title="", code=code.upper(), start=start, end=end)


def _plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word: "ACTIVIST" -> "ACTIVISTS", "AUTHORITY" ->
    "AUTHORITIES", "CHURCH" -> "CHURCHES"."""
    if re.search(r"(?:s|x|z|ch|sh)_?$", phrase, re.I):
        return re.sub(r"(_?)$", r"ES\1", phrase, count=1)
    if re.search(r"[^aeiou]y_?$", phrase, re.I):
        return re.sub(r"[yY](_?)$", r"IES\1", phrase, count=1)
    return re.sub(r"(_?)$", r"S\1", phrase, count=1)


def _name(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().title()


def _entry(name: str, code: str | None, aliases: list[str], roles: list[Role], origin: str) -> Entry | None:
    if roles:
        if code:  # the code outside the dated ones: a role with no dates, chosen when no dated one holds
            roles = [*roles, Role(title="", code=code)]
        latest = max(roles, key=lambda r: r.start or "")
        intl = latest.code.startswith(INTERNATIONAL)
        return Entry(name=name, kind="person", code=latest.code, country=None if intl else latest.code[:3],
                     role=latest.code[:3] if intl else latest.code[3:6] or None, aliases=aliases, roles=roles,
                     origin=origin)
    if not code:
        return None
    if "/" in code and all(len(c) == 3 for c in code.split("/")):  # "[ELR/GAL]": several states in one name
        return Entry(name=name, kind="country", code=code, country=code, aliases=aliases, origin=origin)
    if len(code) == 3 and not code.startswith(INTERNATIONAL):
        return Entry(name=name, kind="country", code=code, country=code, aliases=aliases, origin=origin)
    if code.startswith(INTERNATIONAL):
        return Entry(name=name, kind="organization", code=code, aliases=aliases, origin=origin)
    return Entry(name=name, kind="organization", code=code, country=code[:3], role=code[3:6] or None,
                 aliases=aliases, origin=origin)


def load(path: str | Path) -> tuple[list[Entry], dict[str, str], list[KBError]]:
    """Entries (actors), role nouns (agents) and the lines that could not be read."""
    path = str(path)
    entries: list[Entry] = []
    agents: dict[str, str] = {}
    errors: list[KBError] = []
    macros: dict[str, list[str]] = {}
    current: dict | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            e = _entry(current["name"], current["code"], current["aliases"], current["roles"], current["origin"])
            if e is not None:
                entries.append(e)
        current = None

    in_comment = False
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KBError(path, None, None, f"cannot read: {exc}") from None
    for n, raw in enumerate(lines, 1):
        if in_comment or raw.lstrip().startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        if line.startswith("+"):
            if current is None:
                errors.append(KBError(path, n, None, f"a synonym with no actor before it: {raw.strip()!r}"))
            else:
                current["aliases"].append(_name(line[1:]))
            continue
        m = ROLE_LINE.match(line)
        if m:
            if current is None:
                errors.append(KBError(path, n, None, f"a dated code with no actor before it: {raw.strip()!r}"))
            elif m["code"] != "---":
                try:
                    current["roles"].append(_role(m["code"].lstrip("~"), m["dates"]))
                except ValueError:
                    errors.append(KBError(path, n, None, f"not a date: {raw.strip()!r}"))
            continue
        m = CODE_LINE.match(line)
        if m is None and re.fullmatch(r"[A-Z0-9][A-Z0-9_.'&\-\"` ]*", line):
            close()  # a name whose codes follow on dated lines
            current = {"name": _name(line), "code": None, "aliases": [], "roles": [], "origin": f"{path}:{n}"}
            continue
        if m is None:
            errors.append(KBError(path, n, None, f"not an actor, agent, synonym or dated code: {raw.strip()!r}"))
            continue
        code = m["code"].strip().split()[0] if m["code"].strip() else ""
        if "~" in code:  # an agent: "[~GOVFRM]" goes after the actor's code, "[NGO~]" before it
            close()
            role = code.upper().lstrip("~")
            if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*~?", role):
                errors.append(KBError(path, n, "code", f"not a role code: {code!r}"))
                continue
            names = [m["name"]]
            for macro, subs in macros.items():
                names = [x.replace(macro, s) for x in names for s in (subs if macro in x else [""])] \
                    if any(macro in x for x in names) else names
            plurals = [p for p in re.split(r"[\s,]+", m["plurals"] or "") if p]
            if m["plurals"] is None:  # no braces: the regular plural is meant too; "{}" says there is none
                plurals = [_plural(x) for x in names]
            for phrase in names + plurals:
                agents[norm(_name(phrase))] = role
            continue
        close()
        current = {"name": _name(m["name"]), "code": None if set(code) <= {"-"} else code.upper(), "aliases": [],
                   "roles": [], "origin": f"{path}:{n}"}
    close()
    return entries, agents, errors

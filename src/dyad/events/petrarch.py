"""Reading PETRARCH verb dictionaries (CAMEO.verbpatterns.*.txt, PETR.Validate.verbs.txt) as dyad patterns.

Why: users with years of curated PETRARCH dictionaries can point `--verbs` / DYAD_VERBS at them. The
format (PETRARCH-1, inherited from TABARI): synonym sets (`&NAME` then `+MEMBER` lines), verb blocks
(`--- NAME [code] ---`, then the block's verbs, one a line, with an optional own `[code]` and
irregular forms in `{}`), and patterns (`- words * words [code] # comment`: `*` is the verb, `+` the
target, `$` the source, `%` a compound actor, `^` skips a phrase, `&SET` any member of a set).

The conversion keeps what dyad's dependency-based matcher can express and reports the rest:
- each verb gets its block's code (or its own) as its default; `[---]` is "no event";
- words after the verb become `post` slots, matched in order against the words of the verb's phrase
  right of it (a set member of several words as a phrase: "* &CURRENCY" holds "golden goblin
  galleons" only whole); a preposition before "+" names where the target is ("* WITH +" -> prep
  with); when no argument gives a target, it is the first actor after the verb in its phrase, as
  PETRARCH reads a pattern (`target_after`);
- "%" before the verb holds only for a coordinated subject ("% * [030]": "X and Y agreed"), which
  with no target acts on each other; a paired code "[032:033]" codes the act and, from the target
  back to the source, what it does in return (`paired`);
- words before the verb ("SAID WOULD *", "&NEGATION EVER *") become `pre` slots matched, in order,
  against the sentence's words left of the verb (triggers._holds); a word joined to the verb by "_"
  ("RECENTLY_*", "FAILED_TO_*") must come right before it (a last slot "*", the verb, joined to it); such a pattern's code includes
  its modality, so negation in its context does not drop the event;
- a target before the verb with the source after it ("+ * FROM $", "+ WAS_ * TO_ ^ FROM $") says
  the subject is the receiving end: read like "* FROM +" with `reverse` (the pairs are turned round,
  as for "received aid from");
- a target before the verb with no source after it ("+ WAS_ *"), or a source after the verb with the
  target after it too, has no dependency equivalent: skipped, counted in `skipped`;
- a line that is neither a header, a verb, a set member nor a well-formed pattern is reported with
  its line number in `problems`, and the rest still loads.
TABARI's complex-event marker "[+++]" is no code: such a pattern is skipped (PETRARCH does not
implement it), so the block's other patterns code the phrase. Codes are kept as written: a PETRARCH dictionary may use codes outside CAMEO (the validation suite's
WEIS-era codes). Modality does not change them (PETRARCH does not), so each pattern's intent code is
its own code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


HEADER = re.compile(r"^---\s*([^\[]+?)\s*\[([^\]]*)\]")  # "--- NAME [code] ---", extras after the code ignored
VERB = re.compile(r"^([^\[\]{}]+?)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*(?:\{[^}]*\})?\s*$")
PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$")
PARTICLES = {"up", "down", "out", "off", "back", "away", "together", "aside", "apart", "forth"}
PREPOSITIONS = {"to", "for", "with", "at", "into", "from", "against", "of", "between", "toward", "towards", "onto",
                "in", "on", "over", "about", "under", "upon", "by", "near", "across", "after", "behind", "inside",
                "within", "through", "around", "along", "among", "amid", "without"}


@dataclass
class VerbDictionary:
    records: list[dict] = field(default_factory=list)  # verbs.yaml-shaped records
    problems: list[str] = field(default_factory=list)  # "path:line: reason"
    skipped: int = 0  # patterns with no dependency equivalent


def is_verb_dictionary(path: str | Path) -> bool:
    """Whether a file is in PETRARCH's verb format (a `--- NAME [code] ---` block header early on)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for _, line in zip(range(3000), fh):
                if HEADER.match(line.strip()):
                    return True
    except OSError:
        return False
    return False


def _uncomment(raw: str) -> str:
    """The line without its comment: "#" starts one, except inside a [code] ("[###]")."""
    out, depth = [], 0
    for ch in raw:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            break
        out.append(ch)
    return "".join(out).strip()


def _code(raw: str) -> str:
    """A pattern's or block's code; "[---]" (no event) and TABARI's complex-event marker "[+++]",
    which PETRARCH does not implement, are no code ("none")."""
    code = raw.split(":")[0].strip()
    return "none" if not code or set(code) <= {"-"} or set(code) <= {"+"} else code


def _paired(raw: str) -> dict:
    """ "[032:033]": the act (032) and what the target does in return (033), as `paired`."""
    second = raw.split(":")[1].strip() if ":" in raw else ""
    return {"paired": second} if second and not set(second) <= {"-"} else {}


def _target_at(text: str) -> tuple[int, int] | None:
    """Where a pattern puts its target after the verb ("* EID AT ^ WITH +"): the number of words
    (slots) before "+" and the number of phrases "^" skips right before it; None without a "+"."""
    slots = skips = 0
    for part in (p for chunk in text.split() for p in chunk.split("_") if p):
        if part == "+":
            return slots, skips
        if part == "^":
            skips += 1
        elif part not in ("$", "%"):
            slots, skips = slots + 1, 0
    return None


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", text.strip()) if w]


def _context(text: str, phrases) -> list | None:
    """The words a pattern needs before its verb, as `pre` slots: [[phrases], joined]. Words written
    apart ("SAID WOULD *") may have other words between them; words joined by "_" ("WILL_NOT") may
    not; a trailing "_" only marks a whole word. `&SET` is any of its members. The actor markers
    (`$` the source, `%` a compound, `^`) say nothing about the words. None when a set is empty."""
    slots: list = []
    for chunk in text.split():
        joined = False
        for part in chunk.split("_"):
            if not part:
                continue
            if part in ("$", "%", "^", "+"):
                joined = False
                continue
            alts = phrases(part[1:]) if part.startswith("&") else [part.lower()]
            if not alts:
                return None
            slots.append([alts, joined])
            joined = True
    return slots


def read_verbs(path: str | Path) -> VerbDictionary:
    out = VerbDictionary()
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    sets: dict[str, list[str]] = {}
    current_set: str | None = None
    block: dict | None = None  # {"code", "verbs": [(lemma, particle, code)], "patterns": [(line, text, code)]}
    blocks: list[dict] = []
    in_comment = False
    for n, raw in enumerate(lines, 1):
        line = _uncomment(raw)
        if in_comment or line.startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        if not line:
            current_set = None
            continue
        m = HEADER.match(line)
        if m:
            block = {"raw": m[2], "verbs": [], "patterns": []}
            blocks.append(block)
            current_set = None
            continue
        if line.startswith("&"):
            current_set = line.split()[0][1:].rstrip("_").upper()
            sets.setdefault(current_set, [])
            continue
        if current_set is not None and line.startswith("+"):
            sets[current_set].append(line[1:].strip())
            continue
        if line.startswith("-"):
            pm = PATTERN.match(line)
            if block is None or not pm or "*" not in pm[1]:
                out.problems.append(f"{path}:{n}: pattern without a verb block, a '*' or a [code]: {raw.strip()!r}")
                continue
            block["patterns"].append((n, pm[1], pm[2]))
            continue
        if block is None:
            continue  # text before the first block that is no set: PETRARCH ignores it too
        vm = VERB.match(line)
        if not vm or not re.fullmatch(r"[A-Z0-9_+'\- ]+", vm[1]):  # PETRARCH writes verbs in capitals
            out.problems.append(f"{path}:{n}: not a verb, a set member or a pattern: {raw.strip()!r}")
            continue
        words = _words(vm[1].lower())
        head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        words = [w.lstrip("+") for w in words]
        if not words or not words[head]:
            out.problems.append(f"{path}:{n}: empty verb: {raw.strip()!r}")
            continue
        particle = words[head + 1] if head + 1 < len(words) and words[head + 1] in PARTICLES else None
        block["verbs"].append((words[head], particle, vm[2] if vm[2] else block["raw"]))

    def phrases(name: str, depth: int = 0) -> list[str]:
        """A set's members as whole phrases ("REALLY DID NOT" -> "really did not")."""
        got: list[str] = []
        for m in sets.get(name.upper().rstrip("_"), []):
            if m.startswith("&") and depth < 5:
                got += phrases(m[1:], depth + 1)
            elif _words(m):
                got.append(" ".join(_words(m.lower())))
        return got

    for b in blocks:
        for lemma, particle, raw in b["verbs"]:
            code = _code(raw)
            rec = {"code": code, "lemma": lemma, "intent": code if code != "none" else None, "block": b,
                   "target_after": True, **_paired(raw)}
            if particle:
                rec["particle"] = particle
            out.records.append(rec)
        for n, text, raw in b["patterns"]:
            code = _code(raw)
            if code == "none" and set(raw.split(":")[0].strip()) <= {"+"}:
                out.skipped += 1  # "[+++]": a complex event PETRARCH does not code; the other patterns apply
                continue
            toks = _words(text.replace("*", " * "))
            star = toks.index("*")
            reverse = "+" in toks[:star] and "$" in toks[star + 1:] and "$" not in toks[:star] \
                and "+" not in toks[star + 1:]
            if reverse:  # "+ * FROM $": the subject receives, the source is where "$" is (`reverse`)
                head, tail = text.split("*", 1)
                text = head.replace("+", " ") + "*" + tail.replace("$", "+")
                toks = _words(text.replace("*", " * "))
                star = toks.index("*")
            post = [t for t in toks[star + 1:] if t not in ("^", "%")]
            if "+" in toks[:star] or "$" in post:
                out.skipped += 1  # the target before the verb with no source after it, or the reverse
                continue
            pre = _context(text.split("*", 1)[0], phrases)
            if pre and text.split("*", 1)[0].endswith("_"):
                pre.append([["*"], True])  # "RECENTLY_*": the word right before the verb, nothing between
            if pre is None:
                out.problems.append(f"{path}:{n}: pattern names an empty or unknown set: {text!r}")
                continue
            rec: dict = {"pre": pre} if pre else {}
            if reverse:
                rec["reverse"] = True
            if "%" in toks[:star]:  # "% * [030:030]": a compound subject; with no target, they act on each other
                rec["compound"] = rec["mutual"] = True
            if post and post[0].lower() in PARTICLES:
                rec["particle"] = post.pop(0).lower()
            after = _context(text.split("*", 1)[1], phrases)
            if after is None:
                out.problems.append(f"{path}:{n}: pattern names an empty or unknown set: {text!r}")
                continue
            dropped = 0
            if rec.get("particle") and after and after[0][0] == [rec["particle"]]:
                after, dropped = after[1:], 1  # the particle is matched as one, wherever the parser puts it
                if after:
                    after[0][1] = False
            if after:
                rec["post"] = after
                where = _target_at(text.split("*", 1)[1])
                if where and 0 < where[0] - dropped <= len(after):  # "* EID AT ^ WITH +": the target's place
                    rec["target_at"] = [where[0] - dropped, where[1]]
            if not rec:
                out.skipped += 1  # "* [code]" alone: the block's verbs already have their codes
                continue
            words = [t.lower() for t in post if t != "+"]
            if post and post[0] == "+":  # "* + TO ...": the target is the object
                pass
            elif words and words[0] in PREPOSITIONS:
                rec["prep"] = words[0]  # "* WITH +", "* OVER EFFORTS": the target is in that phrase
            else:
                for i, t in enumerate(post[1:], 1):
                    if t.lower() in PREPOSITIONS and "+" in post[i + 1:i + 2]:
                        rec["prep"] = t.lower()
                        break
            for lemma, particle, _ in b["verbs"]:
                if particle and rec.get("particle") not in (None, particle):
                    continue
                r = {"code": code, "lemma": lemma, "intent": code if code != "none" else None,
                     "origin": f"{path} (pattern)", "target_after": True, **_paired(raw), **rec}
                if particle:
                    r["particle"] = particle
                out.records.append(r)
    for r in out.records:
        r.pop("block", None)
    return out

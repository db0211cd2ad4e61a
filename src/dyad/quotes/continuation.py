"""Continuation: a quote without a cue of its own continues a speaker before it."""
from __future__ import annotations

import re
from bisect import bisect_right

from .attribution import _Attr
from .spans import Marked


class Continuation:
    """Part of the quote run (`stage._Run`): quotes that continue a speaker."""

    def _chain(self, attrs: list[_Attr], marked: list[Marked]) -> None:
        """A quote without a cue continues the speaker before it in its paragraph, or after it with
        nothing in between; a paragraph that is only quotes continues the previous speaker."""
        text = self.text
        for n, a in enumerate(attrs):
            if a.how != "none":
                continue
            pi = bisect_right(self.para_starts, a.start) - 1
            prev = next((b for b in reversed(attrs[:n]) if b.subj is not None and self._speaks(b)), None)
            src = None
            if prev is not None and bisect_right(self.para_starts, prev.start) - 1 == pi:
                src = prev
            if src is None:
                nxt = next((b for b in attrs[n + 1:] if b.subj is not None and b.kind == "direct"), None)
                if nxt is not None and not re.search(r"\w", text[a.end:nxt.start]):  # “…” “…,” X said
                    src = nxt
            if src is None and prev is not None and self._only_quotes(pi):
                ppi = bisect_right(self.para_starts, prev.start) - 1
                if self.para_rank[pi] - self.para_rank[ppi] <= 1:
                    src = prev
            if src is None:
                self._previous_subject(a)
                continue
            root = src.inherited or src
            a.inherited = root
            a.actor, a.name, a.subj = root.actor, root.name, root.subj
            a.speaker_span = root.speaker_span
            if root.kind == "direct" or src.kind == "direct":
                a.cue, a.cue_text, a.cue_span = root.cue, root.cue_text, root.cue_span
            else:
                a.cue_text = root.cue_text
            a.how = "chain"

    def _speaks(self, b: _Attr) -> bool:
        """Whether an attribution reports words, so that a quote after it can continue them: not one
        whose content is a phrase its verb governs ("the Post backed Clinton", "he did not suggest
        retaliation. “...”": the quote goes on with what was said before), unless the phrase holds
        a quote ("called the plan “a disaster.”")."""
        return b.how != "indirect" or b.cue is None or b.cue.i not in self.governed_cues or b.kind != "indirect"

    def _previous_subject(self, a: _Attr) -> None:
        """A quote that is a sentence of its own, with no cue anywhere near, right after a sentence
        whose main subject is a person: that person's words ("X identified fatigue as the reason.
        “Young people are tired of it.”"). Also after a paragraph of one such sentence."""
        if not a.quotes:
            return
        q = self.marked[a.quotes[0]]
        i = self.tok_index(q.open_at) - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in ("\n",)):
            i -= 1
        if i < 0 or self.doc[i].text not in (".", "!", "?", ":") or not self.outside(self.doc[i]):
            return  # the quote is not the start of a sentence
        if self.para_gap(i, self.tok_index(q.open_at)) > 0 and not self._only_quotes(self.tok_para[self.tok_index(q.open_at)]):
            return
        if self.para_gap(i, self.tok_index(q.open_at)) > 1:
            return
        lo, _ = self._sentence(i - 1) if i > 0 else (0, 0)
        root = next((t for t in self.doc[lo:i] if t.dep_ == "ROOT" and self.outside(t)), None)
        if root is None:
            return
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and self.outside(c)), None)
        if subj is None:
            return
        actor = self._actor(subj, [])
        if actor is None or actor.kind != "person":
            return
        a.subj, a.actor, a.name = subj, actor, actor.name
        a.speaker_span = self._speaker_span(subj)
        a.how = "previous subject"

    def _only_quotes(self, pi: int) -> bool:
        s, e = self.paras[pi]
        rest = []
        pos = s
        for q in self.marked:
            if q.close_at <= s or q.open_at >= e:
                continue
            rest.append(self.text[pos:max(pos, q.open_at)])
            pos = max(pos, q.close_at)
        rest.append(self.text[pos:e])
        return not re.search(r"\w", "".join(rest))

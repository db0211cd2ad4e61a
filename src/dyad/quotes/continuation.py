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
            prev = next((b for b in reversed(attrs[:n]) if b.subj is not None), None)
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

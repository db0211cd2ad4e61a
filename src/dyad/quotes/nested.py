"""Reports inside reports: "Clinton said she thinks X" and "aides said Clinton wants X" are one
attribution each, the outer one; "aides said Clinton told donors X" is two."""
from __future__ import annotations

from .attribution import _Attr


class Nested:
    """Part of the quote run (`stage._Run`): a report inside the speaker's own report."""

    def _drop_restated(self, attrs: list[_Attr]) -> list[_Attr]:
        """An indirect report whose cue sits inside the content of another report restates or
        describes part of it: by the same actor, it restates the speaker's one claim ("the senator
        said she believes the bill will pass", "he says he hopes to ..."); by anyone else, a belief,
        wish or intention ("aides said Clinton wants to ...", "officials said the rebels refused to
        ...") is the outer speaker's claim about them, not words of theirs. Both are already whole in
        the outer content. A verb of saying by someone else ("X said Y told donors ...") stays: Y's
        words, as X tells them."""
        out = []
        for a in attrs:
            if a.how == "indirect" and a.kind == "indirect" and a.cue is not None and any(
                    b is not a and (b.actor is a.actor and a.actor is not None or a.cue.lemma_.lower() not in self.lex.speech)
                    and b.start <= a.cue.idx < b.end and b.start <= a.start and a.end <= b.end for b in attrs):
                continue
            out.append(a)
        return out

"""Restated reports: "Clinton said she thinks X" is one attribution, not two."""
from __future__ import annotations

from .attribution import _Attr


class Nested:
    """Part of the quote run (`stage._Run`): a report inside the speaker's own report."""

    def _drop_restated(self, attrs: list[_Attr]) -> list[_Attr]:
        """An indirect report whose cue sits inside the content of another report by the same
        actor ("the senator said she believes the bill will pass", "he says he hopes to ...")
        restates that report: the speaker's one claim, already whole in the outer content. Reports
        by someone else inside a content ("X said Y believes ...") stay: they are Y's, as X tells it."""
        out = []
        for a in attrs:
            if a.how == "indirect" and a.kind == "indirect" and a.actor is not None and a.cue is not None and any(
                    b is not a and b.actor is a.actor and b.start <= a.cue.idx < b.end and b.start <= a.start
                    and a.end <= b.end for b in attrs):
                continue
            out.append(a)
        return out

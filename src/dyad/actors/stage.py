"""ActorStage: the steps run over one parsed document."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import budget
from .. import kb as kbmod
from ..doctext import span_text
from ..kb import KB
from ..types import Actor, Mention
from .cluster import _Cluster
from .codes import Codes
from .genders import Genders
from .linking import Linking
from .names import title_nouns
from .nested import nested_mentions
from .resolver import Resolver
from .spans import _byline_tokens, _candidate_spans, _dateline_tokens
from .words import CAMEO_ROLE_NAMES


class ActorStage(Linking, Codes, Genders):
    """Finds and resolves the actors of one parsed document."""

    def __init__(self, kb: KB):
        self.kb = kb

    def __call__(self, doc: Doc, published: str | None) -> "Resolver":
        kb = self.kb
        clusters: list[_Cluster] = []
        span_cluster: dict[tuple[int, int], _Cluster] = {}
        group_spans = self._group_spans(doc)
        group_tokens = {i for s, _ in group_spans for i in range(s.start, s.end)}

        datelines: set[tuple[int, int]] = set()
        dateline_clusters: list[tuple[int, _Cluster]] = []
        dateline_tokens = _dateline_tokens(doc)
        byline_tokens = _byline_tokens(doc)
        for span in _candidate_spans(doc, kb):
            budget.check()  # one pathological article must not stall its batch
            dateline = all(i in dateline_tokens for i in range(span.start, span.end))
            if dateline or any(i in group_tokens for i in range(span.start, span.end)) and span.label_ != "PERSON":
                # "SEOUL (Reuters) —" says where the story was filed, and "China" inside "China's
                # foreign ministry" belongs to the collective actor: a mention of the place or
                # country, but no token of it stands for that actor in events or quotes (the
                # resolver lists the dateline's places apart: Resolver.datelines)
                cluster = self._place(span if not dateline else Span(doc, span.start, span.end, label="GPE"),
                                      clusters, kb, published, doc)
                if cluster is not None and cluster.kind in ("country", "place"):
                    cluster.mentions.append(span)
                    if dateline:
                        datelines.add((span.start, span.end))
                        dateline_clusters.append((span.start, cluster))
                        if cluster.entry is None and cluster.name == span.text and span.text.isupper():
                            cluster.name = span.text.title()  # "ST. PAUL" -> "St. Paul"
                continue
            if span.start in byline_tokens and self._byline_name(span):
                cluster = self._byline_person(span, clusters)
            else:
                cluster = self._place(span, clusters, kb, published, doc)
            if cluster is None:
                continue
            cluster.mentions.append(span)
            span_cluster[(span.start, span.end)] = cluster

        for span, (entry, role) in group_spans:
            person = self._titled_person(span, entry, clusters) if entry is not None else None
            if person is not None:  # "China's top diplomat" after "China's top diplomat, Wang Yi"
                person.mentions.append(span)
                span_cluster[(span.start, span.end)] = person
                continue
            if span.label_ == "LED":  # "the Trump campaign": an organisation of its own, named for its leader
                key_name = " ".join(t.text for t in span if t.dep_ not in ("det", "case"))
            elif entry is None:
                key_name = " ".join(t.lemma_.lower() if t.i == span.end - 1 else t.lower_ for t in span)
            else:
                key_name = f"{entry.name} {CAMEO_ROLE_NAMES.get(role, role.strip('~').lower())}"
            kind = "organization" if span.label_ == "LED" else "group"
            cluster = next((c for c in clusters if c.kind == kind and c.name == key_name), None)
            if cluster is None:
                cluster = _Cluster(kind=kind, name=key_name, code=kbmod.compose_code(entry.code if entry else None, role),
                                   country=entry.code if entry else None, role=role,
                                   link={"method": "context", "evidence": span.text})
                if span.label_ == "LED":
                    cluster.link["led_by"] = span.kb_id_  # its leader's name as written: one party with him
                clusters.append(cluster)
            cluster.mentions.append(span)
            span_cluster[(span.start, span.end)] = cluster

        self._repeat_mentions(doc, clusters, span_cluster)
        nested_mentions(self, doc, clusters, span_cluster, kb)
        self._genders(doc, clusters)
        for c in clusters:
            if c.kind == "person":
                names = set(c.tokens)
                c.described = {t.lemma_.lower() for m in c.mentions for t in self._context_tokens(m)
                               if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in names}
                # "Sen. Marcus Hale" is "the senator" later: titles written short, and their synonyms
                c.described |= {n for w in list(c.described) for n in title_nouns(w)}
        for c in clusters:
            if c.kind == "person" and c.code is None and c.link.get("method") != "byline":
                self._code_from_descriptions(c, doc, clusters)  # (a writer's byline says nothing of whom they serve)
        self._congress_notation(clusters, doc)
        self._country_from_sentence(clusters)
        self._titled_names(clusters)
        clusters = [c for c in clusters if c.mentions]
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        actors = []
        for i, c in enumerate(clusters, 1):
            c.mentions.sort(key=lambda m: m.start)
            actors.append(Actor(
                id=f"A{i}", name=c.name, kind=c.kind, code=c.code, country=c.country, role=kbmod.agent_role(c.role),
                mentions=[Mention(m.start_char, m.end_char, span_text(m), self._form(m, c, datelines)) for m in c.mentions],
                link=c.link, kb_id=c.entry.key if c.entry else None, gender=c.gender))
        by_cluster = {id(c): a for c, a in zip(clusters, actors)}
        return Resolver(doc, actors, clusters, span_cluster, kb,
                        datelines=[(i, by_cluster[id(c)]) for i, c in dateline_clusters if id(c) in by_cluster])

    def _form(self, m: Span, c: _Cluster, datelines: set[tuple[int, int]]) -> str:
        """How a mention names its actor: a name, a demonym, a role phrase, or a dateline."""
        if (m.start, m.end) in datelines:
            return "dateline"
        if m.label_ == "GROUP":
            return "role"
        if c.kind in ("country", "group") and not self.kb.lookup(m.text) and self.kb.demonym(m.text) is not None:
            return "demonym"
        return "name"

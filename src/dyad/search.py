"""The article search index: which articles hold a word, or name an actor, without reading every text.

Two tables, written in the same transaction as the articles they index (`Store.add`, `shards.load`):

- `search_docs (kind, term, doc_id, published)`: one row per distinct term of an article. Kind `w` is a
  word of its title or text, as written (a maximal run of letters, digits and combining marks); kind
  `c` an actor code or country of one of its actors; kind `n` an actor's canonical name.
- `search_terms (kind, term, always)`: the distinct terms, so a query finds its terms in the vocabulary
  and then their articles. For a name, `always` lists the codes and countries that every actor of that
  name has had: the articles of such a name already hold that code, so an actor filter on it need not
  add (and deduplicate) the name's articles. For "USA", the many names containing "usa" of American
  actors cost nothing; only a name like "Musa" (no USA code) adds its few articles.

Why the answers stay exactly those of `text ILIKE '%q%'`: an occurrence of a run of ASCII letters and
digits lies inside one word of the text, since every character that matches such a letter in any case
is itself a letter or digit; so the words that match `ILIKE '%token%'` (the same operator, hence the
same case folding) point to exactly the articles holding the token. A query that is one such run is
answered from the index alone; any other query with such runs is narrowed to the articles holding
all of them and then checked with ILIKE on those; a query with none scans the texts as before.
The actor filter (a code, a country, or part of a name) is answered from the `c` and `n` terms.
"""
from __future__ import annotations

import re

import duckdb

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_terms (kind VARCHAR NOT NULL, term VARCHAR NOT NULL, always VARCHAR[],
                                         PRIMARY KEY (kind, term));
CREATE TABLE IF NOT EXISTS search_docs (kind VARCHAR NOT NULL, term VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
                                        published DATE);
"""
TABLES = ("search_terms", "search_docs")
WORD = r"[\pL\pN\pM]+"  # a word as the index splits texts (RE2 syntax)
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def present(con: duckdb.DuckDBPyConnection) -> bool:
    from .store import has_tables

    return has_tables(con, TABLES)


def add(con: duckdb.DuckDBPyConnection, articles_where: str, params: list) -> None:
    """Index the articles matching `articles_where` (just inserted, with their actors). Call inside the
    transaction that inserted them."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE search_ids AS SELECT doc_id FROM articles WHERE {articles_where}",
                params)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE search_new AS
        SELECT DISTINCT kind, term, doc_id, published FROM (
            SELECT 'w' AS kind, unnest(regexp_extract_all(coalesce(title, '') || ' ' || text, '{WORD}')) AS term,
                   doc_id, published FROM articles SEMI JOIN search_ids USING (doc_id)
            UNION ALL
            SELECT unnest(['c', 'c', 'n']), unnest([ac.code, ac.country, ac.name]), ac.doc_id, a.published
            FROM actors ac JOIN articles a USING (doc_id) WHERE ac.doc_id IN (SELECT doc_id FROM search_ids))
        WHERE term IS NOT NULL""")
    con.execute("INSERT OR IGNORE INTO search_terms SELECT DISTINCT kind, term, NULL FROM search_new WHERE kind <> 'n'")
    # per name: the codes and countries on every one of its actor rows (counted per row, kept if on all)
    con.execute("""
        INSERT INTO search_terms
        WITH r AS (SELECT name, code, country, row_number() OVER () AS rid FROM actors
                   WHERE doc_id IN (SELECT doc_id FROM search_ids) AND name IS NOT NULL),
             k AS (SELECT name, count(*) AS n FROM r GROUP BY name),
             x AS (SELECT name, e, count(DISTINCT rid) AS hits
                   FROM (SELECT name, rid, unnest([code, country]) AS e FROM r) WHERE e IS NOT NULL GROUP BY name, e)
        SELECT 'n', k.name, coalesce(list(x.e ORDER BY x.e) FILTER (WHERE x.hits = k.n), [])
        FROM k LEFT JOIN x USING (name) GROUP BY k.name
        ON CONFLICT DO UPDATE SET always = list_sort(list_intersect(always, excluded.always))""")
    con.execute("INSERT INTO search_docs SELECT * FROM search_new ORDER BY kind, term")
    con.execute("DROP TABLE search_new")
    con.execute("DROP TABLE search_ids")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Build the index over every stored article (a migration, or after a bulk load), in one transaction."""
    from .store import rebuild

    rebuild(con, TABLES, SCHEMA, lambda c: add(c, "TRUE", []))


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    if not present(con):
        refresh(con)


def tokens(q: str) -> list[str]:
    """The runs of ASCII letters and digits in a query: each must occur inside one word of a match."""
    return _TOKEN.findall(q)


def _terms(con: duckdb.DuckDBPyConnection, kind: str, like: str) -> list[tuple[str, list | None]]:
    """The terms of `kind` in the vocabulary that match `like`, with their `always` lists."""
    return con.execute(f"SELECT term, always FROM search_terms WHERE kind = '{kind}' AND term ILIKE ? ESCAPE '\\'",
                       [like]).fetchall()


def _actor(con: duckdb.DuckDBPyConnection, actor: str, params: list) -> str:
    """(doc_id, published) of the articles with an actor whose code or country is `actor` or whose name
    contains it: the code's articles, plus those of names not always under that code that lack it."""
    from .query import _like

    code = actor.upper()
    coded = "SELECT doc_id, published FROM search_docs WHERE kind = 'c' AND term = ?"
    params.append(code)
    others = [t for t, always in _terms(con, "n", _like(actor)) if code not in (always or [])]
    if not others:
        return coded
    named = "SELECT DISTINCT doc_id, published FROM search_docs WHERE kind = 'n' AND term = ANY(?)"
    params += [others, code, others]
    return (f"{coded} UNION ALL (SELECT * FROM ({named}) WHERE doc_id NOT IN (SELECT doc_id FROM search_docs"
            f" WHERE kind = 'c' AND term = ? AND doc_id IN (SELECT doc_id FROM ({named}))))")


def candidates(con: duckdb.DuckDBPyConnection, q: str | None, actor: str | None, params: list) -> str | None:
    """The articles matching the text query `q` (as `title/text ILIKE '%q%'`) and the actor filter, as
    a relation (doc_id, published); None when the index cannot narrow them (no token in `q`, no actor)."""
    from .query import _like

    toks = tokens(q) if q else []
    if not toks and not actor:
        return None
    parts = [_actor(con, actor, params)] if actor else []
    for t in dict.fromkeys(toks):
        words = [w for w, _ in _terms(con, "w", _like(t))]
        # an article holds a term once: one term needs no DISTINCT
        parts.append(f"SELECT {'' if len(words) == 1 else 'DISTINCT '}doc_id, published FROM search_docs"
                     " WHERE kind = 'w' AND term = ANY(?)")
        params.append(words)
    found = " INTERSECT ".join(f"({p})" for p in parts)
    if q and [q] != toks:  # not a single token (or none): the candidates are checked against the text itself
        found = (f"SELECT doc_id, published FROM articles WHERE doc_id IN (SELECT doc_id FROM ({found}))"
                 " AND (text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    return found

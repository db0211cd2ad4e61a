"""The article search index: which articles hold a word, or name an actor, without reading every text.

Two tables, written in the same transaction as the articles they index (`Store.add`, `shards.load`):

- `search_docs (kind, term, doc_id, published)`: one row per distinct term of an article. Kind `w` is a
  word of its title or text, as written (a maximal run of letters, digits and combining marks); kind
  `c` an actor code or country of one of its actors; kind `n` an actor's canonical name.
- `search_vocab (kind, term, docs, always)`: the distinct terms, so a query finds its terms in the
  vocabulary and then their articles, with the number of articles holding each (so a one-term query's
  total is read, not counted). For a name, `always` lists the codes and countries that every actor of that
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
from datetime import timedelta

import duckdb

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_vocab (kind VARCHAR NOT NULL, term VARCHAR NOT NULL, docs BIGINT, always VARCHAR[],
                                         PRIMARY KEY (kind, term));
CREATE TABLE IF NOT EXISTS search_docs (kind VARCHAR NOT NULL, term VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
                                        published DATE);
"""
TABLES = ("search_vocab", "search_docs")
OBSOLETE = ("search_terms",)  # the vocabulary's first name, without its article counts
WORD = r"[\pL\pN\pM]+"  # a word as the index splits texts (RE2 syntax)
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def present(con: duckdb.DuckDBPyConnection) -> bool:
    from .store import has_tables

    return has_tables(con, TABLES)


def add(con: duckdb.DuckDBPyConnection, articles: str, actors: str, params: list) -> None:
    """Index new articles: `articles` and `actors` are relations of their rows (the tables under a
    filter that `params` fill, or a shard's own files), each read once. Call inside the transaction that
    inserted them. (A join of the tables with the new doc_ids would read every stored text.)"""
    con.execute(f"CREATE OR REPLACE TEMP TABLE search_ids AS SELECT doc_id, published, title, text FROM {articles}",
                params)
    con.execute(f"CREATE OR REPLACE TEMP TABLE search_actors AS SELECT doc_id, name, code, country FROM {actors}",
                params)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE search_new AS
        SELECT DISTINCT kind, term, doc_id, published FROM (
            SELECT 'w' AS kind, unnest(regexp_extract_all(coalesce(title, '') || ' ' || text, '{WORD}')) AS term,
                   doc_id, published FROM search_ids
            UNION ALL
            SELECT unnest(['c', 'c', 'n']), unnest([ac.code, ac.country, ac.name]), ac.doc_id, i.published
            FROM search_actors ac JOIN search_ids i USING (doc_id))
        WHERE term IS NOT NULL""")
    con.execute("""
        INSERT INTO search_vocab SELECT kind, term, count(*), NULL FROM search_new GROUP BY kind, term
        ON CONFLICT DO UPDATE SET docs = docs + excluded.docs""")
    # per name: the codes and countries on every one of its actor rows (counted per row, kept if on all)
    con.execute("""
        INSERT INTO search_vocab
        WITH r AS (SELECT name, code, country, row_number() OVER () AS rid FROM search_actors WHERE name IS NOT NULL),
             k AS (SELECT name, count(*) AS n FROM r GROUP BY name),
             x AS (SELECT name, e, count(DISTINCT rid) AS hits
                   FROM (SELECT name, rid, unnest([code, country]) AS e FROM r) WHERE e IS NOT NULL GROUP BY name, e)
        SELECT 'n', k.name, NULL, coalesce(list(x.e ORDER BY x.e) FILTER (WHERE x.hits = k.n), [])
        FROM k LEFT JOIN x USING (name) GROUP BY k.name
        ON CONFLICT DO UPDATE SET always = CASE WHEN always IS NULL THEN excluded.always
                                                ELSE list_sort(list_intersect(always, excluded.always)) END""")
    # a term's articles newest first, so that a page of the newest skips the older row groups (`page`)
    con.execute("INSERT INTO search_docs SELECT * FROM search_new ORDER BY kind, term, published DESC NULLS LAST, doc_id")
    con.execute("DROP TABLE search_new")
    con.execute("DROP TABLE search_ids")
    con.execute("DROP TABLE search_actors")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Build the index over every stored article (a migration, or after a bulk load), in one transaction."""
    from .store import rebuild

    rebuild(con, TABLES, SCHEMA, lambda c: add(c, "articles", "actors", []), obsolete=OBSOLETE)


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    if not present(con):
        refresh(con)


def tokens(q: str) -> list[str]:
    """The runs of ASCII letters and digits in a query: each must occur inside one word of a match."""
    return _TOKEN.findall(q)


def _terms(con: duckdb.DuckDBPyConnection, kind: str, like: str) -> list[tuple[str, int, list | None]]:
    """The terms of `kind` in the vocabulary that match `like`, with their article counts and `always` lists."""
    return con.execute(f"SELECT term, docs, always FROM search_vocab WHERE kind = '{kind}' AND term ILIKE ? ESCAPE '\\'",
                       [like]).fetchall()


def _docs(con: duckdb.DuckDBPyConnection, kind: str, term: str) -> int:
    row = con.execute("SELECT docs FROM search_vocab WHERE kind = ? AND term = ?", [kind, term]).fetchone()
    return row[0] if row else 0


def _actor(con: duckdb.DuckDBPyConnection, actor: str, params: list) -> tuple[str, int | None]:
    """(doc_id, published) of the articles with an actor whose code or country is `actor` or whose name
    contains it: the code's articles, plus those of names not always under that code that lack it.
    With their number when the vocabulary gives it (no such other name)."""
    from .query import _like

    code = actor.upper()
    coded = "SELECT doc_id, published FROM search_docs WHERE kind = 'c' AND term = ?"
    params.append(code)
    others = [t for t, _, always in _terms(con, "n", _like(actor)) if code not in (always or [])]
    if not others:
        return coded, _docs(con, "c", code)
    named = "SELECT DISTINCT doc_id, published FROM search_docs WHERE kind = 'n' AND term = ANY(?)"
    params += [others, code, others]
    return (f"{coded} UNION ALL (SELECT * FROM ({named}) WHERE doc_id NOT IN (SELECT doc_id FROM search_docs"
            f" WHERE kind = 'c' AND term = ? AND doc_id IN (SELECT doc_id FROM ({named}))))"), None


def candidates(con: duckdb.DuckDBPyConnection, q: str | None, actor: str | None,
               params: list) -> tuple[str, int | None] | None:
    """The articles matching the text query `q` (as `title/text ILIKE '%q%'`) and the actor filter, as
    a relation (doc_id, published), and their number where the vocabulary holds it (one term, no
    checking against the text); None when the index cannot narrow them (no token in `q`, no actor)."""
    from .query import _like

    toks = tokens(q) if q else []
    if not toks and not actor:
        return None
    check = bool(q) and [q] != toks  # not a single token: the candidates are checked against the text
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0] if check else 0
    parts = [_actor(con, actor, params)] if actor else []
    for t in dict.fromkeys(toks):
        words = _terms(con, "w", _like(t))
        if check and sum(n for _, n, _ in words) > n_articles // 10:
            continue  # a common word narrows little: the text check alone is cheaper than its articles
        # an article holds a term once: one term needs no DISTINCT, and its count is the vocabulary's
        parts.append((f"SELECT {'' if len(words) == 1 else 'DISTINCT '}doc_id, published FROM search_docs"
                      " WHERE kind = 'w' AND term = ANY(?)", words[0][1] if len(words) == 1 else 0 if not words else None))
        params.append([w for w, _, _ in words])
    if not parts:
        return None
    found = " INTERSECT ".join(f"({p})" for p, _ in parts)
    total = parts[0][1] if len(parts) == 1 else None
    if check:  # the candidates' texts are read by doc_id first, then checked (not the check over every text)
        ids = [r[0] for r in con.execute(f"SELECT doc_id FROM ({found})", params).fetchall()]
        found = ("WITH c AS MATERIALIZED (SELECT doc_id, published, text, title FROM articles WHERE doc_id = ANY(?))"
                 " SELECT doc_id, published FROM c WHERE text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\'")
        params[:] = [ids, _like(q), _like(q)]
        total = None
    return found, total


def page(con: duckdb.DuckDBPyConnection, found: str, params: list, offset: int, limit: int) -> list[str]:
    """The doc_ids of one page of `found`, newest first (published DESC NULLS LAST, then doc_id).
    The newest pages are read from the last month of articles, then the last year, then all: whenever
    a window holds the whole page, the page is exactly the same as over all (every row outside it comes
    later in that order), and DuckDB skips the row groups of older articles."""
    order = "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?"
    newest = con.execute("SELECT max(published) FROM articles").fetchone()[0]
    for days in ((31, 366) if newest else ()):
        ids = [r[0] for r in con.execute(f"SELECT doc_id FROM ({found}) WHERE published >= ? {order}",
                                         params + [newest - timedelta(days=days), limit, offset]).fetchall()]
        if len(ids) == limit:
            return ids
    return [r[0] for r in con.execute(f"SELECT doc_id FROM ({found}) {order}", params + [limit, offset]).fetchall()]

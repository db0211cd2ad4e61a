"""The `dyad` command: a thin layer over the library (extract, ingest, dyads, timeline, export, serve)."""
from __future__ import annotations

import json
import os
import sys
from itertools import islice
from pathlib import Path
from typing import List, Optional

import typer

from . import ingest as ingestmod
from . import query
from .ingest import Problem

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from news text: actors, quotes and CAMEO events, stored in DuckDB.")


class _Console:
    """rich's Console, made on first use: importing rich costs ~40 ms of every start-up, and `extract`
    of a clean file never prints through it."""

    def __init__(self, stream):
        self._stream, self._console = stream, None

    @property
    def console(self):
        """The rich Console itself (for rich objects that take one, such as Progress)."""
        if self._console is None:
            from rich.console import Console
            # Tables are wide; when output is piped (make demo logs, CI) rich would squeeze them to 80 columns.
            self._console = Console(stderr=self._stream is sys.stderr, width=None if self._stream.isatty() else 160)
        return self._console

    def __getattr__(self, name):
        return getattr(self.console, name)


out, err = _Console(sys.stdout), _Console(sys.stderr)
DB_OPTION = typer.Option("dyad.duckdb", "--db", help="The DuckDB store file.")
KB_OPTION = typer.Option(None, "--kb", help="Extra knowledge-base YAML file(s), merged over the built-in one.")
BUDGET_OPTION = typer.Option(None, "--time-budget", min=0,
                             help="Seconds per 10,000 characters an article may take before it is skipped "
                                  "(default $DYAD_TIME_BUDGET or 5; 0 = no limit).")


# Extraction is complete: one-sided events are always stored and filtered at query time. The old
# `--one-sided` flag of extract/ingest is still accepted (hidden) so existing scripts keep running.
OLD_ONE_SIDED = typer.Option(False, "--one-sided", hidden=True, help="No effect: one-sided events are always kept.")
ONE_SIDED_OPTION = typer.Option(False, "--one-sided", help="Also count events with only one side, per party.")


VERBS_OPTION = typer.Option(None, "--verbs", help="A verb lexicon replacing the built-in one: dyad YAML or a PETRARCH "
                            "verb dictionary (also $DYAD_VERBS).")


def _pipeline(kb: Optional[List[Path]], time_budget: Optional[float] = None, verbs: Optional[Path] = None):
    from .events.lexicon import problems
    from .kb import KBError
    from .pipeline import Pipeline
    from .types import DyadError

    if verbs is not None:
        os.environ["DYAD_VERBS"] = str(verbs)  # workers started from here (dyad ingest --ray) read it too
    for line in problems(os.environ.get("DYAD_VERBS")):
        err.print(f"[yellow]verb dictionary: skipped a line:[/yellow] {line}")
    try:
        pipe = Pipeline(kb_files=[str(p) for p in kb or []], time_budget=time_budget)
    except KBError as exc:
        err.print(f"[red]knowledge base error:[/red] {exc}")
        raise typer.Exit(2)
    except DyadError as exc:  # a bad $DYAD_TIME_BUDGET, a verb lexicon that cannot be read
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    for e in pipe.kb.errors:
        err.print(f"[yellow]knowledge base: skipped a record:[/yellow] {e}")
    return pipe


def _check_date(value: Optional[str], what: str) -> Optional[str]:
    try:
        return query.check_date(value, what)
    except query.QueryError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.command()
def extract(path: str = typer.Argument(..., help="A .txt, .html or .jsonl file, or - for standard input."),
            date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) of plain text."),
            fmt: Optional[str] = typer.Option(None, "--format", help="Input format for stdin: txt, html or jsonl."),
            kb: Optional[List[Path]] = KB_OPTION,
            verbs: Optional[Path] = VERBS_OPTION,
            one_sided: bool = OLD_ONE_SIDED,
            time_budget: Optional[float] = BUDGET_OPTION,
            pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON.")) -> None:
    """Print one contract document (JSON) per article; problems go to stderr."""
    date = _check_date(date, "--date")
    pipe = _pipeline(kb, time_budget, verbs)
    stdin = sys.stdin.buffer.read() if path == "-" else None
    problems: list[Problem] = []
    try:
        printed = _extract_all(pipe, path, date, stdin, fmt, pretty, problems)
    except KeyboardInterrupt:
        err.print("interrupted (Ctrl-C): the documents printed so far are complete")
        raise typer.Exit(130)
    for p in problems:
        err.print(f"[yellow]skipped[/yellow] {p}")
    if problems and not printed:
        raise typer.Exit(1)  # nothing usable in the input


def _extract_all(pipe, path, date, stdin, fmt, pretty, problems) -> int:
    """Print one document per article; problems are collected. The number printed."""
    from .types import DyadError

    printed = 0
    articles = _articles(ingestmod.read_all([path], published=date, stdin_data=stdin, fmt=fmt), problems)
    for art, doc in pipe.results(articles):  # parsed in batches; a failing article is reported in its place
        if isinstance(doc, str):
            problems.append(Problem(art.origin or path, None, doc))
            continue
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2 if pretty else None) + "\n")
        printed += 1
    return printed


def _articles(items, problems: list[Problem]):
    """The articles of a stream of read results; the problems are set aside as they pass."""
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


@app.command()
def ingest(paths: List[str] = typer.Argument(..., help="Files, folders or glob patterns (quote globs)."),
           db: str = DB_OPTION,
           date: Optional[str] = typer.Option(None, "--date", help="Publication date for plain-text files."),
           kb: Optional[List[Path]] = KB_OPTION,
           verbs: Optional[Path] = VERBS_OPTION,
           one_sided: bool = OLD_ONE_SIDED,
           batch_size: int = typer.Option(16, "--batch-size", min=1, max=512),
           time_budget: Optional[float] = BUDGET_OPTION,
           ray: bool = typer.Option(False, "--ray", help="Analyse on Ray workers (pip install 'dyad[ray]')."),
           ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Join a Ray cluster: auto or ray://host:port."),
           workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Ray workers (default: one per CPU)."),
           shards: Optional[Path] = typer.Option(None, "--shards", help="With --ray: the folder for the workers' Parquet "
                                                 "shards (default <db>.shards; shared storage on a cluster).")) -> None:
    """Extract and store articles. Idempotent; bad files are reported at the end, never fatal.

    The store is opened only to write each batch of finished articles, so `dyad serve`, `dyads` and
    `export` can read it while this runs; a second ingest into the same store is refused.
    """
    from .store import StoreBusy, WriterLock

    date = _check_date(date, "--date")
    try:
        with WriterLock(db):  # a second writer is told who is writing, in one line
            if ray:
                _ingest_ray(paths, db, date, kb, batch_size, time_budget, ray_address, workers, verbs, shards)
            else:
                _ingest(paths, db, date, kb, batch_size, time_budget, verbs)
    except StoreBusy as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1)


def _ingest(paths, db, date, kb, batch_size, time_budget, verbs=None) -> None:
    from .store import BatchWriter, Store

    pipe = _pipeline(kb, time_budget, verbs)
    problems: list[Problem] = []
    stored = duplicates = 0
    items = list(ingestmod.read_all(paths, published=date, leave_out=db))
    articles = []
    seen: set[str] = set()
    with Store(db, wait=60) as store:  # creates the store; read what it holds, then let go of it
        for it in items:
            if isinstance(it, Problem):
                problems.append(it)
                continue
            h = ingestmod.text_hash(it.text)
            if h in seen or store.has(h):
                duplicates += 1
                continue
            seen.add(h)
            articles.append(it)
    writer = BatchWriter(db, every=batch_size)

    def tally(outcomes) -> None:
        nonlocal stored, duplicates
        for art, outcome in outcomes:
            if outcome is True:
                stored += 1
            elif outcome is False:
                duplicates += 1
            else:
                problems.append(Problem(art.origin or "?", None, outcome))
            bar.advance(task)

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err.console, transient=False) as bar:
        task = bar.add_task("ingest", total=len(articles))
        try:
            for art, doc in pipe.results(articles, batch_size):
                if isinstance(doc, str):  # why the article was skipped
                    problems.append(Problem(art.origin or "?", None, doc))
                    bar.advance(task)
                    continue
                tally(writer.add(doc, art))
        except KeyboardInterrupt:
            tally(writer.flush())  # what is finished is kept; an article half-written is rolled back
            bar.stop()
            err.print(f"interrupted (Ctrl-C): stored {stored} new article(s) of {len(articles)}; "
                      "run the same command again to go on (stored articles are skipped)")
            raise typer.Exit(130)
        tally(writer.flush())
    with Store(db, read_only=True, wait=60) as store:
        counts = store.counts()
    _report(db, stored, duplicates, problems, counts)


def _ingest_ray(paths, db, date, kb, batch_size, time_budget, address, workers, verbs, shard_dir) -> None:
    """`dyad ingest --ray`: inputs read lazily, analysed on Ray workers into Parquet shards, each
    shard loaded in one transaction as it arrives (dyad.scale, dyad.shards)."""
    from . import budget, scale, shards
    from .kb import KBError
    from .kb import load as load_kb
    from .store import Store
    from .types import DyadError

    try:  # check the KB and the budget here, once, rather than in every worker
        load_kb(tuple(str(p) for p in kb or []))
        per_10k = budget.per_10k(time_budget)
    except (KBError, DyadError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    folder = Path(shard_dir or f"{db}.shards")
    problems: list[Problem] = []
    tally = {"stored": 0, "duplicates": 0}

    def load(path) -> None:
        with Store(db, wait=60) as store:
            got = shards.load(store.con, path)
        tally["stored"] += got["stored"]
        tally["duplicates"] += got["duplicates"]
        problems.extend(Problem(d, None, "not stored: doc_id already used by a different text") for d in got["clashes"])

    for left in shards.pending(folder):  # finished by an interrupted run, never loaded
        load(left)
    from rich.progress import MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]ingesting"), MofNCompleteColumn(), TimeElapsedColumn(), console=err.console) as bar:
        task = bar.add_task("ingest", total=None)

        def on_shard(path, skipped, n, _peak) -> None:
            problems.extend(Problem(origin, None, reason) for origin, reason in skipped)
            if path:
                load(path)
            bar.advance(task, n)

        articles = _unstored(_articles(ingestmod.read_all(paths, published=date, leave_out=db), problems), db, tally)
        try:
            scale.run(articles, folder, on_shard, workers=workers, batch_size=batch_size, address=address,
                      kb_files=[str(p) for p in kb or []], time_budget=per_10k, verbs=str(verbs) if verbs else None)
        except KeyboardInterrupt:  # loaded shards are stored; finished ones are loaded by the next run
            bar.stop()
            err.print(f"interrupted (Ctrl-C): stored {tally['stored']} new article(s); run the same command again "
                      "to go on (stored articles are skipped, finished shards loaded)")
            raise typer.Exit(130)
    with Store(db, read_only=True, wait=60) as store:
        counts = store.counts()
    _report(db, tally["stored"], tally["duplicates"], problems, counts)


def _unstored(articles, db: str, tally: dict, chunk: int = 256):
    """The articles whose text the store does not hold yet (nor an earlier one of this run's chunk),
    checked a chunk at a time in a short store session, so the driver keeps no set of all hashes."""
    from .store import Store

    it = iter(articles)
    while batch := list(islice(it, chunk)):
        hashes = {ingestmod.text_hash(a.text): a for a in batch}
        with Store(db, wait=60) as store:
            held = {r[0] for r in store.con.execute("SELECT text_hash FROM articles WHERE text_hash IN "
                                                    "(SELECT unnest(?))", [list(hashes)]).fetchall()}
        tally["duplicates"] += len(batch) - len(hashes) + len(held)
        yield from (a for h, a in hashes.items() if h not in held)


def _report(db, stored, duplicates, problems, counts) -> None:
    refused = [p for p in problems if p.refused]
    problems = [p for p in problems if not p.refused]
    err.print(f"stored {stored} new article(s), {duplicates} already stored, {len(refused)} refused, "
              f"{len(problems)} problem(s); "
              f"store {db}: {counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes")
    if refused:  # readable inputs dyad does not code (not English, too large), apart from broken ones
        sys.stderr.write("refused (not stored):\n" + "".join(f"  {p}\n" for p in refused))
    if problems:  # one plain line each, so they can be grepped: path[:line]: reason
        sys.stderr.write("problems (not stored):\n" + "".join(f"  {p}\n" for p in problems))


def _table(rows: list[dict], title: str, cols: list[str] | None = None) -> None:
    from rich.table import Table

    if not rows:
        out.print(f"[dim]{title}: nothing found[/dim]")
        return
    t = Table(title=title)
    cols = cols or list(rows[0])
    for c in cols:
        t.add_column(c, justify="right" if isinstance(rows[0].get(c), (int, float)) else "left")
    for r in rows:
        t.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
    out.print(t)


def _connect(db: str):
    """The store, read-only; waits while an ingest writes a batch (it lets go between batches)."""
    from .store import StoreBusy, connect

    if not Path(db).exists():
        err.print(f"[red]no store at {db}[/red]: run `dyad ingest` first")
        raise typer.Exit(2)
    try:
        return connect(db, read_only=True, wait=60)
    except StoreBusy as exc:
        err.print(f"[red]{exc}[/red]; try again when it has finished")
        raise typer.Exit(1)


def _run(fn):
    try:
        return fn()
    except query.QueryError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)


@app.command()
def dyads(actor: Optional[str] = typer.Option(None, "--actor", help="Only dyads involving this code (USA, CHN...)."),
          since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
          limit: int = typer.Option(20, "--limit", min=1), db: str = DB_OPTION,
          one_sided: bool = ONE_SIDED_OPTION,
          as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table.")) -> None:
    """Dyads with event counts, QuadClass split and mean Goldstein (two-sided events unless --one-sided)."""
    con = _connect(db)
    rows = _run(lambda: query.dyads(con, actor=actor, since=since, until=until, limit=limit, one_sided=one_sided))
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str) + "\n")
        return
    _table(rows, "dyads (both directions)", ["a", "b", "events", "verbal_coop", "material_coop", "verbal_conflict",
                                             "material_conflict", "mean_goldstein", "first", "last", "articles"])


@app.command()
def timeline(a: str = typer.Argument(..., help="First party, e.g. USA"), b: str = typer.Argument(..., help="Second party, e.g. CHN"),
             by: str = typer.Option("month", "--by", help="day, week, month, quarter or year"),
             directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
             since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
             db: str = DB_OPTION, one_sided: bool = ONE_SIDED_OPTION,
             as_json: bool = typer.Option(False, "--json")) -> None:
    """Per period: events, mean Goldstein, cooperation vs conflict (two-sided events unless --one-sided)."""
    con = _connect(db)
    rows = _run(lambda: query.timeline(con, a, b, by=by, directed=directed, since=since, until=until,
                                       one_sided=one_sided))
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str) + "\n")
        return
    _table(rows, f"{a.upper()}{'->' if directed else '-'}{b.upper()} by {by}",
           ["period", "events", *(["one_sided"] if one_sided else []), "mean_goldstein", "cooperation", "conflict",
            "q1", "q2", "q3", "q4"])


@app.command()
def actors(q: Optional[str] = typer.Argument(None, help="Part of a name or code."), limit: int = typer.Option(30, "--limit"),
           db: str = DB_OPTION) -> None:
    """Canonical actors in the store; with a name or code, also the one-sided events of that actor."""
    con = _connect(db)
    _table(query.actors(con, q=q, limit=limit), "actors")
    if q:
        _table(query.one_sided_events(con, q, limit=limit), f"one-sided events of {q}",
               ["event_date", "source_code", "source_name", "cameo", "name", "target_code", "target_name", "trigger"])


@app.command()
def export(fmt: str = typer.Option("jsonl", "--format", help="jsonl, parquet or gdelt"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default events.<ext>)."),
           db: str = DB_OPTION) -> None:
    """Export all events: JSONL, Parquet, or the 61 tab-separated columns of GDELT 2.0."""
    if fmt not in ("jsonl", "parquet", "gdelt"):
        err.print(f"[red]--format must be jsonl, parquet or gdelt, not {fmt!r}[/red]")
        raise typer.Exit(2)
    con = _connect(db)
    target = output or Path(f"events.{ {'jsonl': 'jsonl', 'parquet': 'parquet', 'gdelt': 'tsv'}[fmt] }".replace(" ", ""))
    n = _run(lambda: query.export(con, target, fmt))
    err.print(f"wrote {n} events to {target}")



@app.command()
def lexicon(root: Optional[str] = typer.Option(None, "--root", help="List one CAMEO root's lemmas, e.g. 06."),
            verbs: Optional[Path] = VERBS_OPTION,
            compare: Optional[Path] = typer.Option(None, "--compare", help="Another verb lexicon (dyad YAML or "
                                                   "PETRARCH) whose lemma counts are shown beside dyad's.")) -> None:
    """The verb lexicon's coverage: lemmas (by default code) and patterns per CAMEO root."""
    from rich.table import Table

    from . import ontology
    from .events import lexicon as lexicon_of
    from .events.lexicon import coverage, default_lemmas, problems, root_lemmas

    from .types import DyadError

    try:
        index = lexicon_of(str(verbs) if verbs else None)
        other = default_lemmas(lexicon_of(str(compare))) if compare else {}
    except DyadError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    for line in problems(str(verbs) if verbs else None):
        err.print(f"[yellow]verb dictionary: skipped a line:[/yellow] {line}")
    if root:
        rows = root_lemmas(index, root.zfill(2))
        t = Table("lemma", "default code", "refining patterns", title=f"root {root.zfill(2)}: {len(rows)} lemmas")
        for lemma, code, n in rows:
            t.add_row(lemma, code, str(n))
        out.print(t)
        return
    cov = coverage(index)
    names = ontology.codes()
    t = Table("root", "name", "lemmas", "verb patterns", "noun patterns", *(["compared", "ratio"] if compare else []))
    for r, row in cov.items():
        extra = []
        if compare:
            n = len(other.get(r, ()))
            extra = [str(n), f"{row['lemmas'] / n:.2f}" if n else "-"]
        t.add_row(r, names[r].name if r in names else "?", str(row["lemmas"]), str(row["verb_patterns"]),
                  str(row["noun_patterns"]), *extra)
    out.print(t)
    out.print(f"{sum(len(v) for v in default_lemmas(index).values())} verb lemmas with a default event code")


@app.command()
def serve(db: str = DB_OPTION,
          host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on; the default serves this machine only."),
          port: int = typer.Option(8000, "--port", min=1, max=65535),
          max_chars: int = typer.Option(200_000, "--max-chars", min=1,
                                        help="Longest text POST /api/extract accepts."),
          time_budget: Optional[float] = BUDGET_OPTION) -> None:
    """Serve the web view and the HTTP API (docs at /docs) over the store, read-only."""
    import duckdb
    import uvicorn

    from .api import create_app
    from .store import StoreBusy
    from .types import DyadError

    loopback = host in ("127.0.0.1", "localhost", "::1")
    # bound to loopback, only loopback names are accepted as Host (DNS rebinding); elsewhere the user chose
    allowed = ["127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host] if loopback else None
    try:
        web = create_app(db, max_chars=max_chars, time_budget=time_budget, allowed_hosts=allowed, start_worker=True)
        cur = web.state.store.cursor()
        query.summary(cur)
        cur.close()
    except FileNotFoundError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    except duckdb.Error as exc:
        err.print(f"[red]cannot read {db} as a dyad store:[/red] {exc}")
        raise typer.Exit(2)
    except (StoreBusy, DyadError) as exc:  # a bad $DYAD_TIME_BUDGET, a store held for too long
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    if not loopback:
        err.print(f"[yellow]listening on {host}: anyone who can reach this machine can read the store[/yellow]")
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {db} read-only at http://{shown}:{port}/  (API docs at /docs; Ctrl-C stops)")
    from .pages import warm_up

    warm_up()  # the map's gazetteer and the code names load in the background, not on the first visit
    uvicorn.run(web, host=host, port=port, log_level="warning")
    err.print("dyad serve stopped")


# Commands that end with os._exit once their output is flushed (see main).
FAST_EXIT = frozenset({"extract"})


def main() -> None:
    """The `dyad` program.

    After `extract`, the process ends with os._exit once stdout and stderr are flushed: the
    interpreter's normal teardown frees spaCy's and the KB's objects one by one, ~0.2 s of CPU for
    memory the OS reclaims anyway, on a command whose whole start-up is ~1.5 s. Commands that hold a
    store, a server or a Ray cluster end normally, so their exit handlers run."""
    fast = len(sys.argv) > 1 and sys.argv[1] in FAST_EXIT
    try:
        app()
        code = 0
    except SystemExit as exc:
        if not fast:
            raise
        code = exc.code
        if code is not None and not isinstance(code, int):
            sys.stderr.write(f"{code}\n")
            code = 1
    if not fast:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the reader has gone, as with a normal exit
        code = code or 1
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()

"""Shared fixtures: one real pipeline per test session (spaCy model, KB, lexicons), small corpora; and
the helpers tests share (`from conftest import ...`): an article through the pipeline, the actor at a
place in its text, a store holding some documents, the real `dyad` command."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:  # fuzzing profiles (tests/test_fuzz.py): a short one for `make test`, a long one for `make fuzz`
    from hypothesis import HealthCheck, settings

    _common = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                         HealthCheck.filter_too_much])
    settings.register_profile("default", max_examples=100, derandomize=True, print_blob=True, **_common)
    settings.register_profile("long", max_examples=5_000, print_blob=True, **_common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
except ImportError:  # test_fuzz.py skips without hypothesis
    pass

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"


@pytest.fixture(scope="session")
def pipeline():
    from dyad import Pipeline

    return Pipeline()


def analyse(pipeline, text: str, published: str | None = None, **fields):
    """One article through the real pipeline (the Document, as `dyad.extract` returns it)."""
    from dyad import Article

    return pipeline.process(Article(text=text, published=published, **fields))


def actors_at(doc, needle: str, nth: int = 0, exact: bool = False, covering: bool = False) -> list:
    """The actors with a mention at the nth occurrence of `needle` in the document's text: a mention
    starting there (and ending with it, if `exact`), or, if `covering`, one holding its first character."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return [a for a in doc.actors for m in a.mentions
            if (m.start <= pos < m.end if covering else m.start == pos and (not exact or m.end == pos + len(needle)))]


def actor_at(doc, needle: str, nth: int = 0, covering: bool = False):
    """The first of `actors_at`, or None."""
    return next(iter(actors_at(doc, needle, nth, covering=covering)), None)


def one_actor(doc, mention: str):
    """The one actor with a mention written exactly `mention` (fails, listing the actors, if not one)."""
    found = [a for a in doc.actors if any(m.text == mention for m in a.mentions)]
    assert len(found) == 1, (mention, [(a.name, a.kind, a.code, [m.text for m in a.mentions]) for a in doc.actors])
    return found[0]


def stored(path: Path, docs) -> Path:
    """A DuckDB store at `path` holding `docs`, each of them added."""
    from dyad.store import Store

    with Store(path) as s:
        for doc in docs:
            assert s.add(doc)
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the fixture corpus, so tests may add bad files to it."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The real `dyad` command, as a user runs it."""
    exe = Path(sys.executable).with_name("dyad")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dyad.cli"]
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1", TERM="dumb")
    return subprocess.run([*cmd, *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=600)

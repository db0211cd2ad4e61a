"""Shared fixtures: one real pipeline per test session (spaCy model, KB, lexicons), small corpora."""
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

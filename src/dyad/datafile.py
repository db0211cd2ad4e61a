"""Fast loading of dyad's YAML data files (knowledge base, lexicons), shared by every stage.

Parsing ~1 MB of YAML costs seconds with PyYAML's pure-Python loader and ~0.8 s with the C
loader (libyaml), and every CLI call and every Ray worker pays it. So a parsed file is kept as a
pickle in the user's cache directory, keyed by the file's absolute path, modification time, size
and this module's format version; it is rebuilt whenever the file changes, and reading it back
takes milliseconds. The cache is an optimisation only: an unwritable or corrupt cache is ignored.

With `lines=True` every mapping carries its 1-based source line under the key `"__line__"`, so
that a malformed record can be reported as file:line:field. The C loader gives node lines too.

`DYAD_CACHE_DIR` names the cache folder (default `$XDG_CACHE_HOME/dyad` or `~/.cache/dyad`);
`DYAD_CACHE_DIR=off` disables it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import yaml

T = TypeVar("T")
LINE_KEY = "__line__"
FORMAT = 1  # bump when the cached form of a parsed file changes

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


class _Loader(_Base):
    """Safe loader (C when available)."""


class _LineLoader(_Base):
    """Safe loader that records each mapping's line under LINE_KEY."""


def _construct_mapping(loader: yaml.BaseLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, lines: bool = False) -> Any:
    """Parse YAML text (safe subset); raises yaml.YAMLError with a problem_mark on bad input."""
    return yaml.load(text, Loader=_LineLoader if lines else _Loader)


def cache_dir() -> Path | None:
    setting = os.environ.get("DYAD_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "none") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dyad"


def _stamp(files: Iterable[str | os.PathLike]) -> tuple:
    out = []
    for f in files:
        st = os.stat(f)
        out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(out)


def cached(name: str, build: Callable[[], T], files: Iterable[str | os.PathLike] = (), extra: tuple = ()) -> T:
    """`build()`, kept as a pickle in the cache folder until one of `files` changes (modification
    time or size) or `extra` (versions of what `build` depends on) differs.

    `files` should name the code that builds the value as well as the data it reads (e.g. the
    module's own `__file__`), so that a changed builder never returns an object of an old shape."""
    files = [Path(f).resolve() for f in files]
    stamp = (FORMAT, sys.version_info[:2], _stamp(files), extra)
    folder = cache_dir()
    target = None
    if folder is not None:
        digest = hashlib.sha1(repr((name, [str(f) for f in files])).encode("utf-8", "surrogateescape")).hexdigest()
        target = folder / f"{name}-{digest[:20]}.pickle"
        try:
            with open(target, "rb") as fh:
                saved_stamp, value = pickle.load(fh)
            if saved_stamp == stamp:
                return value
        except Exception:  # missing, stale, truncated or from another version: build again
            pass
    value = build()
    if target is not None:
        _save(target, (stamp, value))
    return value


def load_yaml(path: str | os.PathLike, lines: bool = False) -> Any:
    """The parsed content of a YAML file, from the cache when the file is unchanged.

    Raises OSError / UnicodeDecodeError when the file cannot be read and yaml.YAMLError when it is
    not YAML, exactly as parsing it directly would."""
    path = Path(path).resolve()
    return cached(f"{path.stem}{'-lines' if lines else ''}",
                  lambda: parse_yaml(path.read_text(encoding="utf-8"), lines=lines),
                  files=[path], extra=(yaml.__version__,))


def _save(target: Path, payload: Any) -> None:
    """Write atomically (a half-written cache must never be read), ignoring any failure."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:
        pass

"""The shared YAML loader: C parser with line numbers, and a cache that follows file changes."""
import os

import pytest
import yaml

from dyad import datafile


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DYAD_CACHE_DIR", str(folder))
    return folder


def test_lines_are_recorded_for_nested_mappings(tmp_path, cache):
    f = tmp_path / "a.yaml"
    f.write_text("# header\n- name: A\n  roles:\n    - code: USAGOV\n- name: B\n", encoding="utf-8")
    data = datafile.load_yaml(f, lines=True)
    assert [r["__line__"] for r in data] == [2, 5]
    assert data[0]["roles"][0]["__line__"] == 4
    assert "__line__" not in datafile.load_yaml(f)[0]


def test_cache_is_used_and_rebuilt_when_the_file_changes(tmp_path, cache):
    f = tmp_path / "b.yaml"
    f.write_text("- 1\n", encoding="utf-8")
    assert datafile.load_yaml(f) == [1]
    assert len(list(cache.glob("*.pickle"))) == 1
    f.write_text("- 1\n- 22\n", encoding="utf-8")  # a different size: stale cache
    assert datafile.load_yaml(f) == [1, 22]
    st = f.stat()
    f.write_text("- 3\n- 44\n", encoding="utf-8")  # same size, a later mtime
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert datafile.load_yaml(f) == [3, 44]


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path, cache):
    f = tmp_path / "c.yaml"
    f.write_text("k: v\n", encoding="utf-8")
    datafile.load_yaml(f)
    for p in cache.glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert datafile.load_yaml(f) == {"k": "v"}
    (tmp_path / "blocker").write_text("")
    os.environ["DYAD_CACHE_DIR"] = str(tmp_path / "blocker" / "sub")  # cannot be created
    assert datafile.load_yaml(f) == {"k": "v"}


def test_bad_yaml_raises_with_its_line(tmp_path, cache):
    f = tmp_path / "d.yaml"
    f.write_text("- a: 1\n- b: [2\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as info:
        datafile.load_yaml(f, lines=True)
    assert info.value.problem_mark.line >= 1
    assert not list(cache.glob("*.pickle"))

"""The user cache: entries by content, torn ones ignored and rewritten, kept under a size."""

from __future__ import annotations

import os

from pipeline import cache


def test_an_entry_comes_back_as_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    key = cache.key_of("woff2", b"font bytes", 0, "abc")
    assert cache.get("fonts", key) is None
    cache.put("fonts", key, b"cut face")
    assert cache.get("fonts", key) == b"cut face"
    assert key != cache.key_of("woff2", b"font bytes", 0, "abd")


def test_a_torn_or_damaged_entry_is_ignored_then_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    key = cache.key_of("x")
    cache.put("fonts", key, b"cut face " * 100)
    (path,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    for broken in (path.read_bytes()[:50], b"", path.read_bytes()[:-1] + b"!"):
        path.write_bytes(broken)
        made = []
        assert cache.cached("fonts", key, lambda: made.append(1) or b"again") == b"again" and made == [1]
        assert cache.get("fonts", key) == b"again"
        cache.put("fonts", key, b"cut face " * 100)


def test_prune_drops_the_least_recently_used_first(tmp_path, monkeypatch):
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    keys = [cache.key_of(n) for n in range(4)]
    for age, key in enumerate(keys):
        cache.put("fonts", key, bytes(1000))
        path = next(p for p in tmp_path.rglob(key))
        os.utime(path, ns=(age * 10**9, age * 10**9))
    cache.get("fonts", keys[0])  # used now: the newest
    assert cache.prune(limit=2 * 1032) == 2
    assert [cache.get("fonts", k) is not None for k in keys] == [True, False, False, True]


def test_a_cache_folder_that_cannot_be_written_only_slows_down(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(blocker))
    assert cache.cached("fonts", cache.key_of(1), lambda: b"made") == b"made"
    assert cache.prune() == 0


def test_the_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("LIGETIL_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "ligetil"
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"


def test_an_entry_that_cannot_be_read_only_slows_down(tmp_path, monkeypatch):
    # As a folder left by `sudo ligetil build` (root's, mode 0700) is to its user: reading the
    # entry fails with neither "no such file" nor "is a folder" (here a symbolic link loop, so
    # that the test also fails as root, whom permissions do not stop).
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    key = cache.key_of("unreadable")
    cache.put("qr", key, b"code")
    (path,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    path.unlink()
    path.symlink_to(path.name)
    assert cache.cached("qr", key, lambda: b"drawn again") == b"drawn again"

"""Atomic writes: nothing half-written, nothing churned, permissions and links respected."""

import os
import stat

from toolkit.publishing import atomic_write


def test_unchanged_content_is_not_rewritten(tmp_path):
    path = tmp_path / "out" / "fr.po"
    assert atomic_write(path, b"one") is True
    before = path.stat().st_mtime_ns
    assert atomic_write(path, b"one") is False
    assert path.stat().st_mtime_ns == before and path.read_bytes() == b"one"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_existing_permissions_are_kept(tmp_path):
    path = tmp_path / "fr.po"
    path.write_bytes(b"old")
    os.chmod(path, 0o664)  # a team catalog, group-writable
    assert atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o664


def test_a_symlink_is_written_through(tmp_path):
    shared = tmp_path / "shared" / "fr.po"
    shared.parent.mkdir()
    shared.write_bytes(b"old")
    link = tmp_path / "fr.po"
    link.symlink_to(shared)
    assert atomic_write(link, b"new")
    assert link.is_symlink() and shared.read_bytes() == b"new"


def test_leftovers_of_a_killed_run_are_cleaned(tmp_path):
    path = tmp_path / "fr.po"
    leftover = tmp_path / ".fr.po.abc123.tmp"
    leftover.write_bytes(b"half")
    other = tmp_path / ".es.po.abc123.tmp"
    other.write_bytes(b"half")
    atomic_write(path, b"whole")
    assert not leftover.exists() and other.exists()
    leftover.write_bytes(b"half")
    assert atomic_write(path, b"whole") is False and not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".es.po.abc123.tmp", "fr.po"]

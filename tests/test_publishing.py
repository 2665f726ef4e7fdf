"""Atomic writes: nothing half-written, nothing churned, permissions and links respected."""

import os
import stat
import subprocess
import sys

import pytest

from toolkit.errors import PresskitError
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



@pytest.mark.parametrize("inside", [("en.pdf",), ("slug", "en.pdf")])
def test_a_folder_that_is_a_file_is_a_presskit_error(tmp_path, inside):
    (tmp_path / "output").write_text("not a folder")
    path = tmp_path.joinpath("output", *inside)
    with pytest.raises(PresskitError, match="cannot write the file") as info:
        atomic_write(path, b"data")
    assert str(path) in str(info.value)


def test_a_folder_in_the_way_of_a_file_is_a_presskit_error(tmp_path):
    (tmp_path / "en.pdf").mkdir()
    with pytest.raises(PresskitError, match="cannot write the file"):
        atomic_write(tmp_path / "en.pdf", b"data")


def test_publish_into_an_output_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "speeches").mkdir()
    (tmp_path / "speeches" / "s.txt").write_text("Title\n\nThank you.\n", encoding="utf-8")
    (tmp_path / "output").write_text("not a folder")
    run = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(tmp_path), "publish", "--lang", "en"],
                         capture_output=True, text=True, check=False)
    assert run.returncode not in (0, 70), run.stderr
    assert "internal error" not in run.stderr and "output" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_earlier_editions_do_not_read_what_is_rebuilt(tmp_path, monkeypatch):
    import hashlib
    import json
    from pathlib import Path

    from toolkit import publishing

    records = []
    for code in ("en", "fr"):
        for ext in ("pdf", "html"):
            (tmp_path / f"{code}.{ext}").write_bytes(f"{code}.{ext}".encode())
        records.append({"code": code, "status": "reviewed", "pages": 1, "pdf_bytes": 6, "html_bytes": 7,
                        **{f"{ext}_sha256": hashlib.sha256(f"{code}.{ext}".encode()).hexdigest()
                           for ext in ("pdf", "html")}})
    (tmp_path / publishing.MANIFEST).write_text(json.dumps({"editions": records}))
    from toolkit import boundary

    read = []
    real = boundary.read_regular
    monkeypatch.setattr(boundary, "read_regular", lambda path, *a, **k: read.append(Path(path).name) or real(path, *a, **k))
    assert [r.code for r in publishing.earlier_editions(tmp_path, skip={"fr"})] == ["en"]
    assert sorted(read) == ["en.html", "en.pdf", "manifest.json"]

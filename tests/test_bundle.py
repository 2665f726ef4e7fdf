"""`presskit bundle`: one deterministic zip per statement, checked against its manifest (issue 9)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"


def run(workspace: Path, *args: str):
    return CliRunner().invoke(cli, ["-C", str(workspace), *args])


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    workspace = tmp_path_factory.mktemp("bundle")
    shutil.copytree(ROOT / "speeches", workspace / "speeches")
    shutil.copytree(ROOT / "locales", workspace / "locales")
    result = run(workspace, "publish", "--lang", "en,fr,ar")
    assert result.exit_code == 0, result.output
    return workspace


def test_the_bundle_holds_the_editions_and_its_checksums_match(published, tmp_path):
    workspace = tmp_path / "ws"
    shutil.copytree(published, workspace)
    result = run(workspace, "bundle")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote output/{SLUG}.zip\n"
    archive = zipfile.ZipFile(workspace / "output" / f"{SLUG}.zip")
    names = archive.namelist()
    assert names == sorted(names) and all(name.startswith(f"{SLUG}/") for name in names)
    expected = {f"{code}.{kind}" for code in ("ar", "en", "fr") for kind in ("html", "pdf")}
    assert {name.split("/", 1)[1] for name in names} == expected | {"index.html", "manifest.json", "SHA256SUMS"}
    sums = dict(reversed(line.split("  ")) for line in archive.read(f"{SLUG}/SHA256SUMS").decode().splitlines())
    assert set(sums) == {name.split("/", 1)[1] for name in names} - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256(archive.read(f"{SLUG}/{name}")).hexdigest() == digest, name
    manifest = json.loads(archive.read(f"{SLUG}/manifest.json"))
    for record in manifest["editions"]:
        assert sums[f"{record['code']}.pdf"] == record["pdf_sha256"]
        assert sums[f"{record['code']}.html"] == record["html_sha256"]
    # The PDF in the bundle is the one published, not a re-render.
    assert archive.read(f"{SLUG}/fr.pdf") == (workspace / "output" / SLUG / "fr.pdf").read_bytes()


def test_the_bundle_is_byte_identical_whatever_the_clock_and_file_times(published, tmp_path):
    workspace = tmp_path / "ws"
    shutil.copytree(published, workspace)
    assert run(workspace, "bundle").exit_code == 0
    first = (workspace / "output" / f"{SLUG}.zip").read_bytes()
    for path in (workspace / "output" / SLUG).iterdir():
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert run(workspace, "bundle", f"speeches/{SLUG}.txt").exit_code == 0
    assert (workspace / "output" / f"{SLUG}.zip").read_bytes() == first
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert len(stamps) == 1  # the manifest's issue time, not the files' times


def test_a_file_changed_after_publishing_is_refused_and_no_zip_is_written(published, tmp_path):
    workspace = tmp_path / "ws"
    shutil.copytree(published, workspace)
    page = workspace / "output" / SLUG / "fr.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>edited by hand</p></body>"))
    result = run(workspace, "bundle")
    assert result.exit_code == 3
    assert result.output.strip() == (f"Error: output/{SLUG}/fr.html does not match its checksum in "
                                     f"output/{SLUG}/manifest.json (changed after publishing?); "
                                     "run `presskit publish` again")
    assert not (workspace / "output" / f"{SLUG}.zip").exists()


@pytest.mark.parametrize("damage", ["missing-edition", "bad-manifest", "nothing-published"])
def test_bad_output_is_one_line_error(published, tmp_path, damage):
    workspace = tmp_path / "ws"
    shutil.copytree(published, workspace)
    folder = workspace / "output" / SLUG
    if damage == "missing-edition":
        (folder / "ar.pdf").unlink()
        expected = "ar.pdf is missing"
    elif damage == "bad-manifest":
        (folder / "manifest.json").write_text('{"editions": [{"code": "fr"}]}', encoding="utf-8")
        expected = "is not a presskit manifest"
    else:
        shutil.rmtree(workspace / "output")
        expected = "nothing is published"
    result = run(workspace, "bundle")
    assert result.exit_code == 3, result.output
    assert expected in result.output and len(result.output.strip().splitlines()) == 1
    assert not list(workspace.glob("output/*.zip"))

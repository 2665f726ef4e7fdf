"""`presskit publish --pdf-variant`: tagged PDF/UA by default, PDF/A for archiving."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from support.editions import LOCALES, SAMPLE_SLUG, SAMPLE_STATEMENT
from toolkit.cli import cli
from toolkit.errors import ExitStatus

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with the sample statement and its reviewed Arabic catalog: nothing to translate."""
    (tmp_path / "speeches").mkdir()
    shutil.copy(SAMPLE_STATEMENT, tmp_path / "speeches")
    catalog = tmp_path / "locales" / "ar" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    shutil.copy(LOCALES / "ar" / "LC_MESSAGES" / f"{SAMPLE_SLUG}.po", catalog)
    (tmp_path / "presskit.toml").write_text('languages = ["en", "ar"]\n', encoding="utf-8")
    return tmp_path


def publish(workspace: Path, *options: str) -> Path:
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return workspace / "output" / SAMPLE_SLUG


def xmp(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout


def tagged(path: Path) -> bool:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Tagged:\s+yes", info, re.M) is not None


def test_default_is_tagged_pdf_ua(workspace):
    folder = publish(workspace)
    for code in ("en", "ar"):
        assert 'pdfuaid:part="1"' in xmp(folder / f"{code}.pdf")
        assert tagged(folder / f"{code}.pdf")


@pytest.mark.parametrize("variant,part,conformance", [("pdf/a-3a", "3", "A"), ("pdf/a-3b", "3", "B")])
def test_pdf_a_for_archiving_is_tagged(workspace, variant, part, conformance):
    folder = publish(workspace, "--pdf-variant", variant)
    for code in ("en", "ar"):
        metadata = xmp(folder / f"{code}.pdf")
        assert re.search(rf'pdfaid:part="?{part}', metadata), metadata
        assert re.search(rf'pdfaid:conformance="?{conformance}', metadata), metadata
        assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", metadata), metadata  # tagged to PDF/UA-1 too
        # Archival copies keep the structure tree, reading order and the title shown.
        assert tagged(folder / f"{code}.pdf")
        with pikepdf.open(folder / f"{code}.pdf") as pdf:
            assert "/StructTreeRoot" in pdf.Root
            assert pdf.Root.ViewerPreferences.DisplayDocTitle


def test_an_archival_request_gets_tagged_pdf_a_3a(workspace):
    folder = publish(workspace, "--pdf-variant", "pdf/a")
    metadata = xmp(folder / "ar.pdf")
    assert re.search(r'pdfaid:part="?3', metadata) and re.search(r'pdfaid:conformance="?A', metadata), metadata
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata
    assert tagged(folder / "ar.pdf")


def test_variant_none_is_no_longer_offered(workspace):
    # An unclaimed PDF fails PDF/UA's identification checks (outloud DOC-010, DOC-012): refused
    # in one line, from the command line and from a settings file, before anything is written.
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--pdf-variant", "none"])
    assert result.exit_code == ExitStatus.USAGE and "'none' is not one of" in result.output
    (workspace / "presskit.toml").write_text('languages = ["en"]\npdf_variant = "none"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish"])
    assert result.exit_code != 0 and "no longer offered" in result.output and "pdf/ua-1" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not (workspace / "output").exists()


def test_unknown_variant_is_refused(workspace):
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--pdf-variant", "pdf/x-4"])
    assert result.exit_code == ExitStatus.USAGE and "pdf/x-4" in result.output
    assert not (workspace / "output").exists()

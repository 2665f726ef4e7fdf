"""Provenance in every artefact (#9): the PDF's XMP (read with pikepdf), the HTML <meta>, the
manifest; the same inputs make the same bytes."""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
from pathlib import Path

import pikepdf
from lxml import html as lxml_html

from support.translators import FakeTranslator
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.publishing import PROVENANCE_NS

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
MOMENT = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.timezone.utc)
LATER = datetime.datetime(2026, 12, 1, 16, 40, tzinfo=datetime.timezone.utc)


def workspace(root: Path, *, locales: bool) -> Path:
    (root / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "speeches")
    if locales:
        shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("*.pot"))
    return root


def xmp(path: Path) -> dict[str, str]:
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        found = {key.split("}", 1)[1]: str(meta[key]) for key in meta if key.startswith("{" + PROVENANCE_NS)}
        found["creator"] = str(meta.get("dc:creator"))
        found["title"] = str(meta.get("dc:title"))
        found["language"] = str(meta.get("dc:language"))
        found["date"] = str(meta.get("dc:date"))
        found["modified"] = str(meta.get("xmp:ModifyDate"))
        return found


def html_meta(path: Path) -> dict[str, str]:
    tree = lxml_html.fromstring(path.read_bytes())
    return {m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("name")}


def test_machine_draft_names_its_engine_and_the_reviewed_edition_its_reviewers(tmp_path):
    source_sha = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    reviewed = workspace(tmp_path / "reviewed", locales=True)
    publish(load_config(reviewed, {"languages": "en,fr"}), (), translator=FakeTranslator(), now=MOMENT)
    fr = reviewed / "output" / SLUG / "fr.pdf"
    found = xmp(fr)
    assert found["reviewState"] == "reviewed" and found["reviewers"] == "presskit reviewers"
    assert found["sourceSha256"] == source_sha and found["issued"] == "2026-11-30T09:15:00Z"
    assert "machineEngine" not in found and found["presskitVersion"]
    assert "Lajčák" in found["creator"] and found["title"].startswith("Clôture")
    assert "fr" in found["language"] and "2017-10-11" in found["date"] and found["modified"].startswith("2026-11-30T09:15")
    meta = html_meta(fr.with_suffix(".html"))
    assert meta["presskit.reviewers"] == "presskit reviewers" and meta["presskit.source-sha256"] == source_sha
    assert meta["presskit.review-state"] == "reviewed" and meta["dcterms.modified"] == "2026-11-30T09:15:00Z"
    manifest = json.loads((fr.parent / "manifest.json").read_text(encoding="utf-8"))
    record = next(r for r in manifest["editions"] if r["code"] == "fr")
    assert record["provenance"]["reviewers"] == "presskit reviewers"
    assert record["provenance"] == {k.removeprefix("presskit."): v for k, v in meta.items() if k.startswith("presskit.")}
    original = xmp(fr.with_name("en.pdf"))
    assert original["reviewState"] == "original" and "reviewers" not in original

    draft = workspace(tmp_path / "draft", locales=False)
    publish(load_config(draft, {"languages": "en,fr,ar"}), (), translator=FakeTranslator(), now=MOMENT)
    for code, pivot in (("fr", None), ("ar", None)):
        found = xmp(draft / "output" / SLUG / f"{code}.pdf")
        assert found["reviewState"] == "machine"
        assert found["machineEngine"] == "Fake MT (test)" and found["machinePackage"] == f"translate-en_{code}"
        assert found["machineVersion"] == "1.9" and "reviewers" not in found
        meta = html_meta(draft / "output" / SLUG / f"{code}.html")
        assert meta["presskit.machine-package"] == f"translate-en_{code}"


def test_archival_pdf_carries_the_statement_and_its_po_file(tmp_path):
    root = workspace(tmp_path, locales=True)
    publish(load_config(root, {"languages": "en,fr", "pdf_variant": "pdf/a-3a"}), (),
            translator=FakeTranslator(), now=MOMENT)
    with pikepdf.open(root / "output" / SLUG / "fr.pdf") as pdf:
        files = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
    assert files[f"{SLUG}.txt"] == SAMPLE.read_bytes()
    assert files[f"{SLUG}.po"] == (root / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes()
    with pikepdf.open(root / "output" / SLUG / "en.pdf") as pdf:
        assert sorted(pdf.attachments) == [f"{SLUG}.txt"]


def test_two_unchanged_publishes_make_the_same_bytes(tmp_path):
    """The second run typesets again from scratch (no output left) at a later clock: same bytes."""
    first, second = workspace(tmp_path / "a", locales=True), tmp_path / "b"
    config = load_config(first, {"languages": "en,fr,ar,zh"})
    publish(config, (), translator=FakeTranslator(), now=MOMENT)
    shutil.copytree(first, second)
    folder = second / "output" / SLUG
    kept = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for path in folder.iterdir():
        if path.suffix in (".pdf", ".html"):
            path.unlink()  # typeset again: only the manifest (the issue time) is left
    (folder / "manifest.json").write_text(json.dumps(kept), encoding="utf-8")
    publish(load_config(second, {"languages": "en,fr,ar,zh"}), (), translator=FakeTranslator(), now=LATER)
    for name in ("en", "fr", "ar", "zh"):
        for ext in ("pdf", "html"):
            a = (first / "output" / SLUG / f"{name}.{ext}").read_bytes()
            assert a == (folder / f"{name}.{ext}").read_bytes(), f"{name}.{ext} differs"
    assert b"2026-11-30T09:15:00Z" in (folder / "fr.html").read_bytes()


# Schemas PDF/A takes as known (ISO 19005-1 6.7.3, the XMP 2005 predefined schemas) and the
# ones it needs to write its own claims; anything else needs a pdfaExtension description.
PREDEFINED = {
    "adobe:ns:meta/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/rights/",
    "http://ns.adobe.com/pdf/1.3/", "http://www.aiim.org/pdfa/ns/id/", "http://www.aiim.org/pdfa/ns/extension/",
    "http://www.aiim.org/pdfa/ns/schema#", "http://www.aiim.org/pdfa/ns/property#",
    "http://www.w3.org/XML/1998/namespace",
}
EXTENSION = "{http://www.aiim.org/pdfa/ns/extension/}"
SCHEMA = "{http://www.aiim.org/pdfa/ns/schema#}"
PROPERTY = "{http://www.aiim.org/pdfa/ns/property#}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


def test_archival_xmp_describes_presskits_own_properties(tmp_path):
    from lxml import etree

    root = workspace(tmp_path, locales=False)  # machine drafts: the engine fields are there too
    publish(load_config(root, {"languages": "en,fr", "pdf_variant": "pdf/a-3a"}), (),
            translator=FakeTranslator(), now=MOMENT)
    for code in ("en", "fr"):
        path = root / "output" / SLUG / f"{code}.pdf"
        with pikepdf.open(path) as pdf:
            packet = pdf.Root.Metadata.read_bytes()
        tree = etree.fromstring(packet, etree.XMLParser(resolve_entities=False, no_network=True))
        (schemas,) = tree.iter(f"{EXTENSION}schemas")  # one Bag for every extension schema
        described = {}
        for schema in schemas.find(f"{RDF}Bag"):
            properties = {p.findtext(f"{PROPERTY}name"): (p.findtext(f"{PROPERTY}valueType"),
                                                         p.findtext(f"{PROPERTY}category"),
                                                         p.findtext(f"{PROPERTY}description"))
                          for p in schema.find(f"{SCHEMA}property").find(f"{RDF}Seq")}
            described[schema.findtext(f"{SCHEMA}namespaceURI")] = (schema.findtext(f"{SCHEMA}prefix"), properties)
        assert described[PROVENANCE_NS][0] == "presskit"
        assert described["http://www.aiim.org/pdfua/ns/id/"][1]["part"][0] == "Integer"
        used: dict[str, set[str]] = {}
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name in (element.tag, *element.attrib):
                if name.startswith("{"):
                    namespace, local = name[1:].split("}")
                    used.setdefault(namespace, set()).add(local)
        assert "issued" in used[PROVENANCE_NS] and ("machineEngine" in used[PROVENANCE_NS]) == (code == "fr")
        for namespace, names in used.items():
            if namespace in PREDEFINED:
                continue
            assert namespace in described, f"{code}: {namespace} is used but not described"
            properties = described[namespace][1]
            assert names <= set(properties), f"{code}: undescribed {names - set(properties)}"
            for value_type, category, description in properties.values():
                assert value_type in ("Text", "Integer") and category in ("external", "internal") and description
        # Readers still read the packet as before.
        assert xmp(path)["issued"] == "2026-11-30T09:15:00Z"

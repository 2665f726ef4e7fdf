"""Publish stage: HTML pages become PDFs (WeasyPrint); files land atomically in output/."""

from __future__ import annotations

import glob
import io
import logging
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from toolkit.errors import PresskitError
from toolkit.model import Edition, EditionRecord, Provenance, PublishedStatement

log = logging.getLogger("toolkit")


@dataclass(frozen=True)
class RenderedPdf:
    """A PDF in memory, with what the index reports about it."""

    data: bytes
    pages: int


def refuse_fetch(url: str, timeout: int = 10, ssl_context=None, **options):
    """Refuse every fetch: a press release is self-contained (fonts come from the system)."""
    raise ValueError(f"presskit does not fetch external resources ({url})")


def warn_without_harfbuzz_subset() -> bool:
    """Warn when fonts will be subset by fontTools; return True when HarfBuzz does it."""
    from toolkit.fonts import has_harfbuzz_subset

    if has_harfbuzz_subset():
        return True
    log.warning(
        "HarfBuzz's font subsetter (libharfbuzz-subset0, HarfBuzz >= 4.1) is missing: WeasyPrint "
        "falls back to fontTools, about 30 times slower on Chinese fonts. Install it with "
        "`sudo apt-get install libharfbuzz-subset0` (or run scripts/system-deps.sh)."
    )
    return False


# Bump when write_pdf makes different PDFs from the same page (typesetting_key includes it).
# 2: artifacts, ActualText, asides, R2L, compact CJK fonts, tagged PDF/A; 3: PDF/UA in PDF/A;
# 4: compact CJK faces embedded as bare CFF (poppler drew nothing from the OpenType wrapper)
# 5: XMP provenance (#9); 6: short last pages pulled back (pagination.py)
# 7: the PDF/A extension schema describing the presskit: properties
WRITER_REVISION = 7

# The XMP namespace of presskit's provenance fields (a name, never fetched).
PROVENANCE_NS = "urn:presskit:provenance:1.0#"


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in an archival (PDF/A-3) PDF: the source statement, the PO file."""

    name: str
    data: bytes
    description: str = ""


def write_pdf(html: str, *, variant: str | None = "pdf/ua-1", fonts=None,
              attachments: tuple[PdfAttachment, ...] = (), issued=None) -> RenderedPdf:
    """Typeset one HTML page as a PDF and return its bytes and page count.

    The default variant, pdf/ua-1, makes a tagged, accessible PDF; pdf/a-* variants are for
    archiving, and tagged too (pdf/a-3a is the archival default). Title, author, subject
    (description), creator (generator) and language come from the page's <title>, <meta> and
    <html lang>. `fonts` is a font configuration shared by the PDFs of one run
    (toolkit.fonts.font_configuration()); each call makes its own without it.
    The page's <meta name="presskit.*"> provenance goes into the XMP too (presskit: namespace,
    with dc:language and dc:date). `attachments` are embedded in pdf/a-3 variants only, dated
    `issued` (a datetime), so the same inputs make the same bytes.
    """
    from toolkit.libraries import import_weasyprint

    weasyprint = import_weasyprint()  # heavy: only when a PDF is made; first, for its libraries
    import pydyf

    from toolkit import fonts as font_tools
    from toolkit.pagination import render_fitted
    from toolkit.tagging import declare_pdf_ua, finish_structure

    warn_without_harfbuzz_subset()
    page = weasyprint.HTML(string=html, url_fetcher=refuse_fetch, base_url=".")
    right_to_left = (page.etree_element.get("dir") or "").lower() == "rtl"
    # A short last page is pulled back by a slightly tighter setting where that saves it.
    document, _ = render_fitted(page, font_config=fonts or font_tools.font_configuration())
    _check_proof(document, page.etree_element)
    _add_provenance(document.metadata, page.etree_element)
    # Every variant is tagged: pdf/a-*u and -b, and a plain PDF, are untagged in WeasyPrint
    # unless asked.
    options = {"uncompressed_pdf": False, "pdf_tags": True}
    if attachments and variant and variant.startswith("pdf/a-3"):
        options["attachments"] = [
            weasyprint.Attachment(string=item.data, name=item.name, description=item.description or None,
                                  created=issued, modified=issued, relationship="Source")
            for item in attachments]
    if variant and variant != "none":
        options["pdf_variant"] = variant

    def finish(document, pdf):
        finish_structure(document, pdf)
        if variant and variant.startswith("pdf/a-"):
            declare_pdf_ua(pdf)
        if right_to_left:
            # Arabic pages are read right to left: viewers show spreads and page order so.
            preferences = pdf.catalog.setdefault("ViewerPreferences", pydyf.Dictionary())
            preferences["Direction"] = "/R2L"
        font_tools.compact_cff_fonts(pdf)

    buffer = io.BytesIO()
    document.write_pdf(buffer, finisher=finish, **options)
    return RenderedPdf(buffer.getvalue(), len(document.pages))


def _check_proof(document, root) -> None:
    """Raise TypesetError when a paragraph of the page did not all reach the laid-out pages."""
    from toolkit.errors import TypesetError
    from toolkit.proofing import shortfalls

    missing = shortfalls(document, root)
    if missing:
        first = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise TypesetError(
            f"the PDF would lack text: the paragraph beginning {first.begins!r} has {first.expected:,} "
            f"characters, {first.drawn:,} of them on the pages{more}; break it into paragraphs "
            "(or add spaces to a long run of characters) and publish again")


def _add_provenance(metadata, root) -> None:
    """Make WeasyPrint's XMP packet carry the page's provenance <meta> (presskit.NAME), language and date."""
    from xml.etree import ElementTree

    fields, language, delivered = {}, root.get("lang") or "", ""
    for meta in root.iter():
        if not isinstance(meta.tag, str) or meta.tag.rsplit("}", 1)[-1] != "meta":
            continue
        name, content = meta.get("name") or "", meta.get("content") or ""
        if name.startswith("presskit.") and content:
            fields[name.removeprefix("presskit.")] = content
        elif name == "dcterms.created":
            delivered = content
    if not fields:
        return
    rdf_ns, dc_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/"
    original = metadata.generate_rdf_metadata

    def generate(variant, version, conformance):
        ElementTree.register_namespace("presskit", PROVENANCE_NS)
        rdf = ElementTree.fromstring(original(variant, version, conformance))
        description = ElementTree.SubElement(rdf, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
        for name, items, values in (("language", "Bag", [language]), ("date", "Seq", [delivered])):
            if any(values):
                holder = ElementTree.SubElement(ElementTree.SubElement(description, f"{{{dc_ns}}}{name}"),
                                                f"{{{rdf_ns}}}{items}")
                for value in values:
                    ElementTree.SubElement(holder, f"{{{rdf_ns}}}li").text = value
        for name, value in sorted(fields.items()):
            ElementTree.SubElement(description, f"{{{PROVENANCE_NS}}}{_xmp_name(name)}").text = value
        if variant == "a":
            _describe_provenance_schema(rdf, sorted(_xmp_name(name) for name in fields))
        return ElementTree.tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = generate  # WeasyPrint has no hook for extra XMP properties


# PDF/A accepts XMP properties outside its predefined schemas only with their description in
# the file (ISO 19005-1, 6.7.8, and -2/-3, 6.6.2.3): the pdfaExtension schema, one Bag of schemas.
PDFA_EXTENSION_NS = {"pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
                     "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
                     "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#"}
PROVENANCE_PROPERTIES = {
    "issued": "When this content was first issued (ISO 8601, UTC)",
    "presskitVersion": "The presskit version that made the file",
    "sourceSha256": "SHA-256 of the statement file the edition was made from",
    "reviewState": "original, reviewed or machine: the review state of this language",
    "machineEngine": "The machine-translation engines of the printed machine output",
    "machinePackage": "The translation packages (models) of the printed machine output",
    "machineVersion": "The versions of those packages",
    "machinePivot": "The languages machine translation pivoted through",
    "reviewers": "The reviewers named in the translation file's header",
    "editionVersion": "The version of the statement this edition is, when it corrects an earlier one",
    "replacesVersion": "The version this one corrects",
    "replacesIssued": "When the corrected version was issued (ISO 8601, UTC)",
}


def _describe_provenance_schema(rdf, names: list[str]) -> None:
    """Add the PDF/A extension schema that describes the presskit: properties `names`."""
    from xml.etree import ElementTree

    rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    extension, schema, prop = (PDFA_EXTENSION_NS[k] for k in ("pdfaExtension", "pdfaSchema", "pdfaProperty"))
    for prefix, uri in PDFA_EXTENSION_NS.items():
        ElementTree.register_namespace(prefix, uri)
    description = ElementTree.SubElement(rdf, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
    bag = ElementTree.SubElement(ElementTree.SubElement(description, f"{{{extension}}}schemas"), f"{{{rdf_ns}}}Bag")
    item = ElementTree.SubElement(bag, f"{{{rdf_ns}}}li", {f"{{{rdf_ns}}}parseType": "Resource"})
    for name, text in (("schema", "presskit provenance"), ("namespaceURI", PROVENANCE_NS), ("prefix", "presskit")):
        ElementTree.SubElement(item, f"{{{schema}}}{name}").text = text
    properties = ElementTree.SubElement(ElementTree.SubElement(item, f"{{{schema}}}property"), f"{{{rdf_ns}}}Seq")
    for name in names:
        entry = ElementTree.SubElement(properties, f"{{{rdf_ns}}}li", {f"{{{rdf_ns}}}parseType": "Resource"})
        for key, text in (("name", name), ("valueType", "Text"), ("category", "external"),
                          ("description", PROVENANCE_PROPERTIES.get(name, "presskit provenance"))):
            ElementTree.SubElement(entry, f"{{{prop}}}{key}").text = text


def _xmp_name(name: str) -> str:
    """Return the XMP property of a <meta> name: "source-sha256" → "sourceSha256"."""
    head, *rest = name.split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def typesetting_key(html: bytes, variant: str | None, attachments: tuple[PdfAttachment, ...] = ()) -> str:
    """Return the checksum of what a PDF is made from: the page and every setting of write_pdf.

    A PDF whose manifest record carries the same key is not typeset again. Any new setting
    write_pdf takes must go into `settings` too, or a changed setting would keep an old PDF.
    """
    from importlib.metadata import PackageNotFoundError, version

    from toolkit import __version__

    try:
        weasyprint = version("weasyprint")  # no import: that costs what skipping saves
    except PackageNotFoundError:
        weasyprint = "?"
    settings = f"variant={variant or 'none'}; WeasyPrint {weasyprint}; presskit {__version__}; writer {WRITER_REVISION}"
    if attachments and variant and variant.startswith("pdf/a-3"):
        settings += "; attachments " + " ".join(f"{a.name}={_sha256(a.data)}" for a in attachments)
    return _sha256(settings.encode("utf-8") + b"\0" + html)


def reusable_pdf(folder: Path, record: EditionRecord | None, key: str,
                 within: tuple[Path, ...] | None = None) -> RenderedPdf | None:
    """Return the PDF an earlier run typeset from the same page and settings, if it is still there."""
    if record is None or not record.typeset_sha256 or record.typeset_sha256 != key:
        return None
    data = _read_output(folder / f"{record.code}.pdf", within)
    if data is None:
        return None
    return RenderedPdf(data, record.pages) if _sha256(data) == record.pdf_sha256 else None


UNCHECKED = object()  # atomic_write's `expected` when nobody else edits the file


def atomic_write(path: Path, data: bytes, *, within: tuple[Path, ...] | None = None,
                 expected: bytes | None | object = UNCHECKED) -> bool:
    """Write bytes through a temporary file and rename; return False when nothing changed.

    `within` (boundary.roots(config)) are the folders the real path must be in: a symlink
    leading out of the workspace is refused, never written through; one inside it is written
    where it points (a PO file shared from elsewhere in the workspace). An existing file keeps
    its permissions (a group-writable team catalog stays so); a read-only one is refused.

    `expected` is the file as the caller read it (None: there was none). The new file is
    swapped in atomically and the file it displaced compared with `expected`: if someone saved
    in between, theirs is put back and ConflictError raised, so a reviewer's save is never lost.
    """
    from toolkit import boundary
    from toolkit.errors import ConflictError

    path = Path(path)
    boundary.check_inside(path, within)
    boundary.check_inside(path.parent, within)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    tmp: str | None = None
    try:
        if path.parent.is_dir():
            _remove_stale_temporaries(path)
        mode = 0o644
        def refuse(message, where):
            return PresskitError(f"cannot write the file: {message}", where)

        if boundary.check_regular(path, refuse):
            if boundary.read_regular(path, refuse) == data:
                return False
            mode = stat.S_IMODE(path.stat().st_mode)
            if not mode & 0o222:
                raise PresskitError("is read-only; presskit does not replace it: make it writable "
                                    "(chmod u+w) to let presskit update it", path)
        # A file where a folder should be (output/ as a plain file) fails here: the same message.
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = write_temporary(path, data, mode)
        if expected is UNCHECKED:
            os.replace(tmp, path)
            tmp = None
        elif expected is None:
            try:
                os.link(tmp, path)  # never replaces: someone may have made the file meanwhile
            except FileExistsError:
                raise ConflictError("was created by someone else while presskit ran; their file was "
                                    "kept and presskit's was not written: run again", path) from None
        else:
            _swap_checked(Path(tmp), path, expected)
    except OSError as exc:
        raise PresskitError(f"cannot write the file: {exc.strerror or exc}", path) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return True


def write_temporary(path: Path, data: bytes, mode: int = 0o644) -> str:
    """Write `data` into a new temporary file beside `path` (synced, with `mode`); return its name.

    Every file presskit writes goes through here (the fault-injection tests fail or kill it).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _swap_checked(tmp: Path, path: Path, expected: bytes) -> None:
    """Swap `tmp` in for `path`; if what it displaced is not `expected`, swap back and raise."""
    from toolkit.errors import ConflictError

    ours = os.stat(tmp).st_ino
    if not exchange(tmp, path):
        # No atomic exchange here: hard-link the current file aside, then rename ours in.
        aside = tmp.with_name(tmp.name + ".aside.tmp")
        try:
            os.link(path, aside)
        except FileNotFoundError:
            raise ConflictError("was removed while presskit ran; nothing was written in its place: "
                                "run again", path) from None
        os.replace(tmp, path)
        os.replace(aside, tmp)
    displaced = tmp.read_bytes()
    if displaced == expected:
        return
    # Someone saved between our read and our swap: theirs goes back, ours is dropped.
    if os.stat(path).st_ino == ours and not exchange(tmp, path):
        os.replace(tmp, path)
    raise ConflictError("was saved by someone else while presskit ran; their file was kept and "
                        "presskit's update of it was not written: run again", path)


_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove_stale_temporaries(path: Path) -> None:
    """Remove what a killed run left beside `path` (runs hold the workspace lock)."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        leftover.unlink(missing_ok=True)


MANIFEST = "manifest.json"


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def edition_record(edition: Edition, pdf: RenderedPdf, html: bytes, typeset: str = "",
                   provenance: Provenance | None = None, content: str = "") -> EditionRecord:
    """Return the manifest record of one edition: what the index shows, plus checksums.

    `typeset` is the typesetting_key the PDF was made with; `content` the edition's content key.
    """
    from toolkit.model import TextStatus

    status = "original" if edition.is_original else ("reviewed" if edition.is_reviewed else "machine")
    title = edition.title
    title_lang = "" if title is None else (
        edition.statement.source_lang if title.status is TextStatus.UNTRANSLATED else edition.lang)
    return EditionRecord(code=edition.lang, status=status, pages=pdf.pages, pdf_bytes=len(pdf.data),
                         html_bytes=len(html), pdf_sha256=_sha256(pdf.data), html_sha256=_sha256(html),
                         typeset_sha256=typeset, title=title.text if title else "", title_lang=title_lang,
                         provenance=provenance.as_meta() if provenance else None, content_sha256=content,
                         summary=next((b.text for b in edition.body if b.kind.value == "paragraph"), ""))


_STATUSES = ("original", "reviewed", "machine")


def read_manifest(folder: Path, within: tuple[Path, ...] | None = None) -> list[EditionRecord]:
    """Return the edition records of a statement's manifest; none when it is missing or unreadable.

    The manifest is untrusted input (a hand edit, an older presskit): a record that is not one
    this version writes is dropped with a note, and its edition rebuilt or left out, never an
    internal error. A manifest leading outside `within`, or not a regular file, is not read.
    """
    import json

    from toolkit import boundary

    path = folder / MANIFEST
    try:
        boundary.check_inside(path, within)
        if not boundary.check_regular(path):
            return []
        records = json.loads(boundary.read_regular(path, limit=10_000_000).decode("utf-8"))["editions"]
    except (PresskitError, ValueError, KeyError, TypeError) as exc:
        log.warning("note: %s is not a manifest presskit can read (%s); its editions are rebuilt",
                    path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return []
    kept = []
    for number, record in enumerate(records if isinstance(records, list) else [], 1):
        problem = _record_problem(record)
        if problem:
            log.warning("note: %s: edition %d %s; it is rebuilt or left out", path, number, problem)
            continue
        kept.append(EditionRecord(**{f.name: record[f.name] for f in fields(EditionRecord) if f.name in record}))
    return kept


def _record_problem(record) -> str:
    """Return what is wrong with one manifest record, or '' for one this version writes."""
    from toolkit.languages import UN_ORDER

    if not isinstance(record, dict):
        return "is not a record"
    if record.get("code") not in UN_ORDER:
        return f"has an unknown language {record.get('code')!r}"
    if record.get("status") not in _STATUSES:
        return f"has an unknown status {record.get('status')!r}"
    for key in ("pages", "pdf_bytes", "html_bytes"):
        value = record.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < (1 if key == "pages" else 0):
            return f"has no valid {key!r}"
    for key in ("pdf_sha256", "html_sha256"):
        value = record.get(key)
        if not isinstance(value, str) or len(value) != 64:
            return f"has no valid {key!r}"
    for key in ("typeset_sha256", "title", "title_lang"):
        if not isinstance(record.get(key, ""), str):
            return f"has a {key!r} that is not text"
    return ""


def earlier_editions(folder: Path, skip: set[str], records: list[EditionRecord] | None = None,
                     within: tuple[Path, ...] | None = None) -> list[EditionRecord]:
    """Return the records of editions an earlier run left in `folder` (not in `skip`).

    `publish --lang fr` rebuilds French only; the index and switchers still list the other
    editions, as long as their files are still there and unchanged since that run. `records`
    is read_manifest(folder), when the caller has it already.
    """
    kept = []
    for record in read_manifest(folder, within) if records is None else records:
        if record.code in skip:
            continue  # rebuilt this run: no need to read and hash its files
        files = {ext: _read_output(folder / f"{record.code}.{ext}", within) for ext in ("pdf", "html")}
        if None in files.values():
            continue
        if _sha256(files["pdf"]) != record.pdf_sha256 or _sha256(files["html"]) != record.html_sha256:
            continue
        kept.append(record)
    return kept


def _read_output(path: Path, within: tuple[Path, ...] | None) -> bytes | None:
    """Return an earlier run's output file; None when it is gone, outside `within` or no regular file."""
    from toolkit import boundary

    try:
        boundary.check_inside(path, within)
        return boundary.read_regular(path) if boundary.check_regular(path) else None
    except PresskitError:
        return None


def render_manifest(slug: str, records: list[EditionRecord], version: str, statement=None,
                    extra: dict | None = None) -> bytes:
    """Return the manifest of a statement's output folder: editions, sizes, checksums.

    `extra` holds what other stages record beside them (toolkit.corrections: the version).
    """
    import json

    manifest = {"statement": slug, "generator": f"presskit {version}", "editions": [asdict(r) for r in records]}
    if statement is not None:
        manifest.update(title=statement.title.text if statement.title else slug, source_lang=statement.source_lang,
                        date=statement.date.isoformat() if statement.date else "", venue=statement.venue or "")
    manifest.update(extra or {})
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def published_statement(data: bytes) -> PublishedStatement | None:
    """Return what a manifest's bytes say about its statement; None when it is not one of ours."""
    import json

    try:
        manifest = json.loads(data)
        slug = manifest["statement"]
    except (ValueError, KeyError, TypeError):
        return None
    names = {f.name for f in fields(EditionRecord)}
    records = []
    for record in manifest.get("editions") or []:
        try:
            records.append(EditionRecord(**{key: value for key, value in record.items() if key in names}))
        except (TypeError, AttributeError):
            continue
    replaces = manifest.get("replaces") if isinstance(manifest.get("replaces"), dict) else {}
    number = manifest.get("version")
    return PublishedStatement(slug, manifest.get("title") or slug, manifest.get("source_lang") or "",
                              manifest.get("date") or "", tuple(records), venue=str(manifest.get("venue") or ""),
                              version=number if isinstance(number, int) and number > 0 else 1,
                              replaces=replaces.get("version") if isinstance(replaces.get("version"), int) else 0,
                              replaced_issued=str(replaces.get("issued") or ""))

"""PO files on disk: strict reading, deterministic writing.

Reviewers edit these files by hand, so reading is strict where babel's reader is lenient: a
broken quote, a stray line, a wrong encoding or a duplicate entry is a `CatalogError` naming
the file and line, and nothing is written. Writing is babel's `write_po` at a fixed width plus
two things babel leaves out: the `#, fuzzy` flag of obsolete entries and the `#|` previous
msgids it cannot read back. A file whose content a run leaves as it was is not rewritten at all,
however the reviewer's editor wrapped it.
"""

from __future__ import annotations

import codecs
import datetime
import io
import os
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, normalize, write_po

from toolkit.catalogs.syntax import check_syntax, decode, previous_ids, split_lines
from toolkit.errors import CatalogError

WIDTH = 76

# Headers babel reads into attributes and writes back itself.
_BABEL_HEADERS = {
    "project-id-version", "report-msgid-bugs-to", "pot-creation-date", "po-revision-date",
    "last-translator", "language", "language-team", "plural-forms", "mime-version",
    "content-type", "content-transfer-encoding", "generated-by",
}


class _HeaderError(Exception):
    """A header value babel cannot read; not a ValueError, which babel would report at the
    comment line after the header."""


class PoCatalog(Catalog):
    """A babel catalog that keeps headers babel drops (X-Generator ...) and a stable Generated-By."""

    def __init__(self, *args, **kwargs):
        self.extra_headers: list[tuple[str, str]] = []
        self.generated_by = "presskit"
        # The file this catalog replaces and what it said, as read_catalog found them.
        self.on_disk: tuple[bytes, tuple] | None = None
        self.read_bytes: bytes | None = None  # the file as read_catalog read it
        super().__init__(*args, **kwargs)

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        # Babel stamps its own version into Generated-By; an upgrade would then rewrite every
        # file. Keep what the file said, and whatever headers a reviewer's editor added.
        headers = [(n, v.rstrip("\n")) for n, v in super()._get_mime_headers() if n != "Generated-By"]
        headers += [("Generated-By", self.generated_by), *self.extra_headers]
        name, value = headers[-1]
        headers[-1] = (name, value + "\n")
        return headers

    def _set_mime_headers(self, headers) -> None:
        headers = list(headers)
        for name, value in headers:
            if name.lower() == "generated-by":
                self.generated_by = value.strip()
            elif name.lower() not in _BABEL_HEADERS and (name, value) not in self.extra_headers:
                self.extra_headers.append((name, value.strip()))
        try:
            super()._set_mime_headers(headers)
        except ValueError as exc:
            raise _HeaderError(str(exc)) from None


def now() -> datetime.datetime:
    """Return the time to stamp on changed files: SOURCE_DATE_EPOCH if set, else now (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.replace(second=0, microsecond=0)


def read_catalog(path: Path, lang: str | None = None, limit: int | None = None) -> PoCatalog:
    """Read a PO or POT file; raise CatalogError with file:line for anything a reviewer broke."""
    from toolkit.boundary import read_regular

    path = Path(path)
    data = read_regular(path, CatalogError, limit=limit, what="PO file")  # a FIFO is refused, never waited on
    if not data.strip():
        raise CatalogError("the file is empty; restore it from version control or delete it "
                           "to start from machine suggestions", path)
    lines = split_lines(decode(path, data))
    header_line = check_syntax(path, lines) or 1
    previous = previous_ids(lines)
    catalog = PoCatalog(locale=lang, fuzzy=False)
    catalog.read_bytes = data
    # babel would take "#|" lines for translator comments; "#~|" ones (the previous msgid of an
    # obsolete entry) are only a hint, dropped.
    kept = ["" if line.lstrip().startswith(("#|", "#~|")) else line for line in lines]
    try:
        PoFileParser(catalog, abort_invalid=True).parse(kept)
    except PoFileError as exc:
        raise CatalogError(f"{exc.args[0].rsplit(' on ', 1)[0]}", path, exc.lineno + 1) from None
    except (_HeaderError, ValueError, LookupError) as exc:
        raise CatalogError(f"in the header: {exc}; fix that value", path, header_line) from None
    if lang:
        _check_language(path, catalog, lang, lines)
    for message in catalog:
        if message.lineno in previous:
            message.previous_id = [previous[message.lineno]]
    # What the file says before presskit's own corrections (format flags; an encoding, a BOM or
    # line ends msgfmt cannot read), so that a file in need of one is rewritten.
    plain = catalog.charset.lower() in ("utf-8", "utf8") and not data.startswith(codecs.BOM_UTF8) \
        and b"\r" not in data.replace(b"\r\n", b"")
    catalog.charset = "utf-8"
    if plain:
        catalog.on_disk = (data, content(catalog))
    for message in [*catalog, *catalog.obsolete.values()]:
        drop_format_flags(message)
    for message in catalog:
        if message.id:
            _check_newlines(path, message)
    return catalog


def drop_format_flags(message: Message) -> None:
    """Drop the format flags babel guesses from a "%" or "{0}" in the text (or an editor added).

    Statement text is prose, never a format string: with python-format or python-brace-format,
    `msgfmt --check-format` would refuse a good translation that drops a "{0}" or a "%s".
    The no-*-format flags only relax msgfmt's checks and are kept.
    """
    message.flags -= {f for f in message.flags if f.endswith("-format") and not f.startswith("no-")}


def render_catalog(catalog: Catalog) -> bytes:
    """Return the PO text of a catalog: width 76, entries in catalog order, obsolete last.

    A catalog that says exactly what the file it replaces says gets that file back, byte for
    byte: a reviewer's editor wraps and orders it its own way, and rewriting it would only churn.
    """
    on_disk = getattr(catalog, "on_disk", None)
    if on_disk is not None and content(catalog) == on_disk[1]:
        return on_disk[0]
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=False, ignore_obsolete=True)
    parts = [_with_previous(buffer.getvalue().decode(catalog.charset), catalog)]
    for message in catalog.obsolete.values():
        parts.extend(_obsolete_lines(message))
    return "".join(parts).encode("utf-8")


def signature(catalog: Catalog | None) -> tuple:
    """Return what a catalog says, without its dates: equal signatures need no new date."""
    if catalog is None:
        return ()

    def entry(m: Message) -> tuple:
        return (m.context, m.id, m.string, tuple(sorted(m.flags)), tuple(m.locations),
                tuple(m.user_comments), tuple(m.auto_comments), tuple(m.previous_id))

    return (tuple(entry(m) for m in catalog if m.id),
            tuple(entry(m) for m in catalog.obsolete.values()))


def content(catalog: Catalog) -> tuple:
    """Return everything a catalog says, dates and header included, but not how it is laid out."""
    return signature(catalog), catalog.fuzzy, catalog.header_comment, tuple(catalog.mime_headers)


def _with_previous(text: str, catalog: Catalog) -> str:
    # babel wraps a long previous msgid as one comment, cutting through its quoted strings, and
    # cannot read it back; write it as GNU gettext does, one quoted string per "#|" line.
    # Entries are separated by blank lines (a PO string never holds a raw line break), the
    # header first, then the messages in catalog order.
    chunks = text.split("\n\n")
    for index, message in enumerate((m for m in catalog if m.id), start=1):
        if not message.previous_id:
            continue
        lines = chunks[index].split("\n")
        at = next(n for n, line in enumerate(lines) if line.startswith(("msgctxt ", "msgid ")))
        previous = f"#| msgid {_quoted(message.previous_id[0], '#| ')}"
        chunks[index] = "\n".join(lines[:at] + previous.split("\n") + lines[at:])
    return "\n\n".join(chunks)


def _obsolete_lines(message: Message) -> list[str]:
    # GNU gettext writes flags and comments of obsolete entries too; babel drops the flags,
    # which would make a machine suggestion look reviewed once it is revived.
    lines = [f"# {c}\n".replace("# \n", "#\n") for c in message.user_comments]
    lines += [f"#. {c}\n" for c in message.auto_comments]
    if message.flags:
        lines.append(f"#, {', '.join(sorted(message.flags))}\n")
    if message.context:
        lines.append(f"#~ msgctxt {_quoted(message.context, '#~ ')}\n")
    lines.append(f"#~ msgid {_quoted(message.id, '#~ ')}\n")
    lines.append(f"#~ msgstr {_quoted(message.string or '', '#~ ')}\n")
    return [*lines, "\n"]


def _quoted(string: str, prefix: str) -> str:
    # babel's normalize(prefix=...) counts the prefix once per word and wraps far too early;
    # wrap to the width left after the prefix, then prefix the continuation lines.
    return normalize(string, width=WIDTH - len(prefix)).replace("\n", "\n" + prefix)


def _check_language(path: Path, catalog: Catalog, lang: str, lines: list[str]) -> None:
    declared = catalog.locale_identifier
    if declared and declared.replace("-", "_").split("_")[0].lower() != lang:
        number = next((n for n, line in enumerate(lines, 1) if line.strip().startswith('"Language:')), 1)
        raise CatalogError(f"says Language: {declared} but sits in the folder for {lang!r}; move it "
                           "or fix the header", path, number)


def _check_newlines(path: Path, message: Message) -> None:
    # msgfmt refuses these, so a file presskit writes back would no longer compile.
    ident, string = message.id, message.string
    if not isinstance(ident, str) or not isinstance(string, str) or not string:
        return
    for test, where in ((str.startswith, "begins"), (str.endswith, "ends")):
        if test(string, "\n") != test(ident, "\n"):
            raise CatalogError(f"the translation {where} with a line break (\\n) and the source text "
                               "does not; remove it", path, message.lineno)


def stamp_catalog(catalog: Catalog, old: Catalog | None, moment: datetime.datetime, *,
                  creation_date: datetime.datetime | None = None, template: bool = False) -> None:
    """Date a catalog: keep the old file's dates unless what the catalog says has changed."""
    if old is not None and signature(catalog) == signature(old):
        catalog.creation_date = old.creation_date
        catalog.revision_date = old.revision_date
        return
    catalog.creation_date = creation_date or moment
    if not template:
        catalog.revision_date = moment

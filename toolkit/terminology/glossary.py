"""Glossaries: `glossary/*.tbx` and `glossary/*.csv` in the workspace, over the starter UN glossary.

CSV: one column per language code (`en`, `fr` ...), optional `note` and `do_not_translate`
columns. A cell may hold several forms separated by `;` (the first is the preferred one, the
others accepted, e.g. inflected forms); a form written `!like this` is a forbidden variant.

TBX (ISO 30042, TBX-Basic 2 `termEntry/langSet/tig` or TBX 3 `conceptEntry/langSec/termSec`):
a term whose `administrativeStatus` is deprecated or superseded is a forbidden variant; a
`descrip`, `admin` or `termNote` of type `doNotTranslate` saying yes pins the entry verbatim.
TBX is read with entity expansion, DTD loading and network access off: a glossary is data.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from toolkit.errors import PresskitError
from toolkit.languages import UN_ORDER, parse_language

STARTER = "un-starter.csv"
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_FORBIDDEN_STATUS = {"deprecatedterm-admn", "supersededterm-admn", "deprecated", "superseded", "notrecommended"}


class GlossaryError(PresskitError):
    """A glossary file that cannot be read."""


@dataclass(frozen=True)
class Term:
    """One concept: its approved forms per language (preferred first) and forbidden variants."""

    forms: dict[str, tuple[str, ...]]
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    do_not_translate: bool = False
    origin: str = ""  # "glossary/un.csv:12", for messages

    def __hash__(self) -> int:
        return hash((self.key, self.origin))

    @property
    def key(self) -> str:
        """The identity a workspace glossary overrides: the English form, else the first form."""
        for lang in ("en", *UN_ORDER):
            if self.forms.get(lang):
                return self.forms[lang][0].casefold()
        return ""

    def approved(self, lang: str, source: str | None = None) -> tuple[str, ...]:
        """Return the approved forms in `lang`; a do-not-translate term keeps its source forms."""
        if self.forms.get(lang):
            return self.forms[lang]
        if self.do_not_translate and source is not None:
            return self.forms.get(source, ())
        return ()

    def preferred(self, lang: str, source: str | None = None) -> str | None:
        forms = self.approved(lang, source)
        return forms[0] if forms else None


@dataclass(frozen=True)
class Glossary:
    """The terms in force for a workspace: its own glossaries over the starter one."""

    terms: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    def for_pair(self, source: str, target: str) -> tuple[Term, ...]:
        """Return the terms with a form in `source` and something to require in `target`."""
        return tuple(t for t in self.terms if t.forms.get(source) and (t.approved(target, source) or t.forbidden.get(target)))

    def digest(self) -> str:
        """Return a short fingerprint of the terms, so cached translations follow glossary edits."""
        import hashlib

        text = repr(sorted((t.key, sorted(t.forms.items()), sorted(t.forbidden.items()), t.do_not_translate)
                           for t in self.terms))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def starter_glossary() -> Glossary:
    """Return the UN glossary shipped with presskit (principal organs, officers, the sample's terms)."""
    data = resources.files("toolkit.terminology").joinpath(STARTER).read_bytes()
    return Glossary(read_csv(Path(f"<presskit>/{STARTER}"), data))


GLOSSARY_LIMIT = 64 << 20  # bytes per glossary file: a large office TBX is a few megabytes


def load_glossary(workspace: Path, folder: str = "glossary", *, starter: bool = True,
                  within: tuple[Path, ...] | None = None) -> Glossary:
    """Return the glossary of a workspace: every glossary/*.tbx and *.csv over the starter one.

    A workspace term replaces a starter term with the same English form. Every file is read
    before the first error is raised, so one run reports one bad file at a time, with its line.
    `within` (boundary.roots(config)) is the workspace boundary: a glossary file or folder whose
    link leads outside it is refused, and only regular files are read (a FIFO is never waited on).
    """
    from toolkit import boundary

    base = list(starter_glossary().terms) if starter else []
    own: list[Term] = []
    directory = Path(workspace) / folder
    boundary.check_inside(directory, within, GlossaryError, Path(folder))
    if directory.is_dir():
        for path in sorted(directory.iterdir()):
            shown = Path(folder) / path.name
            suffix = path.suffix.lower()
            if suffix not in (".csv", ".tbx") or path.name.startswith("."):
                continue  # an editor's ._terms.csv or .#terms.csv is not a glossary
            boundary.check_inside(path, within, GlossaryError, shown)
            data = boundary.read_regular(path, GlossaryError, shown, GLOSSARY_LIMIT, "glossary")
            own.extend(read_csv(shown, data) if suffix == ".csv" else read_tbx(shown, data))
    keys = {t.key for t in own}
    return Glossary(tuple(own) + tuple(t for t in base if t.key not in keys))


# CSV ----------------------------------------------------------------------------------------

def read_csv(shown: Path, data: bytes) -> list[Term]:
    """Read a CSV glossary: a header of language codes (+ note, do_not_translate), one term a row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError("is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)", shown, line) from None
    rows = list(_csv_rows(shown, text))
    if not rows:
        raise GlossaryError("is empty; give a header row of language codes (en,fr,...)", shown, 1)
    header_line, header = rows[0]
    columns = []
    for name in header:
        name = name.strip().lower().replace("-", "_").replace(" ", "_")
        if name in ("note", "notes", "comment"):
            columns.append("note")
        elif name in ("do_not_translate", "dnt", "donottranslate"):
            columns.append("do_not_translate")
        else:
            try:
                columns.append(parse_language(name))
            except ValueError:
                raise GlossaryError(f"unknown column {name!r}; use language codes ({', '.join(UN_ORDER)}), "
                                    "note and do_not_translate", shown, header_line) from None
    if not any(c in UN_ORDER for c in columns):
        raise GlossaryError("the header names no language; the first row must be language codes such as en,fr",
                            shown, header_line)
    duplicates = {c for c in columns if columns.count(c) > 1}
    if duplicates:
        raise GlossaryError(f"column {sorted(duplicates)[0]!r} appears twice in the header", shown, header_line)
    terms = []
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            raise GlossaryError(f"has {len(cells)} cells but the header names {len(columns)} columns "
                                "(a comma inside a term needs quotes)", shown, line)
        record = dict(zip(columns, [c.strip() for c in cells]))
        forms, forbidden = {}, {}
        for lang in (c for c in columns if c in UN_ORDER):
            good, bad = _split_cell(record.get(lang, ""))
            if good:
                forms[lang] = good
            if bad:
                forbidden[lang] = bad
        if not forms:
            raise GlossaryError("gives no approved form in any language", shown, line)
        flag = record.get("do_not_translate", "").lower()
        if flag not in _TRUE | _FALSE:
            raise GlossaryError(f"do_not_translate is {flag!r}; write yes or no", shown, line)
        terms.append(Term(forms, forbidden, record.get("note", ""), flag in _TRUE, f"{shown}:{line}"))
    return terms


def _csv_rows(shown: Path, text: str):
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise GlossaryError(f"is not valid CSV ({exc}); check the quotes", shown, reader.line_num) from None


def _split_cell(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    good, bad = [], []
    for form in (f.strip() for f in cell.split(";")):
        if form.startswith("!"):
            if form[1:].strip():
                bad.append(" ".join(form[1:].split()))
        elif form:
            good.append(" ".join(form.split()))
    return tuple(dict.fromkeys(good)), tuple(dict.fromkeys(bad))


# TBX ----------------------------------------------------------------------------------------

def read_tbx(shown: Path, data: bytes) -> list[Term]:
    """Read a TBX glossary with a real XML parser: no entities expanded, no DTD, no network."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if getattr(exc, "position", None) else None)
        message = str(exc.msg if hasattr(exc, "msg") else exc).split(", line")[0]
        raise GlossaryError(f"is not well-formed XML: {message}", shown, line) from None
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise GlossaryError(f"uses the XML entity &{node.name};, which presskit does not expand; "
                                "write the text out", shown, node.sourceline)
    terms = []
    for entry in root.iter():
        if _local(entry) not in ("termEntry", "conceptEntry"):
            continue
        forms: dict[str, list[str]] = {}
        forbidden: dict[str, list[str]] = {}
        notes = []
        pinned = False
        for node in entry.iter():
            if not isinstance(node.tag, str):
                continue
            kind = (node.get("type") or "").replace("-", "").replace("_", "").lower()
            if kind == "donottranslate":
                pinned = _text(node).lower() in _TRUE
            elif _local(node) in ("note",) or kind in ("definition", "note", "context"):
                if _text(node):
                    notes.append(_text(node))
        for section in entry.iter():
            if not isinstance(section.tag, str) or _local(section) not in ("langSet", "langSec"):
                continue
            code = section.get("{http://www.w3.org/XML/1998/namespace}lang") or section.get("lang") or ""
            try:
                lang = parse_language(code)
            except ValueError:
                raise GlossaryError(f"xml:lang {code!r} is not one of the six UN languages ({', '.join(UN_ORDER)})",
                                    shown, section.sourceline) from None
            for term in section.iter():
                if not isinstance(term.tag, str) or _local(term) != "term":
                    continue
                value = " ".join(_text(term).split())
                if not value:
                    raise GlossaryError("has an empty <term>", shown, term.sourceline)
                group = term.getparent()
                status = " ".join(_text(n) for n in group.iter() if isinstance(n.tag, str)
                                  and (n.get("type") or "").lower() == "administrativestatus").lower()
                target = forbidden if any(s in status for s in _FORBIDDEN_STATUS) else forms
                target.setdefault(lang, []).append(value)
        if not forms:
            raise GlossaryError("has a term entry with no approved term", shown, entry.sourceline)
        terms.append(Term({k: tuple(dict.fromkeys(v)) for k, v in forms.items()},
                          {k: tuple(dict.fromkeys(v)) for k, v in forbidden.items()},
                          "; ".join(notes), pinned, f"{shown}:{entry.sourceline}"))
    return terms


def _local(node) -> str:
    tag = node.tag if isinstance(node.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _text(node) -> str:
    return "".join(node.itertext()).strip()

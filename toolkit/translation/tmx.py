"""TMX 1.4b, the exchange format of translation memories (OmegaT, Trados, translate-toolkit).

Reading streams the file with lxml's iterparse, clearing each <tu> once read, so a file of
hundreds of thousands of units is read in seconds in little memory. Entities are not resolved,
no DTD or network is fetched: a TMX file from elsewhere is data, never instructions. A file that
is not well-formed, or not TMX, is refused with one `file:line: what is wrong` message.

Writing produces what translate-toolkit and CAT tools read: a header naming presskit, the
source language, `segtype` and one <tu> per source text and target language, with the origin
and date of a reviewed unit as <prop> elements.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from toolkit.errors import TmxError
from toolkit.languages import LANGUAGES, get_language
from toolkit.translation.memory import HumanUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is a native code (a tag of the source format), not text.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
# props presskit writes and reads back.
PROP_ORIGIN = "x-presskit-origin"
PROP_KIND = "x-presskit-kind"
PROP_LEVEL = "x-presskit-level"


@dataclass
class TmxSummary:
    """What reading a TMX file found."""

    units: int = 0  # <tu> elements read
    pairs: int = 0  # (source, target language) translations yielded
    skipped: int = 0  # translation variants in a language presskit does not handle, or empty


def read_tmx(path: Path, *, targets: Iterable[str] | None = None, summary: TmxSummary | None = None,
             progress: Callable[[int], None] | None = None) -> Iterator[HumanUnit]:
    """Yield one HumanUnit per translation in a TMX file (source → each other language).

    `targets` limits the target languages; `progress(n)` is called with the bytes read as the
    file is parsed. Raise TmxError naming file:line for a file that is not TMX 1.4.
    """
    from lxml import etree

    path = Path(path)
    summary = summary if summary is not None else TmxSummary()
    wanted = set(targets) if targets is not None else None
    origin = path.name
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise TmxError(f"cannot read the file ({exc.strerror}); check the path", path) from None
    with handle:
        _check_root(handle, path)
        handle.seek(0)
        source = _Reading(handle, progress)
        etree.clear_error_log()  # the log is per thread: an earlier file's errors must not show
        # Only the ends of <header>, <tu> and <body>: every other element is read with its <tu>.
        parser = etree.iterparse(source, events=("end",), tag=("header", "tu", "body"),
                                 resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                                 remove_comments=True, remove_pis=True)
        srclang: str | None = None
        segtype = "paragraph"
        seen_body = False
        codes: dict[str, str | None] = {}
        try:
            for _, element in parser:
                tag = element.tag
                if tag == "tu":
                    if srclang is None:
                        raise TmxError("a <tu> before the <header>; a TMX file needs a <header srclang=...> "
                                       "first", path, element.sourceline)
                    summary.units += 1
                    yield from _units(element, srclang, segtype, wanted, origin, path, summary, codes)
                    element.clear(keep_tail=False)
                    # Drop the finished <tu> elements from the tree, or they pile up in memory.
                    while element.getprevious() is not None:
                        del element.getparent()[0]
                elif tag == "header":
                    if seen_body:
                        raise TmxError("<body> comes before <header>; a TMX file needs a <header "
                                       "srclang=...> first", path, element.sourceline)
                    srclang = element.get("srclang")
                    if not srclang:
                        raise TmxError("the <header> has no srclang attribute; add srclang=\"en\" "
                                       "(the language the units are written in)", path, element.sourceline)
                    segtype = element.get("segtype") or segtype
                    element.clear(keep_tail=False)
                else:
                    if srclang is None:
                        raise TmxError("<body> comes before <header>; a TMX file needs a <header "
                                       "srclang=...> first", path, element.sourceline)
                    seen_body = True
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, path, source.count) from None
        if not seen_body:
            raise TmxError("no <body> in the file; is it cut short?", path)


def _check_root(handle, path: Path) -> None:
    """Refuse a file whose root is not <tmx version="1.x">, reading only its beginning."""
    from lxml import etree

    etree.clear_error_log()
    try:
        for _, element in etree.iterparse(handle, events=("start",), resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=True):
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag != "tmx":
                raise TmxError(f"this is not a TMX file (its root element is <{tag}>, not <tmx>); "
                               "export the memory as TMX 1.4", path, element.sourceline)
            version = element.get("version", "")
            if not version.startswith("1."):
                raise TmxError(f"TMX version {version or '(none)'} is not supported; export it as TMX 1.4",
                               path, element.sourceline)
            return
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path, handle.tell()) from None


def _syntax_error(exc, path: Path, read: int) -> TmxError:
    # The exception may only say "no element found" (an undefined entity, left unresolved,
    # stops the parse): libxml2's last logged error names the cause.
    line, message = exc.lineno, exc.msg
    logged = getattr(exc, "error_log", None)
    if (not line or message == "no element found") and logged:
        last = logged.last_error
        line, message = last.line or line, last.message or message
    message = (message or "not well-formed").split(", line ")[0].strip().rstrip(".")
    if not read:
        message = "the file is empty"
    return TmxError(f"not well-formed XML: {message}; fix the file or export it again", path, line or 1)


def _units(tu, srclang: str, segtype: str, wanted: set[str] | None, origin: str, path: Path,
           summary: TmxSummary, codes: dict[str, str | None]) -> Iterator[HumanUnit]:
    unit_source = tu.get("srclang") or srclang
    variants: list[tuple[str, str, str | None]] = []  # (language code, text, date)
    props = {p.get("type"): (p.text or "") for p in tu.iterchildren("prop")}
    for tuv in tu.iterchildren("tuv"):
        lang = tuv.get(XML_LANG) or tuv.get("lang")
        if not lang:
            raise TmxError("a <tuv> without xml:lang; give each variant its language", path, tuv.sourceline)
        seg = tuv.find("seg")
        if seg is None:
            raise TmxError("a <tuv> without <seg>; each variant needs its text in <seg>", path, tuv.sourceline)
        code = codes[lang] if lang in codes else codes.setdefault(lang, _code(lang))
        text = (seg.text or "").strip() if not len(seg) else _text(seg).strip()
        if code is None or not text:
            summary.skipped += 1
            continue
        variants.append((code, text, _date(tuv.get("changedate") or tu.get("changedate")
                                           or tuv.get("creationdate") or tu.get("creationdate"))))
    if not variants:
        return
    level = props.get(PROP_LEVEL) or ("sentence" if tu.get("segtype", segtype) == "sentence" else "paragraph")
    kind = "reviewed" if props.get(PROP_KIND) == "reviewed" else "imported"
    where = props.get(PROP_ORIGIN) or origin
    if unit_source.lower() == "*all*":
        sources = variants
    else:
        code = codes[unit_source] if unit_source in codes else codes.setdefault(unit_source, _code(unit_source))
        sources = [v for v in variants if v[0] == code]
    for from_code, source_text, _ in sources[:1] if unit_source.lower() != "*all*" else sources:
        for to_code, target_text, date in variants:
            if to_code == from_code or (wanted is not None and to_code not in wanted):
                continue
            summary.pairs += 1
            yield HumanUnit(from_code, to_code, source_text, target_text, where, date, level, kind)


def _code(lang: str) -> str | None:
    try:
        return get_language(lang).code
    except KeyError:
        return None


def _text(element) -> str:
    """Return the text of a <seg>: text and <hi>/<sub> content, without native codes."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _CODES and isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _date(value: str | None) -> str | None:
    """Return a TMX date (YYYYMMDDThhmmssZ) as YYYY-MM-DD, or None."""
    if not value or len(value) < 8 or not value[:8].isdigit():
        return None
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


class _Reading(io.RawIOBase):
    """A binary file that reports how many bytes were read, for a progress bar."""

    def __init__(self, handle, progress: Callable[[int], None] | None):
        self.handle = handle
        self.progress = progress
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.count += len(data)
        if self.progress is not None and data:
            self.progress(len(data))
        return data


def render_tmx(units: Iterable[HumanUnit], *, srclang: str | None = None, tool_version: str = "0",
               now: datetime.datetime | None = None) -> bytes:
    """Return units as a TMX 1.4b document: one <tu> per source text and target language."""
    moment = (now or datetime.datetime.now(datetime.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    units = list(units)
    header_source = srclang or (units[0].from_code if units and all(u.from_code == units[0].from_code
                                                                    for u in units) else "*all*")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
             '<tmx version="1.4">',
             f'  <header creationtool="presskit" creationtoolversion={quoteattr(tool_version)} '
             f'datatype="plaintext" segtype="paragraph" adminlang="en" srclang={quoteattr(_tag(header_source))} '
             f'o-tmf="presskit" creationdate="{moment}"/>',
             "  <body>"]
    for unit in units:
        date = f' changedate="{unit.date.replace("-", "")}T000000Z"' if unit.date else ""
        segtype = ' segtype="sentence"' if unit.level == "sentence" else ""
        lines.append(f"    <tu srclang={quoteattr(_tag(unit.from_code))}{segtype}{date}>")
        lines.append(f"      <prop type=\"{PROP_ORIGIN}\">{escape(unit.origin)}</prop>")
        lines.append(f"      <prop type=\"{PROP_KIND}\">{escape(unit.kind)}</prop>")
        lines.append(f"      <prop type=\"{PROP_LEVEL}\">{escape(unit.level)}</prop>")
        for code, text in ((unit.from_code, unit.source), (unit.to_code, unit.target)):
            lines.append(f"      <tuv xml:lang={quoteattr(_tag(code))}><seg>{_escape(text)}</seg></tuv>")
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines).encode("utf-8")


def _tag(code: str) -> str:
    return LANGUAGES[code].tag if code in LANGUAGES else code


def _escape(text: str) -> str:
    # XML 1.0 cannot carry most control characters at all; a PO entry cannot hold them either.
    return escape("".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20))

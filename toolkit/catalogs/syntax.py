"""The PO grammar, checked line by line before babel's lenient reader sees a reviewer's file.

What msgfmt would refuse (a broken quote, a stray line, a duplicate entry, a conflict marker, a
wrong encoding) is a `CatalogError` naming the file and line, so nothing is ever written from a
misread file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from babel.messages.pofile import unescape

from toolkit.errors import CatalogError

KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?:\s+|(?="))(.*)$')
_CHARSET = re.compile(rb"charset=([A-Za-z0-9._:-]+)")
_ESCAPES = set('\\abfnrtv"')
_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


def decode(path: Path, data: bytes) -> str:
    match = _CHARSET.search(data)
    charset = match.group(1).decode("ascii") if match else "utf-8"
    if charset.upper() == "CHARSET":  # the placeholder of a fresh template
        charset = "utf-8"
    try:
        # bytes.decode() refuses codecs that are no text encoding (hex, base64) this same way.
        if not getattr(codecs.lookup(charset), "_is_text_encoding", True):
            raise LookupError(charset)
    except LookupError:
        line = data[: match.start()].count(b"\n") + 1
        raise CatalogError(f"unknown charset {charset!r} in the header; use UTF-8", path, line) from None
    try:
        return data.decode("utf-8-sig" if charset.lower() in ("utf-8", "utf8") else charset)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(f"is not valid {charset} text (saved in another encoding, perhaps "
                           "Windows-1252?); re-save it as UTF-8", path, line) from None


def check_syntax(path: Path, lines: list[str]) -> int | None:
    """Check the PO grammar line by line, and that no entry appears twice.

    Return the line of the header's msgid, if the file has a header.
    """
    seen: dict[tuple[str | None, str], int] = {}
    state = None  # the keyword whose string continuation lines may follow
    entry: dict = {}

    def finish() -> None:
        if not entry:
            return
        if "msgid" not in entry:
            raise CatalogError("msgctxt without a msgid after it", path, entry["line"])
        if "msgstr" not in entry:
            raise CatalogError("msgid without a msgstr after it", path, entry["line"])
        key = (entry.get("msgctxt"), entry["msgid"])  # msgfmt: obsolete ones count too
        if key in seen:
            what = f"msgid {short(entry['msgid'])}" if entry["msgid"] else 'the header (msgid "")'
            raise CatalogError(f"duplicate entry for {what} (first at line {seen[key]}); keep one "
                               "of them", path, entry["line"])
        seen[key] = entry["line"]
        entry.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if line.startswith("|") or not line:
                continue
        elif not line:
            state = None
            continue
        elif line.startswith("#"):
            if state in ("msgstr",):
                finish()
            state = None
            continue
        if line.startswith(_CONFLICT):
            raise CatalogError("a version-control conflict marker; resolve the conflict and "
                               "remove the marker lines", path, number)
        if line.startswith('"'):
            if state is None:
                raise CatalogError(f"a quoted string that belongs to no msgid or msgstr: {short(line)}",
                                   path, number)
            _same_obsolete(path, number, entry, obsolete)
            entry[state] = entry.get(state, "") + _string(path, number, line)
            continue
        match = KEYWORD.match(line)
        if not match:
            raise CatalogError(f"stray text {short(line)}; every line of a PO file is a keyword "
                               "(msgid, msgstr ...), a quoted string or a # comment", path, number)
        keyword, rest = match.group(1), match.group(2)
        if keyword == "msgid_plural" or keyword.startswith("msgstr["):
            # presskit never writes plural forms, and msgfmt refuses msgstr[0] without them.
            raise CatalogError(f"{keyword} (a plural form) has no place in a statement's catalog; "
                               "use one msgid and one msgstr", path, number)
        if keyword.startswith("msgstr"):
            keyword = "msgstr"
        if keyword in ("msgctxt", "msgid") and ("msgstr" in entry or keyword in entry
                                                or (keyword == "msgctxt" and "msgid" in entry)):
            finish()
        if keyword == "msgstr" and "msgid" not in entry:
            raise CatalogError("msgstr without a msgid before it", path, number)
        if keyword == "msgstr" and "msgstr" in entry:
            # babel would keep the first and the next rewrite delete this one; msgfmt refuses it.
            raise CatalogError("a second msgstr for this msgid; keep one", path, number)
        if "obsolete" in entry:
            _same_obsolete(path, number, entry, obsolete)
        if keyword in ("msgctxt", "msgid"):
            entry.update(line=number, obsolete=obsolete)
        entry[keyword] = _string(path, number, rest)
        state = keyword
    finish()
    return seen.get((None, ""))


def _same_obsolete(path: Path, number: int, entry: dict, obsolete: bool) -> None:
    # babel would read half of such an entry as obsolete; msgfmt refuses it.
    if entry["obsolete"] != obsolete:
        raise CatalogError("#~ on some lines of this entry only; mark all of its lines obsolete "
                           "(#~) or none", path, number)


def _string(path: Path, number: int, text: str) -> str:
    """Return the value of one quoted PO string, or raise CatalogError for a malformed one."""
    text = text.strip()
    if not text.startswith('"'):
        raise CatalogError(f"expected a quoted string, found {short(text)}", path, number)
    index = 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 >= len(text):
                break
            if text[index + 1] not in _ESCAPES:
                raise CatalogError(f"unknown escape \\{text[index + 1]} in a string; write \\\\ for a "
                                   "backslash", path, number)
            index += 2
            continue
        if char == '"':
            if text[index + 1:].strip():
                raise CatalogError('text after the closing quote (an unescaped " inside the string? '
                                   'write \\")', path, number)
            value = unescape(text)
            if "\x04" in value:
                # U+0004 separates msgctxt from msgid in .mo files; msgfmt refuses it in a string.
                raise CatalogError("a control character (U+0004) in a string; remove it", path, number)
            if "\x00" in value:
                # A NUL ends a string in .mo files (and in C): msgfmt refuses it, Poedit cuts the text there.
                raise CatalogError("a NUL character in a string; remove it", path, number)
            return value
        index += 1
    raise CatalogError("the string has no closing quote", path, number)


def short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def previous_ids(lines: list[str]) -> dict[int, str]:
    """Return the previous msgid (`#| msgid` lines) of each entry, by the line of its msgid.

    babel reads these lines as translator comments and cannot tell them from a reviewer's
    "# | note"; read them here, from the lines themselves.
    """
    found: dict[int, str] = {}
    values: dict[str, str] = {}
    keyword = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("#|"):
            text = line[2:].strip()
            match = KEYWORD.match(text)
            if match:
                keyword, text = match.group(1), match.group(2).strip()
            if keyword and len(text) > 1 and text.startswith('"') and text.endswith('"'):
                values[keyword] = values.get(keyword, "") + unescape(text)
        elif not line or line.startswith(("msgid ", 'msgid"')):
            if line and "msgid" in values:
                found[number] = values["msgid"]
            values, keyword = {}, None
    return found


def split_lines(text: str) -> list[str]:
    """Split PO text at line feeds (CRLF too), or at carriage returns if it has no line feed.

    Not str.splitlines(): that would also cut at a form feed or U+2028 pasted inside a string.
    A file saved with old Mac line ends (CR only) would otherwise read as one long comment.
    """
    if "\n" not in text:
        return text.split("\r")
    return [line.removesuffix("\r") for line in text.split("\n")]

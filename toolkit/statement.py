"""Read stage: an as-delivered text file becomes a `Statement`.

A speech file is plain UTF-8 text as copied from a web page or a word processor, optionally
preceded by a header block that supplies what the text lacks:

    ---
    date: 2017-10-11
    venue: New York
    symbol: GA/SM/123
    language: en
    ---

The reader finds the title, the delivery note, the speaker line, a date line and the body, and
records what looks like scraping debris (a repeated paragraph from a pull-quote box, a stray
caption) as findings instead of printing it twice.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.frontmatter import SPEAKER_LINE, SPEAKER_NAME, date_venue, delivery_kind, parse_date
from toolkit.languages import parse_language
from toolkit.model import Block, BlockKind, Delivery, Finding, Statement

HEADER_KEYS = ("date", "venue", "symbol", "language", "slug", "speaker")

_BULLET = re.compile(r"^(?:[•▪◦‣●·*-]|\d{1,2}[.)])\s+")
_CAPTION = re.compile(
    r"^(?:(?:un |united nations )?photo\b|credit\b|©|source:|image:|video:|watch:|read more\b"
    r"|(?:the )?(?:president|secretary-general|deputy secretary-general|chair|chairperson"
    r"|spokesperson|high commissioner|special envoy)\b)",
    re.I,
)
_TERMINAL = tuple(".,!?:;…。，！？؟،\"”’»)")


@dataclass(frozen=True)
class _Chunk:
    """Text between blank lines, split into lines with their line numbers."""

    lines: tuple[tuple[int, str], ...]

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.lines)


def read_statement(path: Path | str, *, source_lang: str | None = None) -> Statement:
    """Read a speech file into a `Statement`; raise StatementError for unusable input."""
    path = Path(path)
    text = _decode(path, _read_bytes(path))
    header, body_lines = _split_header(path, text)
    chunks = _chunk(body_lines)
    if not chunks:
        raise StatementError("the statement has no text after its header", path)
    return _parse(path, header, chunks, source_lang)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise StatementError("no such file", path)
    if path.is_dir():
        raise StatementError("is a directory, not a speech file (give a .txt file)", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StatementError(f"cannot read the file: {exc.strerror}", path) from None
    if not data.strip():
        raise StatementError("the file is empty", path)
    return data


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise StatementError("looks like a binary file, not a text statement", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StatementError(
            "is not UTF-8 text (perhaps Windows-1252); re-save it as UTF-8", path, line
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if len(controls) > 8:
        raise StatementError("contains control characters; is it really a text file?", path)
    return text


def _clean(line: str) -> str:
    # Web copies carry no-break and zero-width spaces; print them as ordinary spaces.
    line = re.sub(r"[\u00a0\u2007\u202f\u2009\t]", " ", line)
    # Zero-width spaces and stray control characters (a form feed from a word processor)
    # print as nothing; gettext's msgfmt would refuse them in a PO file anyway.
    line = re.sub(r"[\u200b\ufeff\x00-\x08\x0b-\x1f\x7f]", "", line)
    return re.sub(r" {2,}", " ", line).strip()


def _split_header(path: Path, text: str) -> tuple[dict[str, tuple[int, str]], list[tuple[int, str]]]:
    lines = [(n, _clean(raw)) for n, raw in enumerate(text.split("\n"), start=1)]
    header: dict[str, tuple[int, str]] = {}
    if not lines or lines[0][1] != "---":
        return header, lines
    if not any(line == "---" for _, line in lines[1:]):
        raise StatementError("the header block opened with '---' is never closed", path, 1)
    for index, (number, line) in enumerate(lines[1:], start=1):
        if line == "---":
            return header, lines[index + 1 :]
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            raise StatementError(
                f"unknown header line {line!r}; the header takes {', '.join(HEADER_KEYS)}",
                path,
                number,
            )
        header[key] = (number, value.strip())
    return header, []  # unreachable: a closing line exists


def _chunk(lines: list[tuple[int, str]]) -> list[_Chunk]:
    chunks, current = [], []
    for number, line in lines + [(0, "")]:
        if line:
            current.append((number, line))
        elif current:
            chunks.extend(_split_lines(tuple(current)))
            current = []
    return chunks


def _split_lines(lines: tuple[tuple[int, str], ...]) -> list[_Chunk]:
    """Keep hard-wrapped prose together; give one-paragraph-per-line text a chunk per line.

    A line continues the previous one when that one has no closing punctuation and this one
    starts in lower case; text with no such line was written one paragraph per line.
    """
    if len(lines) == 1 or any(_BULLET.match(text) for _, text in lines):
        return [_Chunk(lines)]
    continued = any(
        not previous.endswith(_TERMINAL) and text[:1].islower()
        for (_, previous), (_, text) in zip(lines, lines[1:])
    )
    return [_Chunk(lines)] if continued else [_Chunk((line,)) for line in lines]


def _delivery(chunk: _Chunk) -> Delivery | None:
    if len(chunk.lines) != 1:
        return None
    found = delivery_kind(chunk.text)
    if found is None:
        return None
    kind, language = found
    return Delivery(kind, chunk.text, chunk.line, language)


def _is_short_line(text: str) -> bool:
    return len(text) <= 90 and not text.endswith(_TERMINAL)


def _normalized(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _paragraphs(chunk: _Chunk) -> list[tuple[BlockKind, int, str]]:
    """Split a chunk into blocks: bullets become list items, wrapped prose one paragraph."""
    if not _BULLET.match(chunk.lines[0][1]) and not any(_BULLET.match(t) for _, t in chunk.lines):
        return [(BlockKind.PARAGRAPH, chunk.line, chunk.text)]
    result: list[tuple[BlockKind, int, str]] = []
    for n, text in chunk.lines:
        if _BULLET.match(text):
            result.append((BlockKind.LIST_ITEM, n, _BULLET.sub("", text)))
        elif result and not result[-1][2].endswith(_TERMINAL) and text[:1].islower():
            kind, first, previous = result[-1]
            result[-1] = (kind, first, f"{previous} {text}")
        else:
            result.append((BlockKind.PARAGRAPH, n, text))
    return result


def _parse(path: Path, header: dict, chunks: list[_Chunk], source_lang: str | None) -> Statement:
    findings: list[Finding] = []
    title = speaker = None
    delivery = None
    date, venue = _header_date(path, header)
    index = 0

    # The front matter: at most a title, a delivery note, a speaker line and a date line, in
    # any order, before the first paragraph of the body.
    while index < len(chunks) and index < 5:
        chunk = chunks[index]
        text = chunk.text
        found_delivery = _delivery(chunk)
        line_date, line_venue = date_venue(text)
        if found_delivery and delivery is None:
            delivery = found_delivery
        elif line_date and len(chunk.lines) == 1:
            if date and line_date != date:
                findings.append(Finding(path, chunk.line, "date-mismatch",
                                        f"date line says {line_date.isoformat()} but the header says {date.isoformat()}"))
            date = date or line_date
            venue = venue or line_venue
        elif speaker is None and SPEAKER_LINE.search(text) and len(text) <= 400:
            speaker = Block(BlockKind.SPEAKER, text, chunk.line)
        elif title is None and speaker is None and delivery is None and index == 0 and len(text) <= 200 \
                and not text.endswith((".", "!", "?", ":", ",")) and len(chunk.lines) <= 2:
            title = Block(BlockKind.TITLE, text, chunk.line)
        else:
            break
        index += 1

    body, body_findings = _read_body(path, chunks[index:])
    findings.extend(body_findings)
    if not any(b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for b in body):
        raise StatementError("the statement has no body paragraphs", path, chunks[-1].line)
    if date is None:
        findings.append(Finding(path, 1, "missing-date",
                                "no date of delivery; add 'date: YYYY-MM-DD' to a header block"))
    lang = _source_language(path, header, source_lang, body)
    slug = _slug(header.get("slug", (0, path.stem))[1])
    return Statement(
        path=path, slug=slug, source_lang=lang, title=title, delivery=delivery, speaker=speaker,
        body=tuple(body), date=date, venue=venue or _header_value(header, "venue"),
        symbol=_header_value(header, "symbol"), findings=tuple(sorted(findings, key=lambda f: f.line)),
        speaker_name=_header_value(header, "speaker") or (speaker_name(speaker.text) if speaker else None),
    )


def speaker_name(line: str) -> str | None:
    """Return who speaks, from a speaker line: "Statement by H.E. Mr. X, President of ..." gives "H.E. Mr. X"."""
    match = SPEAKER_NAME.match(line)
    if not match:
        return None
    name = line[match.end():].split(",")[0].strip()
    name = re.split(r"\s+(?:at|on|to|before|during)\s+(?:the\s+)?", name)[0].strip()
    return name if 0 < len(name) <= 80 else None


def _read_body(path: Path, chunks: list[_Chunk]) -> tuple[list[Block], list[Finding]]:
    body: list[Block] = []
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    after_quote = False
    for chunk in chunks:
        for kind, line, text in _paragraphs(chunk):
            key = _normalized(text)
            if kind is BlockKind.PARAGRAPH and key in seen and len(key) > 40:
                findings.append(Finding(path, line, "duplicate-paragraph",
                                        f"repeats the paragraph at line {seen[key]} (a pull-quote box?); "
                                        "printed once, as a pull quote"))
                body.append(Block(BlockKind.PULL_QUOTE, text, line))
                after_quote = True
                continue
            if kind is BlockKind.PARAGRAPH and _is_short_line(text) and (after_quote or _CAPTION.match(text)):
                if after_quote:
                    findings.append(Finding(path, line, "caption-line",
                                            f"caption-like line {text!r}; printed as the pull quote's attribution"))
                    body.append(Block(BlockKind.ATTRIBUTION, text, line))
                else:
                    findings.append(Finding(path, line, "caption-line",
                                            f"caption-like line {text!r} (a photo caption?); left out of the release"))
                after_quote = False
                continue
            after_quote = False
            if kind is BlockKind.PARAGRAPH and _is_short_line(text) and len(text.split()) <= 12:
                kind = BlockKind.HEADING
            seen.setdefault(key, line)
            body.append(Block(kind, text, line))
    return body, findings


def _header_value(header: dict, key: str) -> str | None:
    value = header.get(key, (0, ""))[1]
    return value or None


def _header_date(path: Path, header: dict) -> tuple[datetime.date | None, str | None]:
    if "date" not in header:
        return None, None
    line, value = header["date"]
    date = parse_date(value)
    if date is None:
        raise StatementError(f"cannot read the date {value!r}; write it as YYYY-MM-DD", path, line)
    return date, None


def _source_language(path: Path, header: dict, override: str | None, body: list[Block]) -> str:
    value = override or _header_value(header, "language")
    if value:
        try:
            return parse_language(value)
        except ValueError as exc:
            line = header.get("language", (None,))[0] if not override else None
            raise StatementError(str(exc), path, line) from None
    return guess_language(" ".join(b.text for b in body[:10]))


_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "we", "that", "in", "for", "our"},
    "fr": {"le", "la", "les", "et", "des", "est", "nous", "que", "une", "dans"},
    "es": {"el", "la", "los", "las", "y", "de", "que", "es", "nuestro", "una"},
}


def guess_language(text: str) -> str:
    """Guess which of the six UN languages a text is in, from its script and common words."""
    scripts = {"ar": 0, "zh": 0, "ru": 0}
    for char in text:
        if "\u0600" <= char <= "\u06ff":
            scripts["ar"] += 1
        elif "\u4e00" <= char <= "\u9fff":
            scripts["zh"] += 1
        elif "\u0400" <= char <= "\u04ff":
            scripts["ru"] += 1
    best = max(scripts, key=scripts.get)
    if scripts[best] > len(text) * 0.1:
        return best
    words = re.findall(r"\w+", text.casefold())
    scores = {code: sum(w in stop for w in words) for code, stop in _STOPWORDS.items()}
    return max(scores, key=lambda code: (scores[code], code == "en"))


def _slug(stem: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "statement"

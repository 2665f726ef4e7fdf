"""Read stage: an as-delivered text file becomes a `Statement`.

A speech file is plain UTF-8 text as copied from a web page or a word processor, optionally
preceded by a header block that supplies what the text lacks:

    ---
    date: 2017-10-11
    venue: New York
    symbol: GA/SM/123
    language: en
    ---

The reader finds the title, the delivery note, the speaker line, a date line, a document symbol
and the body: paragraphs separated by blank lines, written one per line or hard-wrapped, bullets
as list items. What looks like web-page debris (a pull-quote box repeating a paragraph, a photo
caption, share buttons) becomes a finding that `presskit lint` prints, never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.frontmatter import (  # noqa: F401 (parse_date: for callers of the reader)
    ATTRIBUTION, SALUTATION, SPEAKER_LINE, SYMBOL, date_venue, dateline, debris, delivery_kind, guess_language,
    header_date, parse_date, read_header, speaker_name, trailing_delivery, venue_line, weekday_mismatch,
)
from toolkit.languages import parse_language
from toolkit.model import Block, BlockKind, Delivery, Finding, Statement

_BULLET = re.compile(r"^[•▪◦‣●·*–—-]\s+")
# A numbered paragraph starts a new block but keeps its number: "1.", "(a)", "b)", "iv)", "II."
_NUMBERED = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\)|[IVX]{1,4}\.)\s+")
_TERMINAL = tuple(".,!?:;…。，！？؟،\"”’»)")
_QUOTES = "“”\"«»„"


@dataclass(frozen=True)
class _Chunk:
    """One paragraph's lines (or one line of front matter), with their line numbers."""

    lines: tuple[tuple[int, str], ...]

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]

    @property
    def text(self) -> str:
        text = self.lines[0][1]
        for _, more in self.lines[1:]:
            # Chinese and Japanese lines join without a space.
            text += more if unicodedata.east_asian_width(text[-1]) == "W" else f" {more}"
        return text


def read_statement(path: Path | str, *, source_lang: str | None = None) -> Statement:
    """Read a speech file into a `Statement`; raise StatementError for unusable input."""
    path = Path(path)
    text = _decode(path, _read_bytes(path))
    header, body_lines = read_header(path, [_clean(raw) for raw in text.split("\n")])
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
        raise StatementError("is not UTF-8 text (perhaps Windows-1252); re-save it as UTF-8", path, line) from None
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


def _chunk(lines: list[tuple[int, str]]) -> list[_Chunk]:
    """Split the text into paragraphs at blank lines, then at line ends that end a paragraph."""
    width = _wrap_width([text for _, text in lines])
    chunks, current = [], []
    for number, line in lines + [(0, "")]:
        if line:
            current.append((number, line))
        elif current:
            chunks.extend(_split_lines(current, width))
            current = []
    return chunks


def _wrap_width(texts: list[str]) -> int | None:
    """Return the width the text was hard-wrapped at, or None for unwrapped text.

    Hard-wrapped text (an e-mail, a "text with line breaks" export) has no line longer than
    about 100 characters, and most of its long lines stop mid-sentence.
    """
    width = max(map(len, texts), default=0)
    if not 50 <= width <= 100:
        return None
    full = [text for text, after in pairwise(texts) if len(text) >= width - 15 and _continues(text, after, 0)]
    mid_sentence = sum(not text.endswith(_TERMINAL) for text in full)
    return width if len(full) >= 3 and mid_sentence * 3 >= len(full) * 2 else None


def _split_lines(lines: list[tuple[int, str]], width: int | None) -> list[_Chunk]:
    """Keep a paragraph's lines together; give a line that starts a new paragraph its own chunk.

    A line continues the previous one when it starts in lower case after a line with no closing
    punctuation, or, in hard-wrapped text, when its first word would not have fitted on the
    previous line. A chunk with a lower-case continuation is hard-wrapped text too short to tell
    its width for sure: there, a line that ends a sentence also ends the paragraph.
    """
    texts = [text for _, text in lines]
    sure = width is not None
    if not sure and any(_continues(a, b, None) for a, b in pairwise(texts)):
        width = max(map(len, texts)) if max(map(len, texts)) <= 100 else None
    chunks = [[lines[0]]]
    for number, text in lines[1:]:
        if _continues(chunks[-1][-1][1], text, width, sure=sure):
            chunks[-1].append((number, text))
        else:
            chunks.append([(number, text)])
    return [_Chunk(tuple(chunk)) for chunk in chunks]


def _continues(previous: str, text: str, width: int | None, *, sure: bool = True) -> bool:
    if not text or debris(text) or debris(previous):
        return False
    if _BULLET.match(text) or _NUMBERED.match(text):  # a new item, unless a dash in mid-sentence
        return text[0] in "–—" and text[1:].lstrip()[:1].islower() and not previous.endswith(_TERMINAL)
    if text[:1].islower() and not previous.endswith(_TERMINAL):
        return True
    wrapped = width is not None and len(previous) + 1 + len(text.split()[0]) > width
    return wrapped and (sure or not previous.endswith(_TERMINAL))


def _delivery(chunk: _Chunk) -> Delivery | None:
    found = delivery_kind(chunk.text) if len(chunk.lines) == 1 else None
    return Delivery(found[0], chunk.text, chunk.line, found[1]) if found else None


def _is_short_line(text: str) -> bool:
    return len(text) <= 90 and not text.endswith(_TERMINAL)


def _normalized(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _debris(path: Path, chunk: _Chunk) -> Finding | None:
    found = debris(chunk.text) if len(chunk.lines) == 1 else None
    return Finding(path, chunk.line, *found) if found else None


def _parse(path: Path, header: dict, chunks: list[_Chunk], source_lang: str | None) -> Statement:
    findings: list[Finding] = []
    title = speaker = delivery = None
    date, venue = header_date(path, header), None
    symbol = _header_value(header, "symbol")
    index, extend = 0, None  # extend: the title or speaker block the previous line gave

    # The front matter: a title, a delivery note, a speaker line (and the speaker's title on the
    # next line), a date line and a document symbol, in any order, before the body.
    while index < len(chunks):
        chunk, extended = chunks[index], None
        text, single = chunk.text, len(chunk.lines) == 1
        line_date, line_venue = date_venue(text) if single else (None, None)
        if found := _debris(path, chunk):
            findings.append(found)
        elif delivery is None and (found_delivery := _delivery(chunk)):
            delivery = found_delivery
        elif line_date:
            if date and line_date != date:
                findings.append(Finding(path, chunk.line, "date-mismatch",
                                        f"date line says {line_date.isoformat()} but the header says {date.isoformat()}"))
            if wrong_day := weekday_mismatch(text, line_date):
                findings.append(Finding(path, chunk.line, "date-weekday", wrong_day))
            date, venue = date or line_date, venue or line_venue
        elif single and SYMBOL.match(text):
            symbol = symbol or text
        elif single and venue_line(text):
            venue = venue or venue_line(text)
        elif title is None and speaker is None and delivery is None and len(text) <= 200 \
                and not text.endswith((".", "!", "?", ":", ",")) and len(chunk.lines) <= 2:
            if split := trailing_delivery(text):  # un.org/sg: "Secretary-General's remarks ... [as delivered]"
                text, (kind, language) = split[0], delivery_kind(split[1])
                delivery = Delivery(kind, split[1], chunk.line, language)
            title = extended = Block(BlockKind.TITLE, text, chunk.line)
        elif speaker is None and SPEAKER_LINE.search(text) and len(text) <= 400:
            speaker = extended = Block(BlockKind.SPEAKER, text, chunk.line)
        elif extend and single and _is_short_line(text) and len(text.split()) <= 15 and not SALUTATION.match(text) and (
                chunk.line == chunks[index - 1].last + 1 or extend is speaker and ATTRIBUTION.match(text)):
            # A title wrapped onto a second line; the speaker's title under the speaker's name.
            if extend is title:
                title = extended = Block(BlockKind.TITLE, f"{title.text} {text}", title.line)
            else:
                speaker = extended = Block(BlockKind.SPEAKER, f"{speaker.text.rstrip(',')}, {text}", speaker.line)
        else:
            break
        index, extend = index + 1, extended

    body, body_findings = _read_body(path, chunks[index:])
    findings.extend(body_findings)
    if not any(b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for b in body):
        raise StatementError("the statement has no body paragraphs", path, chunks[-1].line)
    if date is None:  # a dateline opening the first paragraph: "GENEVA (10 December 2017) – ..."
        date, line_venue = dateline(next(b.text for b in body if b.kind is not BlockKind.HEADING))
        venue = venue or line_venue
    if date is None:
        findings.append(Finding(path, 1, "missing-date",
                                "no date of delivery; add 'date: YYYY-MM-DD' to a header block"))
    lang = _source_language(path, header, source_lang, body)
    slug = _slug(header.get("slug", (0, path.stem))[1])
    named = speaker or (title if title and SPEAKER_LINE.search(title.text) else None)
    return Statement(
        path=path, slug=slug, source_lang=lang, title=title, delivery=delivery, speaker=speaker,
        body=tuple(body), date=date, venue=_header_value(header, "venue") or venue,
        symbol=symbol, findings=tuple(sorted(findings, key=lambda f: f.line)),
        speaker_name=_header_value(header, "speaker") or (speaker_name(named.text) if named else None),
    )


def _read_body(path: Path, chunks: list[_Chunk]) -> tuple[list[Block], list[Finding]]:
    """Read the body's blocks, leaving out web debris and printing a repeated paragraph once."""
    body: list[Block] = []
    findings: list[Finding] = []
    dashed = [chunk.text[0] in "–—" for chunk in chunks] + [False]  # lines opening with a dash
    for index, chunk in enumerate(chunks):
        text = chunk.text
        if found := _debris(path, chunk):
            findings.append(found)
        elif _BULLET.match(text) and (text[0] not in "–—" or index and dashed[index - 1] or dashed[index + 1]):
            # A dash starts a list item in a run of them; alone, it may start an attribution.
            body.append(Block(BlockKind.LIST_ITEM, _BULLET.sub("", text), chunk.line))
        elif ATTRIBUTION.match(text) and _is_short_line(text) and len(chunk.lines) == 1 and body \
                and body[-1].kind in (BlockKind.PARAGRAPH, BlockKind.ATTRIBUTION):
            text = text.lstrip("—–― ")  # the release prints its own dash before an attribution
            if body[-1].kind is BlockKind.ATTRIBUTION:  # "— António Guterres" / "UN Secretary-General"
                body[-1] = Block(BlockKind.ATTRIBUTION, f"{body[-1].text}, {text}", body[-1].line)
            else:
                body.append(Block(BlockKind.ATTRIBUTION, text, chunk.line))
        elif _is_short_line(text) and len(text.split()) <= 12 and not SALUTATION.match(text):
            body.append(Block(BlockKind.HEADING, text, chunk.line))
        else:
            body.append(Block(BlockKind.PARAGRAPH, text, chunk.line))
    if body and body[-1].kind is BlockKind.HEADING:  # a heading heads something; a last "Thank you" does not
        body[-1] = Block(BlockKind.PARAGRAPH, body[-1].text, body[-1].line)
    body, quote_findings = _pull_quotes(path, body)
    return body, findings + quote_findings


def _pull_quotes(path: Path, body: list[Block]) -> tuple[list[Block], list[Finding]]:
    """Print a repeated paragraph once in the body and once as a pull quote with its attribution.

    Of the copies, the one with an attribution line under it is the pull-quote box (else the
    later one). An attributed quotation that is not repeated is a pull quote too; any other
    attribution-like line is left out, as a caption.
    """
    attributed = {b.line for b, after in pairwise(body) if after.kind is BlockKind.ATTRIBUTION}
    copies: dict[str, list[Block]] = {}
    for block in body:
        if block.kind is BlockKind.PARAGRAPH and len(_normalized(block.text)) > 40:
            copies.setdefault(_normalized(block.text), []).append(block)
    quotes: dict[int, tuple[str, str]] = {}  # line of a pull quote -> the finding's code and message
    for blocks in copies.values():
        kept = next((b for b in blocks if b.line not in attributed), blocks[0])
        message = f"repeats the paragraph at line {kept.line} (a pull-quote box?); printed once, as a pull quote"
        quotes.update((b.line, ("duplicate-paragraph", message)) for b in blocks if b is not kept)
    for block in body:
        if block.line in attributed and block.line not in quotes \
                and block.text[:1] in _QUOTES and block.text[-1:] in _QUOTES:
            message = "quotation with an attribution line (a pull-quote box?); printed as a pull quote"
            quotes[block.line] = ("pull-quote", message)
    result: list[Block] = []
    findings: list[Finding] = []
    for block in body:
        if block.line in quotes:
            findings.append(Finding(path, block.line, *quotes[block.line]))
            result.append(Block(BlockKind.PULL_QUOTE, block.text.strip(_QUOTES + " "), block.line))
        elif block.kind is not BlockKind.ATTRIBUTION:
            result.append(block)
        elif result and result[-1].kind is BlockKind.PULL_QUOTE:
            findings.append(Finding(path, block.line, "caption-line",
                                    f"caption-like line {block.text!r}; printed as the pull quote's attribution"))
            result.append(block)
        else:
            findings.append(Finding(path, block.line, "caption-line",
                                    f"caption-like line {block.text!r} (a photo caption?); left out of the release"))
    return result, findings


def _header_value(header: dict, key: str) -> str | None:
    value = header.get(key, (0, ""))[1]
    return value or None


def _source_language(path: Path, header: dict, override: str | None, body: list[Block]) -> str:
    value = override or _header_value(header, "language")
    if value:
        try:
            return parse_language(value)
        except ValueError as exc:
            line = header.get("language", (None,))[0] if not override else None
            raise StatementError(str(exc), path, line) from None
    return guess_language(" ".join(b.text for b in body[:10]))


def _slug(stem: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "statement"

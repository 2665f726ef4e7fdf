"""Read stage: an as-delivered text file becomes a `Statement`.

A speech file is plain UTF-8 text as copied from a web page or a word processor, optionally
preceded by a YAML header block that supplies what the text lacks:

    ---
    date: 2017-10-11
    venue: New York
    symbol: GA/SM/123
    language: en
    ---

The reader repairs what the copy corrupted (mojibake, romanisation), scores the first lines to
find the title, the delivery note, the speaker line, the date and the venue
(`toolkit.reader.masthead`), and reads the body: paragraphs separated by blank lines, written one
per line or hard-wrapped, bullets as list items, each block with its language. What a web page
dragged along (labels, banners, buttons, captions, a second-language copy) becomes a finding
that `presskit lint` prints, never silently dropped. The parts live in `toolkit.reader`.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.languages import parse_source_language
from toolkit.model import Block, BlockKind, Finding, Statement
from toolkit.reader.dates import (  # noqa: F401 (parse_date: for callers)
    date_venue, dateline, find_date, header_date, opening_place, parse_date, strip_date,
)
from toolkit.reader.detection import (  # noqa: F401 (guess_language: for callers)
    LanguageCache, block_language, guess_language, is_traditional, letters, to_simplified,
)
from toolkit.reader.header import header_value, read_header
from toolkit.reader.masthead import DateSeen, read_masthead, run_in_head
from toolkit.reader.paragraphs import chunk_lines, read_body
from toolkit.reader.repair import repair_lines
from toolkit.reader.speakers import speaker_name  # noqa: F401 (for callers of the reader)

# How much a finding asks of a person: a note was handled, a warning wants a look, an error
# stops publishing. `presskit lint` exits 1 for warnings and errors only.
SEVERITIES = {
    "separator": "note", "web-debris": "note", "caption-line": "note", "marker": "note",
    "section-label": "note", "timestamp": "note", "page-header": "note", "label-line": "note",
    "breadcrumb": "note", "banner": "note", "truncated-title": "note", "duplicate-paragraph": "note", "pull-quote": "note", "repeated-title": "note",
    "lead-in": "note", "numbered-list": "note", "mojibake": "note", "romanisation": "note",
    "traditional-chinese": "note", "repeated-delivery": "note", "reviewed-translation": "note",
    "mixed-languages": "note", "repeated-symbol": "note", "repeated-date": "note",
    "file-name": "note", "posting-date": "note", "signature": "note", "related-list": "note", "closing-note": "note", "another-statement": "warning", "title-note": "note", "teaser": "note", "missing-date": "warning", "lost-letters": "warning", "date-mismatch": "warning", "date-conflict": "warning", "date-weekday": "warning",
    "masthead-line": "warning", "second-language": "warning", "after-signature": "warning",
}


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def read_statement(path: Path | str, *, source_lang: str | None = None,
                   languages: LanguageCache | None = None) -> Statement:
    """Read a speech file into a `Statement`; raise StatementError for unusable input.

    `languages` remembers the language detector's answers between runs (toolkit/workspace.py).
    """
    path = Path(path)
    text = _decode(path, _read_bytes(path))
    header, body_lines = read_header(path, [_clean(raw) for raw in text.split("\n")])
    body_lines, repairs = repair_lines(path, body_lines)
    findings = [_finding(path, *found) for found in repairs]
    chunks = chunk_lines(body_lines)
    if not chunks:
        raise StatementError("the statement has no text after its header", path)
    return _parse(path, header, chunks, source_lang, findings, languages)


def _finding(path: Path, line: int, code: str, message: str) -> Finding:
    return Finding(path, line, code, message, SEVERITIES.get(code, "warning"))


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise StatementError("no such file", path)
    if path.is_dir():
        raise StatementError("is a directory, not a speech file (give a .txt file)", path)
    from toolkit.boundary import read_regular

    data = read_regular(path, StatementError)  # a FIFO is refused, never waited on
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
    if len(_CONTROLS.findall(text)) > 8:
        raise StatementError("contains control characters; is it really a text file?", path)
    return text


def _clean(line: str) -> str:
    # Web copies carry no-break and zero-width spaces; print them as ordinary spaces.
    line = re.sub(r"[\u00a0\u2007\u202f\u2009\u3000\t]", " ", line)
    # Zero-width spaces and stray control characters (a form feed from a word processor)
    # print as nothing; gettext's msgfmt would refuse them in a PO file anyway.
    line = re.sub(r"[\u200b\u200e\u200f\ufeff\x00-\x08\x0b-\x1f\x7f]", "", line)
    return re.sub(r" {2,}", " ", line).strip()


def _parse(path: Path, header: dict, chunks: list, source_lang: str | None, findings: list[Finding],
           languages: LanguageCache | None = None) -> Statement:
    header_date(path, header)  # a bad header date stops the reader before anything else
    masthead = read_masthead(chunks)
    findings += [_finding(path, *found) for found in masthead.findings]
    body_chunks = chunks[masthead.body_start:]
    if masthead.first is not None:  # a one-line page: the masthead took the head of the line
        body_chunks = [masthead.first] + body_chunks[1:]
    body, body_findings = read_body(body_chunks)
    findings += [_finding(path, *found) for found in body_findings]
    if not any(b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for b in body):
        raise StatementError("the statement has no body paragraphs", path, chunks[-1].line)
    body, signed, signed_on = _signature(path, body, findings)
    if signed_on is not None and not masthead.dates:
        masthead.dates.append(signed_on)  # "António Guterres / 21 septembre 2024": the message's date, signed
    date, venue = _date(path, header, masthead, body, findings)
    body = _tag_languages(body, languages)
    mixed = masthead.delivery is not None and "bilingu" in masthead.delivery.text.casefold()  # "(version bilingue)"
    lang, script = _source_language(path, header, source_lang, body, languages, mixed)
    body, copy, second = _second_language(path, header, body, lang, findings)
    statement = Statement(
        path=path, slug=_slug(header_value(header, "slug") or path.stem), source_lang=lang,
        title=_title(header, masthead.title), delivery=masthead.delivery, speaker=masthead.speaker,
        body=tuple(body), date=date, venue=header_value(header, "venue") or venue,
        symbol=header_value(header, "symbol") or masthead.symbol,
        findings=tuple(sorted(findings, key=lambda f: f.line)),
        speaker_name=header_value(header, "speaker") or masthead.speaker_name or signed or _run_in_name(body),
        script=script, second_language=second, translation=tuple(copy),
        reviewed=second if second and header_value(header, "reviewed") == second else None,
        front=tuple(masthead.front),
    )
    return _simplified(statement) if script == "Hant" else statement


def _signature(path: Path, body: list[Block], findings: list[Finding]):
    """Take a signature ("Kofi A. Annan" under a message) out of the body; it names the speaker, and the date
    under the name ("António Guterres" / "21 septembre 2024") is the message's. Return the body, name, date."""
    from toolkit.reader.masthead import DateSeen
    from toolkit.reader.speakers import bare_speaker, is_name, is_title_word, strip_honorific

    for index, block in enumerate(body):
        if index < max(len(body) - 6, 2) or block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) \
                or not body[index - 1].text.endswith((".", "!", "。")):
            continue
        name, signed_on, under = block.text.strip(" ."), None, body[index + 1] if index + 1 < len(body) else None
        if (day := find_date(name)) and (rest := strip_date(name).strip(" ,.–—-")) and rest != name \
                and len(name) <= 80 and name.startswith(rest) and date_venue(name[len(rest):])[0] == day:
            name, signed_on = rest, DateSeen(day, block.line, 1)
        elif under is not None and len(under.text) <= 40 and (day := date_venue(under.text)[0]) \
                and not strip_date(under.text).strip(" ,.–—-"):
            signed_on = DateSeen(day, under.line, 1)  # the date on the line under the name
        again = any(later.text.strip(" .") == block.text.strip(" .") for later in body[index + 1:])
        if index < max(len(body) - 4, 2) and signed_on is None and not again:
            continue  # a name with a date under it, or printed again by the page's card below, signs further up
        if len(block.text) <= 120 and (bare := bare_speaker(name)) and is_title_word(bare[1]):
            name = bare[0]  # "Ban Ki-moon, Secretario General de las Naciones Unidas" signs the message
        if len(name) <= 40 and len(name.split()) <= 4 and is_name(name):
            findings.append(_finding(path, block.line, "signature",
                                     f"signature {block.text!r}: the speaker's name; left out of the text"))
            # The signature ends the message: what the page prints under it (a box about the day, a
            # note about the author) is not part of it.
            findings.extend(_finding(path, after.line, "after-signature",
                                     f"{after.text[:60]!r} comes after the signature (line {block.line}): the page's, "
                                     "not the message's; left out") for after in body[index + 1:])
            return body[:index], strip_honorific(name), signed_on
    return body, None, None


def _title(header: dict, title: Block | None) -> Block | None:
    given = header_value(header, "title")
    if given:
        return Block(BlockKind.TITLE, given, title.line if title else header["title"][0])
    return title


def _run_in_name(body: list[Block]) -> str | None:
    """The speaker's name in a heading run into the first paragraph ("彼得·汤姆森先生阁下当选主席时的致辞 …")."""
    first = next((b for b in body if b.kind is not BlockKind.HEADING), None)
    return run_in_head(first.text)[1] if first is not None else None


def _date(path: Path, header: dict, masthead, body: list[Block], findings: list[Finding]):
    """Take the header's date, else the delivery date; report dates that disagree."""
    seen = list(masthead.dates)
    venue = masthead.venue
    if not seen:  # a dateline opening the first paragraph: "GENEVA (10 December 2017) – ..."
        first = next((b for b in body if b.kind is not BlockKind.HEADING), None)
        if first is not None:
            date, line_venue = dateline(first.text)
            date = date or run_in_head(first.text)[0]  # "…当选主席时的致辞 2016年6月13日   主席先生, …"
            if date:
                seen.append(DateSeen(date, first.line, 2))
                venue = venue or line_venue
    first = next((b for b in body if b.kind is not BlockKind.HEADING), None)
    if venue is None and first is not None:
        venue = opening_place(first.text)  # "Нью Йорк: День Организации …": a place glued to the text
    given = header_date(path, header)
    if given is not None:
        for other in seen:
            if other.date != given and other.rank < 3:
                findings.append(_finding(path, other.line, "date-mismatch",
                                         f"date line says {other.date.isoformat()} but the header says "
                                         f"{given.isoformat()}"))
        return given, venue
    if not seen:
        findings.append(_finding(path, 1, "missing-date",
                                 "no date of delivery; add 'date: YYYY-MM-DD' to a header block"))
        return None, venue
    # Of two date lines the one nearer the text is the delivery date; the first is the page's posting date.
    best = min(seen, key=lambda d: (d.rank, -d.line if d.rank == 1 else d.line))
    # A delivery or lead-in line that agrees with a date line leaves the date line its role.
    best = min((d for d in seen if d.date == best.date and d.rank == 1), key=lambda d: -d.line, default=best)
    for other in seen:
        if other.date == best.date and other.line != best.line and other.rank == 1:
            findings.append(_finding(path, other.line, "repeated-date",
                                     f"the date again (line {best.line} gives it too); left out"))
        elif other.rank == 3 and other.line != best.line:
            findings.append(_finding(path, other.line, "posting-date",
                                     f"the page's posting date {other.date.isoformat()}; the date of delivery is "
                                     f"{best.date.isoformat()} (line {best.line})"))
        elif other.date != best.date and other.rank < 3:
            findings.append(_finding(path, other.line, "date-conflict",
                                     f"this line says {other.date.isoformat()} but line {best.line} says "
                                     f"{best.date.isoformat()}; took {best.date.isoformat()} (the date of delivery); "
                                     "put 'date:' in the header if that is wrong"))
    return best.date, venue


def _source_language(path: Path, header: dict, override: str | None, body: list[Block],
                     languages: LanguageCache | None = None, mixed: bool = False) -> tuple[str, str | None]:
    value = override or header_value(header, "language")
    text = " ".join(b.text for b in body[:12])
    if value:
        try:
            lang, script = parse_source_language(value)
        except ValueError as exc:
            line = header.get("language", (None,))[0] if not override else None
            raise StatementError(str(exc), path, line) from None
    else:
        lang, script = _body_language(body, languages, mixed), None
    if lang == "zh" and script is None and is_traditional(text):
        script = "Hant"
    return lang, script


def _tag_languages(body: list[Block], languages: LanguageCache | None = None) -> list[Block]:
    """Tag each block with the language it is written in, where that is sure; else None."""
    tagged = []
    for block in body:
        found, sure = block_language(block.text, languages)
        sure_enough = found and sure >= 0.9 and (letters(block.text) >= 12 or found in ("zh", "ar", "ru"))
        tagged.append(dataclasses.replace(block, lang=found if sure_enough else None))
    return tagged


def _body_language(body: list[Block], languages: LanguageCache | None = None, mixed: bool = False) -> str:
    """Return the language most of the body is written in, by letters; of a text with its translation stacked
    under it, the first's (unless the page says the delivery was bilingual)."""
    weights: dict[str, int] = {}
    for block in body:
        if block.lang:
            weights[block.lang] = weights.get(block.lang, 0) + len(block.text) * (3 if block.lang == "zh" else 1)
    if not weights:
        return guess_language(" ".join(b.text for b in body), languages)
    langs = [block.lang for block in body if block.lang]
    runs = [lang for index, lang in enumerate(langs) if not index or lang != langs[index - 1]]
    if len(runs) == 2 and not mixed and min(weights.values()) * 4 >= max(weights.values()):
        return runs[0]  # a text, then its translation stacked under it: the page's own text is the first
    return max(weights, key=weights.get)


def _second_language(path: Path, header: dict, body: list[Block], lang: str, findings: list[Finding]):
    """Tag each block with its language; take a stacked second-language copy out of the body.

    A page that prints the text and then its translation has a long run of blocks in another
    language at its end (or start) about as long as the original: that run is reported, not
    printed as the body. Shorter passages in another language are mixed delivery, kept as
    spoken, each block tagged with its language.
    """
    tagged = [block if block.lang else dataclasses.replace(block, lang=lang) for block in body]
    langs = [b.lang for b in tagged]
    runs = [(start, end) for start, end in _runs(langs) if langs[start] != lang]
    for start, end in runs:
        inside = tagged[start:end]
        rest = len(tagged) - len(inside)
        count = sum(b.kind is not BlockKind.HEADING for b in inside)
        size = sum(len(b.text) for b in inside) * (2.5 if langs[start] == "zh" else 1)
        others = sum(len(b.text) for b in tagged) - sum(len(b.text) for b in inside)
        others *= 2.5 if lang == "zh" else 1
        if (start == 0 or end == len(tagged)) and count >= 3 and rest >= 2 and 0.5 <= len(inside) / rest <= 2 \
                and 0.5 <= size / max(others, 1) <= 2:
            second = langs[start]
            first, last = inside[0].line, inside[-1].line
            if header_value(header, "reviewed") == second:
                message = (f"lines {first}-{last} are the page's {second} text; offered as the reviewed {second} "
                           f"edition (header 'reviewed: {second}'), never machine-translated")
                findings.append(_finding(path, first, "reviewed-translation", message))
            else:
                message = (f"lines {first}-{last} are a {second} copy of the statement (an official translation?); "
                           f"left out of the body; if it is the reviewed {second} text, add 'reviewed: {second}' "
                           "to the header")
                findings.append(_finding(path, first, "second-language", message))
            return tagged[:start] + tagged[end:], inside, second
    for start, end in runs:
        findings.append(_finding(path, tagged[start].line, "mixed-languages",
                                 f"lines {tagged[start].line}-{tagged[end - 1].line} are in {langs[start]}: kept as "
                                 "delivered, tagged with their language"))
    return tagged, [], None


def _runs(langs: list[str]) -> list[tuple[int, int]]:
    runs, start = [], 0
    for index in range(1, len(langs) + 1):
        if index == len(langs) or langs[index] != langs[start]:
            runs.append((start, index))
            start = index
    return runs


def _simplified(statement: Statement) -> Statement:
    """Print a Traditional-Chinese original in Simplified characters; keep what it said as written."""

    def convert(block: Block | None) -> Block | None:
        if block is None:
            return None
        text = to_simplified(block.text)
        return dataclasses.replace(block, text=text, original=block.text if text != block.text else None)

    finding = _finding(statement.path, 1, "traditional-chinese",
                       "written in Traditional Chinese (zh-Hant): the zh edition prints it in Simplified "
                       "characters (OpenCC); the original is kept as written")
    def simplified(text: str | None) -> str | None:
        return to_simplified(text) if text else text

    return dataclasses.replace(
        statement, title=convert(statement.title), speaker=convert(statement.speaker),
        body=tuple(convert(b) for b in statement.body),
        speaker_name=simplified(statement.speaker_name), venue=simplified(statement.venue),  # the PDF's metadata too
        findings=tuple(sorted(statement.findings + (finding,), key=lambda f: f.line)),
    )


def _slug(stem: str) -> str:
    """Return the output folder name: the file name transliterated ("заявление" gives "zaiavlenie")."""
    from slugify import slugify

    return slugify(stem) or "statement"

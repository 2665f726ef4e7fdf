"""Paragraphs: lines into chunks (blank lines, hard wraps, one paragraph per line), chunks into blocks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from toolkit.model import Block, BlockKind
from toolkit.reader.debris import beside_credit, debris
from toolkit.reader.speakers import ATTRIBUTION, SALUTATION, SPEAKER_LINE, is_title_word

BULLET = re.compile(r"^[•▪◦‣●·*–—-]\s+")
# A numbered paragraph starts a new block but keeps its number: "1.", "(a)", "b)", "iv)", "II."
NUMBERED = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\)|[IVX]{1,4}\.)\s+")
TERMINAL = tuple(".,!?:;…。，！？؟،\"”’»)")
QUOTES = "“”\"«»„"


@dataclass(frozen=True)
class Chunk:
    """One paragraph's lines (or one line of front matter), with their line numbers."""

    lines: tuple[tuple[int, str], ...]

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]

    @property
    def single(self) -> bool:
        return len(self.lines) == 1

    @property
    def text(self) -> str:
        return join_lines([text for _, text in self.lines])


def join_lines(texts: list[str]) -> str:
    """Join a paragraph's lines: with a space, or with nothing between Chinese characters."""
    text = texts[0]
    for more in texts[1:]:
        text += more if unicodedata.east_asian_width(text[-1]) == "W" else f" {more}"
    return text


def chunk_lines(lines: list[tuple[int, str]]) -> list[Chunk]:
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
    mid_sentence = sum(not text.endswith(TERMINAL) for text in full)
    return width if len(full) >= 3 and mid_sentence * 3 >= len(full) * 2 else None


def _split_lines(lines: list[tuple[int, str]], width: int | None) -> list[Chunk]:
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
    return [Chunk(tuple(chunk)) for chunk in chunks]


def _continues(previous: str, text: str, width: int | None, *, sure: bool = True) -> bool:
    if not text or debris(text) or debris(previous):
        return False
    if BULLET.match(text) or NUMBERED.match(text):  # a new item, unless a dash in mid-sentence
        return text[0] in "–—" and text[1:].lstrip()[:1].islower() and not previous.endswith(TERMINAL)
    if text[:1].islower() and not previous.endswith(TERMINAL):
        return True
    wrapped = width is not None and len(previous) + 1 + len(text.split()[0]) > width
    return wrapped and (sure or not previous.endswith(TERMINAL))


def is_short_line(text: str) -> bool:
    return len(text) <= 90 and not text.endswith(TERMINAL)


def normalized(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _is_related_marker(text: str) -> bool:
    from toolkit.reader.words import fold, tables

    folded = fold(text)
    return any(fold(str(marker)) in folded for marker in tables()["related_markers"]) \
        and (folded.rstrip().endswith((":", "：")) or len(folded) <= 40)


# A headline naming a speech by its kind: "Message du …", "Remarks at …", "رسالة بمناسبة …", "Послание …".
_SPEECH_HEADING = re.compile(
    r"^(?:the\s+)?(?:(?:video|written)\s+)?(?:statement|remarks|address|message|speech|discours|allocution|déclaration"
    r"|mensaje|discurso|palabras|declaración|послание|выступление|заявление|обращение|كلمة|رسالة|بيان|خطاب)\b"
    r"|^(?:[^\W\d]+\s+){0,4}(?:secretary-general’s|secretary-general's)\s+(?:video\s+)?message\b")


def _picture_text(text: str, body: list[Block]) -> bool:
    """True for a short line in Latin letters between the paragraphs of a Chinese or Arabic text, with no sentence
    in it ("UN Day event 2021"): a photo's alternative text, not the speech."""
    from toolkit.reader.detection import script_of

    paragraphs = [block for block in body if block.kind is BlockKind.PARAGRAPH]
    return bool(paragraphs) and len(text) <= 60 and len(text.split()) <= 8 and not re.search(r"[.!?:;,]", text) \
        and script_of(text) == "latin" and all(script_of(block.text) in ("zh", "ar") for block in paragraphs[-2:])


def _opens_closing_note(text: str, body: list[Block]) -> bool:
    """True for the line that opens a press release's contacts or "About" note after the text: "For more
    information, contact:", "À propos de l’UNICEF :" (an "About" line ends with a colon)."""
    from toolkit.reader.words import all_words, fold, tables

    if sum(block.kind is BlockKind.PARAGRAPH for block in body) < 2 or len(text) > 100 or text.endswith((".", "!", "?", "。")):
        return False
    folded = fold(text)
    notes = tables()["closing_notes"]
    if any(folded.startswith(str(word)) for word in notes["contacts"]):
        return True
    names_office = re.search(r"\b[A-ZÀ-ÞА-ЯЁ]{3,}\b", text) or any(title in folded for title in all_words("speaker_titles"))
    return folded.rstrip().endswith((":", "：")) and any(folded.startswith(f"{word} ") for word in notes["about"]) \
        and bool(names_office)  # "À propos de l’UNICEF :", not a heading of the speech ("Sobre la paz:")


def _heads_another_statement(chunk: Chunk, body: list[Block]) -> bool:
    """True for a headline under two paragraphs of the speech that names another statement and who gives it
    ("秘书长国际和平日倒计时100天致辞", "Message of the Secretary-General on …"): a listing page goes on with it."""
    from toolkit.reader.detection import script_of
    from toolkit.reader.words import all_words, fold

    text = chunk.text
    paragraphs = [block for block in body if block.kind is BlockKind.PARAGRAPH]
    if chunk.single and paragraphs and len(text) <= 200 and not text.endswith(TERMINAL) \
            and _SPEECH_HEADING.match(fold(text)) and any(word in fold(text) for word in all_words("occasion_words")) \
            and script_of(text) == script_of(paragraphs[-1].text):
        return True  # "Message du Secrétaire général …, à l’occasion de la Journée …", "رسالة بمناسبة اليوم العالمي …"
    if not chunk.single or len(paragraphs) < 2 or len(text) > 100 or text.endswith(TERMINAL) \
            or not SPEAKER_LINE.search(text) or script_of(text) != script_of(paragraphs[-1].text):
        return False
    folded = fold(text)
    return is_title_word(text) or any(title in folded for title in all_words("speaker_titles") if len(title) > 2)


def _labels_next_section(chunks: list[Chunk], index: int, body: list[Block]) -> bool:
    """True for a site's section label under the speech with a headline and text under it ("الرسالة المصورة" /
    "العد التنازلي لمدة 100 يوم …"): the page's next item starts there."""
    from toolkit.reader.words import is_label

    chunk = chunks[index]
    if not chunk.single or sum(block.kind is BlockKind.PARAGRAPH for block in body) < 2 or not is_label(chunk.text) \
            or index + 2 >= len(chunks):
        return False
    heading, below = chunks[index + 1], chunks[index + 2]
    return heading.single and is_short_line(heading.text) and not SALUTATION.match(heading.text) \
        and below.text.endswith(TERMINAL) and len(below.text) > len(heading.text)


def is_greeting(text: str) -> bool:
    """True for a salutation line: "Mr. President,", "Excellencies,", "Дамы и господа!"."""
    text = text.lstrip("ˈʼ'`´")  # a stray accent mark a copy left in front ("ˈDear friends,")
    if len(text) > 80:
        return False
    if SALUTATION.match(text):
        return True
    # A Chinese address line: the names and offices of those addressed, ending in "、" (the list goes on),
    # or naming an honour in the list ("穆娜·侯赛因公主殿下,世界卫生大会主席凯瓦·贝恩阁下:", "…阁下、…").
    han = sum("\u3400" <= c <= "\u9fff" for c in text) >= 2
    return han and (text.endswith("、") or bool(_HAN_HONOUR.search(text)))


_HAN_HONOUR = re.compile(r"(?:阁下|閣下|殿下)[们們]?(?:[、:：,，]|$)")


Found = tuple[int, str, str]  # line, code, message


def read_body(chunks: list[Chunk]) -> tuple[list[Block], list[Found]]:
    """Read the body's blocks, leaving out web debris and printing a repeated paragraph once."""
    body: list[Block] = []
    findings: list[Found] = []
    dashed = [chunk.text[0] in "–—" for chunk in chunks] + [False]  # lines opening with a dash
    ones = [chunk.single and chunk.text.startswith("1. ") for chunk in chunks] + [False]
    previous: Chunk | None = None
    related = another = closing = False
    for index, chunk in enumerate(chunks):
        text = chunk.text
        if another or not related and (_heads_another_statement(chunk, body) or _labels_next_section(chunks, index, body)):
            # "秘书长国际和平日倒计时100天致辞" under a message: a listing page's next statement, to the end.
            findings.extend((number, "another-statement", f"{line[:60]!r} is the page's next statement (a listing); "
                                                          "left out") for number, line in chunk.lines)
            another = True
            continue
        if not related and not closing and chunk.single and _opens_closing_note(text, body):
            closing = True  # "Pour de plus amples informations :", "À propos de la Directrice générale de l’UNICEF :"
        if closing:
            findings.extend((number, *(debris(line) or ("closing-note", f"the release's contacts or 'About' note "
                                                                        f"{line[:60]!r}; left out")))
                            for number, line in chunk.lines)
            continue
        if related or (chunk.single and len(text) <= 120 and _is_related_marker(text)):
            # "【…】相關文章:", "Related articles": the page's list of other articles, to the end.
            findings.extend((number, "related-list", f"the page's list of related articles {line!r}; left out")
                            for number, line in chunk.lines)
            related = True
            continue
        neighbours = [other.text for other in chunks[max(index - 1, 0):index + 2] if other is not chunk]
        if chunk.single and (found := debris(text) or beside_credit(text, neighbours)):
            findings.append((chunk.line, *found))
            continue
        if chunk.single and _picture_text(text, body):
            findings.append((chunk.line, "caption-line", f"picture text {text[:60]!r} in Latin letters between the "
                                                         "paragraphs (a photo's alternative text?); left out"))
            continue
        if ones[index] and (index and ones[index - 1] or ones[index + 1]):
            # A web list copied as text numbers every item "1.": print it as a list.
            body.append(Block(BlockKind.LIST_ITEM, text[3:].strip(), chunk.line))
            if not (index and ones[index - 1]):
                findings.append((chunk.line, "numbered-list", "list whose every item is numbered '1.' "
                                                              "(copied from a web page); printed as a list"))
        elif BULLET.match(text) and (text[0] not in "–—" or index and dashed[index - 1] or dashed[index + 1]):
            # A dash starts a list item in a run of them; alone, it may start an attribution.
            body.append(Block(BlockKind.LIST_ITEM, BULLET.sub("", text), chunk.line))
        elif is_greeting(text) and body and body[-1].kind is BlockKind.PARAGRAPH and previous is not None \
                and is_greeting(previous.text) and chunk.line == previous.last + 1:
            # "Mr. President,\nExcellencies,": one greeting, as it was written.
            body[-1] = Block(BlockKind.PARAGRAPH, f"{body[-1].text} {text}", body[-1].line)
        elif ATTRIBUTION.match(text) and is_short_line(text) and chunk.single and body \
                and body[-1].kind in (BlockKind.PARAGRAPH, BlockKind.ATTRIBUTION):
            text = text.lstrip("—–― ")  # the release prints its own dash before an attribution
            if body[-1].kind is BlockKind.ATTRIBUTION:  # "— António Guterres" / "UN Secretary-General"
                body[-1] = Block(BlockKind.ATTRIBUTION, f"{body[-1].text}, {text}", body[-1].line)
            else:
                body.append(Block(BlockKind.ATTRIBUTION, text, chunk.line))
        elif is_short_line(text) and len(text.split()) <= 12 and not SALUTATION.match(text):
            body.append(Block(BlockKind.HEADING, text, chunk.line))
        else:
            body.append(Block(BlockKind.PARAGRAPH, text, chunk.line))
        previous = chunk
    if body and body[-1].kind is BlockKind.HEADING:  # a heading heads something; a last "Thank you" does not
        body[-1] = Block(BlockKind.PARAGRAPH, body[-1].text, body[-1].line)
    body, quote_findings = _pull_quotes(body)
    return body, findings + quote_findings


def _pull_quotes(body: list[Block]) -> tuple[list[Block], list[Found]]:
    """Print a repeated paragraph once in the body and once as a pull quote with its attribution.

    Of the copies, the one with an attribution line under it is the pull-quote box (else the
    later one). An attributed quotation that is not repeated is a pull quote too; any other
    attribution-like line is left out, as a caption.
    """
    attributed = {b.line for b, after in pairwise(body) if after.kind is BlockKind.ATTRIBUTION}
    copies: dict[str, list[Block]] = {}
    for block in body:
        if block.kind is BlockKind.PARAGRAPH and len(normalized(block.text)) > 40:
            copies.setdefault(normalized(block.text), []).append(block)
    quotes: dict[int, tuple[str, str]] = {}  # line of a pull quote -> the finding's code and message
    for blocks in copies.values():
        kept = next((b for b in blocks if b.line not in attributed), blocks[0])
        message = f"repeats the paragraph at line {kept.line} (a pull-quote box?); printed once, as a pull quote"
        quotes.update((b.line, ("duplicate-paragraph", message)) for b in blocks if b is not kept)
    for block in body:
        if block.line in attributed and block.line not in quotes \
                and block.text[:1] in QUOTES and block.text[-1:] in QUOTES:
            message = "quotation with an attribution line (a pull-quote box?); printed as a pull quote"
            quotes[block.line] = ("pull-quote", message)
    result: list[Block] = []
    findings: list[Found] = []
    for block in body:
        if block.line in quotes:
            findings.append((block.line, *quotes[block.line]))
            result.append(Block(BlockKind.PULL_QUOTE, block.text.strip(QUOTES + " "), block.line))
        elif block.kind is not BlockKind.ATTRIBUTION:
            result.append(block)
        elif result and result[-1].kind is BlockKind.PULL_QUOTE:
            findings.append((block.line, "caption-line",
                             f"caption-like line {block.text!r}; printed as the pull quote's attribution"))
            result.append(block)
        else:
            findings.append((block.line, "caption-line",
                             f"caption-like line {block.text!r} (a photo caption?); left out of the release"))
    return result, findings

"""Text a web copy corrupted: mojibake (repaired with ftfy, or refused) and injected romanisation.

Every repair is reported as a finding; a line that cannot be trusted stops the reader with an
error naming it, so corrupt text is never printed.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.reader.words import tables

# Pinyin a conversion site puts after each character: "農(nóng)民(mín)".
_ROMANISATION = re.compile(r"(?<=[\u3400-\u9fff])\s?[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}\d?\s*[)）]")
# Words an encoding could not hold, replaced by question marks: "??????? ?????".
_LOST = re.compile(r"\?{3,}(?:\s+\?{2,}){1,}|\ufffd")


# GBK bytes read as Latin-1: pairs of high Latin-1 characters ("Secr¨¦taire", "s¡¯ach¨¨ve").
_GBK_PAIR = re.compile(r"[\u00a1-\u00fe][\u00a1-\u00fe]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
_LOST_LETTER = re.compile(r"(?<![\w?])\?[a-zà-ÿ]{2,}|[a-zà-ÿ]\?[a-zà-ÿ]")


def _gbk(text: str) -> str | None:
    """Return a line of GBK text that was read as Latin-1, decoded; None when it is not one."""
    if len(_GBK_PAIR.findall(text)) < 2 or any(ord(c) > 255 for c in text):
        return None
    try:
        return text.encode("latin-1").decode("gbk")
    except UnicodeError:
        return None


@functools.cache
def _config():
    import ftfy

    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False,
                                unescape_html=False, normalization="NFC", fix_line_breaks=False,
                                remove_control_chars=False)


def repair_lines(path: Path, lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """Repair mojibake and strip romanisation; return the lines and (line, code, message) repairs.

    Raise StatementError naming the lines whose words were replaced by garbage.
    """
    import ftfy
    from ftfy.badness import is_bad

    repaired, repairs, broken = [], [], []
    gbk = tables()["gbk_mojibake"]
    for number, text in lines:
        fixed = text
        if not text.isascii():
            fixed, steps = ftfy.fix_and_explain(text, _config())
            if any(step[0] in ("encode", "decode", "transcode") for step in steps or ()):
                repairs.append((number, "mojibake", f"mojibake repaired (text decoded twice): {_excerpt(text)} "
                                                    f"reads {_excerpt(fixed)}"))
            elif fixed != text and not steps:
                fixed = text
            before = fixed
            if (decoded := _gbk(fixed)) is not None:
                fixed = decoded
                if _HAN.search(fixed) and _LATIN_WORD.search(fixed):
                    broken.append(number)  # letters decoded to Chinese characters: words replaced by garbage
                repairs.append((number, "mojibake", f"mojibake repaired (GBK text read as Latin-1): "
                                                    f"{_excerpt(before)} reads {_excerpt(fixed)}"))
            else:
                for bad, good in gbk.items():
                    fixed = fixed.replace(bad, good)
                if fixed != before:
                    repairs.append((number, "mojibake", f"mojibake repaired (Chinese punctuation read as Latin-1): "
                                                        f"{_excerpt(before)} reads {_excerpt(fixed)}"))
            if _LOST_LETTER.search(fixed):
                repairs.append((number, "lost-letters", "letters lost as '?' inside words (the page's encoding "
                                                        "could not hold them); correct them before publishing"))
            if is_bad(fixed):
                broken.append(number)
        if _LOST.search(fixed):
            broken.append(number)
        stripped = _ROMANISATION.sub("", fixed)
        if stripped != fixed:
            repairs.append((number, "romanisation", f"romanisation after the Chinese characters removed "
                                                    f"({len(_ROMANISATION.findall(fixed))} readings)"))
            fixed = stripped
        repaired.append((number, fixed))
    if broken:
        shown = ", ".join(map(str, sorted(set(broken))[:8]))
        raise StatementError(f"the text cannot be trusted: words are replaced by garbage on line(s) {shown}; "
                             "copy the statement again from the page (or save it as UTF-8)", path, broken[0])
    return repaired, repairs


def _excerpt(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")

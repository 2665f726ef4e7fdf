"""The lines above the body, scored: which is the title, the delivery note, the speaker, the date, the venue.

A web copy starts with whatever the page had above the speech: section labels, breadcrumbs,
banners, time stamps, a place line, the headline, a delivery note, the speaker over several
lines, a lead-in. Each of the first lines is first told apart by what it is (a date, a place,
a label, a delivery note, a speaker line); then the headline is the best-scoring of the lines
left, by position, length, letter case and ending, and the speaker line the best of its own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from toolkit.model import Block, BlockKind, Delivery, DeliveryKind
from toolkit.reader.dates import date_venue, dateline_place, find_date, find_day_month, is_timestamp, parse_date, strip_date, weekday_mismatch
from toolkit.reader.debris import SYMBOL, beside_credit, debris, photo_caption, site_suffix, venue_line
from toolkit.reader.detection import script_of
from toolkit.reader.delivery import delivery_kind, delivery_lead, trailing_delivery
from toolkit.reader.paragraphs import BULLET, QUOTES, TERMINAL, Chunk, is_greeting, normalized
from toolkit.reader.speakers import SALUTATION
from toolkit.reader.speakers import (
    SPEAKER_LINE, bare_speaker, is_lead_in, is_office_line, is_name, is_title_word, name_after_office, speaker_name,
    cut_at_office, han_name_in, name_in, strip_honorific,
)
from toolkit.reader.speakers import all_words_list, byline_name, han_name_after_office, is_arabic_name, is_honorific, name_after_honorific, name_with_office
from toolkit.reader.words import all_words, fold, is_label

# How far down the page the masthead may reach, in chunks (not counting those left out as site chrome).
_ZONE = 16


# A document symbol at the end of a document's header line: "A71/3", "A/HRC/39/2", "E/ICEF/2012/9".
_DOC_SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z]{1,8})*/?\d+(?:/[\w.\-]+)+$")

# A release label with its document symbols: "Communiqué de presse SG/SM/9642 GA/10315 |", "Press Release SG/SM/5978".
_LABELLED_SYMBOLS = re.compile(r"^(.{3,40}?)\s+((?:[A-Z]{1,8}/)+\d[\w.\-/]*)(?:\s+(?:[A-Z]{1,8}/)+\d[\w.\-/]*)*\s*\|?$")

# A place and the days of a session: "Beirut, 14-17 April 2003", "Genève, 3 – 5 juin 2019", "14–17 April 2003".
_DATE_RANGE = re.compile(r"^(?:([^\d,،]{2,40})[,،]\s*)?\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:de\s+)?[^\W\d]{3,12}\.?\s+(?:de\s+)?"
                         r"(?:19|20)\d\d\s*(?:г\.|года)?$")

# A bulletin's number under an information centre's banner: "No. 01/116", "Nº 2023/45".
_BULLETIN_NUMBER = re.compile(r"^(?:No|N°|Nº|№)\.?\s*\d{1,4}(?:[/-]\d{1,4})+$", re.I)


@dataclass(frozen=True)
class DateSeen:
    """A date the masthead gives, with where and how: the delivery line's outranks a time stamp."""

    date: datetime.date
    line: int
    rank: int  # 0 delivery, speaker or lead-in line, 1 date line, 2 dateline in the text, 3 posting date or stamp


@dataclass
class Masthead:
    """What the lines above the body say."""

    title: Block | None = None
    delivery: Delivery | None = None
    speaker: Block | None = None
    speaker_name: str | None = None
    venue: str | None = None
    symbol: str | None = None
    dates: list[DateSeen] = field(default_factory=list)
    findings: list[tuple[int, str, str]] = field(default_factory=list)
    body_start: int = 0  # index of the first body chunk
    undated: list[tuple[int, int, int, int]] = field(default_factory=list)  # (line, day, month, rank): no year
    delivered_by: str | None = None  # who a delivery line names: the speaker, unless another line names the author
    front: list[tuple[int, str]] = field(default_factory=list)  # (line, role) of every line used
    first: Chunk | None = None  # the body's first chunk when the masthead took the head of it (a one-line page)


@dataclass
class _Line:
    index: int
    chunk: Chunk
    role: str | None = None  # what the line was found to be


# A department or service named beside a date is the text's source, not a place.
_SOURCE_UNIT = re.compile(r"(?<!\w)(?:department|division|service|dept\.?|département|departamento|департамент|отдел"
                          r"|دائرة|إدارة|قسم)(?!\w)|[司处]$|部门", re.I)


def _is_place(text: str) -> bool:
    """True for a place line: "Genève", "United Nations Headquarters, New York", "بيروت , لبنان"."""
    # "Palais des Nations (Conference Room XIX), Geneva": a room in brackets does not change the place.
    parts = [fold(re.sub(r"\s*\([^()]{1,40}\)", "", part).strip(" .–—-")) for part in re.split(r"[,،]", text)]
    if not parts or not parts[0] or len(parts) > 3 or any(len(part.split()) > 6 for part in parts):
        return False
    return all(part in all_words("places") for part in parts if part) \
        or parts[0] in all_words("places") and not re.search(r"\d", text)


def _sure_role(masthead: Masthead, line: _Line) -> str | None:
    """Give a line the role it has by what it is, or None when only scoring can tell."""
    chunk, text = line.chunk, line.chunk.text
    labelled = re.match(r"^(.{1,24}?)\s*[|｜]\s*(\S.*)$", text) if chunk.single else None
    if labelled and masthead.speaker is None and is_label(labelled[1]) and (bare := bare_speaker(labelled[2])):
        masthead.speaker = Block(BlockKind.SPEAKER, labelled[2], chunk.line)  # "发言 | 安东尼奥·古特雷斯, 秘书长"
        masthead.speaker_name = masthead.speaker_name or _clean_name(bare[0])
        return "speaker"
    if chunk.single and (field := _field(text)):
        kind, value = field  # "Speaker: Jane Doe, Executive Director", "Lieu : Genève"
        if kind == "speaker" and masthead.speaker is None:
            masthead.speaker = Block(BlockKind.SPEAKER, value, chunk.line)
            bare = bare_speaker(value)
            masthead.speaker_name = masthead.speaker_name or _clean_name(bare[0] if bare else value.split(",")[0])
            return "speaker"
        if kind == "venue":
            masthead.venue = masthead.venue or value
            return "venue"
        if kind == "occasion":
            return "occasion"  # "Event: Launch of the global Human Development Report 2010"
        if kind == "date" and (date := find_date(value)):
            masthead.dates.append(DateSeen(date, chunk.line, 0))  # "Delivered on: 25 May 2015"
            return "date"
    if chunk.single and masthead.speaker is None and len(text) <= 200 and (name := byline_name(text)):
        masthead.speaker = Block(BlockKind.SPEAKER, text, chunk.line)  # "للدكتور شو دونيو، المدير العام …"
        masthead.speaker_name = masthead.speaker_name or name
        return "speaker"
    if chunk.single and (labelled := _LABELLED_SYMBOLS.match(text)) and is_label(labelled[1]) and masthead.symbol is None:
        masthead.symbol = labelled[2]  # "Communiqué de presse SG/SM/9642 GA/10315 |": the label and the symbols
        return "symbol"
    if chunk.single and (found := debris(text)):
        masthead.findings.append((chunk.line, *found))
        if (_posting_stamp(text, found[0]) or is_timestamp(re.split(r"[:：]\s*", text, maxsplit=1)[-1])) \
                and (date := find_date(text)):  # "2021-03-02 09:14:07", "最后更新: 2019-09-21 19:27:43"
            masthead.dates.append(DateSeen(date, chunk.line, 3))
        return "debris"
    if chunk.single and (found := delivery_kind(text)):
        if masthead.delivery is None:
            masthead.delivery = Delivery(found[0], text, chunk.line, found[1])
            return "delivery"
        masthead.findings.append((chunk.line, "repeated-delivery", f"second delivery note {text!r}; left out"))
        return "debris"
    if len(text) <= 300 and (lead := delivery_lead(text)):
        kind, rest = lead
        if masthead.delivery is None:
            masthead.delivery = Delivery(kind, text, chunk.line, None)
        if date := find_date(rest):
            masthead.dates.append(DateSeen(date, chunk.line, 0))
        name = strip_date(rest)
        if masthead.delivered_by is None and name:
            masthead.delivered_by = _clean_name(bare_speaker(name)[0] if bare_speaker(name) else name.split(",")[0])
        return "delivery"
    if chunk.single and (SYMBOL.match(text) or _BULLETIN_NUMBER.match(text)):
        if masthead.symbol:
            masthead.findings.append((chunk.line, "repeated-symbol", f"the symbol again {text!r}; left out"))
            return "debris"
        masthead.symbol = text
        return "symbol"
    if chunk.single and len(text) <= 60 and " " in text and _DOC_SYMBOL.match(text.split()[-1]) \
            and masthead.symbol is None and not find_date(text):
        masthead.symbol = text.split()[-1]  # "第七十一届世界卫生大会 A71/3": the body and the document's symbol
        return "symbol"
    if chunk.single and (place := venue_line(text)):
        masthead.venue = masthead.venue or place
        return "venue"
    date, place = date_venue(text) if chunk.single else (None, None)
    if date and not SPEAKER_LINE.search(text):
        posted = is_label(strip_date(text).strip(" :：|"))  # "2023年07月12日 切換語言:": the page's posting date
        masthead.dates.append(DateSeen(date, chunk.line, 3 if posted else 1))
        if wrong_day := weekday_mismatch(text, date):
            masthead.findings.append((chunk.line, "date-weekday", wrong_day))
        if place and _SOURCE_UNIT.search(place):
            place = None  # "دائرة شؤون اللاجئين -7/3/2019": the department that issued it, not where it was given
        masthead.venue = masthead.venue or place
        return "date"
    if chunk.single and len(text) <= 30 and (day_month := find_day_month(text)) and not re.search(r"\d{4}", text) \
            and not is_lead_in(text):
        masthead.undated.append((chunk.line, *day_month, 1))  # "18 تموز/يوليه": the year comes from elsewhere
        return "date"
    if chunk.single and (span := _DATE_RANGE.match(text)) and (not span[1] or _is_place(span[1])):
        masthead.venue = masthead.venue or (span[1] or "").strip(" ,،") or None  # "Beirut, 14-17 April 2003"
        return "venue" if span[1] else "date"  # a session's days: no one day of delivery
    if chunk.single and _is_place(text):
        masthead.venue = masthead.venue or text.strip(" ,.–—-")
        return "venue"
    if chunk.single and (month := re.match(r"^date\s*:?\s*(?:19|20)\d\d-[01]\d\s+(\S.*)$", text, re.I)):
        # " date 2022-10 Message du …": a scraper's year and month glued in front; the line is read without it.
        masthead.findings.append((chunk.line, "timestamp", f"time stamp {text[:month.start(1)].strip()!r} glued to "
                                                           "the line; left out"))
        line.chunk = Chunk(((chunk.line, month[1]),))
        return _sure_role(masthead, line)
    stamp = re.match(r"^(?:date\s*:?\s*)?((?:19|20)\d\d-\d\d-\d\d|(?:19|20)\d{6})\s+(\S.*)$", text, re.I)
    if stamp and (date := find_date(stamp[1]) or (parse_date(stamp[1]) if len(stamp[1]) == 8 else None)):
        masthead.dates.append(DateSeen(date, chunk.line, 3))  # "date 2020-10-01 Following is ...", "19970127 Il ..."
        text = stamp[2]
    if is_lead_in(text):
        masthead.findings.append((chunk.line, "lead-in", f"lead-in {_short(text)} (the release prints its own "
                                                         "speaker line); left out of the body"))
        if masthead.speaker_name is None:
            masthead.speaker_name = _clean_name(speaker_name(text) or name_after_office(text) or han_name_in(text)
                                                or han_name_after_office(text) or "")
        masthead.venue = masthead.venue or _place_in(text) or dateline_place(text)
        # A lead-in says when the text was delivered ("... prononcée ... le 24 janvier 1997 :"): it
        # outranks a release date above it.
        if (day_month := find_day_month(text)) and not find_date(text):
            masthead.undated.append((chunk.line, *day_month, 0))
        elif date := find_date(text):
            masthead.dates.append(DateSeen(date, chunk.line, 0))
        return "lead-in"
    if chunk.single and (found := photo_caption(text)):
        masthead.findings.append((chunk.line, *found))
        return "debris"
    if stamp:
        masthead.findings.append((chunk.line, "timestamp", f"time stamp glued to {_short(text)}; left out"))
        return "debris"
    return None


def _field(text: str) -> tuple[str, str] | None:
    """Return the kind and value of a "Label: value" header field ("Speaker: Jane Doe", "Lieu : Genève"), or None."""
    from toolkit.reader.words import tables

    match = re.match(r"^([^:：]{2,24}?)\s*[:：]\s*(\S.{1,150})$", text)
    if not match:
        return None
    label = fold(match[1])
    for kind, languages in tables()["field_labels"].items():
        if any(label == fold(str(word)) for words in languages.values() for word in words):
            return kind, match[2].strip()
    return None


def _field_label(text: str) -> str | None:
    """Return the kind of a header field whose label is alone on its line ("Delivered by", "أدلى/ت به", "Location")."""
    from toolkit.reader.words import tables

    label = fold(text).strip(" :：")
    return next((kind for kind, languages in tables()["field_labels"].items()
                 if any(label == fold(str(word)) for words in languages.values() for word in words)), None)


def _posting_stamp(text: str, code: str) -> bool:
    """True for a left-out line that dates the page: a time stamp, "Release Date: 12 September 2000"."""
    return is_timestamp(text) or code == "label-line" and len(text) <= 80  # not a site notice's capture time


def _give_years(masthead: Masthead) -> None:
    """Date a day and month printed without a year with the year another line of the masthead gives."""
    years = [seen.date.year for seen in masthead.dates]
    for block in (masthead.title, masthead.speaker):
        if not years and block and (found := re.search(r"(?<!\d)(19|20)\d\d(?!\d)", block.text)):
            years = [int(found[0])]  # "رسالة الأمين العام — 2022"
    for line, day, month, rank in masthead.undated:
        if years:
            try:
                masthead.dates.append(DateSeen(datetime.date(years[0], month, day), line, rank))
            except ValueError:
                pass


# An office named for its place: "Director-General of the United Nations Office at Geneva" says where the
# office is, not where the speech was given.
_OFFICE_AT = re.compile(r"(?:office|bureau|oficina|отделени[еяю]|مكتب)\b[^,;()]{0,40}?"
                        r"\s(?:at|in|à|en|в|في)(?:\s+the)?\s*$")


def _place_in(text: str) -> str | None:
    """Return the first known place a lead-in names ("… held at the Palais des Nations on …"), as written."""
    folded = fold(text)
    found = [(match.start(), place) for place in all_words("places")
             for match in re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", folded)
             if not _OFFICE_AT.search(folded[:match.start()])]
    if not found:
        return None
    index, place = min(found, key=lambda pair: (pair[0], -len(pair[1])))
    if fold(text[index:index + len(place)]) != place:
        return None
    # "… at the Grand Théâtre de Genève on …": the hall's name before its city belongs to the venue.
    hall = re.search(r"(?:\bat|\bà|\bau|\ben|\bin)\s+(?:the\s+|le\s+|la\s+|l’|l')?"
                     r"((?:[A-ZÀ-Þ][\w’'-]*\s+)+(?:(?:de|du|des|of|de la)\s+)?)$", text[:index])
    if hall and not re.search(r"\b(?:office|bureau|oficina)\b", hall[1], re.I):
        return text[hall.start(1):index + len(place)]
    return text[index:index + len(place)]


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


_SPEECH_NOUN = re.compile(
    r"\b(?:statement|remarks|address|message|speech|briefing|discours|allocution|déclaration|intervention"
    r"|mensaje|discurso|palabras|declaración|послание|выступление|заявление|обращение|كلمة|رسالة|بيان|خطاب)\b"
    r"|致辞|讲话|发言|献词|致辭|講話|發言")


def _title_score(line: _Line, position: int, lines: list[_Line], script: str | None = None) -> float:
    """Score how much a line looks like the headline: position, length, case, ending, neighbours, repetition,
    script."""
    text = _undated(line.chunk.text)[0]
    score = 3.0 - 0.6 * position
    han = sum("\u3400" <= c <= "\u9fff" for c in text)
    width = len(text) + han  # a Chinese character is two
    if 12 <= width <= 180 or han >= 4 and width <= 180 and _SPEECH_NOUN.search(text):
        score += 1  # "当选致辞": four characters make a headline when they name the speech
    score += _not_a_headline(text, script)
    if len(text) < 3 or len(text) > 250 or len(line.chunk.lines) > 3:
        score -= 4
    after_line = next((other for other in lines if other.index == line.index + 1), None)
    wrapped = text.endswith((",", "،")) and after_line is not None and after_line.role is None \
        and after_line.chunk.line == line.chunk.last + 1  # a headline wrapped after a comma
    if text.endswith((".", ",", ";", ":", "：", "。", "،", "؛")) and not text.endswith(("...", "…")) and not wrapped:
        score -= 3
    letters = [c for c in text if c.isalpha()]
    if letters and (text.istitle() or sum(w[:1].isupper() for w in text.split()) * 2 > len(text.split())):
        score += 0.5
    if letters and text.isupper() and len(text) > 15:
        score += 1
        if _capitals_below(line, lines):
            score += 1.5  # a headline in capitals wrapped over several lines
    after = next((other for other in lines if other.index == line.index + 1), None)
    while after is not None and after.role is None and after.chunk.line == _last(lines, after.index - 1) + 1:
        after = next((other for other in lines if other.index == after.index + 1), None)  # a wrapped headline
    later = [other for other in lines if other.index > line.index + 1 and other.role is None]
    if after is not None and (after.role in ("delivery", "date", "teaser", "venue") or SPEAKER_LINE.search(after.chunk.text)):
        score += 1  # a headline sits above its delivery note, date, venue, speaker line or standfirst
    repeated = any(abs(other.index - line.index) > 1 and normalized(other.chunk.text) == normalized(text)
                   for other in lines)
    before_line = next((other for other in lines if other.index == line.index - 1), None)
    echo = any(other is not None and normalized(other.chunk.text) == normalized(text) for other in (after_line, before_line))
    if echo:  # the same line twice in a row: a banner, unless it says it is the speech ("Mensaje de …" twice)
        score -= 1 if _names_speech_and_speaker(line) else 3 if _SPEECH_NOUN.search(f" {fold(text)} ") else 6
    if _shortened(text, lines):
        score -= 3  # the headline cut short: the page's asset title or breadcrumb
    if repeated:
        score += 1.5  # the page prints its headline twice (an echo on the next line is a banner)
    elif after is not None and after.role == "debris" and later:
        score -= 2.5  # site chrome: a tagline above a label, with the page's own lines below
    folded = f" {fold(text)} "
    if _SPEECH_NOUN.search(folded):
        score += 1  # the headline names the kind of speech: "Closing Statement", "Mensaje", "致辞"
    if (_SPEECH_NOUN.match(fold(text)) or re.search(rf"(?:{_SPEECH_NOUN.pattern})\W*$", fold(text))) \
            and not _names_someone(text):
        score += 1.5  # it says what it is and no more: "当选致辞", "Opening remarks at the Ocean Conference"
    if width <= 45 and _names_meeting(folded) and not _SPEECH_NOUN.search(folded) and not _names_someone(text) \
            and after_line is not None and after_line.role is None and _names_speech_and_speaker(after_line):
        score -= 2.5  # the meeting's or section's name above the headline that names the speech and its speaker
    if any(f" {title} " in folded for title in all_words("speaker_titles") if " " in title or len(title) > 8):
        score += 0.5  # it names the office that speaks
    if is_greeting(text):
        score -= 6
    if SPEAKER_LINE.search(text) and (len(text) > 12 or _names_someone(text)):
        score -= 1.5  # "Statement by H.E. Mr. X": the speaker line under a headline
    elif position > 0 and _opens_with_office_and_name(text):
        score -= 1  # "Президент Группы … Джим Ен Ким Программная речь на …" under the headline: the speaker line
    if bare_speaker(text) or is_name(text) or _is_office(text) or _office_and_name(text):
        score -= 4
        if (bare_speaker(text) or _is_office(text) and len(text.split()) <= 8) and not _SPEECH_NOUN.search(f" {fold(text)} "):
            score -= 2  # "S.E. M. Ban Ki-moon, Secrétaire général", "Secretary-General of the United Nations": who speaks, not what
    return score


def _opens_with_office_and_name(text: str) -> bool:
    """True for a line that opens with an office and the name after it ("Президент Группы организаций Всемирного
    банка Джим Ен Ким …", "Executive Director Jane Doe …"): a speaker line, when a line above may be the headline."""
    name = name_after_office(text)
    folded = fold(text)
    return bool(name) and not _ARABIC_OR_HAN.search(text) and any(folded.startswith(title + " ")
                                                                  for title in all_words("speaker_titles"))


_ARABIC_OR_HAN = re.compile(r"[\u0600-\u06ff\u3400-\u9fff]")


def _office_and_name(text: str) -> bool:
    """True for a line that is an office and a name and nothing else ("المدير العام شو دونيو", "Director-General
    Jane Doe"): a speaker or the site's section for that person, never a headline."""
    name = name_after_office(text)
    return bool(name) and len(text) <= 80 and text.strip().endswith(name) and is_title_word(text.strip())


def _names_meeting(folded: str) -> bool:
    """True for a line that names a meeting or a body ("第66届会议一般性辩论", "الاجتماع غير الرسمي للجمعية العامة")."""
    return any(word in folded for word in all_words("meeting_words"))


def _names_speech_and_speaker(line: _Line) -> bool:
    """True for a headline that says what the text is and who gives it ("رسالة الأمين العام — 2022")."""
    text = line.chunk.text
    return len(text) <= 250 and bool(_SPEECH_NOUN.search(f" {fold(text)} ")) and _names_someone(text)


def _shortened(text: str, lines: list[_Line]) -> bool:
    """True for a headline cut short with "…" (an asset title, a breadcrumb) when the masthead has it whole."""
    if not text.rstrip().endswith(("…", "...")):
        return False
    own = normalized(text.rstrip(" .…"))
    return len(own.split()) >= 2 and any(
        other.role is None and len(normalized(other.chunk.text)) > len(own)
        and normalized(other.chunk.text).startswith(own) for other in lines)


def _names_someone(text: str) -> bool:
    """True when a line names a person or an office ("秘书长", "Secretary-General")."""
    folded = fold(text)
    return bool(name_after_office(text) or han_name_in(text)) or any(title in folded for title in all_words("speaker_titles"))


def _not_a_headline(text: str, script: str | None) -> float:
    """Return the penalty for a line that is not a headline by what it is, whatever its place."""
    penalty = 0.0
    if script and script_of(text) not in (None, script):
        penalty -= 4  # another script than the text's: an English asset title on a Chinese page
    if BULLET.match(text):
        penalty -= 4  # a list item: a share button, a photo credit, a subtitle bullet
    if (site := re.match(r"^(.{3,40}?)\s+[-–—|]\s+\S", text)) and is_label(site[1]):
        penalty -= 4  # "Naciones Unidas - Centro de Información, México": the site's name and section, a banner
    if text.startswith(("—", "――", "─")):
        penalty -= 3  # "——秘书长潘基文在大会……的讲话": the byline under the headline
    if _venue_like(text):
        penalty -= 4  # "Nations Unies, New York": a venue line, what ends it is a known place
    return penalty


def _venue_like(text: str) -> bool:
    """True for a short line whose last part after a comma is a known place: "Nations Unies, New York"."""
    parts = re.split(r"\s*[,،]\s*", text)
    return 2 <= len(parts) <= 3 and len(text.split()) <= 8 and fold(parts[-1].strip(" .")) in all_words("places") \
        and not _SPEECH_NOUN.search(f" {fold(text)} ")


def read_masthead(chunks: list[Chunk]) -> Masthead:
    """Score the first chunks of a statement and assign title, delivery note, speaker, date, venue."""
    masthead = Masthead()
    lines: list[_Line] = []
    split_date: set[int] = set()  # chunks of a date printed over several lines: "09" / "آب/أغسطس" / "2018"
    script = _body_script(chunks, 0)  # a line in another script above the text is no headline (spam, a site name)
    speaker_lines: set[int] = set()  # chunks of a speaker printed over several lines under an honorific
    menu = _navigation_menu(chunks)
    label_values: set[int] = set()  # chunks that are the value of a field label on the line above
    for index, chunk in enumerate(chunks):
        if sum(line.role != "debris" for line in lines) >= _ZONE:
            break  # site chrome left out does not use up the masthead's lines
        line = _Line(index, chunk)
        if chunk.single and len(chunk.text) <= 40 and lines and lines[-1].role == "debris" \
                and lines[-1].chunk.text.rstrip().endswith((":", "：")) and len(lines[-1].chunk.text) <= 20 \
                and lines[-1].chunk.line in {number for number, code, *_ in masthead.findings if code == "label-line"} \
                and not chunk.text.endswith((".", ":", "：")):
            # "Autor:" / "Juventud Rebelde": the value printed under a field label of its own.
            masthead.findings.append((chunk.line, "label-line", f"{_short(chunk.text)} is the value of the label "
                                                                f"{_short(lines[-1].chunk.text)} above it; left out"))
            line.role = "debris"
            lines.append(line)
            continue
        if chunk.single and index + 1 < len(chunks) and chunks[index + 1].single \
                and not chunk.text.rstrip().endswith((":", "：")) and len(chunks[index + 1].text) <= 150 \
                and (kind := _field_label(chunk.text)) in ("speaker", "venue"):
            # "أدلى/ت به" / "فولكر تورك، مفوّض الأمم المتّحدة السامي لحقوق الإنسان", "Location" / "Geneva":
            # the label on its line, its value on the next
            value = chunks[index + 1].text
            masthead.findings.append((chunk.line, "label-line", f"field label {_short(chunk.text)} with its value on "
                                                                "the next line; left out"))
            line.role = "debris"
            lines.append(line)
            value_line = _Line(index + 1, chunks[index + 1], kind)
            if kind == "speaker" and masthead.speaker is None:
                masthead.speaker = Block(BlockKind.SPEAKER, value, chunks[index + 1].line)
                bare = bare_speaker(value)
                masthead.speaker_name = masthead.speaker_name or _clean_name(bare[0] if bare else re.split(r"[,،]", value)[0])
            elif kind == "venue":
                masthead.venue = masthead.venue or value
            label_values.add(index + 1)
            lines.append(value_line)
            continue
        if index in label_values:
            continue
        if index in menu:
            masthead.findings.append((chunk.line, "breadcrumb", f"navigation menu {_short(chunk.text)} (the site's "
                                                                "sections above the headline); left out"))
            line.role = "debris"
            lines.append(line)
            continue
        if index in split_date:
            line.role = "date"
            lines.append(line)
            continue
        if (run := _date_over_lines(chunks, index)) is not None:
            date, numbers = run
            masthead.dates.append(DateSeen(date, chunk.line, 1))
            split_date.update(range(index + 1, index + numbers))
            line.role = "date"
            lines.append(line)
            continue
        if index in speaker_lines:
            line.role = "speaker"
            lines.append(line)
            continue
        if masthead.speaker is None and (size := _honorific_block(chunks, index)):
            run = chunks[index:index + size]
            masthead.speaker = Block(BlockKind.SPEAKER, ", ".join([f"{run[0].text} {run[1].text}"]
                                                                  + [c.text for c in run[2:]]), chunk.line)
            masthead.speaker_name = masthead.speaker_name or _clean_name(run[1].text)
            speaker_lines.update(range(index + 1, index + size))
            if lines and lines[-1].role is None and lines[-1].chunk.single and _is_office(lines[-1].chunk.text) \
                    and lines[-1].chunk.last + 1 == chunk.line:
                lines[-1].role = "speaker"  # "Secrétaire général des Nations Unies" over "Son Excellence" / "António …"
            line.role = "speaker"
            lines.append(line)
            continue
        if chunk.single and index + 1 < len(chunks) and (below := chunks[index + 1].text.strip()) \
                and chunk.text.endswith(below) and re.fullmatch(r".{1,12}[:：]\s*", chunk.text[:-len(below)]):
            # "第一篇:世界环境日致辞" over "世界环境日致辞": the site's item label glued to the headline below.
            masthead.findings.append((chunk.line, "repeated-title", f"{_short(chunk.text)} is the next line with the "
                                                                    "site's item label; left out"))
            line.role = "debris"
            lines.append(line)
            continue
        if masthead.speaker is None and _office_over_name(chunks, index):
            office, name = chunk.text, chunks[index + 1].text
            masthead.speaker = Block(BlockKind.SPEAKER, f"{name}, {office}", chunk.line)
            masthead.speaker_name = masthead.speaker_name or _clean_name(name)
            speaker_lines.add(index + 1)
            line.role = "speaker"
            lines.append(line)
            continue
        neighbours = [other.text for other in chunks[max(index - 1, 0):index + 2] if other is not chunk]
        if chunk.single and (found := beside_credit(chunk.text, neighbours)):
            masthead.findings.append((chunk.line, *found))
            line.role = "debris"
            lines.append(line)
            continue
        line.role = _sure_role(masthead, line)
        if line.role is None and lines and chunk.single and re.fullmatch(r"[(（][^()（）]{3,100}[)）]", chunk.text.strip()) \
                and len(chunk.text.split()) >= 2:
            # "(Versiones Taquigráficas – Consejo de Estado)" above the text: where the page took the text from
            masthead.findings.append((chunk.line, "label-line", f"note {_short(chunk.text)} in brackets above the text "
                                                                "(the page's source); left out"))
            line.role = "debris"
            lines.append(line)
            continue
        if line.role is None and lines and chunk.single and BULLET.match(chunk.text) \
                and BULLET.sub("", chunk.text)[:1] in QUOTES and len(chunk.text) <= 400 and index + 1 < len(chunks) \
                and not BULLET.match(chunks[index + 1].text):
            # '• "À travers ses agences, fonds et programmes, l’ONU …"' under the date: the page's quotation
            # from the speech in a box, not its start
            masthead.findings.append((chunk.line, "teaser", f"quotation {_short(chunk.text)} in a box above the "
                                                            "text; left out (the text prints it in its place)"))
            line.role = "teaser"
            lines.append(line)
            continue
        if line.role == "lead-in" and chunk.text.rstrip().endswith((":", "：")) and index + 1 < len(chunks) \
                and _is_body(chunks[index + 1]) and not is_lead_in(chunks[index + 1].text):
            lines.append(line)
            break  # "…, the full text of his message reads:": the text follows
        if line.role is None and index < 4 and chunk.single and photo_caption(chunk.text, ended=False) \
                and _headline_below(chunks, index):
            # "Генеральный секретарь выступает в зале Генеральной Ассамблеи" over "Послание Генерального
            # секретаря": what the picture shows, above the headline that says what the text is.
            masthead.findings.append((chunk.line, "caption-line", f"photo caption {_short(chunk.text)} above the "
                                                                  "headline; left out of the release"))
            line.role = "debris"
            lines.append(line)
            continue
        if line.role is None and index < 3 and not lines and _news_lead(chunks, index):
            masthead.findings.append((chunk.line, "lead-in", f"lead-in {_short(chunk.text)} (a news item's opening, "
                                                             "the text below in quotation marks); left out of the body"))
            masthead.speaker_name = masthead.speaker_name or _clean_name(name_after_office(chunk.text)
                                                                         or name_after_honorific(chunk.text) or "")
            line.role = "lead-in"
            lines.append(line)
            continue
        if line.role is None and _standfirst(chunks, index, lines):
            # "يشيد المفوض العام للأونروا بيير كرينبول بقيام الوكالة …" over "السيد الرئيس،": the editors'
            # summary, naming the speaker after the office in the third person, above the salutation.
            masthead.findings.append((chunk.line, "lead-in", f"standfirst {_short(chunk.text)} (the page's summary "
                                                             "of the speech); left out of the body"))
            masthead.speaker_name = masthead.speaker_name or _clean_name(name_after_office(chunk.text) or "")
            line.role = "lead-in"
            lines.append(line)
            continue
        if line.role is None and _is_body(chunk) and not (SPEAKER_LINE.search(chunk.text) and len(chunk.text) <= 400):
            if index < 3 and _quoted_below(chunks, index):
                # The page's pull quote above the text: the same sentences open a paragraph of it just below.
                masthead.findings.append((chunk.line, "teaser", f"teaser {_short(chunk.text)} repeats the text below; "
                                                                "left out (the text prints it in its place)"))
                line.role = "teaser"
                lines.append(line)
                continue
            if _dated_below(chunks, index) and not masthead.dates and index < 6:
                # A quotation from the text shown above the date line (a teaser), not the speech's start.
                masthead.findings.append((chunk.line, "teaser", f"teaser {_short(chunk.text)} above the date line; "
                                                                "left out (the text prints it in its place)"))
                line.role = "teaser"
                lines.append(line)
                continue
            if index < 3 and not any(other.role is None and script_of(other.chunk.text) in (None, script)
                                     for other in lines) and _headline_below(chunks, index):
                # A photo caption or teaser above a headline that says what the text is ("رسالة الأمين العام").
                masthead.findings.append((chunk.line, "masthead-line", f"line {_short(chunk.text)} above the headline "
                                                                       "reads as a photo caption or teaser; left out"))
                line.role = "teaser"
                lines.append(line)
                continue
            if size := _lead_in_paragraphs(chunks, index):
                # "古特雷斯表示,……" / "古特雷斯感谢……" / "以下是致辞全文:": a news item's paragraphs about the text,
                # then the line that says the text follows.
                for chunk in chunks[index:index + size]:
                    masthead.findings.append((chunk.line, "lead-in", f"lead-in {_short(chunk.text)} (the news item "
                                                                     "above the line that says the text follows); left out"))
                    masthead.speaker_name = masthead.speaker_name or _clean_name(
                        name_after_office(chunk.text) or han_name_in(chunk.text) or han_name_after_office(chunk.text) or "")
                line.role = "lead-in"
                lines.append(line)
                for extra in range(index + 1, index + size):
                    lines.append(_Line(extra, chunks[extra], "lead-in"))
                break  # the text follows the line that says so
            break  # the speech itself
        lines.append(line)
    _truncated_copies(masthead, lines)
    _joined_banners(masthead, lines)
    candidates = [line for line in lines if line.role is None]
    _assign_title(masthead, candidates, lines, _body_script(chunks, len(lines)))
    _repeated_title(masthead, lines)
    _assign_speaker(masthead, candidates, chunks)
    _extend(masthead, candidates, chunks)
    _wrapped_onto_date(masthead, lines)
    own = next((line.chunk.text for line in lines if masthead.speaker and line.chunk.line == masthead.speaker.line), "")
    if masthead.title is None and len(own) <= 250 and _SPEECH_NOUN.match(fold(own)) and name_after_honorific(own):
        # "Déclaration de Mme Ugochi Daniels, Directrice générale adjointe …, au Sommet de l’avenir": no other
        # headline; the line that names the statement and its speaker (after an honorific) is both.
        masthead.title = Block(BlockKind.TITLE, own, masthead.speaker.line)
    _assign_venue(masthead, candidates, lines)
    # The body starts after the last line the masthead used; what it did not place above that
    # line is reported and left out.
    used = [line.index for line in lines if line.role is not None]
    masthead.body_start = _past_leading_list(lines, max(used) + 1 if used else 0, chunks)
    if used:
        masthead.body_start = _past_captions(masthead, chunks, masthead.body_start)
        masthead.body_start = _past_pull_quote(masthead, chunks, masthead.body_start)
        while masthead.body_start < len(lines) and lines[masthead.body_start].role is None \
                and _office_without_name(lines[masthead.body_start].chunk):
            masthead.body_start += 1  # "DG UNESCO" / "Directrice Générale UNESCO" under the title: no one's name
    if masthead.body_start >= len(chunks) and masthead.title is not None and len(masthead.title.text) > 150:
        # Nothing is left for the body: the "title" was the text itself (a page pasted as one line).
        index = next(line.index for line in lines if line.chunk.line == masthead.title.line)
        masthead.title, masthead.body_start = None, index
        for line in lines:
            if line.index >= index and line.role in ("title", "speaker"):
                line.role = None
        masthead.speaker = masthead.speaker if masthead.speaker and masthead.speaker.line < lines[index].chunk.line \
            else None
        if masthead.speaker is None:
            masthead.speaker_name = None  # it came from the "title", which was the text itself
    if masthead.title is None and masthead.body_start < len(chunks) and len(chunks[masthead.body_start].text) > 400:
        _run_in_header(masthead, chunks[masthead.body_start])
    for line in candidates:
        if line.role is None and line.index < masthead.body_start:
            where = "above the title" if masthead.title is None or line.chunk.line < masthead.title.line \
                else "between the title and the text"
            for number, text in line.chunk.lines:  # each line of a chunk of several, so none is left out silently
                masthead.findings.append((number, "masthead-line", f"line {_short(text)} {where} is not part of "
                                                                   "the speech (a banner, a subtitle?); left out"))
    _give_years(masthead)
    _raw_stamps(masthead, lines)
    masthead.front = [(number, line.role) for line in lines if line.role not in (None, "debris", "teaser")
                      for number, _ in line.chunk.lines]
    if masthead.title is None and masthead.body_start == 0:
        _run_together(masthead, chunks)
    return masthead


def _run_together(masthead: Masthead, chunks: list[Chunk]) -> None:
    """Read the header of a page pasted as one line: a headline in capitals, the speaker, place and date,
    then the speech from its salutation ("DISCURSO … 28 de agosto de 2012 Excelentísimo Señor …")."""
    first = chunks[0]
    text = first.text
    # The headline's words in capitals, a year among them ("MENSAJE DEL SECRETARIO GENERAL DE 2013 Queridos …").
    caps = re.match(r"^(?:(?:[^\W\d_a-zà-ÿ]{2,}|(?:19|20)\d\d)[\s,:–-]+){2,}(?=\S*[a-zà-ÿ])", text)
    if not first.single or len(text) < 300 or not caps or len(caps[0]) < 12:
        return
    for match in re.finditer(r"(?<=\s)\S", text[:600]):
        start = match.start()
        if start >= len(caps[0]) and SALUTATION.match(text[start:]):
            break
    else:
        return
    head, rest = text[len(caps[0]):start].strip(), text[start:]
    if re.search(r"[.!?]\s", head):
        return  # the line opens with sentences: it is the speech itself
    masthead.title = Block(BlockKind.TITLE, caps[0].strip(" ,:–-"), first.line)
    if date := find_date(head):
        masthead.dates.append(DateSeen(date, first.line, 1))
    masthead.venue = masthead.venue or _place_in(head)
    name = name_in(head)  # the name read when the whole line passed for the title no longer counts
    masthead.speaker_name = _clean_name(name) if name else None
    masthead.findings.append((first.line, "run-together", f"line {first.line} runs the header and the speech "
                                                          f"together: read {_short(text[:start].strip())} as the "
                                                          f"header, the speech from {_short(rest[:40])}"))
    masthead.front.append((first.line, "title"))
    masthead.first = Chunk(((first.line, rest),))


def _past_captions(masthead: Masthead, chunks: list[Chunk], start: int) -> int:
    """Return where the speech starts past photo captions between the masthead and the salutation.

    A speech that has a salutation opens with it; one or two one-line sentences above it that
    name a person in the third person ("X delivers his opening statement ...") are the page's
    photo and its caption. They are reported, not printed.
    """
    for count in (1, 2):
        if start + count >= len(chunks) or not is_greeting(chunks[start + count].text):
            continue
        above = chunks[start:start + count]
        if all(c.single and len(c.text) <= 250 and c.text.endswith(".") and name_in(c.text)
               and not _first_person(c.text) for c in above):
            for chunk in above:
                masthead.findings.append((chunk.line, "masthead-line",
                                          f"line {_short(chunk.text)} above the salutation (line "
                                          f"{chunks[start + count].line}) reads as a photo caption; left out"))
            return start + count
    return start


def _office_without_name(chunk: Chunk) -> bool:
    """True for a short line that is an office or an organisation's letters and names no one ("DG UNESCO",
    "Directrice Générale UNESCO"): the site's byline block, not the speech."""
    text = chunk.text
    if not chunk.single or len(text) > 60 or re.search(r"[.,;:!?]$", text) or name_after_office(text):
        return False
    tokens = text.split()
    if SALUTATION.match(text) or not 1 <= len(tokens) <= 6:
        return False
    letters = all(token.casefold() in all_words_list("not_names") and token.isupper() for token in tokens)
    return letters and len(tokens) >= 2 or _is_office(re.sub(r"\s+[A-ZА-Я]{2,}$", "", text)) and text.split()[-1].isupper()


def _past_pull_quote(masthead: Masthead, chunks: list[Chunk], start: int) -> int:
    """Return where the speech starts past a pull quote printed twice under the masthead (once as text, once in
    quotation marks in its box): a speech does not open by saying the same sentence twice."""
    if start + 1 >= len(chunks):
        return start
    first, second = chunks[start], chunks[start + 1]
    same = normalized(first.text.strip(QUOTES + " ")) == normalized(second.text.strip(QUOTES + " "))
    if not same or len(normalized(first.text)) <= 40 or len(first.text) > 400 or is_greeting(first.text):
        return start
    for chunk in (first, second):
        masthead.findings.append((chunk.line, "pull-quote", f"{_short(chunk.text)} is a pull quote printed twice "
                                                            "above the text; left out (the text prints it in its place)"))
    return start + 2


def _standfirst(chunks: list[Chunk], index: int, lines: list[_Line]) -> bool:
    """True for the page's summary of the speech under the headline: one paragraph that names the speaker after
    the office, with no first person, and the salutation right under it."""
    text = chunks[index].text
    return index < 8 and index + 1 < len(chunks) and len(text) <= 600 \
        and is_greeting(chunks[index + 1].text) and not is_greeting(text) and not SALUTATION.match(text) \
        and not _first_person(_unquoted(text)) \
        and not SPEAKER_LINE.search(text) and not bare_speaker(text) and len(text.split()) >= 8 \
        and (bool(name_after_office(text)) or index > 0 and len(text.split()) >= 12 and text.endswith(".")
             and _names_someone(text))


def _unquoted(text: str) -> str:
    """Return a line without what it quotes: a summary quoting the speech ("un discurso titulado "Ahora es nuestro
    momento"") speaks in the third person all the same."""
    return re.sub(r"[\"“«„][^\"”»“]{0,200}[\"”»]", " ", text)


def _first_person(text: str) -> bool:
    """True for a sentence in which the speaker speaks ("I thank Ana Pérez for her words.")."""
    found = all_words("first_person")
    return any(word in found for word in re.findall(r"[\w’']+", fold(text))) \
        or any(word in text for word in found if "\u3400" <= word[0] <= "\u9fff")


def _past_leading_list(lines: list[_Line], start: int, chunks: list[Chunk]) -> int:
    """Return where the body starts past short bullet items under the masthead (share buttons, photo credits):
    a speech does not open with a list."""
    index = start
    while index < len(lines) and lines[index].role is None and BULLET.match(lines[index].chunk.text) \
            and len(lines[index].chunk.text) <= 80:
        index += 1
    later = chunks[index] if index < len(chunks) else None
    return index if index > start and later is not None and not BULLET.match(later.text) else start


def _truncated_copies(masthead: Masthead, lines: list[_Line]) -> None:
    """A line cut short with "…" that starts another line (a breadcrumb, a player's title) is a copy: left out."""
    for line in lines:
        text = line.chunk.text
        stem = normalized(text.rstrip(".… "))
        if line.role is not None or not text.endswith(("…", "...")) or len(stem) < 12:
            continue
        whole = next((other for other in lines if other is not line and len(normalized(other.chunk.text)) > len(stem)
                      and normalized(other.chunk.text).startswith(stem)), None)
        if whole is not None:
            masthead.findings.append((line.chunk.line, "truncated-title", f"{_short(text)} is line "
                                      f"{whole.chunk.line} cut short (the page's breadcrumb or player title); left out"))
            line.role = "debris"


def _navigation_menu(chunks: list[Chunk]) -> set[int]:
    """Return the chunks of a site's navigation menu at the top of the page: its headings printed twice in a row
    ("Structure" / "Structure", one copy glued to its blurb), its items after dashes ("- Directrice générale"),
    dashes alone. The menu runs from the top to the last such line; at least six of them make one."""
    marks = []
    for index, chunk in enumerate(chunks[:60]):
        text = chunk.text.strip()
        nxt = chunks[index + 1].text.strip() if index + 1 < len(chunks) else ""
        prev = chunks[index - 1].text.strip() if index else ""
        dashed = len(text) <= 80 and (text in ("-", "–") or re.match(r"^[-–]\s\S", text) and not text.endswith((".", ";")))
        twice = chunk.single and len(text) <= 40 and not re.search(r"[.!?;:]$", text) \
            and (nxt == text or prev == text or nxt.startswith(text) and len(nxt) > len(text) and nxt[len(text)].isupper())
        if dashed or twice:
            marks.append(index)
    if len(marks) < 6 or marks[0] > 2 or sum(1 for i in marks if chunks[i].text.strip()[:1] in "-–") < 2:
        return set()
    return set(range(0, marks[-1] + 1))


def _joined_banners(masthead: Masthead, lines: list[_Line]) -> None:
    """A line that joins two lines above it with a dash or a bar ("NGO UNESCO Liaison committee - NGO International
    Conference" under both) is the site's name and tagline, printed as a banner: the three are left out."""
    for line in lines:
        parts = re.split(r"\s+[-–—|]\s+", line.chunk.text)
        if line.role is not None or len(parts) != 2:
            continue
        above = [other for other in lines if other.index < line.index and other.role is None]
        pieces = [next((other for other in above if normalized(other.chunk.text) == normalized(part)), None)
                  for part in parts]
        if all(pieces):
            for other in (*pieces, line):
                masthead.findings.append((other.chunk.line, "banner", f"site banner {_short(other.chunk.text)} (the "
                                                                      "site's name, printed again joined); left out"))
                other.role = "debris"


def _raw_stamps(masthead: Masthead, lines: list[_Line]) -> None:
    """A date line of digits only ("28.01.21") is the page's stamp when another line gives the date in words."""
    texts = {line.chunk.line: line.chunk.text for line in lines}
    raw = [seen for seen in masthead.dates if seen.rank == 1 and not any(c.isalpha() for c in texts.get(seen.line, "a"))]
    worded = [seen for seen in masthead.dates if seen not in raw and seen.rank < 3]
    if raw and not worded and masthead.title is not None and (date := find_date(masthead.title.text)):
        worded = [DateSeen(date, masthead.title.line, 2)]  # "Брифинг … (28 января 2021 г.)"
        masthead.dates.append(worded[0])
    if raw and worded:
        masthead.dates[:] = [DateSeen(seen.date, seen.line, 3) if seen in raw else seen for seen in masthead.dates]


def _date_over_lines(chunks: list[Chunk], index: int) -> tuple[datetime.date, int] | None:
    """Return the date that a run of 2-3 adjacent short lines prints together, and how many lines, or None."""
    for size in (3, 2):
        run = chunks[index:index + size]
        if len(run) < size or not all(c.single and len(c.text) <= 15 for c in run) \
                or sum(any(ch.isdigit() for ch in c.text) for c in run) < 2:
            continue
        if any(b.line != a.last + 1 for a, b in zip(run, run[1:])):
            continue
        date, _ = date_venue(" ".join(c.text for c in run))
        if date and not date_venue(run[0].text)[0]:
            return date, size
    return None


def _quoted_below(chunks: list[Chunk], index: int) -> bool:
    """True when the sentences of a chunk come again inside one of the next few, longer, paragraphs."""
    own = normalized(chunks[index].text)
    return len(own) >= 40 and any(len(normalized(other.text)) > len(own) and own in normalized(other.text)
                                  for other in chunks[index + 1:index + 5])


def _dated_below(chunks: list[Chunk], index: int) -> bool:
    """True when a date line follows, with only header-like lines (a headline over several lines) between:
    what stands above it is still the masthead."""
    for offset, chunk in enumerate(chunks[index + 1:index + 8], start=index + 2):
        if chunk.single and date_venue(chunk.text)[0] and not debris(chunk.text):
            return any(_is_body(below) for below in chunks[offset:])  # a date under the text's only paragraph
            # is its closing date line, not the masthead's
        if _is_body(chunk) or not chunk.single:
            return False
    return False


def _headline_below(chunks: list[Chunk], index: int) -> bool:
    """True when the next chunk is a short headline that says what the text is, with the text under it."""
    if index + 2 >= len(chunks):
        return False
    below = chunks[index + 1]
    text = below.text
    ends = (".", "!", "?", ":", ";", ",", "。", "！", "？", "؟", "،", "：", "，")  # a bracket may end a headline
    return below.single and len(text) <= 100 and not text.endswith(ends) and not is_greeting(text) \
        and bool(_SPEECH_NOUN.match(fold(text)) or SPEAKER_LINE.search(text)) \
        and any(_is_body(chunk) for chunk in chunks[index + 2:index + 5])


# How a line addressing someone opens, however long it runs: "Cher M. …, Ministre des …", "Dear President …".
_ADDRESS = re.compile(r"^(?:cher|chère|chers|chères|dear|querid|estimad|уважаем|distinguished|excellenc|honou?rable"
                      r"|mesdames|señor|señora|monsieur|madame)")


def _is_body(chunk: Chunk) -> bool:
    """True for a chunk that reads as the speech itself: a long sentence, a greeting, a numbered paragraph."""
    text = chunk.text
    if is_greeting(text) or re.match(r"^\d{1,3}\.\s", text) or SALUTATION.match(text) and text.endswith((",", ":")):
        return True
    if SALUTATION.match(text) and len(text) <= 250 and not text.rstrip().endswith((".", "!", "?")) \
            and _ADDRESS.match(fold(text)):
        return True  # "Cher M. Mohamed Ali Nafti, Ministre des Affaires Etrangères, …": a long address line
    if text.endswith((".", "。", "!", "！", "?", "？", "؟")) and len(text.split()) >= 4 + 3 * (text[-1] == "."):
        return True
    if text.endswith(("。", "！", "？")) and len(text) >= 8:
        return True
    return (len(text) > 160 or len(text.split()) > 24) and text.endswith(TERMINAL) \
        or len(chunk.lines) > 3 or (len(text) > 90 and text.endswith((".", "。", "!", "?")))


def _undated(text: str) -> tuple[str, datetime.date | None]:
    """Split a headline the page prints after its date ("21 Sep 2018 - 秘书长 国际和平日致辞") into text and date."""
    match = re.match(r"^(.{6,40}?)\s+[-–—|]\s+(\S.{3,})$", text)
    if match and (date := date_venue(match[1])[0]) and not strip_date(match[1]).strip(" ,.-–—|"):
        return match[2], date
    return text, None


def _body_script(chunks: list[Chunk], start: int) -> str | None:
    """Return the script the text below the masthead is written in (the first chunks of the speech)."""
    return script_of(" ".join(chunk.text for chunk in chunks[start:start + 8])) \
        or script_of(" ".join(chunk.text for chunk in chunks))


def _assign_title(masthead: Masthead, candidates: list[_Line], lines: list[_Line], script: str | None) -> None:
    scored = [(_title_score(line, position, lines, script), line) for position, line in enumerate(candidates)]
    scored = [(score, line) for score, line in scored if score > 0]
    if not scored:
        return
    best = max(scored, key=lambda pair: pair[0])[1]
    # A headline printed twice is the title at its first place; the second is the copy.
    best = next(line for line in candidates if normalized(line.chunk.text) == normalized(best.chunk.text))
    if best.chunk.text.isupper():  # the copy in capitals over two lines, under the headline in small letters
        wrapped = normalized(" ".join(line.chunk.text for line in _wrapped_run(best, lines)))
        best = next((line for line in candidates if line.chunk.line < best.chunk.line
                     and normalized(line.chunk.text) == wrapped), best)
    speakerish = SPEAKER_LINE.search(best.chunk.text)
    others = [line for line in candidates if line is not best and SPEAKER_LINE.search(line.chunk.text)]
    if speakerish and (masthead.delivery and masthead.delivery.line < best.chunk.line
                       and not others and best is candidates[0] and best.index > 0):
        return  # "As translated from Spanish" then "Address by the Minister": a speaker line, no title
    text, date = _undated(best.chunk.text)
    if date:
        masthead.dates.append(DateSeen(date, best.chunk.line, 1))
    if site := site_suffix(text):
        masthead.findings.append((best.chunk.line, "title-note", f"{site[2]!r} after the headline is the site's name, "
                                                                 "not the title's; left out"))
        text = site[1]  # "Message on World Water Day | UN News"
    if site := re.search(r"\s+[-–—|]\s+((?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})$", text):
        masthead.findings.append((best.chunk.line, "title-note", f"{site[1]!r} after the headline is the site's name, "
                                                                 "not the title's; left out"))
        text = text[:site.start()]  # "… - 24 octobre 2022 - adakar.com"
    if (note := re.search(r"\s*(\([^()]{3,40}\))$", text)) and fold(note[1]) in all_words("markers"):
        masthead.findings.append((best.chunk.line, "title-note", f"{note[1]!r} after the headline is the site's "
                                                                 "note, not the title's; left out"))
        text = text[:note.start()]  # "… United Nations Day Observance (en anglais seulement)"
    if split := trailing_delivery(text):  # un.org/sg: "Secretary-General's remarks ... [as delivered]"
        text, (kind, language) = split[0], delivery_kind(split[1])
        if masthead.delivery is None:
            masthead.delivery = Delivery(kind, split[1], best.chunk.line, language)
    if (region := re.match(r"^([^\W\d][^:：]{1,25})[:：]\s+(\S.{11,})$", text)) \
            and fold(region[1]) in all_words_list("regions"):
        masthead.findings.append((best.chunk.line, "title-note", f"{region[1]!r} before the headline is the site's "
                                                                 "section, not the title's; left out"))
        text = region[2]  # "Afrique: Allocution liminaire du Directeur général …"
    if (glued := _glued_place(text)) is not None:
        text, place = glued  # "… on International Women’s Day New York": the page's place line run into the headline
        masthead.venue = masthead.venue or place
    masthead.title = Block(BlockKind.TITLE, text, best.chunk.line)
    best.role = "title"
    parts = re.split(r"\s*[,،]\s*|\s+[–—-]\s+", text)  # "…, New York, 26 September 2016", "… – 20 June 2018"
    if len(parts) < 2 and (end := re.search(r"\s(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$", text)):
        parts = [text[:end.start()], end[1]]  # "…世界難民日發言 2023年6月20日"
    if len(parts) >= 2 and (date := parse_date(parts[-1])):  # "…، نيويورك، 26 أيلول/سبتمبر 2016"
        masthead.dates.append(DateSeen(date, best.chunk.line, 2))
        if len(parts) >= 3 and _is_place(parts[-2]):
            masthead.venue = masthead.venue or parts[-2]
    elif re.search(r"(?<!\d)(?:19|20)\d\d\s*(?:г\.|года|год)?\s*[)）]?\s*$", text) and (date := find_date(text)) \
            and strip_date(text):  # "… по случаю Всемирного дня борьбы со СПИДом (1 декабря 2015 г.)": in brackets too
        # "رسالة … بمناسبة يوم حقوق الإنسان 10 كانون الأول/ديسمبر 2014": a headline that ends with the day of
        # its occasion says when the text was given; it outranks the page's date line.
        occasion = any(word in fold(text) for word in all_words("occasion_words"))
        masthead.dates.append(DateSeen(date, best.chunk.line, 0 if occasion else 2))


# Words a place in a headline follows when it belongs to the headline ("… Conference in New York").
_BEFORE_PLACE = frozenset("in at of to the from for on à au aux en de du des la le el del a al y and et и в на во из".split())


def _glued_place(text: str) -> tuple[str, str] | None:
    """Return the headline and the place of a headline with a known place run into its end, without a comma or a
    word leading to it ("… on International Women’s Day New York"), or None."""
    tokens = text.split()
    for size in (3, 2, 1):
        if len(tokens) <= size + 3:
            continue
        place, before = " ".join(tokens[-size:]), tokens[-size - 1]
        if fold(place) in all_words("places") and all(t[:1].isupper() for t in tokens[-size:]) \
                and before[:1].isupper() and before.casefold() not in _BEFORE_PLACE and before[-1:].isalpha() \
                and not text.isupper():
            return " ".join(tokens[:-size]), place
    return None


def _assign_speaker(masthead: Masthead, candidates: list[_Line], chunks: list[Chunk]) -> None:
    if masthead.speaker is not None:
        return  # found by what its lines are (an honorific line, the name, the offices)
    for line in candidates:
        if line.role is not None:
            continue
        text = line.chunk.text
        if any(is_greeting(part.strip()) for part in re.split(r"[,،]", text)[1:]):
            continue  # "Dr Edwin Dikoloti, Président de l’Assemblée, Excellences, …": whom the speech addresses
        # A bare name under the headline, or under the date or venue line that follows it ("Message …" /
        # "22 March 2023" / "António Guterres"): the speaker.
        roles = {other.index: other.role for other in candidates}
        above = line.index - 1
        while above > 0 and roles.get(above, "date") in ("date", "venue", "delivery", "symbol") \
                and chunks[above].line != getattr(masthead.title, "line", -1):
            above -= 1
        under_title = masthead.title is not None and line.index > 0 and chunks[above].line == masthead.title.line
        if SPEAKER_LINE.search(text) and len(text) <= 400 or bare_speaker(text) \
                or (is_name(text) and (_next_is_office(chunks, line.index) or "\u3400" <= text[0] <= "\u9fff"
                                       or under_title)) \
                or _han_office_name(text) or (is_office_line(text) and name_after_office(text)) \
                or under_title and (is_arabic_name(text) or _office_and_name(text)  # "الأمين العام أنطونيو غوتيريش"
                                    or "،" in text and is_arabic_name(text.split("،")[0])
                                    and is_title_word(text.split("،", 1)[1].strip())):  # "أنطونيو غوتيريش، الأمين العام"
            masthead.speaker = Block(BlockKind.SPEAKER, text, line.chunk.line)
            line.role = "speaker"
            return


def _honorific_block(chunks: list[Chunk], index: int) -> int | None:
    """Return how many lines a speaker printed as honorific / name / office lines spans, or None.

    "صاحبة السعادة" / "أنالينا بيربوك" / "رئيسة الجمعية العامة": the honorific alone on its line, the
    name under it, then the offices.
    """
    run = chunks[index:index + 4]
    if len(run) < 2 or not all(c.single for c in run[:2]) or not is_honorific(run[0].text) \
            or run[1].line != run[0].last + 1:
        return None
    name = run[1].text
    if len(name.split()) > 5 or re.search(r"[\d.:;!?،,]", name) or is_title_word(name):
        return None
    size = 2
    while size < len(run) and run[size].single and run[size].line == run[size - 1].last + 1 \
            and is_title_word(run[size].text) and len(run[size].text) <= 120:
        size += 1
    return size


def _lead_in_paragraphs(chunks: list[Chunk], index: int) -> int:
    """Return how many chunks from index, up to and with a lead-in ending in a colon ("以下是致辞全文:",
    "…, the full text of his message reads:"), are a news item's opening about the text below: at most two
    paragraphs above that line, none a salutation. 0 when there is no such line."""
    from toolkit.reader.speakers import is_lead_in

    for size in (2, 3):
        run = chunks[index:index + size]
        if len(run) < size or not is_lead_in(run[-1].text) or not run[-1].text.rstrip().endswith((":", "：")) \
                or debris(run[-1].text) or index > 6:
            continue
        if all(_is_body(c) and len(c.text) <= 600 and not is_greeting(c.text) and not is_lead_in(c.text)
               for c in run[:-1]):
            return size
    return 0


def _news_lead(chunks: list[Chunk], index: int) -> bool:
    """True for a news item's opening sentence that says who sent the text, the text below in quotation marks
    ("Le Secrétaire général …, Antonio Guterres, a envoyé un message …" / "« Depuis 70 ans, …")."""
    if index + 1 >= len(chunks) or not chunks[index].single:
        return False
    text, below = chunks[index].text, chunks[index + 1].text.lstrip()
    return len(text) <= 300 and text.endswith(".") and not _first_person(text) \
        and bool(_SPEECH_NOUN.search(f" {fold(text)} ")) and bool(name_after_office(text) or name_after_honorific(text)) \
        and below[:1] in "«“\"„"


def _office_over_name(chunks: list[Chunk], index: int) -> bool:
    """True for an office on its line with the name on the next ("LE SECRÉTAIRE GÉNÉRAL DES NATIONS UNIES" /
    "ANTÓNIO GUTERRES"): the speaker, printed as a signature block above the text."""
    run = chunks[index:index + 2]
    return len(run) == 2 and all(c.single for c in run) and run[1].line == run[0].last + 1 \
        and _is_office(run[0].text) and not _han_office_name(run[0].text) and is_name(run[1].text) \
        and not is_honorific(run[1].text) \
        and not _names_someone(run[1].text) and not name_after_office(run[0].text)  # not "Ambassador X" addressed


def _han_office_name(text: str) -> str | None:
    """Return the name in a Chinese office-and-name line ("秘书长潘基文" gives "潘基文"), or "" for an office alone."""
    if is_greeting(text) or text.endswith((",", "，", ":", "：", "、", "。", "！", "？", "!", "?", ".")):
        return None
    for title in sorted(all_words("speaker_titles"), key=len, reverse=True):
        if not "\u3400" <= title[0] <= "\u9fff" or (at := text.find(title)) < 0 or at > 6 \
                or not all("\u3400" <= c <= "\u9fff" for c in text[:at]):
            continue  # "世卫组织总干事谭德塞博士": the organisation's short name may stand before the office
        rest = text[at + len(title):].strip()
        for suffix in sorted(all_words_list("han_name_suffixes"), key=len, reverse=True):
            if rest.endswith(suffix) and len(rest) > len(suffix):
                rest = rest[:-len(suffix)]  # "谭德塞博士": the doctor's title after the name
                break
        if not rest or rest in all_words_list("han_name_suffixes"):
            return "" if not at and not rest else None  # "谢谢主席先生": thanks to the chair, no name
        if any(word in rest for word in all_words_list("han_not_names")):
            return None  # "秘书长讲话": the office's speeches, a heading, no name
        if len(rest) <= 4 or is_name(rest):
            return rest
    return None


def _last(lines: list[_Line], index: int) -> int:
    return next((line.chunk.last for line in lines if line.index == index), -2)


def _is_office(text: str) -> bool:
    """True for an office on its own: "Secretary-General", "President of the General Assembly"."""
    if text[:1] and "\u3400" <= text[0] <= "\u9fff":
        return _han_office_name(text) is not None
    if "/" in text and len(parts := [part.strip() for part in text.split("/")]) <= 3 and all(parts):
        return all(_is_office(part) for part in parts)  # two offices held at once: "Director General/Executive Director"
    return is_office_line(text) and "’s" not in fold(text) and len(text.split()) <= 12 \
        and not SPEAKER_LINE.search(text) and not re.search(r"\d", text)


def _next_is_office(chunks: list[Chunk], index: int) -> bool:
    return index + 1 < len(chunks) and _is_office(chunks[index + 1].text)


def _extend(masthead: Masthead, candidates: list[_Line], chunks: list[Chunk]) -> None:
    """Join a title wrapped onto a second line, and the speaker's office lines under the name."""
    roles = {line.index: line.role for line in candidates}
    for line in candidates:
        if line.role is not None or not line.index:
            continue
        previous = chunks[line.index - 1]
        before = roles.get(line.index - 1)
        text = line.chunk.text
        adjacent = line.chunk.line == previous.last + 1
        short = len(text) <= 120 and not text.endswith(".") and len(text.split()) <= 18 and not is_greeting(text)
        if not short or _venue_like(text):  # a venue line under the headline or the speaker goes on neither
            continue
        if before == "speaker" and (adjacent or _is_office(text)):
            joined = masthead.speaker.text.rstrip(",")
            masthead.speaker = Block(BlockKind.SPEAKER, f"{joined}{'' if joined.endswith(' by') else ','} {text}",
                                     masthead.speaker.line)
            line.role = "speaker"
        elif before == "title" and adjacent and masthead.speaker is None and SPEAKER_LINE.search(masthead.title.text) \
                and _is_office(text):
            # "Remarks by Mr. X" / "United Nations Under-Secretary-General": the offices of the speaker the
            # headline names, not the headline's end.
            masthead.speaker = Block(BlockKind.SPEAKER, f"{masthead.title.text.rstrip(',')}, {text}", masthead.title.line)
            line.role = "speaker"
        elif before == "title" and adjacent and _title_open(masthead) \
                and (masthead.speaker is None or _ends_open(masthead.title.text)) \
                and script_of(text) in (None, script_of(masthead.title.text)) and _goes_on(masthead.title.text, text):
            masthead.title = Block(BlockKind.TITLE, f"{masthead.title.text} {text}", masthead.title.line)
            line.role = "title"
        roles[line.index] = line.role
    if masthead.speaker_name is None:
        masthead.speaker_name = _name_with_office(masthead, candidates) or _name_of(masthead) \
            or _name_in_lines(candidates) or masthead.delivered_by


def _wrapped_onto_date(masthead: Masthead, lines: list[_Line]) -> None:
    """Join the date line under the headline to it when it reads as the headline's end, in small letters ("Mensaje …
    en el Día Internacional contra el Consumo de Drogas" over "y contra el Narcotráfico, 26 de junio 2008"): the
    headline wrapped onto its date, a blank line between at most. The line still gives the date."""
    if masthead.title is None or not _title_open(masthead):
        return
    last = max((line.chunk.last for line in lines if line.role == "title"), default=masthead.title.line)
    for line in lines:
        text = line.chunk.text
        if line.role == "date" and last < line.chunk.line <= last + 2 and text[:1].islower() \
                and script_of(text) in (None, script_of(masthead.title.text)):
            masthead.title = Block(BlockKind.TITLE, f"{masthead.title.text} {text}", masthead.title.line)
            return


# Words a headline cannot end with: it goes on on the next line ("MESSAGE ON THE OCCASION OF" / "WORLD … DAY 2016").
_OPEN_END = frozenset("of on the for to and at in by from with de du des la le les à au aux en del y et por para "
                      "по в на и для о об من في على إلى و".split())


def _ends_open(text: str) -> bool:
    return bool(text.split()) and text.split()[-1].casefold() in _OPEN_END


def _capitals_below(line: _Line, lines: list[_Line]) -> bool:
    """True when the next line, with no blank line between, goes on in capitals."""
    after = next((other for other in lines if other.index == line.index + 1), None)
    return after is not None and after.role is None and after.chunk.line == line.chunk.last + 1 \
        and after.chunk.text.isupper() and not is_greeting(after.chunk.text)


def _goes_on(title: str, text: str) -> bool:
    """True when a line reads as the rest of a wrapped headline, not a label under it ("Длина видео", "00:02:10")."""
    return text[:1].islower() or title.isupper() and text.isupper() or title.endswith((",", "،", "，")) \
        or len(text.split()) >= 3 or "\u3400" <= text[:1] <= "\u9fff"


def _ends_speaker(masthead: Masthead, chunk: Chunk) -> bool:
    return masthead.speaker is not None and chunk.line >= masthead.speaker.line


def _title_open(masthead: Masthead) -> bool:
    """True when the title may go on on the next line: it ends without a full stop (a comma is fine)."""
    return masthead.title is not None and (not masthead.title.text.endswith(TERMINAL)
                                           or masthead.title.text.endswith((",", "،", "，")))


def _name_of(masthead: Masthead) -> str | None:
    """Return the speaker's name for the PDF's author, from the speaker line or the title."""
    for block in (masthead.speaker, masthead.title):
        if block is None:
            continue
        text = block.text
        name = speaker_name(text) or next(filter(None, map(speaker_name, re.split(r"(?<=\.)\s+", text)[1:])), None)
        if name and strip_honorific(re.sub(_ARTICLE_HONORIFIC, "", name, flags=re.I))[:1].islower():
            name = None  # "Message de la journée internationale …", "Discurso del día de …": an occasion, no one
        if name and is_title_word(name):  # "Discurso de la Secretaria Ejecutiva de la CEPAL, Alicia Bárcena."
            name = name_after_office(text) or name_after_honorific(text) or name
        if block is masthead.title:
            name = name or name_after_office(text) or name_after_honorific(text)  # "… CEPAL, SRA. ALICIA BARCENA"
            if name is None and (head := re.match(r"^([^:：]{3,50})[:：]\s+\S", text)) and is_name(head[1]):
                name = head[1]  # "Helen Clark: Informe al …": the headline names its speaker before a colon
        elif name is None and (bare := bare_speaker(text)):
            name = bare[0]
        if name is None and block is masthead.speaker and (han := _han_office_name(text)):
            name = han
        if name is None and block is masthead.speaker and is_name(text.split(",")[0]):
            name = text.split(",")[0]
        if name is None and block is masthead.speaker and is_arabic_name(text.split("،")[0]):
            name = strip_honorific(text.split("،")[0].strip())  # "أنطونيو غوتيريش" under the date line
        if name is None and block is masthead.speaker:
            name = name_after_office(text)
        if name is None and block is masthead.speaker and ", " in text and is_name(text.split(", ")[1]):
            name = text.split(", ")[1]
        if name is None:
            name = han_name_in(text) or han_name_after_office(text)
        if name:
            return _clean_name(name)
    return None


def _name_with_office(masthead: Masthead, lines: list[_Line]) -> str | None:
    """Return the name of a masthead line that gives it with the office in brackets: "António Guterres (UN
    Secretary-General) - Message …" names the speaker as written, where a speaker line may inflect it."""
    blocks = [block.text for block in (masthead.speaker, masthead.title) if block is not None]
    return next(filter(None, map(name_with_office, blocks + [line.chunk.text for line in lines])), None)


_BY = re.compile(r"\b(?:statement|remarks|address|message|speech|briefing)\s+(?:by|of)\s+(?=\S)", re.I)


def _name_in_lines(lines: list[_Line]) -> str | None:
    """Return the name another header line gives after "… Statement by Ms. …" (a headline broken over lines)."""
    for line in lines:
        if line.role not in (None, "title", "speaker"):
            continue
        found = _BY.search(line.chunk.text)
        if found and (name := name_after_honorific(line.chunk.text[found.end():])):
            return name
    return None


def _run_in_header(masthead: Masthead, chunk: Chunk) -> None:
    """Read name, date and venue from the header a one-line page runs into its salutation.

    "DISCURSO … Alicia Bárcena Secretaria Ejecutiva, … San Salvador, 28 de agosto de 2012 Excelentísimo
    Señor …": what stands before the first salutation is the header, when it gives a date.
    """
    text = chunk.text
    words_at = (match.start() for match in re.finditer(r"(?<=\s)\S", text[:400]))
    start = next((index for index in words_at if SALUTATION.match(text[index:])), None)
    header = text[:start] if start else ""
    if masthead.dates or not (date := find_date(header)):
        return  # a header says when; a paragraph that opens with a sentence before "Excellencies" is no header
    masthead.dates.append(DateSeen(date, chunk.line, 1))
    masthead.venue = masthead.venue or _place_in(header)
    masthead.speaker_name = masthead.speaker_name or _name_before_office(header)


def _name_before_office(text: str) -> str | None:
    """Return the name just before an office in a run of text ("… Alicia Bárcena Secretaria Ejecutiva, …")."""
    tokens = text.split()
    for index in range(2, len(tokens)):
        if is_title_word(" ".join(tokens[index:index + 3])):
            for size in (3, 2):
                run = tokens[max(index - size, 0):index]
                if len(run) == size and not any(t.isupper() for t in run) and is_name(" ".join(run)):
                    return " ".join(run)
    return None


def _assign_venue(masthead: Masthead, candidates: list[_Line], lines: list[_Line]) -> None:
    """Take the venue from a line of its own under the headline: next to the date line ("University of Geneva"
    above "Wednesday, 17 October 2012"), or ending in a known place ("Asamblea General de Naciones unidas, Nueva
    York")."""
    if masthead.venue is not None:
        return
    dated = {number for line in lines if line.role == "date" for number, _ in line.chunk.lines}
    for line in candidates:
        text = line.chunk.text
        if masthead.title is not None and line.chunk.line < masthead.title.line:
            continue  # a venue line sits under the headline; above it is the site's banner
        first = fold(re.split(r"[,،.]", text)[0].strip(" –—-"))
        numbered = re.search(r"\d", text) and first not in all_words("places")  # "Palais des Nations, …, 2nd floor"
        if line.role is not None or not line.chunk.single or len(text) > 80 or len(text.split()) > 8 \
                or numbered or re.search(r"[.:;!?…,،]$", text) or is_name(text) or is_label(text):
            continue
        last = fold(re.split(r"[,،]", text)[-1].strip(" .–—-"))
        caseless = text[:1].isalpha() and not text[:1].isupper() and not text[:1].islower()  # Arabic, Chinese
        if not (text[:1].isupper() or caseless and last in all_words("places")):
            continue  # "بيت الأمم المتحدة، بيروت": without capitals, a venue line ends in a known place
        if line.chunk.line - 1 in dated or line.chunk.line + 1 in dated \
                or last in all_words("places") and len(re.split(r"[,،]", text)) >= 2:
            masthead.venue = text.strip(" ,.–—-")
            line.role = "venue"
            return


_ARTICLE_HONORIFIC = r"^(?:la|el|le|the)\s+(?=(?:sra?|mme|mr?s?|dr|dra)\.?\s)"  # "la Sra. …": the article goes


def _clean_name(name: str) -> str | None:
    """Return the person's name only: no date, office or honorific ("H.E. Mr. X, President" gives "X")."""
    name = strip_date(name).strip(" ,;:–—-.")
    name = re.sub(_ARTICLE_HONORIFIC, "", name, flags=re.I)  # "la Sra. Ana Pérez"
    if is_title_word(name) and (after := name_after_office(name)):
        return after  # "Secretaria Ejecutiva de la CEPAL, Alicia Bárcena"
    name = re.split(r",\s*|\s+[–—-]\s+|\s+\(", name)[0].strip()
    if is_title_word(name):
        name = name_after_office(name) or ""
    name = cut_at_office(strip_honorific(name).strip(" ,;:،"))
    return name if 0 < len(name) <= 80 else None


def _wrapped_run(line: _Line, lines: list[_Line]) -> list[_Line]:
    """Return a line and the lines in capitals that go on under it with no blank line between."""
    run = [line]
    while _capitals_below(run[-1], lines):
        run.append(next(other for other in lines if other.index == run[-1].index + 1))
    return run


def _labelled_copy(masthead: Masthead, lines: list[_Line]) -> None:
    """A headline with the site's item label in front ("خبر : خطاب المفوض العام …", "News: Message on …") over the
    headline on a line of its own is the page's copy of it: the headline is the line of its own."""
    match = re.match(r"^([^:：]{1,16}?)\s*[:：]\s*(\S.*)$", masthead.title.text)
    if match is None or len(match[1].split()) > 2 or re.search(r"\d", match[1]):
        return
    head, rest = match[1], match[2]
    own = next((line for line in lines if line.role is None and line.chunk.line > masthead.title.line
                and normalized(line.chunk.text) == normalized(rest)), None)
    labelled = next((line for line in lines if line.chunk.line == masthead.title.line), None)
    if own is None or labelled is None:
        return
    masthead.findings.append((labelled.chunk.line, "repeated-title", f"the headline with the site's label {head!r} "
                                                                     f"in front (line {own.chunk.line} gives it)"))
    labelled.role, own.role = "debris", "title"
    masthead.title = Block(BlockKind.TITLE, own.chunk.text, own.chunk.line)


def _repeated_title(masthead: Masthead, lines: list[_Line]) -> None:
    """A headline repeated under itself (a page's heading and its text's heading) is printed once."""
    if masthead.title is None:
        return
    _labelled_copy(masthead, lines)
    title = normalized(masthead.title.text)
    raw = {normalized(line.chunk.text) for line in lines if line.chunk.line == masthead.title.line}  # with its note
    for line in lines:
        if line.role is None and normalized(line.chunk.text) in raw | {title}:
            masthead.findings.append((line.chunk.line, "repeated-title",
                                      f"repeats the title (line {masthead.title.line}); printed once"))
            line.role = "debris"
        elif line.role is None and line.chunk.text.isupper() and len(run := _wrapped_run(line, lines)) > 1 \
                and normalized(" ".join(other.chunk.text for other in run)) == title:
            for other in run:  # the title again in capitals, over several lines
                masthead.findings.append((other.chunk.line, "repeated-title",
                                          f"repeats the title (line {masthead.title.line}) in capitals; printed once"))
                other.role = "debris"


def run_in_head(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date and speaker's name of a heading run into the first paragraph before a gap of spaces
    ("彼得·汤姆森先生阁下当选主席时的致辞 2016年6月13日   主席先生, …"), or (None, None)."""
    start = next((match.start() for match in re.finditer(r"(?<=\s)\S", text[:120])
                  if SALUTATION.match(text[match.start():])), None)
    head = text[:start].strip() if start else ""
    if not head or len(head) > 80 or re.search(r"[.!?。！？]\s*$", head):
        return None, None
    date = find_date(head)
    if date is None:
        return None, None
    return date, _clean_name(han_name_in(head) or name_after_honorific(head) or "") or None


"""Dates and venues: date lines, dates inside delivery and speaker lines, datelines, timestamps.

Month and weekday names come from Babel's CLDR data (genitive forms such as "июня" included),
with the UN's Arabic forms from words.yaml, so "11 octobre 2017", "18 de diciembre de 2017",
"11 октября 2017 года", "2017年10月11日", "11 تشرين الأول/أكتوبر 2017", "13/10/2016" and
"2021-03-02 09:14:07", "2018/06/05" and "5 июня 2018 г." all read as dates.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.reader.words import is_label, tables

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "012345678901234567890123456789")
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
                  r"(?P<time>[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)")
_CJK = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
_NUMERIC = re.compile(r"(?<![\d/.])(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/])")
_YMD = re.compile(r"(?<![\d/.])(?P<year>(?:19|20)\d\d)(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/.])")  # 2018/06/05
_STAMP = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)$")  # 19990924
# A time of day beside a date: "13.00", "10:30 a.m.", "15h00", "09:14:07".
# A clock time, with its a.m./p.m. ("م" and "ص" in Arabic) and the time zone it is read in ("12:19 م بتوقيت القدس").
_TIME = re.compile(r"(?<![\d/])\d{1,2}(?:[.:h]\d\d){1,2}(?:\s*(?:[ap]\.?\s?m\.?|hrs?|h|ч\.?|GMT|EST|EDT|CET|CEST|[مص](?!\w)))?"
                   r"(?:\s*بتوقيت(?:\s+\S+){1,3})?(?!\d)"
                   r"|(?<!\d)\d{1,2}\s*[ap]\.?m\.?(?!\w)"
                   r"|(?:\s(?:à|a las|a la|at|в))?\s+\d{1,2}\s*(?:heures?|horas?|hours|час(?:а|ов)?)(?!\w)", re.I)
# What may sit around a date on a date line: a place, a weekday, "le", brackets, a dash.
_AROUND = re.compile(r"[,，、،()（）|]|\s[–—-]\s")


@functools.cache
def _month_names() -> dict[str, int]:
    """Return month names and abbreviations of the six languages (CLDR), lower-cased."""
    from babel import Locale

    names: dict[str, int] = {str(k).casefold(): int(v) for k, v in tables()["extra_months"].items()}
    for locale in ("en", "fr", "es", "ru", "ar", "ar_SY", "ar_LB"):
        months = Locale.parse(locale).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[name.casefold().rstrip(".")] = number
    return names


@functools.cache
def _weekday_names() -> dict[str, int]:
    """Return weekday names of the six languages (CLDR), lower-cased: Monday is 0."""
    from babel import Locale

    return {name.casefold(): number for locale in ("en", "fr", "es", "ru", "ar", "zh")
            for number, name in Locale.parse(locale).days["format"]["wide"].items()}


@functools.cache
def _day_month_year() -> re.Pattern:
    months = "|".join(sorted((re.escape(name) for name in _month_names()), key=len, reverse=True))
    month = rf"(?:{months})(?:(?:\s*/\s*|[–-]\s*)(?:{months}))?"  # Arabic: "تشرين الأول/أكتوبر", "مارس- آذار"
    end = r"(?!\w)"
    return re.compile(
        rf"(?:^|(?<=[\s,(]))(?P<day>\d{{1,2}})(?:er|º|°)?\s+(?:de\s+)?(?P<month>{month})\.?,?\s+(?:de\s+|del\s+)?"
        rf"(?P<year>\d{{4}})(?:\s*(?:года|г\.?))?{end}"
        rf"|(?:^|(?<=[\s,(]))(?P<month2>{month})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}}){end}"
        rf"|(?:^|(?<=[\s,(]))(?P<day3>\d{{1,2}})-(?P<month3>{months})\.?-(?P<year3>\d{{4}}){end}",  # "12-may-2015"
        re.I,
    )


@functools.cache
def _day_month() -> re.Pattern:
    months = "|".join(sorted((re.escape(name) for name in _month_names()), key=len, reverse=True))
    month = rf"(?:{months})(?:(?:\s*/\s*|[–-]\s*)(?:{months}))?"
    return re.compile(
        rf"(?<![\w/])(?P<day>\d{{1,2}})(?:er|º)?\s+(?:de\s+)?(?P<month>{month})(?!\w)(?!\.?,?\s*(?:de\s+)?\d{{4}})"
        rf"|(?<![\w/])(?P<month2>{month})\s+(?P<day2>\d{{1,2}})(?!\d)(?!,?\s*\d{{4}})"
        r"|(?<![年\d])(?P<cmonth>\d{1,2})\s*月\s*(?P<cday>\d{1,2})\s*日",
        re.I,
    )


def find_day_month(text: str) -> tuple[int, int] | None:
    """Return (day, month) of a date given without its year ("18 تموز/يوليه", "8 September", "5月30日"), or None."""
    match = _day_month().search(text.translate(_DIGITS))
    if not match:
        return None
    if match["cmonth"]:
        return int(match["cday"]), int(match["cmonth"])
    day, name = (match["day"], match["month"]) if match["day"] else (match["day2"], match["month2"])
    return int(day), _month_names()[re.split(r"\s*[/–-]\s*", name.casefold())[-1]]


def parse_date(text: str) -> datetime.date | None:
    """Return the date a short line gives ("New York, 11 October 2017", "2017年10月11日")."""
    found = _find_date(text)
    return found[0] if found else None


def _match(line: str) -> tuple[datetime.date | None, re.Match] | None:
    """Return the first date in a line and its match, or None."""
    best = None
    for pattern in (_ISO, _CJK, _NUMERIC, _YMD, _day_month_year()):
        match = pattern.search(line)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    return _from_match(best), best


def _from_match(match: re.Match) -> datetime.date | None:
    if match.re is _NUMERIC:
        day, month = int(match["day"]), int(match["month"])
        if month > 12 >= day:  # 10/13/2016: a US date
            day, month = month, day
        return _date(match["year"], month, day)
    if match.re in (_ISO, _CJK, _YMD):
        return _date(match["year"], match["month"], match["day"])
    if match["day"]:
        day, month_text, year = match["day"], match["month"], match["year"]
    elif match["day3"]:
        day, month_text, year = match["day3"], match["month3"], match["year3"]
    else:
        day, month_text, year = match["day2"], match["month2"], match["year2"]
    # "تشرين الأول/أكتوبر": two names of one month; where a typo makes them disagree, the second
    # (the name used across the Arab world) is taken.
    name = re.split(r"\s*[/–-]\s*", month_text.casefold())[-1]
    return _date(year, _month_names()[name], day)


# A session in brackets after a date: "(71e session)", "(71st session)", "(64.º período de sesiones)", "(71-я сессия)".
_SESSION_AFTER = re.compile(r"\s*\(\s*\d{1,3}\s*[.º°ª-]?\s*[^\W\d]{0,4}\.?\s+[^()\d]{3,30}\)\s*$")


def _find_date(text: str) -> tuple[datetime.date | None, str, str] | None:
    """Return the date of a date line with the words before and after it, or None."""
    line = text.strip().strip(" -–—|").rstrip(".").translate(_DIGITS)
    if len(line) > 90:
        return None
    if stamp := _STAMP.match(line):
        return _date(stamp["year"], stamp["month"], stamp["day"]), "", ""
    if short := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d\d)", line):  # "28.01.21"
        return _date(f"20{short[3]}", short[2], short[1]), "", ""
    found = _match(line)
    if not found:
        return None
    date, match = found
    before, after = line[: match.start()], _TIME.sub("", line[match.end():])
    after = _SESSION_AFTER.sub("", re.sub(r"^\s*(?:года|г\.?)(?!\w)", "", after))  # "20.11.2018 г.", "20 septembre 2016 (71e session)"
    if " ".join(after.casefold().strip(" ,").split()) in _time_words():
        after = ""  # "Monday, 4 March 2013 at 6 p.m.": the word that led to the time, the time gone
    elif timed := re.match(r"^\s*(?:à|at|a las|a la)\s+(?:au|à la|à l’|à|at the|at|en|in)\s+(\S.*)$", after, re.I):
        after = timed[1]  # "Moroni, 16 août 2017 à 16h00 au MAECIF": where, after the time
    if not _only_place_around(before, after):
        return None
    return date, before, after


@functools.cache
def _time_words() -> frozenset[str]:
    """Return the words that introduce a time of day beside a date ("at", "à", "a las")."""
    return frozenset(str(word).casefold() for word in tables()["time_words"])


def find_date(text: str) -> datetime.date | None:
    """Return the first date anywhere in a line ("As delivered by H.E. X, 5 June 2018"), or None."""
    found = _match(text.translate(_DIGITS))
    return found[0] if found else None


def strip_date(text: str) -> str:
    """Return a line without its date and time: "H.E. Mr. X, 5 June 2018" gives "H.E. Mr. X"."""
    line = text.translate(_DIGITS)
    found = _match(line)
    if found:
        line = line[: found[1].start()] + line[found[1].end():]
    line = _TIME.sub("", line)
    return re.sub(r"(?:\s*[,，،;–—-]\s*)+$", "", re.sub(r"\s{2,}", " ", line)).strip(" ,;")


def _only_place_around(before: str, after: str) -> bool:
    """True when what surrounds the date is a place, a weekday or a time, not a sentence."""
    before = before.strip(" ,(|")
    after = after.strip(" ,，،)|–—-")
    if len(re.findall(r"[\u3400-\u9fff]", before)) > 12:
        return False  # a Chinese headline that ends with its date, not a date line
    if len(re.findall(r"[\u3400-\u9fff]", after)) > 8:
        return False  # "世卫组织总干事2024年5月27日在第七十七届世界卫生大会高级别欢迎辞": a headline with its date inside
    if is_label(after.strip(" :：")):
        after = ""  # "2023年07月12日 切換語言:": a label beside the date
    return (len(before.split()) <= 6 and not before.endswith((".", ":", ";"))
            and len(after.split()) <= 5 and not after[:1].islower() and not re.search(r"[\d.:;]", after))


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def is_timestamp(text: str) -> bool:
    """True for a scraper's or site's time stamp: "2021-03-02 09:14:07", "19990924"."""
    line = text.strip().translate(_DIGITS)
    match = _ISO.fullmatch(line)
    return bool(_STAMP.match(line) or (match and match["time"]))


def date_venue(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date of a date line and the place around it ("New York, 11 October 2017")."""
    found = _find_date(text)
    if found is None or found[0] is None:
        return None, None
    date, before, after = found
    venue = _place(before) or _place(after)
    return date, venue.title() if venue and venue.isupper() else venue  # "GENEVA (10 May 2017)"


def _place(text: str) -> str | None:
    """Return the place around a date, as written: "Bangkok, Thailand", "Genève" of "Genève, le"."""
    parts = [part for part in _AROUND.split(text) if part.strip()]
    kept = [part for part in parts if not re.search(r"\d", part) and part.strip().casefold() not in _weekday_names()
            and not is_label(part.strip())]
    place = (text if len(kept) == len(parts) else ",".join(kept)).strip(" ,，、،|–—-")
    if place.count("(") != place.count(")"):
        place = place.strip("()")
    place = re.sub(r"[\s,]+(?:le|el|de|the|on|في)$", "", place, flags=re.I).strip(" ,،")
    if place.casefold() in ("le", "la", "el", "de", "du", "the", "on", "del") or place[:1].islower():
        return None  # "y contra el Narcotráfico, 26 de junio 2008": a place has a capital; this is a headline's end
    return place or None


def stated_weekday(text: str) -> int | None:
    """Return the weekday a date line names ("Monday, 11 October 2017" gives 0), or None."""
    words = (word.strip() for word in _AROUND.split(text))
    return next((_weekday_names()[w.casefold()] for w in words if w.casefold() in _weekday_names()), None)


def weekday_mismatch(text: str, date: datetime.date) -> str | None:
    """Return what is wrong when a date line names the wrong weekday ("Monday, 11 October 2017")."""
    weekday = stated_weekday(text)
    if weekday is None or weekday == date.weekday():
        return None
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return f"date line names a {days[weekday]}, but {date.day} {date:%B %Y} was a {days[date.weekday()]}"


def dateline(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date and place a paragraph opens with ("GENEVA (10 December 2017) – The ...")."""
    match = re.match(r"(.{4,60}?)\s+[–—-]{1,2}\s+\S", text)
    if match and (found := date_venue(match[1]))[0]:
        return found
    # "Nueva York, 11 de septiembre de 2017. Señor presidente, …": the dateline ends with a full stop
    match = re.match(r"(.{4,60}?(?:19|20)\d\d)\.\s+(?=\w)", text)
    return date_venue(match[1]) if match else (None, None)


def dateline_place(text: str) -> str | None:
    """Return the place of a news agency's dateline opening a line ("SHARM EL-SHEIKH, Egypt June 27, 2008/APO/ —"):
    the words before the date, the first of them in capitals."""
    found = _match(text.translate(_DIGITS))
    if not found or found[0] is None:
        return None
    before = text[:found[1].start()].strip(" ,(")
    first = before.split(",")[0].strip()
    if 3 <= len(first) and first.isupper() and len(before) <= 40 and len(before.split()) <= 5:
        return before
    return None


def opening_place(text: str) -> str | None:
    """Return the place a paragraph opens with as a dateline without a date ("Нью Йорк: День …"), or None."""
    from toolkit.reader.words import all_words, fold

    match = re.match(r"([^\W\d][^:,.;–—]{1,30}?)\s*(?::|\s[–—])\s+\S", text)
    if not match:
        return None
    places = {place.replace("-", " ") for place in all_words("places")}
    return match[1] if fold(match[1]).replace("-", " ") in places else None


def header_date(path: Path, header: dict) -> datetime.date | None:
    """Return the header block's date; raise StatementError when it cannot be read."""
    if "date" not in header:
        return None
    line, value = header["date"]
    date = parse_date(value)
    if date is None:
        raise StatementError(f"cannot read the date {value!r}; write it as YYYY-MM-DD", path, line)
    return date

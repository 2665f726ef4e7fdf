"""Who speaks: speaker lines, bare name lines, lead-ins, salutations and pull-quote attributions."""

from __future__ import annotations

import functools
import re

from toolkit.reader.words import all_words, fold, honorifics, words

# How speaker lines begin: "Closing statement by", "Déclaration de", "Выступление", "كلمة" ...
SPEAKER_LINE = re.compile(
    r"^(?:(?:opening|closing|keynote|video|welcoming|concluding|joint|introductory|final)\s+)?"
    r"(?:statement|remarks|address|message|speech|briefing|intervention)s?\s+(?:by|of|from)\b"
    r"|^(?:déclaration|allocution|discours|message|intervention|remarques|propos|message vidéo)"
    r"(?:\s+(?:liminaire|de clôture|d[’']ouverture))?\s+(?:de|du|des|d[’'])"
    r"|^(?:declaración|discurso|palabras|mensaje|intervención|observaciones)"
    r"(?:\s+(?:de apertura|de clausura|inaugural))?\s+(?:de|del)\b"
    r"|^(?:заявление|выступление|послание|обращение|приветствие|речь)\b"
    r"|^(?:كلمة|بيان|رسالة|خطاب|ملاحظات)\b"
    r"|(?:的讲话|的发言|的致辞|致辞|讲话)$"
    r"|^(?:by|par|por)\s+(?=(?-i:[A-ZÀ-ÝА-Я]))",  # "WELCOME ADDRESS" / "BY MR. VLADIMIR PETROVSKY", not "Por décima vez"
    re.I,
)
# Where the name starts in a speaker line, for the PDF's author.
SPEAKER_NAME = re.compile(
    r"^(?:(?:opening|closing|keynote|video|welcoming|concluding|joint|introductory|final)\s+)?"
    r"(?:statement|remarks|address|message|speech|briefing|intervention)s?\s+(?:by|of|from)\s+"
    r"|^(?:déclaration|allocution|discours|message|intervention|remarques|propos)"
    r"(?:\s+(?:liminaire|de clôture|d[’']ouverture))?\s+(?:de\s+|du\s+|des\s+|d[’'])"
    r"|^(?:declaración|discurso|palabras|mensaje|intervención|observaciones)"
    r"(?:\s+(?:de apertura|de clausura|inaugural))?\s+(?:de la\s+|del\s+|de\s+)"
    r"|^(?:by|par|por)\s+|^(?:كلمة|بيان|رسالة|خطاب|ملاحظات)\s+"
    r"|^(?:заявление|выступление|послание|обращение|приветствие|речь)\s+"
    r"|^(?:the\s+)?following is the (?:text of the )?(?:statement|message|remarks|address|speech)s? (?:by|of)\s+"
    r"|^(?:ci-après, )?on trouvera ci-après (?:le texte de )?l[’']allocution (?:prononcée )?par\s+",
    re.I,
)
# Where a speaker line's name ends: "... at the opening", "... à l'ouverture", "... en la sesión".
_NAME_END = re.compile(
    r"\s+(?:at|on|to|before|during)\s+(?:the\s+)?(?=[\w“\"])"
    r"|\s+(?:à|au|aux|lors|devant|sur|pour)\s+|\s+(?:en|ante|durante|sobre|con motivo)\s+"
    r"|\s+(?:на|по|в|во|перед|для|к)\s+",
)
# Salutations: short lines without a full stop that are paragraphs, not headings.
SALUTATION = re.compile(
    r"^(?:(?:mr\.?|madam|madame|monsieur|señor|señora)\s+(?:vice[- ])?(?:president|chair|secretary-general|président"
    r"|presidente|co-chair)|(?:your\s+)?excellenc|excelencia|distinguished\s|ladies and gentlemen|dear\s|mesdames"
    r"|señoras y señores|дамы и господа|ваши превосходительства|уважаем|дорог(?:ие|ой|ая)\s|господин председатель|госпожа председатель"
    r"|أصحاب السعادة|السيدات والسادة|السيد الرئيس|السيدة الرئيسة|各位|女士们|主席先生|主席女士|秘书长先生|诸位阁下|尊敬的|colleagues|friends,|chers|ch[eè]re?s?\s|queridos|estimad[oa]s?\s|querid[oa]s amig[oa]s"
    r"|(?:the\s+)?(?:right\s+)?honou?rable|good (?:morning|afternoon|evening)|bonjour|buenos días|buenas tardes"
    r"|(?:monsieur|madame) (?:le|la) \w|(?:señor|señora) (?:presidente|presidenta|secretari[oa])|excelentísim)",
    re.I,
)
# The line under a pull quote: "— António Guterres", "President of the UN General Assembly".
ATTRIBUTION = re.compile(
    r"^[—–―]\s*[A-ZÀ-ÞА-Я][^.,;:!?]{0,60}$|^(?:(?:the|un|united nations)\s+)*(?:deputy\s+)?(?:president|secretary-general"
    r"|chair|chairperson|spokesperson|high commissioner|special envoy|director-general|executive director)"
    r"(?:\s+of\b.*|,.*|(?:\s+(?-i:[A-ZÀ-ÞА-Я])[\w.’'-]*){1,4})?$",  # "Secretary-General António Guterres"
    re.I,
)
_PARTICLES = {"de", "da", "das", "do", "dos", "del", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ibn",
              "y", "e", "di", "du", "ben", "abu", "st.", "mc"}
_CAPITAL = re.compile(r"^[A-ZÀ-ÞĀ-ſА-ЯЁ][\w.’'\-]*$")


def speaker_name(line: str) -> str | None:
    """Return who speaks, from a speaker line: "Statement by H.E. Mr. X, President of ..." gives "H.E. Mr. X"."""
    match = SPEAKER_NAME.match(line)
    if not match:
        return None
    whole = re.split(r"[,،]", line[match.end():])[0].strip()
    name = _NAME_END.split(whole)[0].strip()
    if name and all(token.isupper() or token.casefold() in _PARTICLES for token in name.split()) \
            and any(token.casefold() in all_words_list("not_names") for token in name.split()):
        return None  # "Discours du RR du PNUD": an office's letters and an organisation's, no one's name
    if _ARABIC.search(name) and not _arabic_name(strip_honorific(name)):
        return arabic_name_after_office(line)  # no capitals: the name is found after the office
    if re.search(r"[А-ЯЁ]", name, re.I) and not is_name(name):
        # "Выступление Первого заместителя Постоянного представителя … Д.А.Полянского": in Russian the
        # office comes first, in the genitive; the name is the run of capitalised words that ends the phrase.
        # "Выступление Верховного комиссара ООН по правам человека Мишель Бачелет": the office's own "по …"
        # may stand between the office and the name.
        name = _trailing_name(name) or _trailing_name(_NAME_END.split(whole, maxsplit=2)[-1]) or "" \
            if _NAME_END.search(whole) and not _OCCASION_RU.search(whole) else _trailing_name(name) or ""
    return name if 0 < len(name) <= 80 else None


# What the occasion of a Russian message opens with, in any case ("ПО ПОВОДУ ВСЕМИРНОГО ДНЯ …"): no name follows.
_OCCASION_RU = re.compile(r"(?:^|\s)(?:по случаю|по поводу|в связи с)\s", re.I)
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?){1,2}[А-ЯЁA-Z][\w’'-]+$")  # "Д.А.Полянского"


def _trailing_name(text: str) -> str | None:
    """Return the capitalised words that end a phrase when they read as a name ("… при ООН Д.А.Полянского")."""
    run: list[str] = []
    for token in reversed(text.split()):
        if not _CAPITAL.match(token) or token.casefold() in all_words_list("not_names") or is_title_word(token) \
                or token.isupper() and len(token) > 1 and not text.isupper():
            break  # "ЮНЕСКО Одре Азуле": an organisation's letters end the run
        run.insert(0, token)
    if len(run) == 1 and _INITIALS.match(run[0]) or 2 <= len(run) <= 4 and is_name(" ".join(run)):
        return " ".join(run)
    return None


# "António Guterres (UN Secretary-General) - Message …", "(Chinese) António Guterres (UN Secretary-General)".
_NAME_OFFICE = re.compile(r"^(?:\([^()]{1,30}\)\s*)?(?P<name>[^()]{3,60}?)\s*\((?P<office>[^()]{3,80})\)")


def name_with_office(text: str) -> str | None:
    """Return the name of a line that gives a name with its office in brackets, or None."""
    match = _NAME_OFFICE.match(text.strip())
    if match and is_name(match["name"]) and is_title_word(match["office"]):
        return strip_honorific(match["name"].strip())
    return None


def cut_at_office(name: str) -> str:
    """Return a name without the office that follows it: "شهد مطر المتحدث الرسمي" gives "شهد مطر"."""
    folded, tokens = fold(name), name.split()
    for index in range(2, len(tokens)):
        if is_title_word(" ".join(tokens[index:])):
            return " ".join(tokens[:index])
    return name


_OFFICE_GOES_ON = re.compile(r"^(?:$|of\b|for\b|to\b|and\b|de\b|du\b|des\b|d’|del\b|pour\b|para\b|et\b|y\b"
                             r"|и\b|по\b|при\b|في|لل|ل|و|ال|[A-ZÀ-ÞА-Я])")  # "رئيس الجمعية العامة"


def is_office_line(text: str) -> bool:
    """True for a line that is an office: "Secretary-General", "Président de l’Assemblée générale"; not a headline
    such as "Le Secrétaire général appelle à un cessez-le-feu"."""
    folded = re.sub(r"^(?:the|un|united nations|le|la|el|l’)\s+", "", fold(_without_acronym(text)))
    for title in sorted(all_words("speaker_titles"), key=len, reverse=True):
        if folded.startswith(title):
            rest = text.strip()[len(text.strip()) - len(folded) + len(title):].strip()
            if rest.startswith(","):  # "Secretary-General, António Guterres"; not "Secretary-General, Addressing ..."
                after = rest[1:].split(",")[0].strip()
                return is_name(after) or is_title_word(after)
            return bool(_OFFICE_GOES_ON.match(rest))
    return False


def is_title_word(text: str) -> bool:
    """True when text starts with an office: "Secretary-General", "President of ...", "Directrice exécutive"."""
    folded = re.sub(r"^(?:the|un|united nations|le|la|el|l’)\s+", "", fold(_without_acronym(text)))
    return any(folded.startswith(title) for title in all_words("speaker_titles"))


def _without_acronym(text: str) -> str:
    """Return text without an organisation's letters before an office: "WHO Director-General", "UNICEF Executive
    Director" are offices (in a line written in capitals the letters cannot be told apart)."""
    match = re.match(r"^\s*[A-Z]{2,7}\s+(?=\S)", text)
    return text[match.end():] if match and not text.isupper() else text


def strip_honorific(name: str) -> str:
    """Return a name without its honorifics: "H.E. Mr. Miroslav Lajčák" gives "Miroslav Lajčák"."""
    changed = True
    while changed:
        changed = False
        for honorific in honorifics():
            if fold(name).startswith(honorific + " "):
                name, changed = name[len(honorific) + 1:].lstrip(), True
                break
    return name


def is_honorific(text: str) -> bool:
    """True for a line that is an honorific alone: "H.E.", "صاحبة السعادة", "Son Excellence"."""
    return fold(text).strip(" ,") in honorifics()


@functools.cache
def all_words_list(table: str) -> frozenset[str]:
    """Return a plain list table of words.yaml (not per language), folded."""
    from toolkit.reader.words import tables

    return frozenset(fold(str(w)) for w in tables()[table])


_HAN_NAME = re.compile(r"^[\u3400-\u9fff]{1,6}[·‧・•][\u3400-\u9fff]{1,8}$")


def is_name(text: str) -> bool:
    """True for a person's name as a page prints it: "António Guterres", "H.E. Ms. María Fernanda Espinosa"."""
    if _HAN_NAME.match(text.strip()):
        return True  # "安东尼奥·古特雷斯"
    if SALUTATION.match(text.strip()):
        return False
    bare = strip_honorific(text.strip())
    tokens = bare.split()
    if bare.isupper() and len(tokens) > 3:
        return False  # a line in capitals of more than three words is a headline, not a name
    if not 2 <= len(tokens) <= 6 or len(bare) > 60 or re.search(r"\d|[:;!?]", bare):
        return False
    if any(t.casefold().strip(".,") in all_words_list("not_names") for t in tokens):
        return False
    capitals = sum(bool(_CAPITAL.match(t)) for t in tokens)
    return capitals >= 2 and all(_CAPITAL.match(t) or t.casefold() in _PARTICLES for t in tokens) \
        and not is_title_word(bare)


def bare_speaker(text: str) -> tuple[str, str] | None:
    """Split a bare speaker line "António Guterres, Secretary-General" into name and office, or None."""
    name, sep, office = text.partition(",")
    if sep and is_name(name) and (is_title_word(office.strip()) or len(office.split()) <= 12):
        return name.strip(), office.strip()
    office, sep, name = text.rpartition(",")  # "Secretary-General, António Guterres"
    if sep and is_name(name) and is_title_word(office):
        return name.strip(), office.strip()
    return None


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TASHKEEL = re.compile(r"[\u064b-\u0652\u0670\u0640]")  # Arabic vowel marks, shadda, sukun, tatweel


def byline_name(text: str) -> str | None:
    """Return the name of a speaker line that opens with a byline ("للدكتور شو دونيو، المدير العام …" gives
    "شو دونيو"): the words up to the comma, without honorifics or the office."""
    folded = fold(text)
    for word in sorted(all_words("bylines"), key=len, reverse=True):
        if folded.startswith(word + " "):
            name = re.split(r"[,،(]", text.strip()[len(word) + 1:])[0]
            name = cut_at_office(strip_honorific(name.strip())).strip()
            if 1 <= len(name.split()) <= 5 and not re.search(r"[\d.:;!?]", name) and not is_title_word(name):
                return name
    return None


def arabic_name_after_office(text: str) -> str | None:
    """Return the Arabic name that follows an office ("… الأمين العام للأمم المتحدة أنطونيو غوتيريش بمناسبة …").

    Arabic has no capitals: the name is the two to four words after the office and what qualifies it
    ("للأمم المتحدة"), up to the word that goes on with the sentence ("بمناسبة", "في", "أمام"); an office's or
    a day's words (with the article "ال") are never a name.
    """
    from toolkit.reader.words import tables

    text = _TASHKEEL.sub("", text)  # "مفوّضة الأمم المتّحدة الساميّة": the office's words without their vowel marks
    qualifiers = sorted(tables()["arabic_names"]["office_qualifiers"], key=len, reverse=True)
    titles = sorted((t for t in all_words("speaker_titles") if _ARABIC.search(t)), key=len, reverse=True)
    for title in titles:
        index = text.find(title)
        if index < 0:
            continue
        rest = text[index + len(title):].strip()
        changed = True
        while changed:
            changed = False
            for qualifier in qualifiers:
                if rest.startswith(qualifier + " "):
                    rest, changed = rest[len(qualifier):].strip(), True
        rest = _past_organisation(rest)
        if found := _arabic_name(rest, whole=False):
            return found
    return None


def _past_organisation(rest: str) -> str:
    """Return what follows an Arabic office past the organisation and place it is of: "للأونروا", "لبرنامج
    الأغذية العالمي", "للأمين العام للأمم المتحدة في العراق" (words with the article, one word after "ل",
    a place after "في"), so that the name comes next ("… مارتن كوبلر")."""
    tokens = rest.split()
    index = 0
    while index < len(tokens) and index < 8:
        token = tokens[index].strip("،,")
        if token.startswith(("ال", "لل", "وال", "بال")) or index == 0 and token.startswith("ل") and len(token) > 3:
            index += 1
        elif token == "في" and index > 0 and index + 1 < len(tokens):
            index += 2  # "… للأمم المتحدة في العراق": the office's place
        else:
            break
    if index and index < len(tokens) and tokens[index - 1].strip("،,") != tokens[index - 1]:
        return rest  # a comma after the organisation: the name is not next
    return " ".join(tokens[index:]) if index < len(tokens) else rest


def is_arabic_name(text: str) -> bool:
    """True for a line that is an Arabic name and nothing else ("أنطونيو غوتيريش", "السيد أنطونيو غوتيريش")."""
    return bool(_ARABIC.search(text)) and bool(_arabic_name(strip_honorific(text.strip())))


def _arabic_name(text: str, whole: bool = True) -> str | None:
    """Return the Arabic name text is (whole) or starts with: two to four words, none an office's or a day's
    word (with the article "ال") nor one that goes on with the sentence."""
    from toolkit.reader.words import tables

    stops = set(tables()["arabic_names"]["stops"])
    tokens: list[str] = []
    words_in = text.split()
    for token in words_in:
        clean = token.strip("،,:؛.()\"“”")
        if not clean or clean in stops or clean.startswith(("ال", "لل")) or not _ARABIC.search(clean):
            if whole:
                return None
            break
        tokens.append(clean)
        if clean != token:
            break  # a comma or a colon ends the name
    if whole and len(tokens) != len(words_in):
        return None
    return " ".join(tokens) if 2 <= len(tokens) <= 4 else None


def in_capitals(text: str) -> bool:
    """True for a line in capitals, but for a word's ending a copy left in small letters ("… СО СПИДом")."""
    cased = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    return len(cased) >= 8 and sum(c.isupper() for c in cased) >= 0.9 * len(cased)


def name_after_office(text: str) -> str | None:
    """Return the name that follows an office in a line: "UN Secretary-General António Guterres' message" gives it."""
    if _ARABIC.search(text) and (found := arabic_name_after_office(text)):
        return found
    if in_capitals(text):
        return None  # in capitals a name cannot be told from the words around it
    if found := name_after_honorific(text):
        return found
    taken: list[range] = []  # where a longer office was found: "Coordinador Residente" is not "Coordinador" + a name
    for title in sorted(all_words("speaker_titles"), key=len, reverse=True):
        folded = fold(text)
        index, skip = folded.find(title + " "), 1
        if index < 0:
            index, skip = folded.find(title + ", "), 2  # "Secretario General, Ban Ki-moon"
        if index < 0 or any(index in span for span in taken):
            continue
        taken.append(range(index, index + len(title)))
        rest = text[index + len(title) + skip:]
        # "Administrador del PNUD en ocasión de la … Junta Ejecutiva": the name follows the office and its
        # qualifier; what comes after "en", "at", "on" … is the occasion, whose capitals are no name.
        rest = _NAME_END.split(" " + rest, maxsplit=1)[0].strip()
        if found := _first_name_run(rest):
            return found
        tokens = []
        for token in rest.split():
            initial = bool(re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ]\.", token)) and bool(tokens)  # "Ann M. Veneman"
            clean = token if initial else re.sub(r"(?:[’']s?|[,:;.])$", "", token)
            if clean.isupper() and len(clean) > 1 and clean.isalpha() and clean == token:
                tokens = []  # "Председателя Исполсовета ЮНЕСКО Э.В.Митрофановой": the body's letters; the name follows
                continue
            if _CAPITAL.match(clean) or (tokens and clean.casefold() in _PARTICLES):
                tokens.append(clean)
                if clean != token:
                    break
            else:
                break
        while tokens and tokens[-1].casefold() in _PARTICLES:
            tokens.pop()
        if len(tokens) >= 2 and is_name(" ".join(tokens)) or len(tokens) == 1 and _INITIALS.match(tokens[0]):
            return " ".join(tokens)
    return None


_HONORIFIC_NAME = re.compile(
    r"(?:^|(?<=[\s,(]))(?:H\.\s?E\.\s+)?(?:(?:Mr|Mrs|Ms|Dr|M|Mme|Sr|Sra|Dña?|Prof)\.?|(?:MR|MRS|MS|DR|SR|SRA|MME|PROF)\.)\s+"
    r"((?:[A-ZÀ-ÞĀ-ſ][\w’'\-]*\.?\s+){0,3}[A-ZÀ-ÞĀ-ſ][\w’'\-]*[\w])")


@functools.cache
def _arabic_honorifics() -> tuple[str, ...]:
    """The honorifics of words.yaml written in Arabic, longest first ("السيدة" before "السيد")."""
    from toolkit.reader.words import tables

    return tuple(sorted((str(h) for h in tables()["honorifics"] if _ARABIC.search(str(h))), key=len, reverse=True))


def name_after_honorific(text: str) -> str | None:
    """Return the name after an honorific: "... l'allocution du Secrétaire général, M. Kofi Annan, à ..." gives it."""
    if _ARABIC.search(text):
        # "كلمة السيد فيليب لازريني _ المفوض العام _ في …": the two to four words after an Arabic honorific,
        # up to a mark or a word with the article (the office).
        for match in re.finditer(r"(?:^|\s)(" + "|".join(map(re.escape, _arabic_honorifics())) + r")\s+(\S.*)", text):
            if found := _arabic_name(match[2], whole=False):
                return found
        return None
    match = _HONORIFIC_NAME.search(text)
    if not match:
        return None
    tokens = match[1].split()
    while len(tokens) >= 2:  # "Ms. Navi Pillay United Nations High Commissioner": the name stops before the office
        if is_name(" ".join(tokens)):
            return " ".join(tokens)
        tokens.pop()
    return None


def name_in(text: str) -> str | None:
    """Return the first person's name a sentence gives ("Filippo Grandi delivers a speech ..." gives it), or None."""
    return _first_name_run(text)


# Nouns of speech a capitalised adjective before them qualifies ("Программная речь", "Keynote address"): that
# adjective opens the next phrase, it does not end the name before it.
_SPEECH_WORDS = frozenset("речь выступление заявление послание обращение speech address remarks statement message "
                          "discurso discours allocution déclaration mensaje".split())


def _first_name_run(text: str) -> str | None:
    """Return the first run of capitalised words in text that reads as a name, skipping an office's words."""
    run: list[str] = []
    tokens = text.split()[:14] + [""]
    for position, token in enumerate(tokens):
        initial = bool(re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ]\.", token)) and bool(run)  # "Ann M. Veneman": an initial
        clean = token if initial else re.sub(r"(?:[’']s?|[,:;.)])$", "", token)
        ends = clean != token
        speech = fold(tokens[position + 1]).strip(",.:;") in _SPEECH_WORDS if position + 1 < len(tokens) else False
        if clean.isupper() and len(clean) > 1 and clean.isalpha() and clean == token and not in_capitals(text):
            run = []  # "Исполсовета ЮНЕСКО Э.В.Митрофановой", "of UNESCO Irina Bokova": a body's letters end a run
            continue
        if clean and _CAPITAL.match(clean) and clean.casefold() not in all_words_list("not_names") \
                and not is_title_word(clean) and not (speech and run):  # "… Джим Ен Ким Программная речь"
            run.append(clean)
            if not ends:
                continue
        elif run and clean.casefold() in _PARTICLES and not ends:
            run.append(clean)
            continue
        while run and run[-1].casefold() in _PARTICLES:
            run.pop()
        if 2 <= len(run) <= 4 and is_name(" ".join(run)) or len(run) == 1 and _INITIALS.match(run[0]):
            return " ".join(run)
        run = []
    return None


_HAN_DOTTED = re.compile(r"[\u3400-\u9fff]{2,5}[·‧・][\u3400-\u9fff]{1,6}")


def han_name_in(text: str) -> str | None:
    """Return a Chinese rendering of a foreign name in a line ("…高級專員菲利普·格蘭迪在…" gives "菲利普·格蘭迪")."""
    from toolkit.reader.detection import to_simplified

    simplified = to_simplified(text)
    masked = list(text)
    for title in all_words("speaker_titles"):
        if "\u3400" <= title[:1] <= "\u9fff":
            for match in re.finditer(re.escape(title), simplified):
                masked[match.start():match.end()] = " " * (match.end() - match.start())
    match = _HAN_DOTTED.search("".join(masked))
    if not match:
        return None
    name = text[match.start():match.end()]
    # The name ends where the sentence goes on: "…格蘭迪於5月30日…", "…古特雷斯在…", or with an honour after it
    # ("彼得·汤姆森先生阁下").
    stop = next((index for index, char in enumerate(name) if index > 2 and char in _han_name_stops()), len(name))
    name = name[:stop]
    for suffix in all_words_list("han_name_suffixes"):
        if (at := name.find(suffix, 3)) > 0:
            name = name[:at]
    return name


def han_name_after_office(text: str) -> str | None:
    """Return the Chinese name that follows an office in a line ("——秘书长潘基文在大会…" gives "潘基文")."""
    from toolkit.reader.detection import to_simplified

    simplified = to_simplified(text)
    titles = sorted((t for t in all_words("speaker_titles") if "\u3400" <= t[:1] <= "\u9fff"), key=len, reverse=True)
    index = 0
    while index < len(simplified):
        title = next((t for t in titles if simplified.startswith(t, index)), None)
        if title is None:
            index += 1
            continue
        start = end = index + len(title)
        occasion = tuple(word for word in _han_not_names() if len(word) >= 2)
        while end < len(text) and end - start < 12 and ("\u3400" <= text[end] <= "\u9fff" or text[end] in "·‧・•") \
                and text[end] not in _han_name_stops() and not (end > start + 1 and simplified.startswith(occasion, end)):
            end += 1
        name = text[start:end]
        for suffix in sorted(all_words_list("han_name_suffixes"), key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[:-len(suffix)]  # "总干事谭德塞博士的讲话": the doctor's title after the name
                break
        # A name is followed by what the person does ("在", "就", "於"), or a bracket; two to four characters
        # unless it is a foreign name with a dot.
        followed = end < len(text) and (text[end] in _han_name_stops() or text[end] in "(（"
                                        or simplified.startswith(occasion, end))  # "古特雷斯国际和平日致辞"
        if followed and (2 <= len(name) <= 4 or re.fullmatch(r"[\u3400-\u9fff]{1,6}[·‧・•][\u3400-\u9fff]{1,8}", name)) \
                and not any(word in to_simplified(name) for word in _han_not_names()):
            return name
        index = start  # an office after the office: "秘书长特别代表王毅在…"
    return None


@functools.cache
def _han_not_names() -> tuple[str, ...]:
    from toolkit.reader.words import tables

    return tuple(tables()["han_not_names"])


@functools.cache
def _han_name_stops() -> frozenset[str]:
    from toolkit.reader.words import tables

    return frozenset("".join(tables()["han_name_stops"]))


@functools.cache
def _lead_ins() -> tuple[str, ...]:
    return tuple(sorted((w for items in words("lead_ins").values() for w in items), key=len, reverse=True))


def _sentence_lead_ins() -> tuple[str, ...]:
    return tuple(w for items in words("lead_ins_sentence").values() for w in items)


def _lead_in_endings() -> tuple[str, ...]:
    return tuple(w for items in words("lead_in_endings").values() for w in items)


def is_lead_in(text: str) -> bool:
    """True for a press release's lead-in: "Following is the Secretary-General's message for …:"."""
    folded = fold(text)
    if len(text) <= 300 and folded.startswith(_sentence_lead_ins()) and folded.rstrip().endswith((".", "。", "”", "»")):
        return True  # "本文為聯合國難民事務高級專員……的發言。", "Discurso pronunciado por …, el 8 de mayo de 2018, “…”"
    if not folded.rstrip().endswith((":", "：")) or len(text) > 500 or is_greeting_line(text):
        return False
    if folded.startswith(_lead_ins()):
        return True
    if folded.rstrip(" :：").endswith(_lead_in_endings()) and len(text) >= 20:
        return True  # "中国常驻联合国代表团……举行招待会。……贺辞如下:": a news item that introduces the text
    # "Le Secrétaire général adjoint ... a prononcé le discours suivant :" names an office and introduces.
    return len(text.split()) >= 12 and any(f" {title} " in f" {folded} " for title in all_words("speaker_titles"))


def is_greeting_line(text: str) -> bool:
    return len(text) <= 120 and bool(SALUTATION.match(text))

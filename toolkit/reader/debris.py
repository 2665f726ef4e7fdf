"""What a web page drags along: buttons, banners, section labels, captions, page headers, stamps.

Each kind of line becomes a finding with its own code; the words per language are in words.yaml.
"""

from __future__ import annotations

import functools
import re

from toolkit.reader.dates import date_venue, is_timestamp
from toolkit.reader.words import all_words, bare, fold, is_label, words

# A bullet a page puts before each item of a share bar or a photo's credit and caption: "• © UNESCO/…".
_BULLET = re.compile(r"^[•▪◦‣●]\s*")

# A press release's document symbol: "SG/SM/18835-OBV/1766", "GA/12045".
SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z]{1,8})*/\d[\w.\-/]*$")
# Section breaks: "* * *", "***", "– – –", "___".
SEPARATOR = re.compile(r"^(?:[*•·~#=_–—|-]\s*){3,}$")
# What a web page puts around the statement: share and print buttons, links, tags, end marks.
WEB_DEBRIS = re.compile(
    r"^(?:share(?: this(?: story| page| article| post)?)?(?:, choose your platform)?|print(?: this page)?|e-?mail"
    r"|related(?: news| stories| content| links)?|read more|read the full (?:statement|speech)|see also"
    r"|back to top|subscribe|ends|(?:tags?|topics?|keywords?)\s*:.*|download(?: the)? .{0,40}"
    r"|follow (?:us|the \S+) on \w+|for information media\W+not an official record"
    r"|for (?:more|further) information.{0,40}contact.*"
    r"|partager|imprimer|lire la suite|télécharger .{0,40}|suivez-nous sur \w+|mots-clés\s*:.*"
    r"|à l’intention des médias\W+document non officiel"
    r"|para (?:información|uso) de los medios de (?:comunicación|información)\W+no es un documento oficial"
    r"|для средств массовой информации\W+не является официальным документом"
    r"|compartir|imprimir|leer más|descargar .{0,40}|síguenos en \w+|etiquetas\s*:.*"
    r"|поделиться|печать|подробнее|читать далее|скачать .{0,40}"
    r"|مشاركة|طباعة|اقرأ المزيد|تحميل .{0,40}|分享|打印|阅读更多|下载.{0,20})[\s.!:»›→>]*$"
    r"|^(?=[^@]{0,80}\w@[\w-]+\.[a-z]{2,})"  # a contact line with an e-mail address
    r"|^(?:share|partager|compartir|поделиться|分享|مشاركة)\s*[:：]?\s*[\"“«„].{3,200}$",  # 'Partager "Allocution du …"'
    re.I,
)
# Photo captions and credits: "UN Photo/Mark Garten", "Photo ONU/Manuel Elias", "© UNHCR".
CAPTION = re.compile(r"^(?:(?:un |united nations )?(?:photo|foto|фото)\b|credit\b|©|source:|image:|video:"
                     r"|watch:|联合国图片|صورة)", re.I)
# A caption ending in its photo credit: "Le drapeau des Nations Unies. Photo ONU/JC McIlwaine".
CREDIT = re.compile(r"(?:^|[.\s])(?:UN Photo|Photo ONU|Foto ONU|Foto de la ONU|Фото ООН|联合国图片|صورة الأمم المتحدة)"
                    r"\s*/\s*[\w .’'-]{2,40}$")
# A caption ending in a credit after its label: "… Board of Governors meeting. (Photo: D. Calma/IAEA)",
# "Secretary-General António Guterres. Photo: World Economic Forum/Boris Baldinger (file)", "… ، تصوير مروان بغدادي".
CREDIT_TAIL = re.compile(r"\(\s*(?:photo|foto|фото|crédit photo|photo credit)\s*:\s*[^()]{2,60}\)$"
                         r"|(?:^|[\s.])(?:photo|foto|фото|crédit photo|photo credit)\s*:\s*[^!?:;/]{2,40}/[^!?:;/]{2,40}$"
                         r"|(?:[،.]|\s[-–—])\s*(?:تصوير|ال?صورة)\s*:?\s*[^.،:]{2,40}$|(?:摄影|攝影|图片来源|圖片來源)\s*[:：]\s*\S{1,20}$", re.I)
# A page's navigation bar: five or more short items between bars ("首页|新闻|军事|文史|政务|财经").
NAV_BAR = re.compile(r"^[^|｜]{1,16}(?:\s?[|｜]\s?[^|｜]{1,16}){4,}$")
# A line that is a link and nothing else: "https://s3.amazonaws.com/…/MSG SG Intl Migrants Day.mp4".
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A link to the speech's video, after a pointer sign: "♦ فيديو لكلمة الأمين العام (باللغة العربية)", "► Watch the video".
VIDEO_LINK = re.compile(r"^[♦◆►▶▷➤➢]\s*.{0,60}(?<!\w)(?:video|vidéo|vídeo|видео|فيديو|الفيديو)|^[♦◆►▶▷➤➢]\s*.{0,30}[视視]频",
                        re.I)
# A document's note of the language it was written in, alone or after its symbol: "DG/ME/ID/2017/07 – Original : francés".
ORIGINAL_NOTE = re.compile(r"(?:^|\s[–—-]\s)(?:original|оригинал|الأصل|原文)\s*[:：]\s*[^\W\d_]+$", re.I)
# A listing's count of results: "Showing 1 - 7 of 7", "7 results found", "Affichage de 1 à 10 sur 25", "共7条结果".
RESULTS = re.compile(r"^(?:showing|affichage de|mostrando|показаны?|显示)\s*\d+\s*(?:[-–]|à|a|по|至)\s*\d+\s*"
                     r"(?:of|sur|de|из|共)\s*\d+.{0,12}$"
                     r"|^\d+\s+(?:results?(?: found)?|résultats?(?: trouvés?)?|resultados?(?: encontrados?)?"
                     r"|результат(?:а|ов)?(?: найдено)?|نتيجة|نتائج)$|^共\s*\d+\s*条(?:结果|记录)?$|^找到\s*\d+\s*条结果$"
                     r"|^\d(?:[.,]\d{1,2})?\s*(?:out of|sur|de|из|/)\s*5(?:\s*(?:stars?|étoiles?|estrellas?))?$"  # a rating
                     r"|^(?:no results found|aucun résultat(?: trouvé)?|no se encontraron resultados|ничего не найдено"
                     r"|未找到(?:相关)?结果|لا توجد نتائج)\.?$"
                     r"|^(?:you are on page|está en la página|vous êtes (?:à|sur) la page|страница)\s*\d+\s*(?:of|de|sur|из)\s*\d+$"
                     r"|^\(\d{1,3}\)$", re.I)  # a viewer's page count, a counter
# A print page header inside the body: "- 2 - SG/SM/1234 24 September 1999", "- 3 -".
PAGE_HEADER = re.compile(r"^[-–—]\s*\d{1,3}\s*[-–—](?:\s+.{0,80})?$")
# A video's length as a player prints it: "00:01:30", "4:05".
DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")
# A breadcrumb or banner: "Home > Speeches > 2018", "Département de l’information • Service ... • New York".
BREADCRUMB = re.compile(r"^[^>/»›|•]{1,60}(?:\s+[>/»›|•]\s+[^>/»›|•]{1,60}){1,6}$")
# A page label of a printed or flip-book copy: "Page 183 - ...", "P. 183", a lone "32." or "161".
PAGE_LABEL = re.compile(r"^(?:page|p\.)\s*\d{1,4}\b.*$|^\d{1,4}\.?$", re.I)
# A document's file name as a sharing site prints it: "33488-DiscursoABI-27junio2008rev5".
FILE_NAME = re.compile(r"^(?=\S*\d)(?=\S*[A-Za-z]{3})[\w.\-]{12,80}$")
# A document's file name as a sharing site prints it: "秘书长讲话.docx", "SG_statement.pdf".
DOCUMENT_NAME = re.compile(r"^\S{1,60}\.(?:docx?|pdf|pptx?|xlsx?|rtf|odt|txt)$", re.I)
# A section label glued to the symbol by the copy: "Secrétaire généralSG/SM/10179".
GLUED_SYMBOL = re.compile(r"^[^\W\d][^\d/]{2,40}?[a-zà-ÿ]\s?(?:[A-Z]{1,8}/)+\d[\w.\-/]*$")
# A news-service line: "Geneva (UN Information Service)".
_NEWS_SERVICE = re.compile(
    r"^(?P<venue>[^\W\d][\w .’'-]{1,40}?)\s*\((?:(?:UN |United Nations )?Information Service"
    r"|Service d[’']information des Nations Unies|Servicio de Información de las Naciones Unidas)\)$",
    re.I,
)


@functools.cache
def _prefixes(table: str = "label_prefixes") -> tuple[str, ...]:
    return tuple(prefix for prefixes in words(table).values() for prefix in prefixes)


@functools.cache
def _notices() -> tuple[str, ...]:
    """The long label openings: a site notice is one however long its line."""
    return tuple(prefix for prefix in _prefixes() if len(prefix) >= 20)


@functools.cache
def _phrase(table: str) -> re.Pattern:
    """Match any wording of a table as whole words (Chinese wordings anywhere)."""
    wordings = sorted(_prefixes(table), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) if "\u3400" <= w[0] <= "\u9fff" else rf"(?<!\w){re.escape(w)}(?!\w)"
                               for w in wordings))


def _labelled_caption(text: str) -> bool:
    """True for a caption the page labels as one: "图片说明:…", "Photo caption: …", "Légende : …"."""
    return len(text) <= 300 and fold(text).startswith(_prefixes("caption_labels"))


def _credit(text: str) -> bool:
    """True for a photo credit or caption line: "UN Photo/Mark Garten", "• © UNESCO/Andrew Wheeler"."""
    text = _BULLET.sub("", text)
    return _labelled_caption(text) or bool(CAPTION.match(text) and len(text) <= 90 and not text.endswith(".")
                or len(text) <= 160 and "/" in text and CREDIT.search(text))


def photo_caption(text: str, ended: bool = True) -> tuple[str, str] | None:
    """Return a finding for a photo's caption or alt text above the speech, or None.

    A caption says what the picture shows, in one sentence: "Filippo Grandi delivers a speech from
    behind a lectern.", "秘书长于2020年1月会见…". Only lines above the speech are asked: in the text
    the same words are the speaker's own. Without its full stop (ended False) only a line above the
    headline is asked: a headline may read "X speaks at …".
    """
    if len(text) > 250 or re.search(r"[.!?]\s+\S|[。！？]", text.rstrip(".。")):
        return None  # more than one sentence: the speech
    found = _phrase("caption_phrases").search(fold(text))
    if found and not _phrase("first_person").search(fold(text)) \
            and (not ended or text.endswith((".", "。")) or "\u3400" <= found[0][0] <= "\u9fff"):
        return "caption-line", f"photo caption {text[:60]!r} (what the picture shows); left out of the release"
    return None


def beside_credit(text: str, neighbours: list[str]) -> tuple[str, str] | None:
    """Return a finding for the caption printed beside a photo credit ("• Irina Bokova" under "• © UNESCO/…")."""
    from toolkit.reader.speakers import is_name

    from toolkit.reader.detection import script_of

    core = _BULLET.sub("", text)
    if len(core) <= 160 and not core.endswith((".", "!", "?", "。")) \
            and any(_labelled_caption(other) and script_of(other) not in (None, script_of(core)) for other in neighbours):
        # "UN Day event 2021" over "图片说明:…": the picture's alternative text, in another script than its caption
        return "caption-line", f"picture text {core[:60]!r} beside its caption; left out of the release"
    if not any(_credit(other) for other in neighbours) or len(core) > 90 or core.endswith((".", "!", "?", "。")):
        return None
    bulleted = core != text and all(_BULLET.match(other) for other in neighbours if _credit(other))
    if is_name(core) or bulleted:
        return "caption-line", f"caption {core!r} beside a photo credit; left out of the release"
    return None


def _spaced_menu(text: str) -> bool:
    """True for a site's menu copied as one line of items between spaces, opening with the home page:
    "首页 会议与发言 常驻团活动 中国与联合国 联合国会议文件 走进中国 English"."""
    items = text.split()
    return len(items) >= 5 and fold(items[0]) in all_words("section_labels") and len(text) <= 120 \
        and all(len(item) <= 10 for item in items) and not re.search(r"[.,;:!?。，；：！？]", text) \
        and all("\u3400" <= item[0] <= "\u9fff" for item in items[:3])


def _press_masthead(text: str) -> bool:
    """True for a newspaper's or agency's name and tagline: "Juventud Rebelde - Diario de la Juventud Cubana"."""
    parts = re.split(r"\s+[-–—|｜]\s+", text)
    if len(parts) != 2 or len(text) > 90 or text.endswith((".", "!", "?", "。")) or re.search(r"\d", text):
        return False
    tagline = fold(parts[1])
    return any(tagline == word or tagline.startswith(word + " ") or "\u3400" <= word[0] <= "\u9fff" and word in tagline
               for word in _prefixes("press_taglines"))


def venue_line(text: str) -> str | None:
    """Return the place of a news-service line such as "Geneva (UN Information Service)"."""
    match = _NEWS_SERVICE.match(text)
    return match["venue"].title() if match and match["venue"].isupper() else match and match["venue"]


def _glued_logo(text: str) -> bool:
    """True for a banner whose logo's letters are glued to the name they stand for:
    "UNUnited Nations Economic Commission for Europe"."""
    for size in range(2, 7):
        head, rest = text[:size], text[size:]
        if len(rest) < 2 or not head.isupper() or not head.isalpha() or not rest[0].isupper() or not rest[1].islower():
            continue
        initials = "".join(word[0] for word in rest.split() if word[:1].isupper())
        return len(rest.split()) >= size and initials.startswith(head)
    return False


def _document_label(text: str) -> bool:
    """True for a document's part label: "Annex D", "المرفق دال", "Приложение II", "附件一"."""
    folded = bare(text)
    for label in sorted(all_words("document_labels"), key=len, reverse=True):
        if folded == label or folded.startswith(label + " ") and len(folded.split()) - len(label.split()) == 1 \
                and len(folded) - len(label) <= 7 and not folded.endswith("s"):
            return True
        if "\u3400" <= label[0] <= "\u9fff" and folded.startswith(label) and len(folded) - len(label) <= 2:
            return True
    return False


_NOT_A_BODY = re.compile(r"^(?:by|of|from|on|at|to|for|de|du|des|d’|par|sur|à|au|del|por|la|le|les|el|the)\b", re.I)


def _type_and_office(text: str) -> bool:
    """True for a page's item type and office run together: "Déclarations Haut-Commissariat aux droits de l’homme",
    "Press releases Human Rights Council", "讲话 人权事务高级专员办事处", "البيانات المفوضية السامية لحقوق الإنسان"
    (OHCHR's pages), never a headline: no verb, no name, no date."""
    if len(text) > 90 or re.search(r"[\d.:;!?,،]", text):
        return False
    folded = fold(text)
    kind, _, office = folded.partition(" ")
    if office and kind in all_words("section_labels") and re.search(r"[\u0600-\u06ff\u3400-\u9fff]", text) \
            and any(office.startswith(word) or office.endswith(word) for word in all_words("office_nouns")):
        return True
    for label in sorted(all_words("section_labels"), key=len, reverse=True):
        if len(label) < 4 or not folded.startswith(label + " "):
            continue
        rest = text[len(label) + 1:].strip()
        return rest[:1].isupper() and not _NOT_A_BODY.match(rest) \
            and any(body in fold(rest) for body in all_words("meeting_words") if len(body) > 8)
    return False


def site_suffix(text: str) -> re.Match | None:
    """Return the match of a page title's site name after a bar ("Message on World Water Day | UN News"): the
    headline, with the site's name (a label) after it; group 1 is the headline."""
    match = re.match(r"^(.{6,}?)\s+[|｜]\s+([^|｜]{2,60})$", text)
    return match if match and is_label(match[2]) and not is_label(match[1]) else None


def _dated_place(text: str) -> bool:
    """True for a date line with a bar between place and date: "Geneva | 22 March 2023", "22 March 2023 | Geneva"."""
    from toolkit.reader.dates import strip_date

    place = fold(strip_date(text).strip(" |–—-,"))
    return bool(date_venue(text)[0]) and (not place or place in all_words("places"))


def debris(text: str) -> tuple[str, str] | None:
    """Return a finding's code and message for a line a release leaves out, or None."""
    if len(text) <= 600 and fold(text).startswith(_notices()):
        return "label-line", f"label line {text[:60]!r} (a site notice); left out of the release"
    if len(text) <= 300 and _phrase("site_notices").search(fold(text)):
        return "label-line", f"site notice {text[:60]!r} (to the site's readers, not the speech's); left out"
    if len(text) <= 300 and CREDIT_TAIL.search(text) and not _phrase("first_person").search(fold(text)):
        return "caption-line", f"photo caption {text[:60]!r} (it ends with the photo's credit); left out of the release"
    if len(text) <= 400 and BARE_URL.match(text):
        return "web-debris", f"link {text[:60]!r} (an address on a line of its own); left out of the release"
    if (crumbs := re.split(r"\s+[>»›/]\s+", text.strip())) and len(crumbs) >= 3 and len(text) <= 300 \
            and fold(crumbs[0]) in all_words("section_labels") and all(len(c) <= 60 for c in crumbs[:-1]):
        # "Home » About Us » Executive Director » Statements and Speeches » Closing Address of …": the trail ends
        # with the headline, which the page prints again below
        return "breadcrumb", f"breadcrumb {text[:60]!r} (the page's navigation); left out of the release"
    if len(text) > 120:
        return None
    if SEPARATOR.match(text) or re.fullmatch(r"[^\w\s«»“”\"'()\[\]（）?？!]{1,3}", text.strip()):
        # "***", "– – –", and a lone "--" or "." a page leaves between the date and the text
        return "separator", f"separator line {text!r}; left out of the release"
    core = _BULLET.sub("", text)  # a share bar or a credit printed as a list
    if re.match(r"^[»›]\s*\S", text) and len(text) <= 250 and not text.endswith((".", "!", "?", "。")):
        return "breadcrumb", f"breadcrumb {text[:60]!r} (the trail to this page); left out of the release"
    if ORIGINAL_NOTE.search(core) and len(core) <= 80:
        return "marker", f"note {text!r} (the document's symbol and original language); left out of the release"
    if RESULTS.match(core):
        return "web-debris", f"search results line {text!r} (the page's list of results); left out of the release"
    if WEB_DEBRIS.match(core):
        return "web-debris", f"web page debris {text!r} (a link, a button, contact details?); left out of the release"
    if len(core) <= 80 and _phrase("ui_phrases").search(fold(core)):
        return "web-debris", f"button {text!r} (a share or link button); left out of the release"
    if (len(core) <= 80 or fold(core).startswith(("enlace a la página", "link to the page", "lien vers la page"))) \
            and not core.endswith((".", "!", "?", "。")) and fold(core).startswith(_prefixes("link_labels")):
        return "web-debris", f"link {text!r} (to another page of the site); left out of the release"
    if len(core) <= 100 and VIDEO_LINK.match(core):
        return "web-debris", f"video link {text!r} (to the speech's video); left out of the release"
    if _credit(text):
        return "caption-line", f"caption-like line {text!r} (a photo caption?); left out of the release"
    if _spaced_menu(text):
        return "breadcrumb", f"navigation bar {text[:60]!r} (the site's sections); left out of the release"
    if NAV_BAR.match(text) and not _dated_place(text):
        return "breadcrumb", f"navigation bar {text[:60]!r} (the site's sections); left out of the release"
    if _press_masthead(text):
        return "banner", f"site banner {text!r} (a newspaper's name and tagline); left out of the release"
    if len(text) <= 90 and not text.endswith(".") and fold(text).startswith(_prefixes("banners")):
        return "banner", f"site banner {text!r} (the name of the office whose site it is); left out of the release"
    if fold(text) in all_words("markers") or bare(text) in all_words("markers") \
            or bare(text).strip("()（） ") in all_words("markers") and re.fullmatch(r"[(（].{1,12}[)）]", text.strip()):
        # "(END)", "(FIN)", "（完）": an end mark in brackets
        return "marker", f"marker line {text!r} (not part of the speech); left out of the release"
    if is_label(text):
        return "section-label", f"site section label {text!r}; left out of the release"
    if _glued_logo(text):
        return "banner", f"site banner {text!r} (the logo's letters glued to the name); left out of the release"
    if _document_label(text):
        return "section-label", f"document label {text!r} (a part of the document, not of the speech); left out"
    if _type_and_office(text):
        return "section-label", f"site section label {text!r} (the page's item type and office); left out"
    if DURATION.match(text):
        return "marker", f"time {text!r} (a video's length, a clock time); left out of the release"
    if is_timestamp(text):
        return "timestamp", f"time stamp {text!r} (from the web page, not the date of delivery); left out"
    if PAGE_HEADER.match(text) or PAGE_LABEL.match(text) and len(text) <= 120:
        return "page-header", f"print page header {text!r}; left out of the release"
    if FILE_NAME.match(text) and not SYMBOL.match(text) or DOCUMENT_NAME.match(text):
        return "file-name", f"file name {text!r} (the document's name on the site); left out of the release"
    if GLUED_SYMBOL.match(text):
        return "label-line", f"section label glued to the symbol {text!r}; left out of the release"
    if BREADCRUMB.match(text.strip(" |")) and len(text.split()) <= 16 and not text.endswith((".", "?", "!")) \
            and not _dated_place(text) and not site_suffix(text):
        return "breadcrumb", f"breadcrumb {text!r} (the page's navigation); left out of the release"
    if fold(text).startswith(_prefixes()) and len(text) <= 100:
        return "label-line", f"label line {text!r} (keywords, credits, a journal line?); left out of the release"
    return None

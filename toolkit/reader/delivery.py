"""Delivery notes: "As delivered", "Seul le prononcé fait foi", "As delivered by H.E. …, 5 June 2018"."""

from __future__ import annotations

import re

from toolkit.model import DeliveryKind
from toolkit.reader.words import delivery_notes, fold, lookup

# "As translated from Spanish", "Traduit de l'espagnol", "Traducción del inglés" ...
_TRANSLATED = re.compile(
    r"^(?:as translated from (?:the )?(?P<en>\w+)(?: original)?"
    r"|tradu(?:it|ction) de (?:l[’']original )?(?:l[’'])?(?P<fr>\w+)"
    r"|traducción del? (?:original en )?(?P<es>\w+)"
    r"|перевод с (?P<ru>\w+)(?: языка)?)$",
    re.I,
)
_WRAPPING = " -–—*_[](){}|（）【】«»"


def _bare(text: str) -> str:
    bare = re.sub(r"</?(?:i|em|b|strong)>", "", text)  # italics as pasted from a page's source
    return fold(bare.strip(_WRAPPING).rstrip(".").strip())


def delivery_kind(text: str) -> tuple[DeliveryKind, str | None] | None:
    """Return the kind of delivery note a line is (and the original language), or None."""
    bare = _bare(text)
    kind = delivery_notes().get(bare)
    if kind is None and text.strip()[:1] in "[(（【" and re.search(r"[,;]", bare):  # "[bilingual, as delivered; ...]"
        kind = next((delivery_notes()[part] for part in re.split(r"[,;]\s*", bare) if part in delivery_notes()), None)
    if kind is None and len(bare) <= 160 and not re.search(r"[.!?;:]\s", bare):
        # "El siguiente discurso se presenta tal y como se preparó para su entrega.": a one-sentence notice
        # that ends with a delivery note's wording says the same.
        kind = next((found for phrase, found in delivery_notes().items()
                     if len(phrase) >= 14 and bare.endswith(" " + phrase)), None)
    if kind and not bare.endswith((" by", " par", " por")):
        return DeliveryKind(kind), None
    match = _TRANSLATED.match(bare.replace("’", "'"))
    if match:
        word = next(group for group in match.groups() if group)
        return DeliveryKind.AS_TRANSLATED, lookup("language_names").get(word.casefold())
    return None


def delivery_lead(text: str) -> tuple[DeliveryKind, str] | None:
    """Split a delivery line that goes on ("As delivered by H.E. Mr. X, 5 June 2018") into kind and rest."""
    bare = re.sub(r"</?(?:i|em|b|strong)>", "", text).strip(_WRAPPING)
    folded = fold(bare)
    for phrase in sorted(delivery_notes(), key=len, reverse=True):
        if folded.startswith(phrase) and len(folded) > len(phrase) and folded[len(phrase)] in " ,:;":
            rest = bare[len(phrase):].lstrip(" ,:;")
            if rest:
                return DeliveryKind(delivery_notes()[phrase]), rest.strip(_WRAPPING)
    return None


def trailing_delivery(text: str) -> tuple[str, str] | None:
    """Split a title that ends in its delivery note ("Remarks to the Council [as delivered]"), or None."""
    match = re.fullmatch(r"(.+?)\s*([\[(（【][^\[\](){}]+[\])）】])", text)
    if not match:
        return None
    parts = re.split(r"[,;]\s*", match[2].strip("[](){}（）【】"))  # "[bilingual, as delivered; scroll down ...]"
    return (match[1], match[2]) if delivery_kind(match[2]) or any(delivery_kind(part) for part in parts) else None

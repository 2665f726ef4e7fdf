"""What the reader understood, for `presskit lint`: a record per statement and a short summary."""

from __future__ import annotations

from toolkit.model import Block, Finding, Statement

SEVERITY_ORDER = ("note", "warning", "error")


def needs_attention(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    """True when a finding asks a person to look (a warning) or stops publishing (an error)."""
    return any(f.severity != "note" for f in findings)


def describe(statement: Statement) -> dict:
    """Return what the reader understood of one statement, as `presskit lint --json` prints it."""

    def block(b: Block) -> dict:
        record = {"kind": b.kind.value, "line": b.line, "language": b.lang or statement.source_lang, "text": b.text}
        if b.original:
            record["original"] = b.original
        return record

    return {
        "file": str(statement.path),
        "language": statement.source_lang,
        "script": statement.script,
        "title": statement.title.text if statement.title else None,
        "delivery_note": statement.delivery.text if statement.delivery else None,
        "speaker": statement.speaker.text if statement.speaker else None,
        "speaker_name": statement.speaker_name,
        "date": statement.date.isoformat() if statement.date else None,
        "venue": statement.venue,
        "symbol": statement.symbol,
        "second_language": statement.second_language,
        "reviewed": statement.reviewed,
        "blocks": [block(b) for b in statement.blocks()],
        "translation": [block(b) for b in statement.translation],
        "findings": [{"line": f.line, "code": f.code, "severity": f.severity, "message": f.message}
                     for f in statement.findings],
    }


def summary(statement: Statement) -> list[str]:
    """Return the short summary plain lint prints above a statement's findings: what will print."""

    def shorten(text: str | None, width: int = 90) -> str:
        if not text:
            return "(none)"
        return text if len(text) <= width else text[: width - 1] + "…"

    date = statement.date.isoformat() if statement.date else "(none)"
    if statement.venue:
        date += f", {statement.venue}"
    language = statement.source_lang + (f" (written in {statement.script}, printed in Simplified)"
                                        if statement.script == "Hant" else "")
    if statement.second_language:
        language += f"; a {statement.second_language} copy is left out"
    counts = {s: sum(f.severity == s for f in statement.findings) for s in SEVERITY_ORDER}
    found = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n) or "nothing to report"
    return [
        f"{statement.path}: {found}",
        f"  title:    {shorten(statement.title.text if statement.title else None)}",
        f"  date:     {date}",
        f"  speaker:  {shorten(statement.speaker_name or (statement.speaker.text if statement.speaker else None))}",
        f"  language: {language}",
    ]

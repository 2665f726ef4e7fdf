"""The reader corpus (tests/data/corpus/): each real statement checked against its hand-made sidecar.

Shared by tests/test_corpus.py (every field must hold), tests/test_holdout.py (the held-out set of
tests/data/holdout/: no crash, nothing lost) and benchmarks/reader.py (accuracy per field of both).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
HOLDOUT = CORPUS.parent / "holdout"  # measured, never tuned on: see tests/data/holdout/README.md
FIELDS = ("language", "script", "second_language", "title", "date", "speaker_name", "venue",
          "body_starts", "debris", "nothing_lost")


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    """Return every text of a corpus folder (the tuned corpus by default) that has a sidecar."""
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".json").exists())


def fingerprint(path: Path) -> str:
    """Return a short hash of a file's text and sidecar: an edited sidecar is a new expectation."""
    import hashlib

    data = path.read_bytes() + path.with_suffix(".json").read_bytes()
    return hashlib.sha256(data).hexdigest()[:10]


def words(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", text).casefold()).split())


def _same(found: str | None, expected: str | None) -> bool:
    if expected is None or found is None:
        return found is None and expected is None
    return " ".join(found.split()).casefold() == " ".join(expected.split()).casefold()


def _repaired(path: Path, text: str | None) -> str | None:
    """The sidecars give a garbled title as the bytes garbled it; the reader prints it repaired."""
    if text is None:
        return None
    from toolkit.reader.repair import repair_lines

    return repair_lines(path, [(1, text)])[0][0][1]


def _printed(statement, text: str | None) -> str | None:
    """The sidecars give names as written; a Traditional-Chinese original prints them in Simplified."""
    from toolkit.reader.detection import to_simplified

    return to_simplified(text) if text and statement.script == "Hant" else text


def check(path: Path) -> dict[str, tuple[bool, str]]:
    """Read one corpus file and return, per field, whether the reader got it right and what it found."""
    from toolkit.statement import read_statement

    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    try:
        s = read_statement(path)
    except Exception as exc:  # noqa: BLE001 (a crash fails every field, and says why)
        refused = expected.get("refuse") and "cannot be trusted" in str(exc)
        return {field: (bool(refused), f"refused: {exc}" if refused else f"crash: {type(exc).__name__}: {exc}")
                for field in FIELDS}
    if expected.get("refuse"):
        return {field: (False, "read, but the sidecar says the text cannot be trusted") for field in FIELDS}
    title = s.title and (s.title.original or s.title.text)
    result = {
        "language": (s.source_lang == expected["language"], s.source_lang),
        "script": (s.script == expected.get("script"), str(s.script)),
        "second_language": (s.second_language == expected.get("second_language"), str(s.second_language)),
        "title": (_same(title, _repaired(path, expected.get("title"))), repr(title)),
        "date": ((s.date.isoformat() if s.date else None) == expected.get("date"), str(s.date)),
        "speaker_name": (_same(s.speaker_name, _printed(s, expected.get("speaker_name"))), repr(s.speaker_name)),
        "venue": (_same(s.venue, _printed(s, expected.get("venue"))), repr(s.venue)),
    }
    body = [b for b in s.body]
    first = body[0].line if body else None
    result["body_starts"] = (first == expected.get("body_starts"), str(first))
    lines = path.read_text(encoding="utf-8").splitlines()
    findings = {f.line for f in s.findings}
    starts = {b.line for b in s.blocks()}
    missed = [n for n in expected.get("debris_lines", []) if n not in findings or n in starts]
    result["debris"] = (not missed, f"debris lines not reported or printed: {missed}")
    result["nothing_lost"] = _nothing_lost(s, lines, findings)
    return result


def _nothing_lost(s, lines: list[str], findings: set[int]) -> tuple[bool, str]:
    """Every non-blank line is printed, used above the body (title, date ...), or a finding."""
    used = {line for line, _ in s.front} | findings | ({s.delivery.line} if s.delivery else set())
    printed = " ".join(words(b.original or b.text) for b in s.blocks() + s.translation)
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    lost = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or number in used:
            continue
        if words(line) and words(line) not in printed:
            lost.append(number)
    return not lost, f"lines lost: {lost[:10]}"


def misses_text(files: list[Path]) -> str:
    """Return the CHECKED and KNOWN_MISSES lists of tests/test_corpus.py for these files, as Python."""
    out = ["CHECKED = {  # every corpus file, with the fingerprint of its text and sidecar"]
    out += [f"    {json.dumps(path.stem)}: {json.dumps(fingerprint(path))}," for path in files]
    out += ["}", "KNOWN_MISSES: dict[str, dict[str, str]] = {  # file: {field: what the reader found}"]
    for path in files:
        bad = sorted((field, found) for field, (ok, found) in check(path).items() if not ok)
        if bad:
            out.append(f"    {json.dumps(path.stem)}: {{")
            out += [f"        {json.dumps(field)}: {json.dumps(found, ensure_ascii=False)}," for field, found in bad]
            out.append("    },")
    out.append("}")
    return "\n".join(out)


def write_misses(test_file: Path, files: list[Path]) -> None:
    """Replace the CHECKED and KNOWN_MISSES lists in test_file with those of these files."""
    text = test_file.read_text(encoding="utf-8")
    start = text.index("CHECKED = {")
    end = text.index("\n}\n", text.index("\nKNOWN_MISSES", start)) + 3
    test_file.write_text(text[:start] + misses_text(files) + "\n" + text[end:], encoding="utf-8")


if __name__ == "__main__":  # python tests/support/corpus.py --misses [--write]: the lists of tests/test_corpus.py
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
    if "--write" in sys.argv:
        write_misses(Path(__file__).resolve().parent.parent / "test_corpus.py", corpus_files())
    else:
        print(misses_text(corpus_files()))

"""Publish stage: corrections. A statement issued final is never rebuilt in place once it changes.

Each statement's manifest records its version, whether that version was issued final, and the
blocks it was made from. When the statement changes after a final version (a corrected
transcript), the next publish keeps that version's files byte for byte under
`output/<slug>/v<N>/` and issues version N+1, which says which version it replaces and when that
was issued, and lists the changed paragraphs. A version that was never issued final is rebuilt
in place, as before: a draft replaces nothing that was sent.
"""

from __future__ import annotations

import datetime
import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from toolkit import boundary
from toolkit.catalogs.merge import block_keys, is_reviewed
from toolkit.catalogs.syntax import short
from toolkit.errors import PresskitError, ReviewError
from toolkit.model import Statement

MANIFEST = "manifest.json"  # publishing.MANIFEST: the name both stages read and write


@dataclass(frozen=True)
class Change:
    """One block of a statement that differs from the version it corrects."""

    block: int  # 1-based place among the statement's blocks (title, speaker, body), in the new version
    kind: str  # "title", "speaker", "paragraph", ...
    line: int  # its line in the new speech file (in the old one for a removed block)
    change: str  # "changed", "added" or "removed"
    before: str = ""
    after: str = ""

    def as_record(self) -> dict:
        return {"block": self.block, "kind": self.kind, "line": self.line, "change": self.change,
                "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Version:
    """Which version of a statement a run issues, and what it replaces."""

    number: int = 1
    final: bool = False  # this version has been issued final (stays so while its text is the same)
    replaces: int = 0  # the version it corrects; 0 for a first version
    replaced_issued: str = ""  # ISO 8601 UTC: when the replaced version was issued
    changes: tuple[Change, ...] = ()
    blocks: tuple[dict, ...] = ()  # the statement as this version prints it: kind, line, text
    archive: tuple[tuple[str, bytes], ...] = ()  # files to keep under v<replaces>/ in this run

    @property
    def is_correction(self) -> bool:
        return self.replaces > 0

    @property
    def folder(self) -> str:
        """Return the folder of the replaced version, relative to output/<slug>/ ("v1")."""
        return f"v{self.replaces}" if self.replaces else ""

    def manifest_fields(self) -> dict:
        """Return what the manifest says about the version, beside its editions."""
        fields = {"version": self.number, "final": self.final, "blocks": list(self.blocks)}
        if self.is_correction:
            fields["replaces"] = {"version": self.replaces, "issued": self.replaced_issued, "folder": self.folder}
            fields["changes"] = [change.as_record() for change in self.changes]
        return fields


def statement_blocks(statement: Statement) -> tuple[dict, ...]:
    """Return the blocks of a statement as a manifest records them."""
    return tuple({"kind": block.kind.value, "line": block.line, "text": block.text} for block in statement.blocks())


def plan_version(folder: Path, statement: Statement, *, final: bool, languages: set[str],
                 within: tuple[Path, ...] | None = None, shown=None) -> Version:
    """Return the version a publish of `statement` into `folder` issues (no I/O but reading).

    A statement whose text changed since a final version is a correction: the version's files
    are read, checked against its manifest and returned to be kept under v<N>/. `languages` are
    the editions this run builds; a correction must build every one the corrected version had.
    """
    shown = shown or folder
    blocks = statement_blocks(statement)
    previous = _read_json(folder / MANIFEST, within)
    if previous is None or not isinstance(previous.get("version"), int):
        # Nothing published yet, or by a presskit that kept no versions: a first version.
        return Version(1, final, blocks=blocks)
    number, was_final = previous["version"], previous.get("final") is True
    replaced = previous.get("replaces") if isinstance(previous.get("replaces"), dict) else {}
    if _texts(previous.get("blocks")) == _texts(blocks):
        # The same text: the same version, final once issued final.
        return Version(number, was_final or final, replaced.get("version", 0), replaced.get("issued", ""),
                       _changes(previous.get("changes")), blocks)
    if not was_final:
        # A draft rebuilt in place; a correction still corrects the same version as before.
        if not replaced:
            return Version(number, final, blocks=blocks)
        older = _read_json(folder / f"v{replaced['version']}" / MANIFEST, within)
        if older is None:
            raise PresskitError(f"version {number} corrects version {replaced['version']}, whose manifest "
                                f"is missing or unreadable; restore {shown}/v{replaced['version']}/ and run again")
        return Version(number, final, replaced["version"], replaced.get("issued", ""),
                       compare_blocks(older.get("blocks") or [], blocks), blocks)
    # A final version changed: a correction.
    issued = [str((record.get("provenance") or {}).get("issued") or "") for record in previous.get("editions") or []
              if isinstance(record, dict)]
    codes = sorted(str(record.get("code")) for record in previous.get("editions") or [] if isinstance(record, dict))
    missing = [code for code in codes if code not in languages]
    if missing:
        raise PresskitError(f"{statement.slug} corrects version {number}, issued final in "
                            f"{', '.join(codes)}: a correction replaces every edition, so publish "
                            f"{', '.join(missing)} too (they are left out of this run's languages)")
    return Version(number + 1, final, number, max(issued, default=""),
                   compare_blocks(previous.get("blocks") or [], blocks), blocks,
                   _archive(folder, previous, number, within, shown))


def compare_blocks(before, after) -> tuple[Change, ...]:
    """Return the blocks that differ between two versions' block lists, in the new version's order."""
    before = [b for b in before if isinstance(b, dict)]
    old, new = _texts(before), _texts(after)
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = before[i1:i2], list(after[j1:j2])
        for k in range(max(len(olds), len(news))):
            was = olds[k] if k < len(olds) else None
            now = news[k] if k < len(news) else None
            if was and now:
                changes.append(Change(j1 + k + 1, now["kind"], now["line"], "changed", was["text"], now["text"]))
            elif now:
                changes.append(Change(j1 + k + 1, now["kind"], now["line"], "added", "", now["text"]))
            else:
                changes.append(Change(j1 + len(news) + 1, str(was.get("kind", "")), int(was.get("line") or 0),
                                      "removed", str(was.get("text", "")), ""))
    return tuple(changes)


def check_final(corrections: list[tuple[Statement, Version, list]], shown_path) -> None:
    """Raise ReviewError naming each changed paragraph of a correction that a language has not reviewed.

    `corrections` holds (statement, version, [(language, merged catalog)]); `shown_path` turns a
    speech file's path into the one to print.
    """
    problems = []
    for statement, version, merged in corrections:
        if not version.is_correction:
            continue
        keys = block_keys(statement)
        for change in version.changes:
            if change.change == "removed":
                continue
            context, msgid = keys[change.block - 1]
            waiting = [lang for lang, catalog in merged
                       if catalog is None or (message := catalog.get(msgid, context=context)) is None
                       or not is_reviewed(message)]
            if waiting:
                problems.append(f"  {shown_path(statement.path)}:{change.line}: {change.kind} "
                                f"{change.change} ({', '.join(waiting)}): {short(msgid, 60)}")
    if problems:
        raise ReviewError("--final: a correction's changed paragraphs are not reviewed in every language; "
                          "nothing was written. Review them (clear the fuzzy flag) or leave out --final:\n"
                          + "\n".join(problems))


def issued_date(issued: str) -> datetime.date | None:
    """Return the day (UTC) of an ISO issue time, or None."""
    try:
        return datetime.datetime.strptime(issued, "%Y-%m-%dT%H:%M:%SZ").date()
    except (TypeError, ValueError):
        return None


def _archive(folder: Path, manifest: dict, number: int, within, shown) -> tuple[tuple[str, bytes], ...]:
    """Return every file of a version as issued, checked against its manifest, to keep under v<N>/."""
    import hashlib

    names = [MANIFEST, "index.html"]
    expected = {}
    for record in manifest.get("editions") or []:
        for kind in ("html", "pdf"):
            name = f"{record.get('code')}.{kind}"
            names.append(name)
            expected[name] = record.get(f"{kind}_sha256")
    files = []
    for name in sorted(names):
        data = _read(folder / name, within)
        if data is None or (name in expected and hashlib.sha256(data).hexdigest() != expected[name]):
            what = "is missing" if data is None else "changed since it was issued (its checksum is not the manifest's)"
            raise PresskitError(f"cannot keep version {number} as issued under {shown}/v{number}/: "
                                f"{shown}/{name} {what}; put the issued file back (from its bundle) and run again")
        files.append((name, data))
    kept = folder / f"v{number}"
    for name, data in files:
        there = _read(kept / name, within)
        if there is not None and there != data:
            raise PresskitError(f"{shown}/v{number}/{name} exists and is not the file version {number} issued; "
                                f"move {shown}/v{number}/ away and run again")
    return tuple(files)


def _texts(blocks) -> list[tuple[str, str]]:
    return [(str(b.get("kind")), str(b.get("text"))) for b in blocks or [] if isinstance(b, dict)]


def _changes(records) -> tuple[Change, ...]:
    changes = []
    for record in records or []:
        try:
            changes.append(Change(int(record["block"]), str(record["kind"]), int(record["line"]),
                                  str(record["change"]), str(record.get("before", "")), str(record.get("after", ""))))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(changes)


def _read(path: Path, within) -> bytes | None:
    try:
        boundary.check_inside(path, within)
        return boundary.read_regular(path) if boundary.check_regular(path) else None
    except PresskitError:
        return None


def _read_json(path: Path, within) -> dict | None:
    data = _read(path, within)
    try:
        manifest = json.loads(data) if data is not None else None
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) else None

"""`presskit check`: what the checks find in each translation, as `file:line: check: message`.

Reads the catalogs as they are on disk and writes nothing (`publish` writes the same findings
into the catalogs as `#. check:` comments).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit import boundary, catalogs
from toolkit.checks.catalog import EntryCheck, check_catalog
from toolkit.config import Config
from toolkit.terminology import load_glossary
from toolkit.workspace import read_statements


@dataclass(frozen=True)
class Reported:
    """One problem of one entry, where a reviewer finds it."""

    path: Path  # the PO file, as the user should see it
    line: int
    lang: str
    slug: str
    msgid: str
    check: str
    message: str
    error: bool
    reviewed: bool
    acknowledged: bool

    def __str__(self) -> str:
        notes = [] if self.error else ["warning"]
        if self.acknowledged:
            notes.append("acknowledged")
        elif not self.reviewed:
            notes.append("not reviewed yet")
        tail = f" ({', '.join(notes)})" if notes else ""
        return f"{self.path}:{self.line}: {self.check}: {self.message}{tail}"

    @property
    def blocking(self) -> bool:
        """An unacknowledged error in a reviewed entry: `check` exits 1, `publish --final` refuses."""
        return self.error and self.reviewed and not self.acknowledged

    def as_dict(self) -> dict:
        return {"path": self.path.as_posix(), "line": self.line, "lang": self.lang, "statement": self.slug,
                "msgid": self.msgid, "check": self.check, "message": self.message,
                "severity": "error" if self.error else "warning", "reviewed": self.reviewed,
                "acknowledged": self.acknowledged}


@dataclass
class CheckResult:
    """Everything `check` found, and how many entries it looked at per language."""

    problems: list[Reported] = field(default_factory=list)
    entries: dict[str, int] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Reported]:
        return [p for p in self.problems if p.blocking]

    def counts(self) -> dict[str, dict[str, int]]:
        """Return per language: entries checked, open errors, open warnings, blocking errors."""
        table = {lang: {"entries": n, "errors": 0, "warnings": 0, "blocking": 0} for lang, n in self.entries.items()}
        for problem in self.problems:
            if problem.acknowledged:
                continue
            row = table[problem.lang]
            row["errors" if problem.error else "warnings"] += 1
            row["blocking"] += problem.blocking
        return table


def check(config: Config, paths: tuple[Path, ...]) -> CheckResult:
    """Check every translated entry of every statement's catalogs in the configured languages."""
    statements = read_statements(config, paths)
    glossary = load_glossary(config.workspace, config.glossary_dir, within=boundary.roots(config))
    result = CheckResult()
    for statement in statements:
        for work in catalogs.gather_catalogs(config, statement):
            result.entries.setdefault(work.lang, 0)
            if work.old is None:
                continue
            checks = check_catalog(work.old, statement.source_lang, work.lang, glossary)
            result.entries[work.lang] += len(checks)
            shown = config.relative(work.path)
            for entry in checks:
                result.problems += _reported(entry, shown, work.lang, statement.slug)
    return result


def _reported(entry: EntryCheck, shown: Path, lang: str, slug: str) -> list[Reported]:
    return [Reported(shown, entry.line or 1, lang, slug, entry.msgid, p.code, p.message, p.is_error, entry.reviewed,
                     acknowledged) for acknowledged, problems in ((False, entry.problems), (True, entry.acknowledged))
            for p in problems]

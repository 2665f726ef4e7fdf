"""Translation memory: machine translations kept on disk, so a re-run translates nothing twice,
and human translations (reviewed in a catalog, or imported from TMX), reused in new statements.

Entries are per sentence, keyed by source sentence, language pair, package and package version.
Sentences rather than blocks because the model translates sentence by sentence anyway (the
result is identical), because an edit to one sentence then costs one sentence, and because
sentences recur (greetings, "Thank you.") across statements. A pivot (ar→en→fr) is stored as its
two legs, so the ar→en leg is shared by every target language.

Human translations live in their own table, per language pair and source text, at paragraph
level and, where a paragraph's sentences align one to one, at sentence level too. Each row
names its origin (the statement it was reviewed in, or the TMX file) and date; a newer review
of the same text replaces an older one, and a workspace review is never replaced by an import.
"""

from __future__ import annotations

import difflib
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.model import MemoryMatch

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    from_code TEXT NOT NULL,
    to_code TEXT NOT NULL,
    package TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (from_code, to_code, package, version, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS human (
    from_code TEXT NOT NULL,
    to_code TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    level TEXT NOT NULL,        -- 'paragraph' or 'sentence'
    kind TEXT NOT NULL,         -- 'reviewed' (in a workspace catalog) or 'imported' (TMX)
    origin TEXT NOT NULL,       -- statement slug, or TMX file name
    date TEXT,                  -- YYYY-MM-DD, or NULL
    length INTEGER NOT NULL,    -- len(source): close matches are looked for among similar lengths
    PRIMARY KEY (from_code, to_code, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS human_length ON human (from_code, to_code, length);
"""

# A close match is offered from this similarity up, as msgmerge's compendium fuzzy matching does
# (its fstrcmp is character-based, so this is too).
MEMORY_SIMILARITY = 0.85

# Insert a human translation, or replace the one stored for the same text when the new one is
# a workspace review (never replaced by an import) at least as recent as the stored one.
_UPSERT = """
INSERT INTO human (from_code, to_code, source, target, level, kind, origin, date, length)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (from_code, to_code, source) DO UPDATE SET
    target = excluded.target, level = excluded.level, kind = excluded.kind,
    origin = excluded.origin, date = excluded.date
WHERE (excluded.kind = 'reviewed' OR human.kind = 'imported')
  AND (human.level = 'sentence' OR excluded.level = 'paragraph')
  AND coalesce(excluded.date, '') >= coalesce(human.date, '')
"""


def _pieces(text: str, size: int = 8, most: int = 24) -> list[str]:
    """Return up to `most` evenly spread, non-overlapping `size`-character pieces of a text.

    A close match keeps at least one of them intact unless an edit falls in every one: as many
    separate edits as pieces, far more than a paragraph 85 % alike has. SQLite's instr() finds
    the candidates holding one, so that difflib scores a few rows rather than every row of a
    similar length (seconds per paragraph in a 200,000-unit memory).
    """
    chunks = [text[i : i + size] for i in range(0, len(text) - size + 1, size)]
    if len(chunks) <= most:
        return chunks
    step = len(chunks) / most
    return [chunks[int(i * step)] for i in range(most)]


@dataclass(frozen=True)
class HumanUnit:
    """One human translation, as stored in the memory and exchanged in TMX."""

    from_code: str
    to_code: str
    source: str
    target: str
    origin: str
    date: str | None = None
    level: str = "paragraph"
    kind: str = "reviewed"


class TranslationMemory:
    """A SQLite file of sentence translations; open it for one run, then close it.

    A damaged file (a disk that filled up, a copy cut short) is only a lost cache: the run
    warns once and goes on without it, translating what it would have found there, rather than
    stopping a press release on deadline.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._damaged = False

    def _give_up(self, exc: sqlite3.DatabaseError) -> None:
        """Warn that the file cannot be used, and use it no more this run."""
        if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
            raise exc  # a bug in the caller, not a damaged file
        log.warning("%s: cannot use the translation memory (%s); going on without it. It is only "
                    "a cache of machine translations: delete the file and the next run starts a "
                    "new one", self.path, exc)
        self._damaged = True
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            # WAL: readers never block the writer, and a crash mid-write loses nothing committed.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                connection.executescript(SCHEMA)
            self._connection = connection
        return self._connection

    def lookup(self, key: tuple[str, str, str, str], sources: Sequence[str]) -> dict[str, str]:
        """Return the stored translations of `sources` for key (from, to, package, version)."""
        if self._damaged or not sources or (self._connection is None and not self.path.exists()):
            return {}
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sources))
        try:
            connection = self._connect()
            for start in range(0, len(unique), 500):  # stay under SQLite's variable limit
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT source, target FROM translations WHERE from_code = ? AND to_code = ?"
                    f" AND package = ? AND version = ? AND source IN ({marks})",
                    (*key, *chunk),
                )
                found.update(rows)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
            return {}
        return found

    def store(self, key: tuple[str, str, str, str], pairs: Iterable[tuple[str, str]]) -> None:
        """Store (source, translation) pairs under key in one transaction."""
        rows = [(*key, source, target) for source, target in pairs]
        if self._damaged or not rows:
            return
        try:
            with self._connect() as connection:  # commits, or rolls back on error
                connection.executemany(
                    "INSERT OR REPLACE INTO translations"
                    " (from_code, to_code, package, version, source, target) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)

    # Human translations ---------------------------------------------------------------------

    def store_human(self, units: Iterable[HumanUnit], chunk: int = 250_000) -> int:
        """Store human translations (newest review wins); return how many were offered."""
        if self._damaged:
            return 0
        count = 0
        try:
            connection = self._connect()
            batch: list[tuple] = []
            for unit in units:
                batch.append((unit.from_code, unit.to_code, unit.source, unit.target, unit.level, unit.kind,
                              unit.origin, unit.date, len(unit.source)))
                if len(batch) >= chunk:
                    count += self._upsert(connection, batch)
                    batch = []
            count += self._upsert(connection, batch)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
        return count

    @staticmethod
    def _upsert(connection: sqlite3.Connection, rows: list[tuple]) -> int:
        # In key order: the B-tree is filled page by page (three times faster for an import).
        rows.sort(key=lambda row: row[:3])
        with connection:  # one transaction per chunk: fast, and a crash keeps whole chunks
            connection.executemany(_UPSERT, rows)
        return len(rows)

    def human_exact(self, from_code: str, to_code: str, sources: Sequence[str]) -> dict[str, MemoryMatch]:
        """Return the human translations stored for exactly these source texts."""
        if self._damaged or not sources or (self._connection is None and not self.path.exists()):
            return {}
        found: dict[str, MemoryMatch] = {}
        unique = list(dict.fromkeys(sources))
        try:
            connection = self._connect()
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT source, target, origin, date, kind FROM human WHERE from_code = ? AND to_code = ?"
                    f" AND source IN ({marks})", (from_code, to_code, *chunk))
                found.update((source, MemoryMatch(source, target, origin, date, 1.0, imported=kind == "imported"))
                             for source, target, origin, date, kind in rows)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
            return {}
        return found

    def human_close(self, from_code: str, to_code: str, source: str,
                    threshold: float = MEMORY_SIMILARITY) -> MemoryMatch | None:
        """Return the most similar stored human translation of a different text, if one reaches
        `threshold` (character similarity, as msgmerge's compendium matching), else None."""
        if self._damaged or not source or (self._connection is None and not self.path.exists()):
            return None
        # ratio = 2M / (len(a) + len(b)) <= 2 min / (len(a) + len(b)): lengths too far apart can't match.
        low = int(len(source) * threshold / (2 - threshold))
        high = int(len(source) * (2 - threshold) / threshold) + 1
        pieces = _pieces(source)
        shares = " OR ".join("instr(source, ?) > 0" for _ in pieces) or "1"
        try:
            rows = self._connect().execute(
                "SELECT source, target, origin, date, kind FROM human WHERE from_code = ? AND to_code = ?"
                f" AND length BETWEEN ? AND ? AND source != ? AND ({shares})",
                (from_code, to_code, low, high, source, *pieces))
            best: tuple[float, tuple] | None = None
            matcher = difflib.SequenceMatcher(None, b=source, autojunk=False)
            for row in rows:
                matcher.set_seq1(row[0])
                floor = best[0] if best else threshold
                if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                    continue
                score = matcher.ratio()
                if score >= floor and (best is None or score > best[0] or (score == best[0] and row < best[1])):
                    best = (score, row)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
            return None
        if best is None:
            return None
        score, (match, target, origin, date, kind) = best
        return MemoryMatch(match, target, origin, date, score, imported=kind == "imported")

    def human_units(self, *, kinds: Sequence[str] = ("reviewed", "imported")) -> Iterator[HumanUnit]:
        """Yield the stored human translations of the given kinds, in a stable order."""
        if self._damaged or (self._connection is None and not self.path.exists()):
            return
        marks = ",".join("?" * len(kinds))
        rows = self._connect().execute(
            "SELECT from_code, to_code, source, target, origin, date, level, kind FROM human"
            f" WHERE kind IN ({marks}) ORDER BY from_code, to_code, source", tuple(kinds))
        for row in rows:
            yield HumanUnit(*row)

    def machine_units(self) -> Iterator[tuple[str, str, str, str, str]]:
        """Yield (from, to, source, target, package) of the stored machine sentence translations."""
        if self._damaged or (self._connection is None and not self.path.exists()):
            return
        rows = self._connect().execute(
            "SELECT from_code, to_code, source, target, package FROM translations"
            " ORDER BY from_code, to_code, source, package, version")
        yield from rows

    def human_count(self) -> int:
        """Return how many human translations are stored."""
        if self._connection is None and not self.path.exists():
            return 0
        return self._connect().execute("SELECT count(*) FROM human").fetchone()[0]

    def __len__(self) -> int:
        if self._connection is None and not self.path.exists():
            return 0
        return self._connect().execute("SELECT count(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close the database file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

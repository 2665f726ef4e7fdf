"""`presskit lint`: what the reader understood of each statement and noticed; nothing is written."""

from __future__ import annotations

from pathlib import Path

from toolkit.config import Config
from toolkit.model import Statement
from toolkit.workspace import read_statements


def lint(config: Config, paths: tuple[Path, ...]) -> list[Statement]:
    """Return each statement as the reader understood it, with what it noticed."""
    return read_statements(config, paths)

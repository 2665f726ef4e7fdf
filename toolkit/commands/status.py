"""`presskit status`: how much of each catalog a reviewer has signed off; nothing is written."""

from __future__ import annotations

from pathlib import Path

from toolkit import catalogs
from toolkit.config import Config
from toolkit.model import Finding
from toolkit.workspace import read_statements


def status(config: Config, paths: tuple[Path, ...]) -> tuple[list[catalogs.CatalogStatus], list[Finding]]:
    """Return the review status of every statement and target language, and catalogs that
    belong to no statement; write nothing."""
    statements = read_statements(config, paths)
    statuses = [work.status(config.relative(work.path))
                for statement in statements for work in catalogs.gather_catalogs(config, statement)]
    return statuses, ([] if paths else catalogs.unclaimed_catalogs(config, statements))

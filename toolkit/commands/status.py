"""`presskit status`: how much of each catalog a reviewer has signed off; nothing is written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from toolkit import boundary, catalogs
from toolkit.config import Config
from toolkit.checks.catalog import check_catalog
from toolkit.model import Finding
from toolkit.terminology import load_glossary
from toolkit.workspace import read_statements


def status(config: Config, paths: tuple[Path, ...]) -> tuple[list[catalogs.CatalogStatus], list[Finding]]:
    """Return the review status of every statement and target language, and catalogs that
    belong to no statement; write nothing."""
    statements = read_statements(config, paths)
    glossary = load_glossary(config.workspace, config.glossary_dir, within=boundary.roots(config))
    statuses = []
    for statement in statements:
        for work in catalogs.gather_catalogs(config, statement):
            found = check_catalog(work.old, statement.source_lang, work.lang, glossary) if work.old else []
            statuses.append(dataclasses.replace(work.status(config.relative(work.path)),
                                                problems=sum(len(entry.problems) for entry in found)))
    return statuses, ([] if paths else catalogs.unclaimed_catalogs(config, statements))

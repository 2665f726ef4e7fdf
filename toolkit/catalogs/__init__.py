"""Review stage: one gettext catalog per statement and language, which reviewers edit.

Layout (as sphinx-intl): `locales/<slug>.pot` holds the source texts, and
`locales/<lang>/LC_MESSAGES/<slug>.po` their translation. Machine output only fills empty
entries, marked fuzzy; clearing the flag is what "reviewed" means, and nothing presskit does
ever changes a reviewed entry.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.catalogs.merge import (
    SourceEntry,
    block_keys,
    build_template,
    is_reviewed,
    machine_comments,
    plan_merge,
    project_version,
    reviewed_translations,
    source_entries,
    texts_to_suggest,
    update_catalog,
)
from toolkit.catalogs.pofile import PoCatalog, now, read_catalog, render_catalog, signature, stamp_catalog
from toolkit.catalogs.review import CatalogStatus, build_edition, catalog_status

__all__ = [
    "CatalogStatus", "PoCatalog", "SourceEntry", "block_keys", "build_edition", "build_template",
    "catalog_path", "catalog_status", "is_reviewed", "machine_comments", "now", "plan_merge",
    "project_version",
    "read_catalog", "read_existing", "render_catalog", "reviewed_translations", "signature", "source_entries",
    "stamp_catalog", "template_path", "texts_to_suggest", "update_catalog",
]


def template_path(locales: Path, slug: str) -> Path:
    """Return where a statement's template lives: locales/<slug>.pot."""
    return Path(locales) / f"{slug}.pot"


def catalog_path(locales: Path, lang: str, slug: str) -> Path:
    """Return where a statement's catalog for a language lives: locales/<lang>/LC_MESSAGES/<slug>.po."""
    return Path(locales) / lang / "LC_MESSAGES" / f"{slug}.po"


def read_existing(path: Path, lang: str | None = None) -> PoCatalog | None:
    """Read a catalog if the file exists; None when there is no file yet."""
    return read_catalog(path, lang) if Path(path).exists() else None

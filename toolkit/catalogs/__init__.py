"""Review stage: one gettext catalog per statement and language, which reviewers edit.

Layout (as sphinx-intl): `locales/<slug>.pot` holds the source texts, and
`locales/<lang>/LC_MESSAGES/<slug>.po` their translation. Machine output only fills empty
entries, marked fuzzy; clearing the flag is what "reviewed" means, and nothing presskit does
ever changes a reviewed entry.
"""

from __future__ import annotations

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
from toolkit.catalogs.review import (
    CatalogStatus, build_edition, catalog_credits, catalog_status, original_edition, reviewed_edition,
)
from toolkit.catalogs.work import (
    CatalogWork,
    catalog_path,
    check_final,
    gather_catalogs,
    read_existing,
    read_template,
    reviewed_elsewhere,
    suggestion_requests,
    target_languages,
    template_path,
    unclaimed_catalogs,
)

__all__ = [
    "CatalogStatus", "CatalogWork", "PoCatalog", "SourceEntry", "block_keys", "build_edition", "build_template",
    "catalog_credits",
    "catalog_path", "catalog_status", "check_final", "gather_catalogs", "is_reviewed", "machine_comments", "now",
    "original_edition", "reviewed_edition", "plan_merge", "project_version", "read_catalog", "read_existing", "read_template",
    "render_catalog", "reviewed_elsewhere", "reviewed_translations", "signature", "source_entries", "stamp_catalog",
    "suggestion_requests", "target_languages", "template_path", "texts_to_suggest", "unclaimed_catalogs",
    "update_catalog",
]

"""`presskit models list` and `presskit models install`: the translation models a workspace needs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from toolkit.config import Config
from toolkit.translation import ProgressBar, packages
from toolkit.workspace import source_languages


def list_models(config: Config) -> list[str]:
    """Return `presskit models list` as lines: one per needed pair, the pivots, what to do."""
    from toolkit.translation.argos import describe_device

    lines = packages.status_lines(source_languages(config), config.languages, config.packages_dir)
    return [*lines[:1], describe_device(config.device), *lines[1:]]


def models_to_install(config: Config, languages: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Return the pairs `presskit models install LANGUAGES` installs: needed, not yet installed."""
    return packages.pairs_to_install(source_languages(config), config.languages, config.packages_dir, languages)


def install_models(config: Config, pairs: Sequence[tuple[str, str]], progress: ProgressBar | None = None):
    """Download and install `pairs` from the Argos package index; return what was installed."""
    return packages.install_from_index(pairs, config.packages_dir, progress=progress)


def install_model_files(config: Config, files: Sequence[Path]):
    """Check every model file, then install them; return what was installed."""
    return packages.install_package_files(files, config.packages_dir)

"""Expected failures, as messages for people: what went wrong, where, and what to do."""

from __future__ import annotations

import click


class PresskitError(click.ClickException):
    """An expected failure; the CLI prints it on one line and exits non-zero."""

    exit_code = 2

    def __init__(self, message: str, path=None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.line = line


class StatementError(PresskitError):
    """A speech file that cannot be read as a statement."""


class ConfigError(PresskitError):
    """Bad settings in pyproject.toml, presskit.toml, the environment or on the command line."""


class CatalogError(PresskitError):
    """A translation (PO) file that cannot be read or merged."""


class TranslationError(PresskitError):
    """Machine translation that cannot run: a missing model, a bad package."""


class TemplateError(PresskitError):
    """A press-release template that fails to render."""


class ReviewError(PresskitError):
    """`--final` asked for languages that are not fully reviewed."""


class LockError(PresskitError):
    """Another presskit run holds the workspace."""


class TmxError(PresskitError):
    """A TMX (translation memory exchange) file that cannot be read."""

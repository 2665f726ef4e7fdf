"""Expected failures, as messages for people: what went wrong, where, and what to do."""

from __future__ import annotations

import enum

import click


class ExitStatus(enum.IntEnum):
    """What `presskit` exits with: one status per kind of outcome, for scripts and CI."""

    SUCCESS = 0
    FINDINGS = 1  # lint: a warning or an error in a statement, for a person to look at
    USAGE = 2  # a bad command line (click's own status)
    ERROR = 3  # an input presskit cannot use (statement, catalog, setting) or a file it cannot write
    NOT_REVIEWED = 4  # publish --final refused, status --check: not every language is reviewed
    NO_MODEL = 5  # machine translation cannot run: a model or a server's language is missing
    NETWORK = 6  # a download or a translation server could not be reached
    BUSY = 7  # the workspace cannot be locked: another run holds it (or the file system has no locks)
    INTERNAL = 70  # a bug in presskit (EX_SOFTWARE): run again with --traceback and report it
    INTERRUPTED = 130  # Ctrl-C, as the shell reports it


class PresskitError(click.ClickException):
    """An expected failure; the CLI prints it on one line and exits non-zero."""

    exit_code = ExitStatus.ERROR

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


class MissingModelError(TranslationError):
    """A language pair that no installed model (or no server) translates."""

    exit_code = ExitStatus.NO_MODEL


class NetworkError(TranslationError):
    """A download or a translation server that cannot be reached."""

    exit_code = ExitStatus.NETWORK


class TemplateError(PresskitError):
    """A press-release template that fails to render."""


class TypesetError(PresskitError):
    """A page that cannot be typeset whole (a PDF would lack some of its text)."""


class ReviewError(PresskitError):
    """`--final` asked for languages that are not fully reviewed."""

    exit_code = ExitStatus.NOT_REVIEWED


class LockError(PresskitError):
    """Another presskit run holds the workspace."""

    exit_code = ExitStatus.BUSY


class TmxError(PresskitError):
    """A TMX (translation memory exchange) file that cannot be read."""


class ConflictError(PresskitError):
    """A file someone else saved while presskit ran: theirs is kept, presskit's is not written."""

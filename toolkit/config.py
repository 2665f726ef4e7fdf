"""One typed, frozen configuration.

Precedence: defaults < `[tool.presskit]` in the workspace's pyproject.toml (or a presskit.toml)
< `PRESSKIT_*` environment variables < command-line flags.
"""

from __future__ import annotations

import os
import tomllib
import urllib.parse
from dataclasses import dataclass, fields, replace
from pathlib import Path

from toolkit.errors import ConfigError
from toolkit.languages import UN_ORDER, parse_language, parse_source_language

DEVICES = ("auto", "cpu", "cuda")
# Every variant is tagged and declares PDF/UA-1 (publishing.write_pdf). "pdf/a" asks for an
# archival copy and gets the archival default, tagged PDF/A-3a (which can carry the statement and
# its PO file); the other PDF/A levels are there for archives that ask for one by name.
ARCHIVAL_VARIANT = "pdf/a-3a"
WRITTEN_VARIANTS = ("pdf/ua-1", "pdf/a-3a", "pdf/a-2a", "pdf/a-3u", "pdf/a-2u", "pdf/a-3b")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a", *WRITTEN_VARIANTS[1:])
# Variants no longer offered, with why: one line for a settings file that still names one.
DROPPED_VARIANTS = {
    "none": "a PDF without a conformance claim fails PDF/UA's identification checks; every PDF presskit "
            "writes is tagged and declares PDF/UA-1: use pdf/ua-1, or pdf/a to archive",
}
TRANSLATORS = ("argos", "libretranslate")
# Read by the LibreTranslate backend itself, never kept in the config (which may be printed).
SECRET_VARIABLES = ("PRESSKIT_LIBRETRANSLATE_API_KEY",)


@dataclass(frozen=True)
class Config:
    """Settings for one presskit run over one workspace."""

    workspace: Path = Path(".")
    speeches_dir: str = "speeches"
    locales_dir: str = "locales"
    output_dir: str = "output"
    languages: tuple[str, ...] = UN_ORDER
    source_language: str | None = None  # None: as the reader finds it
    packages_dir: Path | None = None  # None: argostranslate's own ARGOS_PACKAGES_DIR
    pdf_variant: str = "pdf/ua-1"
    threads: int = 2
    device: str = "auto"  # CTranslate2 device: auto (a CUDA GPU when there is one), cpu, cuda
    glossary_dir: str = "glossary"  # the office's glossaries: glossary/*.tbx, glossary/*.csv
    translator: str = "argos"  # or "libretranslate": a shared server instead of local models
    libretranslate_url: tuple[str, ...] = ()  # one or more servers with the same models
    libretranslate_concurrency: int = 2  # requests in flight per server
    base_url: str = ""  # where output/ is served: feeds link absolutely under it; "" keeps links relative
    # Settings may name folders outside the workspace (output_dir = "/srv/press") only with this.
    allow_outside_workspace: bool = False
    max_statement_bytes: int = 5_000_000  # real statements are tens of kilobytes
    max_catalog_bytes: int = 50_000_000  # a PO file, with its comments and suggestions

    @property
    def speeches_path(self) -> Path:
        return self.workspace / self.speeches_dir

    @property
    def locales_path(self) -> Path:
        return self.workspace / self.locales_dir

    @property
    def glossary_path(self) -> Path:
        return self.workspace / self.glossary_dir

    @property
    def output_path(self) -> Path:
        return self.workspace / self.output_dir

    def relative(self, path: Path) -> Path:
        """Return a path as messages show it: relative to the workspace when inside it."""
        try:
            return Path(path).relative_to(self.workspace)
        except ValueError:
            return Path(path)

    @property
    def state_path(self) -> Path:
        """Where presskit keeps its own state (translation memory, lock)."""
        return self.workspace / ".presskit"


_KEYS = {f.name for f in fields(Config)} - {"workspace"}


def load_config(workspace: Path, overrides: dict | None = None, environ=None) -> Config:
    """Build the config for a workspace; report every bad setting at once."""
    environ = os.environ if environ is None else environ
    workspace = Path(workspace)
    if not workspace.is_dir():
        raise ConfigError("the workspace is not a directory (check -C)", workspace)
    # Keys are normalised as they go in, so that a later source always wins, however the
    # earlier one spelled the key (output-dir or output_dir).
    raw: dict[str, tuple[str, object]] = {}
    for source, table in _file_settings(workspace):
        raw.update({key.replace("-", "_"): (source, value) for key, value in table.items()})
    for name, value in environ.items():
        if name.startswith("PRESSKIT_") and name not in ("PRESSKIT_TRACEBACK", *SECRET_VARIABLES):
            raw[name[len("PRESSKIT_"):].lower()] = (f"environment variable {name}", value)
    for key, value in (overrides or {}).items():
        if value is not None:
            raw[key.replace("-", "_")] = ("command line", value)
    values, problems = {}, []
    for key, (source, value) in raw.items():
        if key not in _KEYS:
            problems.append(f"{source}: unknown setting {key!r} (known: {', '.join(sorted(_KEYS))})")
            continue
        try:
            values[key] = _convert(key, value, workspace)
        except (ValueError, TypeError) as exc:
            problems.append(f"{source}: {key}: {exc}")
    config = replace(Config(workspace=workspace), **values)
    problems += _outside_problems(config, raw)
    if problems:
        raise ConfigError("; ".join(problems))
    return config


def _outside_problems(config: Config, raw: dict) -> list[str]:
    """Folders a setting puts outside the workspace, unless allow_outside_workspace says so."""
    if config.allow_outside_workspace:
        return []
    real = os.path.realpath(config.workspace)
    problems = []
    for key in ("speeches_dir", "locales_dir", "output_dir", "glossary_dir"):
        folder = os.path.realpath(config.workspace / getattr(config, key))
        if folder != real and not folder.startswith(real.rstrip(os.sep) + os.sep):
            source = f"{raw[key][0]}: " if key in raw else ""
            problems.append(f"{source}{key}: {folder} is outside the workspace; set "
                            "allow_outside_workspace = true to write and read there")
    return problems


def _file_settings(workspace: Path):
    for name, table_path in (("pyproject.toml", ("tool", "presskit")), ("presskit.toml", ())):
        path = workspace / name
        if not path.is_file():
            continue
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read settings: {exc}", path) from None
        for key in table_path:
            table = table.get(key, {})
        if not isinstance(table, dict):
            raise ConfigError("[tool.presskit] must be a table", path)
        yield str(path), table


def _convert(key: str, value, workspace: Path):
    """Return a setting's value checked and converted by its own converter (TypeError, ValueError)."""
    return _CONVERTERS[key](value, workspace)


def _kind(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__)


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError(f"must be text, not {_kind(value)}")
    return value


def _items(value) -> list[str]:
    """Return a list setting: "fr,es" or "fr es" (the environment, flags), or a TOML list of text."""
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    raise TypeError(f"must be text or a list of text, not {_kind(value)}")


def _folder(value, workspace: Path) -> str:
    if not _text(value).strip():
        raise ValueError("must be a non-empty folder name")
    return value


def _flag(value, workspace: Path) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("1", "true", "yes", "on"):
        return True
    if str(value).strip().lower() in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"{value!r} is not true or false")


def _count(value, workspace: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"must be a whole number, not {_kind(value)}")
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def _choice(choices: tuple[str, ...]):
    def convert(value, workspace: Path) -> str:
        if _text(value) not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return convert


def _pdf_variant(value, workspace: Path) -> str:
    """Return the variant write_pdf is asked for: "pdf/a" is the archival default."""
    if _text(value) in DROPPED_VARIANTS:
        raise ValueError(f"{value!r} is no longer offered: {DROPPED_VARIANTS[value]}")
    value = _choice(PDF_VARIANTS)(value, workspace)
    return ARCHIVAL_VARIANT if value == "pdf/a" else value


def _languages(value, workspace: Path) -> tuple[str, ...]:
    items = _items(value)
    if not items:
        raise ValueError(f"give at least one language: {', '.join(UN_ORDER)} (an empty value does not mean all six)")
    codes = tuple(dict.fromkeys(parse_language(item) for item in items))
    return tuple(code for code in UN_ORDER if code in codes)


def _source_language(value, workspace: Path) -> str | None:
    # zh-TW / zh-Hant name a Traditional-Chinese original: a zh source (the reader sees the script).
    return parse_source_language(_text(value))[0] if value else None


def _packages_dir(value, workspace: Path) -> Path | None:
    return (workspace / Path(_text(value)).expanduser()) if value else None


def _urls(value, workspace: Path) -> tuple[str, ...]:
    urls = _items(value)
    for url in urls:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"{url!r} is not an http:// or https:// URL")
        if parsed.username or parsed.password:
            raise ValueError("put no credentials in the URL; the API key goes in "
                             "PRESSKIT_LIBRETRANSLATE_API_KEY")
    return tuple(dict.fromkeys(url.rstrip("/") for url in urls))


def _base_url(value, workspace: Path) -> str:
    parsed = urllib.parse.urlsplit(_text(value))
    if value and (parsed.scheme not in ("http", "https") or not parsed.netloc):
        raise ValueError(f"{value!r} is not an http:// or https:// URL")
    return value.rstrip("/") + "/" if value else ""


# One converter per setting, which checks its type: a new Config field needs its own here
# (tests/test_config.py fails otherwise).
_CONVERTERS = {
    "base_url": _base_url,
    "speeches_dir": _folder,
    "locales_dir": _folder,
    "output_dir": _folder,
    "glossary_dir": _folder,
    "languages": _languages,
    "source_language": _source_language,
    "packages_dir": _packages_dir,
    "pdf_variant": _pdf_variant,
    "threads": _count,
    "device": _choice(DEVICES),
    "translator": _choice(TRANSLATORS),
    "libretranslate_url": _urls,
    "libretranslate_concurrency": _count,
    "allow_outside_workspace": _flag,
    "max_statement_bytes": _count,
    "max_catalog_bytes": _count,
}

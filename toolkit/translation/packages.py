"""Translation models: which Argos packages a workspace needs, which are installed, installing more.

Everything goes through argostranslate's package layer (`argostranslate.package`), never
`argostranslate.translate`, which imports torch and stanza (3 s, 740 MB) to do what we do faster.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import NetworkError, TranslationError
from toolkit.languages import UN_ORDER

log = logging.getLogger(__name__)

PIVOT = "en"  # Argos publishes every language paired with English, and little else
INDEX_TIMEOUT = 10.0  # seconds; offline machines must fail fast, not after minutes of retries


@dataclass(frozen=True)
class ModelPackage:
    """An installed Argos translation package."""

    from_code: str
    to_code: str
    name: str  # argospm name, e.g. "translate-en_fr"
    version: str
    path: Path

    @property
    def size(self) -> int:
        """Return the bytes the package takes on disk."""
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


@dataclass(frozen=True)
class PairStatus:
    """One language pair a workspace needs, and the package that serves it, if installed."""

    from_code: str
    to_code: str
    package: ModelPackage | None


def import_package_layer(packages_dir: Path | None = None):
    """Import `argostranslate.package` reading packages from `packages_dir`; return the module.

    argostranslate reads ARGOS_PACKAGES_DIR once, when first imported, so it is set before.
    """
    if packages_dir is not None:
        packages_dir = Path(packages_dir).expanduser().resolve()
        os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    try:
        from argostranslate import package, settings
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("argostranslate", "ctranslate2", "sentencepiece"):
            raise
        raise TranslationError(f"machine translation is not available in this installation ({exc.name} "
                               "is missing); reinstall presskit") from None

    if packages_dir is not None and Path(settings.package_data_dir).resolve() != packages_dir:
        # Imported earlier in this process with another directory: re-point it (the installer
        # and the package scan read these two names at call time).
        packages_dir.mkdir(parents=True, exist_ok=True)
        settings.package_data_dir = packages_dir
        settings.package_dirs = [packages_dir]
    return package


def packages_directory(packages_dir: Path | None = None) -> Path:
    """Return the folder packages are installed in (argostranslate's, unless configured)."""
    import_package_layer(packages_dir)
    from argostranslate import settings

    return Path(settings.package_data_dir)


def installed_packages(packages_dir: Path | None = None) -> dict[tuple[str, str], ModelPackage]:
    """Return the installed translation packages by (from, to); the newest version wins."""
    package = import_package_layer(packages_dir)
    found: dict[tuple[str, str], ModelPackage] = {}
    directory = packages_directory(packages_dir)
    if not directory.is_dir():
        return found
    for child in sorted(directory.iterdir()):
        if not (child / "metadata.json").is_file():
            continue  # argostranslate would raise on a stray folder; skip it
        try:
            pkg = package.Package(child)
        except (OSError, ValueError) as exc:
            log.warning("skipping unreadable package %s: %s", child, exc)
            continue
        if pkg.type != "translate" or not pkg.from_code or not pkg.to_code:
            continue
        candidate = ModelPackage(
            pkg.from_code, pkg.to_code, package.argospm_package_name(pkg), str(pkg.package_version), pkg.package_path
        )
        current = found.get((pkg.from_code, pkg.to_code))
        if current is None or _version_key(candidate.version) > _version_key(current.version):
            found[(pkg.from_code, pkg.to_code)] = candidate
    return found


def _version_key(version: str):
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version), "")
    except InvalidVersion:
        return (0, Version("0"), version)


def needed_pairs(sources: Iterable[str], targets: Iterable[str]) -> list[tuple[str, str]]:
    """Return the pairs to install: English into every target, every other source into English."""
    sources, targets = set(sources), set(targets)
    pairs = [(PIVOT, code) for code in UN_ORDER if code in targets and code != PIVOT]
    pairs += [(code, PIVOT) for code in UN_ORDER if code in sources and code != PIVOT]
    return pairs


def find_route(
    installed: dict[tuple[str, str], ModelPackage], source: str, target: str
) -> list[ModelPackage] | None:
    """Return the packages that translate source→target (one, or two through English), or None."""
    if (source, target) in installed:
        return [installed[source, target]]
    if PIVOT not in (source, target) and (source, PIVOT) in installed and (PIVOT, target) in installed:
        return [installed[source, PIVOT], installed[PIVOT, target]]
    return None


def missing_legs(installed: dict[tuple[str, str], ModelPackage], source: str, target: str) -> list[tuple[str, str]]:
    """Return the pairs to install so that source→target has a route."""
    if find_route(installed, source, target) is not None:
        return []
    if PIVOT in (source, target):
        return [(source, target)]
    return [pair for pair in ((source, PIVOT), (PIVOT, target)) if pair not in installed]


def pair_statuses(
    sources: Iterable[str], targets: Iterable[str], packages_dir: Path | None = None
) -> tuple[list[PairStatus], list[tuple[str, str]]]:
    """Return the needed pairs with their packages, and the (source, target) pairs that pivot."""
    installed = installed_packages(packages_dir)
    sources, targets = list(sources), list(targets)
    statuses = [PairStatus(a, b, installed.get((a, b))) for a, b in needed_pairs(sources, targets)]
    pivots = [
        (source, target)
        for source in sources
        for target in targets
        if PIVOT not in (source, target) and source != target and (source, target) not in installed
    ]
    return statuses, pivots


def route_languages(sources: Iterable[str]) -> list[str]:
    """Return the statement languages models are needed for, in UN order: English when none."""
    sources = set(sources) or {PIVOT}  # no statements yet: English, the pivot
    return [code for code in UN_ORDER if code in sources]


def pairs_to_install(
    sources: Iterable[str], targets: Iterable[str], packages_dir: Path | None = None, languages: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """Return the needed pairs not yet installed, only those `languages` select if given.

    `sources` are the languages the statements are written in, `targets` those configured. A
    language (fr) selects the needed pairs on its side of English: en→fr, and fr→en when a
    statement is written in French; "en" the pairs into English. A pair (ar-en) selects itself,
    needed or not: the install hints name pairs into English that way.
    """
    wanted: set[str] = set()
    explicit: list[tuple[str, str]] = []
    for argument in languages:
        request = parse_request(argument)
        if isinstance(request, tuple):
            explicit.append(request)
        else:
            wanted.add(request)
    installed = installed_packages(packages_dir)
    pairs = [pair for pair in needed_pairs(route_languages(sources), set(targets) | wanted) if pair not in installed]
    if not languages:
        return pairs
    # A language selects the pairs on its side of English; "en" the pairs into English.
    selected = [(a, b) for a, b in pairs if (b if a == PIVOT else a) in wanted or (PIVOT in wanted and b == PIVOT)]
    return list(dict.fromkeys(selected + [pair for pair in explicit if pair not in installed]))


def parse_request(argument: str) -> str | tuple[str, str]:
    """Return a (from, to) pair for "ar-en", a language code for "fr" or "zh-Hans"."""
    from toolkit.languages import parse_language

    # Pairs first: the language table reads "ar-en" as Arabic with a region. Every hyphen is
    # tried, for "zh-Hans-en".
    for index, char in enumerate(argument):
        if char == "-":
            try:
                pair = (parse_language(argument[:index]), parse_language(argument[index + 1:]))
            except ValueError:
                continue
            if pair[0] != pair[1]:
                return pair
    try:
        return parse_language(argument)
    except ValueError as exc:
        if "-" in argument:
            raise TranslationError(f"unknown language or pair {argument!r}; write a pair as FROM-TO, "
                                   "e.g. ar-en") from None
        raise TranslationError(str(exc)) from None


def status_lines(sources: Iterable[str], targets: Iterable[str], packages_dir: Path | None = None) -> list[str]:
    """Return `presskit models list` as lines: one per needed pair, the pivots, what to do."""
    statuses, pivots = pair_statuses(route_languages(sources), list(targets), packages_dir)
    lines = [f"Models folder: {packages_directory(packages_dir)}"]
    for status in statuses:
        pair = f"{status.from_code}→{status.to_code}"
        package = status.package
        if package is None:
            lines.append(f"  {pair}  missing")
        else:
            lines.append(f"  {pair}  installed  {package.name} {package.version}, {package.size / 1e6:.1f} MB")
    for source, target in pivots:
        lines.append(f"  {source}→{target}  through English: {source}→{PIVOT}, then {PIVOT}→{target}")
    missing = [(s.from_code, s.to_code) for s in statuses if s.package is None]
    if missing:
        lines.append(f"To install the missing models, {install_command(missing)}.")
    return lines


def install_command(pairs: Sequence[tuple[str, str]]) -> str:
    """Return what to run to install `pairs`, online and offline, as one sentence."""
    # English into a language is named by the language (`install fr`), anything else by its
    # pair (`install ar-en`): `install ar` would install en→ar, not the missing ar→en.
    languages = " ".join(dict.fromkeys(b if a == PIVOT else f"{a}-{b}" for a, b in pairs))
    return f"run `presskit models install {languages}` (offline: `presskit models install --file {_file_names(pairs)}`)"


def _file_names(pairs: Sequence[tuple[str, str]]) -> str:
    """Return the names Argos gives package files, e.g. translate-en_fr-1_9.argosmodel, as globs."""
    return " ".join(f"translate-{a}_{b}-*.argosmodel" for a, b in pairs) or "FILE.argosmodel"


def check_package_file(path: Path) -> dict:
    """Check that `path` is an installable Argos package; return its metadata.

    A package is a zip holding one folder with metadata.json (from_code, to_code), a
    CTranslate2 model in model/ (model.bin) and sentencepiece.model or bpe.model.
    """
    path = Path(path)
    if not path.is_file():
        raise TranslationError("no such file; give the path of a .argosmodel file", path)
    if not zipfile.is_zipfile(path):
        raise TranslationError(
            "is not an Argos package (not a zip archive; a truncated download?); download it again", path
        )
    try:
        with zipfile.ZipFile(path) as archive:
            # Archives zipped on a Mac carry a __MACOSX folder of resource forks; ignore it.
            names = [name for name in archive.namelist() if name.strip("/") and not name.startswith("__MACOSX/")]
            tops = {name.split("/", 1)[0] for name in names}
            if len(tops) != 1 or any(name.startswith("/") or ".." in name.split("/") for name in names):
                raise TranslationError("is not an Argos package: it must hold exactly one folder", path)
            top = tops.pop()
            if f"{top}/metadata.json" not in names:
                raise TranslationError(f"is not an Argos package: {top}/metadata.json is missing", path)
            metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
            if not isinstance(metadata, dict) or not all(
                isinstance(metadata.get(key), str) and metadata[key] for key in ("from_code", "to_code")
            ):
                raise TranslationError("is not an Argos package: metadata.json lacks from_code and to_code", path)
            if metadata.get("type", "translate") != "translate":
                raise TranslationError(f"is a {metadata['type']!r} package, not a translation model", path)
            if f"{top}/model/model.bin" not in names:
                raise TranslationError(f"is not an Argos package: {top}/model/model.bin is missing", path)
            if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
                raise TranslationError(f"is not an Argos package: {top} has no sentencepiece.model or bpe.model", path)
            damaged = archive.testzip()
            if damaged is not None:
                raise TranslationError(f"is damaged ({damaged} fails its checksum); download it again", path)
    except TranslationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError) as exc:
        raise TranslationError(f"is damaged ({exc}); download it again", path) from None
    return metadata


def install_package_files(paths: Sequence[Path], packages_dir: Path | None = None) -> list[ModelPackage]:
    """Check every file, then unpack each into the packages folder; return what was installed."""
    checked = [(Path(path), check_package_file(Path(path))) for path in paths]  # all before any install
    before = installed_packages(packages_dir)
    directory = packages_directory(packages_dir)
    for path, metadata in checked:
        log.info("installing %s", path)
        _unpack(path, directory)
    after = installed_packages(packages_dir)
    result = []
    for _, metadata in checked:
        pair = (metadata["from_code"], metadata["to_code"])
        new = after[pair]
        old = before.get(pair)
        if old is not None and old.path != new.path and old.path.is_dir():
            shutil.rmtree(old.path)  # an older version of the same pair: keep one
        result.append(new)
    return result


def _unpack(path: Path, directory: Path) -> None:
    """Unpack a checked package into `directory`, as argostranslate's installer lays it out.

    argostranslate's `install_from_path` extracts the zip into its packages folder and then
    imports `argostranslate.translate` (and so stanza, spacy and torch) only to clear a cache.
    Doing the extraction here keeps the install at a second and the environment free of them;
    `argospm list` sees the result. The folder is unpacked beside its final place and renamed
    in, so an interrupted install never leaves half a model.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".presskit-install-") as tmp:
        try:
            with zipfile.ZipFile(path) as archive:
                members = [name for name in archive.namelist() if not name.startswith("__MACOSX/")]
                archive.extractall(tmp, members=members)
        except (OSError, zipfile.BadZipFile) as exc:
            raise TranslationError(f"cannot be unpacked into {directory} ({exc})", path) from None
        (top,) = [child for child in Path(tmp).iterdir()]
        target = directory / top.name
        if target.exists():
            target.rename(Path(tmp) / ".replaced")  # removed with the temporary folder
        top.rename(target)


def install_from_index(
    pairs: Sequence[tuple[str, str]],
    packages_dir: Path | None = None,
    *,
    progress: Callable[[str, int], AbstractContextManager] | None = None,
    timeout: float = INDEX_TIMEOUT,
) -> list[ModelPackage]:
    """Download `pairs` from the Argos package index and install them.

    `progress(label, total_bytes)` returns a context manager with `update(n)`, as
    `click.progressbar(length=..., label=...)` does. One attempt, short timeouts: an offline
    machine gets a clear error at once, pointing to `presskit models install --file`.
    """
    package = import_package_layer(packages_dir)
    from argostranslate import settings

    index = _fetch(settings.remote_package_index, timeout, pairs)
    try:
        available = [package.AvailablePackage(metadata) for metadata in json.loads(index)]
    except (ValueError, TypeError, AttributeError) as exc:
        raise TranslationError(f"the Argos package index is not valid JSON ({exc}); try again later") from None
    chosen = []
    for pair in pairs:
        offers = [p for p in available if (p.from_code, p.to_code) == pair and p.links]
        if not offers:
            raise TranslationError(f"the Argos package index has no {pair[0]}→{pair[1]} model")
        chosen.append(max(offers, key=lambda p: _version_key(str(p.package_version))))
    installed = []
    with tempfile.TemporaryDirectory(prefix="presskit-download-") as tmp:
        for offer in chosen:
            name = package.argospm_package_name(offer)
            target = Path(tmp) / f"{name}.argosmodel"
            _download(offer.links, target, timeout, name, progress, pairs)
            installed += install_package_files([target], packages_dir)
            target.unlink()
    return installed


def _fetch(url: str, timeout: float, pairs) -> bytes:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except OSError as exc:  # URLError, timeouts and refused connections are all OSErrors
        raise NetworkError(_offline_message(url, exc, pairs)) from None


def _download(links, target: Path, timeout: float, label: str, progress, pairs) -> None:
    import urllib.request

    error: OSError | None = None
    for url in links:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response, open(target, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0)
                with progress(f"Downloading {label}", total) if progress else nullcontext() as bar:
                    while chunk := response.read(1 << 16):
                        out.write(chunk)
                        if bar is not None:
                            bar.update(len(chunk))
            return
        except OSError as exc:
            error = exc
    raise NetworkError(_offline_message(links[0] if links else "?", error, pairs))


def _offline_message(url: str, exc: BaseException | None, pairs) -> str:
    reason = getattr(exc, "reason", None) or exc
    files = _file_names(pairs)
    return (
        f"cannot download from the Argos package index ({url}: {reason}); on a connected machine, "
        f"download {files} from the links that {url} lists, copy the files to this machine and, "
        f"in the folder that holds them, run `presskit models install --file {files}`"
    )

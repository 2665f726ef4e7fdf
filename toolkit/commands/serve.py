"""`presskit serve`: the HTML editions, rebuilt as reviewers save, in a browser that reloads.

Everything is built into a temporary folder, never into output/, and nothing in the workspace is
written: the catalogs are merged in memory as publish would merge them, without machine
translation unless asked (`translate`), so a save shows within a second or two.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from toolkit.config import Config
from toolkit.errors import PresskitError
from toolkit.model import Edition, Statement

log = logging.getLogger("toolkit")

WATCHED = ("speeches", "locales", "glossary")


class PreviewBuilder:
    """Build the HTML editions of a workspace into a folder, and rebuild what a change touches."""

    def __init__(self, config: Config, root: Path, *, translate: bool = False):
        from toolkit import rendering

        self.config = config
        self.root = Path(root)
        self.translate = translate
        self.env = rendering.make_environment()
        self.statements: dict[str, Statement] = {}
        self.builds = 0  # editions rendered, for tests and the benchmark

    def folders(self) -> list[Path]:
        """Return the folders to watch: speeches/, locales/ and glossary/."""
        c = self.config
        return [c.speeches_path, c.locales_path, c.workspace / "glossary"]

    def build(self, changed: set[Path] | None = None) -> list[str]:
        """Build everything (changed None), or what the changed files touch; return the pages
        written, as URL paths. Raise PresskitError for a statement or catalog that cannot be read."""
        from toolkit.workspace import read_statements

        statements = {s.slug: s for s in read_statements(self.config, ())}
        todo: dict[str, set[str] | None] = {}  # slug -> languages to render (None: all)
        for slug, statement in statements.items():
            if changed is None or self.statements.get(slug) != statement:
                todo[slug] = None
        if changed is not None and any(self._is_other(path) for path in changed):
            todo = dict.fromkeys(statements)  # glossary, settings: anything may change
        elif changed is not None:
            for path in changed:
                slug, lang = self._catalog_of(path)
                if slug in statements and todo.get(slug, set()) is not None:
                    todo.setdefault(slug, set()).add(lang)
        for gone in set(self.statements) - set(statements):
            shutil.rmtree(self.root / gone, ignore_errors=True)
        written = []
        for slug, langs in todo.items():
            written += self._build_statement(statements[slug], langs)
        if changed is None or set(statements) != set(self.statements):
            written.append(self._write("index.html", self._home(statements)))
        self.statements = statements
        return written

    def _is_other(self, path: Path) -> bool:
        c = self.config
        return not (path.is_relative_to(c.speeches_path) or path.is_relative_to(c.locales_path))

    def _catalog_of(self, path: Path) -> tuple[str | None, str | None]:
        """Return (slug, lang) of locales/<lang>/LC_MESSAGES/<slug>.po, else (None, None)."""
        try:
            parts = path.relative_to(self.config.locales_path).parts
        except ValueError:
            return None, None
        if len(parts) == 3 and parts[1] == "LC_MESSAGES" and parts[2].endswith(".po"):
            return parts[2][:-3], parts[0]
        return None, None

    def _build_statement(self, statement: Statement, langs: set[str] | None) -> list[str]:
        from toolkit import catalogs, rendering
        from toolkit.languages import UN_ORDER

        targets = catalogs.target_languages(self.config, statement)
        codes = tuple(c for c in UN_ORDER if c in targets or (c == statement.source_lang
                                                               and c in self.config.languages))
        editions: list[Edition] = []
        if statement.source_lang in codes and (langs is None or statement.source_lang in langs):
            editions.append(catalogs.original_edition(statement))
        wanted = [lang for lang in targets if langs is None or lang in langs]
        editions += self._translated_editions(statement, wanted)
        written = []
        for edition in editions:
            page = rendering.render_edition(self.env, edition, codes)
            written.append(self._write(f"{statement.slug}/{edition.lang}.html", page))
            self.builds += 1
        if langs is None:
            written.append(self._write(f"{statement.slug}/index.html", self._statement_home(statement, codes)))
        return written

    def _translated_editions(self, statement: Statement, langs: list[str]) -> list[Edition]:
        """Merge each language's catalog in memory, as publish would, and return its edition."""
        from toolkit import catalogs
        from toolkit.commands.publish import suggest

        if not langs:
            return []
        config = self.config if set(langs) == set(catalogs.target_languages(self.config, statement)) \
            else _only(self.config, langs)
        work = catalogs.gather_catalogs(config, statement)
        # Suggestions (memory, then machine) only when asked: a save must show at once.
        suggestions = suggest(config, work, None, log.info, None) if self.translate else {}
        return [catalogs.build_edition(statement, item.lang, item.merge(suggestions.get(item.pair)))
                for item in work]

    def _write(self, name: str, text: str) -> str:
        from toolkit.publishing import atomic_write

        atomic_write(self.root / name, text.encode("utf-8"))
        return "/" + name

    def _home(self, statements: dict[str, Statement]) -> str:
        items = "".join(
            f'<li><a href="{html.escape(slug)}/">{html.escape(s.title.text if s.title else slug)}</a>'
            f' <small>({html.escape(slug)})</small></li>' for slug, s in sorted(statements.items()))
        return ("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>presskit preview</title>"
                f"<h1>Preview of {html.escape(str(self.config.workspace.resolve().name))}</h1>"
                f"<ul>{items}</ul><p>Pages reload when a speech or catalog is saved.</p></html>")

    def _statement_home(self, statement: Statement, codes: tuple[str, ...]) -> str:
        from toolkit.languages import LANGUAGES

        links = "".join(f'<li><a href="{c}.html" hreflang="{LANGUAGES[c].tag}">{LANGUAGES[c].english_name}</a></li>'
                        for c in codes)
        title = html.escape(statement.title.text if statement.title else statement.slug)
        return (f"<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>{title}</title>"
                f"<h1>{title}</h1><ul>{links}</ul><p><a href=\"../\">All statements</a></p></html>")


def _only(config: Config, langs: list[str]) -> Config:
    import dataclasses

    return dataclasses.replace(config, languages=tuple(dict.fromkeys(langs)))


class Preview:
    """A running preview: builder, server and watcher; stop() ends all three."""

    def __init__(self, config: Config, port: int = 8000, *, translate: bool = False,
                 say: Callable[[str], None] = lambda message: None, interval: float = 0.2):
        from toolkit.preview.server import PreviewServer
        from toolkit.preview.watcher import Watcher

        self.say = say
        self.folder = Path(tempfile.mkdtemp(prefix="presskit-serve-"))
        try:
            self.builder = PreviewBuilder(config, self.folder, translate=translate)
            self.builder.build()  # a broken workspace is refused before anything listens
            try:
                self.server = PreviewServer(self.folder, port)
            except OSError as exc:
                raise PresskitError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); is another "
                                    f"preview running? Try --port {port + 1}") from None
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.watcher = Watcher(self.builder.folders(), self._changed, interval=interval)
        self._thread = threading.Thread(target=self.server.serve_forever, name="presskit-server", daemon=True)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> Preview:
        self._thread.start()
        self.watcher.start()
        return self

    def _changed(self, paths: set[Path]) -> None:
        with self._lock:
            started = time.perf_counter()
            try:
                pages = self.builder.build(paths)
            except PresskitError as exc:
                self.say(f"cannot rebuild: {exc.format_message()}")
                self.server.reload(error=exc.format_message())
                return
            self.server.reload()
            shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
            self.say(f"rebuilt {shown or 'nothing'} in {time.perf_counter() - started:.2f} s")

    def stop(self) -> None:
        """Stop watching and serving, and remove the temporary folder."""
        self.watcher.stop()
        self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def serve(config: Config, port: int = 8000, *, translate: bool = False,
          say: Callable[[str], None] = lambda message: None) -> None:
    """Serve the preview on 127.0.0.1 until interrupted (Ctrl-C, or SIGTERM)."""
    import signal

    preview = Preview(config, port, translate=translate, say=say)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        preview.start()
        say(f"serving {preview.url} (watching {', '.join(WATCHED)}; Ctrl-C to stop)")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.stop()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt

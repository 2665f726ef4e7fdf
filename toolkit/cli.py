"""The `presskit` command line: click commands over `toolkit.commands`, nothing more.

Heavy libraries (WeasyPrint, CTranslate2, argostranslate) are imported inside command bodies,
so `presskit --help` answers at once.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

import click

from toolkit import __version__
from toolkit.config import PDF_VARIANTS
from toolkit.errors import ExitStatus

log = logging.getLogger("toolkit")

EPILOG = """\b
A workspace is a folder with speeches/, locales/ and output/ (optional settings go in
[tool.presskit] of its pyproject.toml or in presskit.toml). Commands work on the current
folder; -C DIR points elsewhere. -C, -v and --traceback go before or after the command.

\b
Exit status: 0 done, 1 lint found something to look at, 2 bad command line, 3 an input
presskit cannot use, 4 not fully reviewed (--final, status --check), 5 a translation model
missing, 6 no network, 7 workspace busy, 70 internal error, 130 interrupted.
"""


class Context:
    """What every command gets: the workspace and the global flags."""

    def __init__(self, directory: Path, traceback: bool, verbose: int = 0):
        self.directory = directory
        self.traceback = traceback
        self.verbose = verbose

    def set_verbosity(self, verbose: int) -> None:
        self.verbose = verbose
        log.setLevel(logging.WARNING - 10 * min(verbose, 2))

    def config(self, **overrides):
        from toolkit.config import load_config

        return load_config(self.directory, overrides)


pass_context = click.make_pass_decorator(Context)


class _OncePerRun(logging.Filter):
    """Let each warning through once per run: the missing HarfBuzz subsetter is checked for
    every PDF (write_pdf also serves single calls), but a press officer needs telling once."""

    def __init__(self):
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="presskit")
@click.option("-C", "--directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Workspace folder to work in, as if presskit were started there: "
              "SPEECH paths are relative to it.")
@click.option("-v", "--verbose", count=True, help="Say more about what is happening (-vv for debug).")
@click.option("--traceback", is_flag=True, envvar="PRESSKIT_TRACEBACK",
              help="Show the full Python traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, directory: Path, verbose: int, traceback: bool) -> None:
    """Turn an as-delivered statement into a six-language press release.

    \b
    Typical use, in a workspace folder:
      presskit lint                 check the statements in speeches/
      presskit publish              translate, typeset and write output/
      presskit publish --lang fr    only the French edition
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("presskit: %(message)s"))
    handler.addFilter(_OncePerRun())
    log.addHandler(handler)
    ctx.call_on_close(lambda: log.removeHandler(handler))  # one handler per run, however many runs
    if isinstance(ctx.obj, Context):  # main()'s: it reads `traceback` back after an error
        ctx.obj.directory, ctx.obj.traceback = directory, traceback
    else:
        ctx.obj = Context(directory, traceback)
    ctx.obj.set_verbosity(verbose)


@cli.command()
@click.argument("speeches", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print what the reader understood as JSON, one object per statement: language, title, "
              "delivery note, speaker, date, venue, symbol, blocks and findings.")
@pass_context
def lint(obj: Context, speeches: tuple[Path, ...], as_json: bool) -> None:
    """Show what the reader understood of each statement and what it noticed.

    For each statement, a short summary of what will print (title, date, speaker,
    language), then one line per finding as FILE:LINE: SEVERITY: MESSAGE. A note is
    something presskit handled (web debris left out, a pull quote printed once); a
    warning wants a person to look (no date, dates that disagree, a second-language
    copy); an error stops publishing. Exits with status 1 when there is a warning or
    an error, 0 when there are only notes.

    \b
    Examples:
      presskit lint speeches/closing-second-multistakeholder-hearing.txt
      presskit lint --json > understood.json
    """
    from toolkit.commands.lint import lint as run_lint
    from toolkit.reader.report import describe, needs_attention, summary

    statements = run_lint(obj.config(), speeches)
    if as_json:
        import json

        click.echo(json.dumps([describe(s) for s in statements], ensure_ascii=False, indent=2))
    else:
        for statement in statements:
            for line in summary(statement):
                click.echo(line)
            for finding in statement.findings:
                click.echo(finding.labelled())
    if any(needs_attention(s.findings) for s in statements):
        raise SystemExit(ExitStatus.FINDINGS)


@cli.command()
@click.argument("speeches", nargs=-1, type=click.Path(path_type=Path))
@click.option("--date", "date_", metavar="YYYY-MM-DD", callback=lambda c, p, v: _parse_date(v),
              help="Date of delivery, when the speech file does not say.")
@click.option("--venue", metavar="PLACE", help='Where it was delivered, e.g. "New York".')
@click.option("--symbol", metavar="SYMBOL", help="Document symbol of the press release, e.g. GA/SM/123.")
@click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS),
              default=None, help="PDF flavour: pdf/ua-1 (default, accessible), or pdf/a to archive (tagged PDF/A-3a; "
                                 "other PDF/A levels by name); all are tagged.")
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="Only these languages (repeat it, or --lang fr,es). Default: all six.")
@click.option("--from", "source", metavar="LANG",
              help="Language the statements are written in, when the speech file does not say.")
@click.option("--final", is_flag=True,
              help="Refuse to publish unless every requested language is fully reviewed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Typeset PDFs in N processes at once. Default: one per CPU.")
@click.option("--keep-going", is_flag=True,
              help="Publish every statement that can be published; report the others and exit non-zero. "
              "Default: check everything first and write nothing if one statement fails.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no list of the files written.")
@pass_context
def publish(obj: Context, speeches: tuple[Path, ...], date_, venue: str | None, symbol: str | None,
            pdf_variant: str | None, langs: tuple[str, ...], source: str | None, final: bool,
            jobs: int | None, keep_going: bool, quiet: bool) -> None:
    """Publish statements as press releases (PDF and HTML) in output/.

    SPEECHES are text files; without any, every file in speeches/ is published.
    For each statement, output/<name>/ receives <lang>.pdf and <lang>.html per
    language and an index.html listing them. Every input is read and checked
    before the first file is written.

    Translations come from locales/<lang>/LC_MESSAGES/<name>.po, which reviewers
    edit (Poedit, Weblate, a text editor). Machine translation only fills empty
    entries, marked fuzzy, using the offline models that `presskit models list`
    shows (a language whose catalog is complete needs none). An edition with
    any unreviewed entry carries an "unofficial machine translation" notice.
    With --final nothing is written unless every requested language is fully
    reviewed.

    \b
    Examples:
      presskit publish speeches/closing-second-multistakeholder-hearing.txt
      presskit publish --lang fr,es --final
      presskit publish --keep-going --jobs 4     an archive: publish what can be
    """
    import time

    from toolkit.commands.publish import publish as run_publish
    from toolkit.scheduling import default_jobs

    started = time.monotonic()
    config = obj.config(pdf_variant=pdf_variant, languages=",".join(langs) if langs else None, source_language=source)
    metadata = {"date": date_, "venue": venue, "symbol": symbol}
    # One bar for the whole run, on a terminal only: a log or a CI job gets the summary instead.
    shown = None if quiet or not _is_terminal(sys.stderr) else _progressbar
    result = run_publish(config, speeches, metadata=metadata, final=final,
                         progress=lambda message: log.info(message), bar=shown,
                         jobs=jobs or default_jobs(), keep_going=keep_going)
    for finding in result.findings:
        click.echo(f"note: {finding}", err=True)
    if not quiet:
        _echo_written(result.written, config)
    if result.unchanged and not result.written:
        click.echo(f"up to date: {len(result.unchanged)} files unchanged")
    counts = result.suggestions
    if counts.memory or counts.machine:
        kinds = [f"{n} {what}" for n, what in ((counts.exact, "same text"), (counts.sentences, "from sentences"),
                                                (counts.close, "close")) if n]
        click.echo(f"suggestions: {counts.memory} from the translation memory"
                   + (f" ({', '.join(kinds)})" if kinds else "") + f", {counts.machine} machine-translated")
    for slug, statuses in _by_statement(result.catalogs).items():
        parts = [f"{s.lang} {s.percent} %" + (f" ({s.machine} machine, {s.untranslated} untranslated)"
                                              if not s.complete else "") for s in statuses]
        click.echo(f"{slug}: reviewed {', '.join(parts)}")
    for failure in result.failed:
        click.echo(f"failed: {failure.message}", err=True)
    editions = len(result.editions)
    click.echo(f"published {_count(len(result.statements), 'statement')}, {_count(editions, 'edition')} "
               f"({editions - result.typeset} unchanged), {len(result.failed)} failed, "
               f"{time.monotonic() - started:.1f} s")
    if result.failed:
        raise SystemExit(result.failed[0].exit_code)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@cli.command()
@click.argument("speeches", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="Only these languages (repeat it, or --lang fr,es). Default: all six.")
@click.option("--from", "source", metavar="LANG",
              help="Language the statements are written in, when the speech file does not say.")
@click.option("--check", is_flag=True, help="Exit with status 4 unless everything is reviewed (for CI), as publish --final does.")
@pass_context
def status(obj: Context, speeches: tuple[Path, ...], langs: tuple[str, ...], source: str | None,
           check: bool) -> None:
    """Show how much of each translation a reviewer has signed off.

    One table per statement: for each language, the entries of its PO file,
    how many are reviewed, how many are machine translations still marked
    fuzzy, how many are untranslated, and obsolete entries kept from older
    versions of the speech. Nothing is written.

    \b
    Examples:
      presskit status
      presskit status --check       exit 4 unless all is reviewed (CI gate)
    """
    from toolkit.commands.status import status as run_status

    config = obj.config(languages=",".join(langs) if langs else None, source_language=source)
    statuses, findings = run_status(config, speeches)
    for finding in findings:
        click.echo(f"note: {finding}", err=True)
    header = ("lang", "entries", "reviewed", "machine", "untranslated", "obsolete", "reviewed %", "checks")
    for slug, rows in _by_statement(statuses).items():
        click.echo(slug)
        click.echo("  " + "  ".join(f"{h:>{len(h)}}" for h in header))
        for s in rows:
            cells = (s.lang, s.entries, s.reviewed, s.machine, s.untranslated, s.obsolete, f"{s.percent} %",
                     s.problems)
            click.echo("  " + "  ".join(f"{str(c):>{len(h)}}" if i else f"{c:<{len(h)}}"
                                        for i, (c, h) in enumerate(zip(cells, header))))
    behind = [f"{s.slug} [{s.lang}]" for s in statuses if not s.complete]
    if check and behind:
        click.echo(f"not fully reviewed: {', '.join(behind)}", err=True)
        raise SystemExit(ExitStatus.NOT_REVIEWED)


@cli.command()
@click.argument("speeches", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="Only these languages (repeat it, or --lang fr,es). Default: all six.")
@click.option("--from", "source", metavar="LANG",
              help="Language the statements are written in, when the speech file does not say.")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON, for tools and CI.")
@pass_context
def check(obj: Context, speeches: tuple[Path, ...], langs: tuple[str, ...], source: str | None,
          as_json: bool) -> None:
    """Check the translations for what machine translation gets wrong.

    Every translated entry of every catalog is compared with its source text:
    numbers and months, text left untranslated or in Latin letters, repeated
    words, a dropped sentence, glossary terms (glossary/*.tbx, glossary/*.csv
    and the UN glossary presskit ships), document symbols, URLs, e-mails and
    names that must stay as written, brackets, quotation marks, spacing and
    punctuation. One line per problem, as FILE:LINE: CHECK: MESSAGE, where
    FILE:LINE is the entry in the PO file. Nothing is written: publish puts the
    same findings into the PO files as "#. check:" comments.

    A false alarm is acknowledged by adding a flag to the entry, e.g.
    "#, ignore-numbers" ("ignore-checks" for all). Exits with status 1 when a
    reviewed entry has an error nobody acknowledged (length, quotation marks,
    spacing and punctuation are warnings and never do).

    \b
    Examples:
      presskit check
      presskit check --lang fr speeches/closing-second-multistakeholder-hearing.txt
      presskit check --json > problems.json
    """
    from toolkit.commands.check import check as run_check

    config = obj.config(languages=",".join(langs) if langs else None, source_language=source)
    result = run_check(config, speeches)
    if as_json:
        import json

        click.echo(json.dumps({"problems": [p.as_dict() for p in result.problems], "languages": result.counts()},
                              ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            click.echo(str(problem))
        counts = result.counts()
        opened = sum(row["errors"] + row["warnings"] for row in counts.values())
        blocking = len(result.blocking)
        checked = sum(row["entries"] for row in counts.values())
        click.echo(f"{checked} entries checked: {opened} problem(s), {blocking} error(s) in reviewed entries"
                   + ("; fix them or acknowledge a false alarm with '#, ignore-CHECK'" if blocking else ""),
                   err=True)
    if result.blocking:
        raise SystemExit(ExitStatus.FINDINGS)


@cli.command()
@click.argument("speeches", nargs=-1, type=click.Path(path_type=Path))
@pass_context
def bundle(obj: Context, speeches: tuple[Path, ...]) -> None:
    """Pack each published statement into one zip for distributors.

    Writes output/<statement>.zip: every edition (PDF and HTML), the
    statement's index page, its manifest.json and a SHA256SUMS file, under
    one folder named for the statement. Each file is checked against the
    manifest first; the same output always gives the same zip, byte for
    byte. Run `presskit publish` first.

    \b
    Examples:
      presskit bundle                       every published statement
      presskit bundle speeches/closing.txt  just this one
    """
    from toolkit.commands.bundle import bundle as run_bundle
    from toolkit.publishing import atomic_write

    config = obj.config()
    for path, data in run_bundle(config, speeches):
        atomic_write(path, data)
        click.echo(f"wrote {config.relative(path)}")


@cli.group()
def models() -> None:
    """List and install the translation models (Argos Translate packages).

    presskit translates offline with one model per language pair: English into
    each language, and each statement language into English. Other pairs go
    through English (Arabic → English → French).

    \b
    Examples:
      presskit models list
      presskit models install                  all the models this workspace needs
      presskit models install fr               only those French needs
      presskit models install --file translate-en_fr-1_9.argosmodel   (no internet)
    """


@models.command("list")
@pass_context
def models_list(obj: Context) -> None:
    """Show which models are installed, their size, and which are missing.

    Also shows which language pairs will be translated through English.

    \b
    Example:
      presskit models list
    """
    from toolkit.commands import models as run_models

    for line in run_models.list_models(obj.config()):
        click.echo(line)


@models.command("install")
@click.argument("langs", nargs=-1, metavar="[LANG|PAIR]...")
@click.option("--file", "files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="PATH.argosmodel", help="Install a model file copied from elsewhere (no internet needed).")
@pass_context
def models_install(obj: Context, langs: tuple[str, ...], files: tuple[Path, ...]) -> None:
    """Download and install the models this workspace needs, or install model files.

    Without LANG, installs every missing model the configured languages need;
    with LANG (fr, zh ...), only those for these languages, and with a pair
    (ar-en) exactly that model. On a computer without internet, download the
    .argosmodel files elsewhere (from the Argos Translate package index) and
    install them with --file; each file is checked first.

    \b
    Examples:
      presskit models install
      presskit models install fr es
      presskit models install ar-en
      presskit models install --file translate-en_fr-1_9.argosmodel
      presskit models install --file ~/Downloads/translate-*.argosmodel
    """
    from toolkit.commands import models as run_models

    config = obj.config()
    if files:
        # `--file translate-*.argosmodel`: the shell expands the pattern into several words, and
        # all but the first arrive as arguments.
        extra = [Path(arg) for arg in langs if arg.endswith(".argosmodel") or Path(arg).exists()]
        if len(extra) != len(langs):
            raise click.UsageError("give languages or --file, not both")
        files = tuple(files) + tuple(extra)
        langs = ()
    if files:
        installed = run_models.install_model_files(config, files)
    else:
        pairs = run_models.models_to_install(config, langs)
        if not pairs:
            click.echo("Nothing to install: every model needed is installed (see `presskit models list`).")
            return
        installed = run_models.install_models(config, pairs, progress=_progressbar)
    for package in installed:
        click.echo(f"installed {package.from_code}→{package.to_code}: {package.name} {package.version}")


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 to serve on (0: any free port).")
@click.option("--translate", is_flag=True,
              help="Also machine-translate empty entries on each rebuild (slower; nothing is written).")
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="Only these languages (repeat it, or --lang fr,es). Default: all six.")
@pass_context
def serve(obj: Context, port: int, translate: bool, langs: tuple[str, ...]) -> None:
    """Preview the HTML editions in a browser while reviewing; pages reload on save.

    Builds every statement's HTML editions into a temporary folder and serves
    them at http://127.0.0.1:8000/ (this computer only). It watches speeches/,
    locales/ and glossary/: save a catalog in Poedit, or edit a speech, and the
    page in the browser is rebuilt and reloads within a second or two, as with
    `mkdocs serve`. Catalogs are merged in memory as publish would; empty
    entries show the source text unless --translate. Nothing in the workspace
    is written, output/ least of all: run `presskit publish` for that.

    \b
    Examples:
      presskit serve                  then open http://127.0.0.1:8000/
      presskit serve --port 8001 --lang fr
    """
    from toolkit.commands import serve as command

    config = obj.config(languages=",".join(langs) if langs else None)
    command.serve(config, port, translate=translate, say=click.echo)


@cli.group()
def memory() -> None:
    """Exchange the translation memory with CAT tools, as TMX 1.4b files.

    The workspace keeps a translation memory in .presskit/: every entry a
    reviewer signs off in a catalog (not fuzzy, not empty) is remembered with
    its statement and date, and offered again, fuzzy, wherever the same or a
    close (85 %) paragraph comes back. Import an office's archive to start with
    years of reviewed text; export it for OmegaT, Trados or translate-toolkit.

    \b
    Examples:
      presskit memory import archive.tmx
      presskit memory import archive.tmx --lang fr,es
      presskit memory export --reviewed reviewed.tmx
    """


@memory.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "langs", multiple=True, metavar="LANG",
              help="Only translations into these languages (repeat it, or --lang fr,es). Default: all six.")
@pass_context
def memory_import(obj: Context, file: Path, langs: tuple[str, ...]) -> None:
    """Seed the translation memory from a TMX file (an office's archive).

    Every translation unit whose languages are UN languages is stored, as
    imported text: a translation reviewed in this workspace is never replaced
    by an import. The whole file is checked first; a broken file stores
    nothing and is reported as FILE:LINE: what is wrong.

    \b
    Example:
      presskit memory import ~/archive/ga-statements-2019.tmx --lang fr
    """
    from toolkit.commands import memory as command

    config = obj.config(languages=",".join(langs) if langs else None)
    result = command.import_tmx(config, file, config.languages if langs else None, bar=_bytes_progressbar)
    click.echo(f"imported {result.translations} translations from {result.units} units of {file}"
               + (f" ({result.skipped} variants in other languages or empty, skipped)" if result.skipped else "")
               + f"; the memory holds {result.total} human translations")


@memory.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reviewed", is_flag=True,
              help="Only what reviewers approved in this workspace's catalogs (no imported or machine text).")
@pass_context
def memory_export(obj: Context, file: Path, reviewed: bool) -> None:
    """Write the translation memory to a TMX 1.4b file.

    The reviewed entries of every catalog are gathered first, so the file holds
    what reviewers signed off up to now. Without --reviewed it also holds the
    imported units and the machine translations (marked x-presskit-kind).

    \b
    Examples:
      presskit memory export --reviewed reviewed.tmx     for OmegaT, Trados
      presskit memory export everything.tmx
    """
    from toolkit.commands import memory as command

    config = obj.config()
    count = command.export_tmx(config, file, reviewed=reviewed)
    click.echo(f"wrote {count} translation units to {file}")


def _bytes_progressbar(label: str, total: int):
    """Return a progress bar over bytes on stderr."""
    return click.progressbar(length=total, label=label, file=sys.stderr,
                             item_show_func=None, show_percent=True, show_pos=False)


def _set_directory(ctx: click.Context, param, value):
    if value is not None:
        ctx.find_object(Context).directory = value


def _add_verbosity(ctx: click.Context, param, value):
    if value:
        obj = ctx.find_object(Context)
        obj.set_verbosity(obj.verbose + value)


def _set_traceback(ctx: click.Context, param, value):
    if value:
        ctx.find_object(Context).traceback = True


def _global_options() -> list[click.Option]:
    """Return -C, -v and --traceback for a command: `presskit publish -v` means `presskit -v publish`."""
    return [
        click.Option(["-C", "--directory"], type=click.Path(file_okay=False, path_type=Path), default=None,
                     expose_value=False, callback=_set_directory, help="Workspace folder (as before the command)."),
        click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_add_verbosity,
                     help="Say more (as before the command)."),
        click.Option(["--traceback"], is_flag=True, expose_value=False, callback=_set_traceback,
                     help="Show the traceback of an unexpected error (as before the command)."),
    ]


def _accept_global_options(group: click.Group) -> None:
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _accept_global_options(command)
        else:
            command.params.extend(_global_options())


def _progressbar(label: str, total: int):
    """Return a progress bar on stderr (only the label when stderr is not a terminal)."""
    return click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True)


def _by_statement(statuses) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for s in statuses:
        grouped.setdefault(s.slug, []).append(s)
    return grouped


def _echo_written(paths: list[Path], config) -> None:
    """Say which files were written, one line per folder."""
    folders: dict[Path, list[str]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path.name)
    for folder, names in folders.items():
        shown = config.relative(folder / names[0])
        if len(names) == 1:
            click.echo(f"wrote {shown}")
        else:
            click.echo(f"wrote {config.relative(folder)}/: {' '.join(names)}")


def _parse_date(value: str | None):
    if value is None:
        return None
    from toolkit.statement import parse_date

    date = parse_date(value)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD")
    return date


_accept_global_options(cli)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning unexpected errors into a short message unless --traceback."""
    # The --traceback flag (or PRESSKIT_TRACEBACK) as click parsed it, filled in by `cli`.
    state = Context(Path("."), traceback=False)
    previous = _stop_on_sigterm()
    try:
        cli.main(args=argv, prog_name="presskit", standalone_mode=False, obj=state)
    except click.exceptions.Abort as exc:
        # click turns Ctrl-C (and SIGTERM, below) into Abort; output is written only after
        # everything is gathered, each statement's folder swapped in whole (toolkit.staging).
        if isinstance(exc.__cause__, KeyboardInterrupt):
            click.echo("Interrupted; nothing half-written was left behind.", err=True)
        else:
            click.echo("Aborted.", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # a bug: say so briefly
        if state.traceback:
            raise
        click.echo(f"presskit: internal error: {type(exc).__name__}: {exc} "
                   "(run again with --traceback and report it)", err=True)
        sys.exit(ExitStatus.INTERNAL)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_on_sigterm():
    """Make SIGTERM (kill, systemd, a CI timeout) stop a run as Ctrl-C does; return the old handler."""
    try:
        return signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread: leave signals alone
        return None

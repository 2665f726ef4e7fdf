"""Scheduling a run's work: every page of every statement typeset in worker processes, one progress bar.

A run over an archive translates everything first (one model load per pair, translation/) and
then has hundreds of pages to typeset. WeasyPrint is single-threaded and holds the GIL, so
pages are typeset in worker processes (`jobs` of them), each with one font configuration for
all the pages it typesets. Workers are spawned, not forked: a fork of a process holding
CTranslate2's thread pools, or Pango and fontconfig state, is not safe to continue in; and unlike
forkserver, spawn talks to its workers over pipes only, no socket (a publish opens none).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from toolkit.errors import PresskitError
from toolkit.publishing import PdfAttachment, RenderedPdf


@dataclass(frozen=True)
class Page:
    """One PDF to typeset: its page, the settings write_pdf takes, and a name for messages."""

    name: str  # "slug [lang]"
    html: str
    variant: str | None
    attachments: tuple[PdfAttachment, ...] = ()
    issued: datetime.datetime | None = None


def default_jobs() -> int:
    """Return how many worker processes a run uses by default: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # a taskset or a container's CPU set, not the machine's
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def typeset_pages(pages: Sequence[Page], *, jobs: int = 1,
                  done: Callable[[Page], None] | None = None) -> list[RenderedPdf | PresskitError]:
    """Typeset every page, in `jobs` worker processes (in this one for 1); return them in order.

    A page that fails with an expected error (PresskitError) gives that error in its place, so
    the caller decides whether the run stops or the statement is left out (--keep-going); any
    other exception is a bug and propagates. `done(page)` is called as each page is finished.
    Results do not depend on `jobs`: the same pages make the same bytes.
    """
    if not pages:
        return []
    from toolkit.publishing import warn_without_harfbuzz_subset

    warn_without_harfbuzz_subset()  # said here, once, where the CLI's handler is: not by each worker
    workers = max(1, min(jobs, len(pages)))
    if workers == 1:
        from toolkit.fonts import font_configuration

        fonts = font_configuration()  # one font configuration for the pages of the run
        results = []
        for page in pages:
            results.append(_typeset(page, fonts))
            if done is not None:
                done(page)
        return results
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")
    results: list = [None] * len(pages)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Longest pages first, so no worker is left with a long page at the end.
        order = sorted(range(len(pages)), key=lambda i: -len(pages[i].html))
        running = {pool.submit(typeset_in_worker, pages[i]): i for i in order}
        try:
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = running.pop(future)
                    results[index] = future.result()
                    if done is not None:
                        done(pages[index])
        except BaseException:
            for future in running:
                future.cancel()
            raise
    return results


def _typeset(page: Page, fonts) -> RenderedPdf | PresskitError:
    from toolkit.publishing import write_pdf

    try:
        return write_pdf(page.html, variant=page.variant, fonts=fonts, attachments=page.attachments,
                         issued=page.issued)
    except PresskitError as exc:
        if exc.path is None:  # name the edition: "water [fr]: the PDF would lack text …"
            return type(exc)(f"{page.name}: {exc.format_message()}")
        return exc


class _Worker:
    """What a worker process keeps between pages: its font configuration (the worker's life is one run)."""

    fonts = None


def typeset_in_worker(page: Page) -> RenderedPdf | PresskitError:
    """Typeset one page in a worker process, with the worker's one font configuration."""
    if _Worker.fonts is None:
        import logging

        from toolkit.fonts import font_configuration

        # A worker has no handler of the CLI's: what it would log went to stderr bare, once per
        # worker (the missing-HarfBuzz warning, said by the main process already).
        logging.getLogger("toolkit").addHandler(logging.NullHandler())

        _Worker.fonts = font_configuration()
    result = _typeset(page, _Worker.fonts)
    if isinstance(result, PresskitError):
        # click's exceptions do not pickle with their path and line: send the message as given.
        return PresskitError(result.format_message())
    return result


class RunProgress:
    """One progress bar for a whole run: the translator's units of work, then every page.

    `bar` is a ProgressBar factory (label, total -> context manager with update(n), like
    click.progressbar); it is opened once. The translator's own bars become stretches of this
    one (`unit`), which grows by their totals (click.progressbar's `length`).
    """

    def __init__(self, bar, label: str, total: int):
        self._context = bar(label, total) if bar is not None else nullcontext(None)
        self._shown = None

    def __enter__(self) -> RunProgress:
        self._shown = self._context.__enter__()
        return self

    def __exit__(self, *exc) -> bool | None:
        return self._context.__exit__(*exc)

    def unit(self, label: str, total: int):
        """Return a translator's bar for `total` more steps, shown on the run's one bar."""
        self._grow(total)
        self.relabel(label)
        return nullcontext(self)

    def relabel(self, label: str) -> None:
        """Show what the run is doing now."""
        if self._shown is not None and hasattr(self._shown, "label"):
            self._shown.label = label

    def update(self, steps: int) -> None:
        """Advance the bar by `steps`."""
        if self._shown is not None:
            self._shown.update(steps)

    def _grow(self, steps: int) -> None:
        if self._shown is not None and steps and hasattr(self._shown, "length"):
            self._shown.length = (self._shown.length or 0) + steps

"""Benchmark the render and publish stages on the sample statement in its six languages.

Input: the six reviewed editions of the sample (built from locales/ with tests/support), typeset
as presskit does (Jinja2 page, then WeasyPrint with the pdf/ua-1 variant), and, as the floor,
WeasyPrint alone writing a plain PDF of the same HTML. Times are the best of PRESSKIT_BENCH_REPEAT
runs (default 3) after one warm-up run, which pays for fontconfig and loading the fonts.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from benchmarks import Table

TITLE = "render: the sample statement as six HTML pages and six PDFs (A4, pdf/ua-1)"
ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("PRESSKIT_BENCH_REPEAT", "3"))
TARGET_SECONDS = 5.0  # all six PDFs together
TARGET_ZH_BYTES = 150 * 1024  # issue #16: CJK faces subset without retained glyph IDs


def _best(function, repeat: int = REPEAT):
    """Return (best seconds, last result) of calling function `repeat` times."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def _fitting_cost(weasyprint, editions, codes, shared) -> list[str]:
    """Return, per language, the fit step used and what the layouts cost against one layout."""
    from toolkit import pagination, rendering

    env, notes = rendering.make_environment(), []
    for code, edition in editions.items():
        page = weasyprint.HTML(string=rendering.render_edition(env, edition, codes), base_url=".")
        once, plain = _best(lambda: page.render(font_config=shared))
        fitted_time, (fitted, step) = _best(lambda: pagination.render_fitted(page, font_config=shared))
        if step is None and fitted_time < once * 1.5:
            continue
        notes.append(f"{code} {len(plain.pages)} -> {len(fitted.pages)} pages (step {step}), layout "
                     f"{once * 1000:.0f} -> {fitted_time * 1000:.0f} ms")
    return notes or ["none in the sample"]


def run() -> Table:
    """Typeset the six editions and compare with WeasyPrint alone."""
    sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package (site-packages has a `tests`)
    import weasyprint

    from support.editions import sample_editions, sample_statement
    from toolkit import fonts, publishing, rendering

    shared = fonts.font_configuration()  # one per run, as publish does

    editions = sample_editions(sample_statement(symbol="GA/SM/1234"))
    codes = tuple(editions)
    cold_start = time.perf_counter()
    env = rendering.make_environment()
    for edition in editions.values():
        publishing.write_pdf(rendering.render_edition(env, edition, codes), fonts=shared)
    cold = time.perf_counter() - cold_start

    table = Table(["lang", "html ms", "html KB", "pdf ms", "pdf KB", "pages", "weasyprint ms", "overhead"])
    totals = {"html": 0.0, "pdf": 0.0, "floor": 0.0}
    sizes = {}
    for code, edition in editions.items():
        # A fresh environment per run: its catalogs are compiled once per run, as in `publish`.
        html_time, html = _best(lambda: rendering.render_edition(rendering.make_environment(), edition, codes))
        pdf_time, pdf = _best(lambda: publishing.write_pdf(html, fonts=shared))
        floor_time, _ = _best(lambda: weasyprint.HTML(string=html, base_url=".").write_pdf())
        totals["html"] += html_time
        totals["pdf"] += pdf_time
        totals["floor"] += floor_time
        sizes[code] = len(pdf.data)
        table.rows.append([
            code, f"{html_time * 1000:.0f}", f"{len(html.encode()) / 1024:.1f}", f"{pdf_time * 1000:.0f}",
            f"{len(pdf.data) / 1024:.0f}", str(pdf.pages), f"{floor_time * 1000:.0f}",
            f"{(html_time + pdf_time) / floor_time:.2f}x",
        ])
    presskit = totals["html"] + totals["pdf"]
    fitting = _fitting_cost(weasyprint, editions, codes, shared)
    table.rows.append([
        "all", f"{totals['html'] * 1000:.0f}", "", f"{totals['pdf'] * 1000:.0f}",
        f"{sum(sizes.values()) / 1024:.0f}", "", f"{totals['floor'] * 1000:.0f}", f"{presskit / totals['floor']:.2f}x",
    ])
    table.notes += [
        f"six PDFs, HTML included: {presskit:.2f} s warm, {cold:.2f} s cold "
        f"(target under {TARGET_SECONDS:.0f} s: {'met' if max(presskit, cold) < TARGET_SECONDS else 'MISSED'})",
        f"zh.pdf: {sizes['zh'] / 1024:.0f} KB ({sizes['zh']} bytes; goal at most {TARGET_ZH_BYTES // 1024} KB: "
        f"{'met' if sizes['zh'] <= TARGET_ZH_BYTES else 'MISSED'})",
        "overhead: presskit (page + pdf/ua-1 PDF) against WeasyPrint alone on the same HTML (plain PDF)",
        "short last pages (pagination.py): " + "; ".join(fitting),
        f"font subsetting by {'HarfBuzz' if fonts.has_harfbuzz_subset() else 'fontTools (install libharfbuzz-subset0)'}; "
        f"best of {REPEAT} runs after a warm-up; WeasyPrint {weasyprint.__version__}",
    ]
    return table

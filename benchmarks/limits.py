"""Long inputs: bidi isolation of one paragraph at 100k and 800k characters (issue #15 item 5).

`opposite_runs` used to grow with the square of the paragraph (0.7 s at 100k, 25 s at 800k);
it must grow linearly: eight times the text, about eight times the time.
"""

from __future__ import annotations

import time

from benchmarks import Table

TITLE = "limits: bidi isolation of one long paragraph (linear in its length)"
SIZES = (100_000, 800_000)
TEXTS = {
    "Arabic with Latin runs (rtl)": ("الأمم المتحدة GA/SM/1234 (Miroslav Lajčák) ", "rtl"),
    "English with Arabic words (ltr)": ("The United Nations, الأمم المتحدة, said so. ", "ltr"),
    "English only (ltr)": ("The United Nations said so, again and again. ", "ltr"),
}


def run() -> Table:
    from toolkit.rendering.bidi import opposite_runs

    table = Table(["text", *(f"{n // 1000}k chars s" for n in SIZES), "ratio"])
    worst = 0.0
    for name, (unit, direction) in TEXTS.items():
        seconds = []
        for size in SIZES:
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.process_time()
            opposite_runs(text, direction)
            seconds.append(time.process_time() - start)
        ratio = seconds[-1] / max(seconds[0], 1e-6)
        worst = max(worst, ratio) if seconds[0] > 0.01 else worst
        table.rows.append([name, *(f"{s:.3f}" for s in seconds), f"{ratio:.1f}"])
    table.notes.append(f"8x the text: worst {worst:.1f}x the CPU time (linear: about 8; quadratic: 64)")
    return table

"""Benchmarks: `python -m benchmarks` (or `make bench`) prints the tables of each benchmark module."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """A benchmark's result: a header, rows of cells, and notes printed under the table."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str | None = None  # printed instead of the module's TITLE (a benchmark printing several tables)

    def render(self) -> str:
        """Return the table as aligned text (numbers right-aligned), then the notes."""
        cells = [self.header, *self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.header))]

        def line(row):
            return "  ".join(
                c.rjust(w) if i and _numeric(c) else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))
            ).rstrip()

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([line(self.header), rule, *map(line, self.rows), *self.notes])


def _numeric(cell: str) -> bool:
    return cell[:1].isdigit() or cell[:1] in "-+." and cell[1:2].isdigit()

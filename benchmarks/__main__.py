"""Run the benchmarks and print their tables: `python -m benchmarks [NAME...]`.

A benchmark is a module of this package with `TITLE` and `run() -> Table` (or a list of tables, each
printed under its own `title`, TITLE by default); list it in MODULES.
These are measurements to read, not timed tests: nothing fails, targets are printed beside them.
"""

from __future__ import annotations

import importlib
import sys

MODULES = ("setup", "startup", "translate", "render", "publish", "memory", "merge", "reader", "checks", "pinning",
           "limits", "archive", "libretranslate")


def main(argv: list[str]) -> int:
    """Run the named benchmarks (all in MODULES by default) and print their tables."""
    names = argv or list(MODULES)
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(MODULES)}", file=sys.stderr)
        return 2
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {module.TITLE}", flush=True)
        result = module.run()
        for number, table in enumerate(result if isinstance(result, list) else [result]):
            if number:
                print(f"== {table.title or module.TITLE}", flush=True)
            print(table.render(), flush=True)
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

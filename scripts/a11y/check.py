"""Check the demo as an accessibility reviewer would: axe-core, the Nu HTML checker, outloud.

usage: python scripts/a11y/check.py [--tools .tools/a11y] [--keep DIR]

Publishes the sample workspace (speeches/, locales/) into a temporary copy once per PDF variant
presskit offers (`pdf/a` is pdf/a-3a, published once), then runs axe-core (Debian's Chromium through puppeteer-core) on every HTML
page at 1280 and 390 px, the Nu checker (vnu.jar) on every HTML page, and outloud (PDF/UA-1 and
WCAG 2.2) on every PDF of every variant. Prints the numbers; exits 1 when anything is found
beyond the warnings named in ACCEPTED (with the reason each cannot go), 2 when a tool is missing.
`make check-a11y` installs the tools (.tools/a11y) and runs this; tests/test_a11y_check.py runs
it when they are there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = "1280,390"

# outloud findings that stay, and why: (variant or "*", language or "*", rule).
ACCEPTED = {
    # Arabic letters have up to four joined forms, each its own glyph; all of them map back to
    # the one letter in /ToUnicode, which is what search and copy need (presentation forms
    # would break both), and the logical text is in /ActualText. A warning.
    ("*", "ar", "TXT-004"),
}


def accepted(variant: str, code: str, rule: str) -> bool:
    return any((v in ("*", variant)) and (c in ("*", code)) and r == rule for v, c, r in ACCEPTED)


def tools(folder: Path) -> dict[str, Path]:
    """Return the validators' paths, or exit 2 naming what is missing."""
    found = {
        "node": shutil.which("node"), "java": shutil.which("java"),
        "chromium": os.environ.get("CHROMIUM") or shutil.which("chromium"),
        "axe": folder / "axe.js", "vnu": folder / "node_modules/vnu-jar/build/dist/vnu.jar",
        "outloud": folder / "py/bin/outloud",
    }
    missing = [name for name, path in found.items() if not path or not Path(path).exists()]
    if missing:
        print(f"check-a11y: missing {', '.join(missing)}; run `make check-a11y` to install them", file=sys.stderr)
        sys.exit(2)
    return {name: Path(path) for name, path in found.items()}


def publish(workspace: Path, variant: str) -> Path:
    """Publish the sample with one PDF variant; return its output folder."""
    output = f"output-{variant.replace('/', '-')}"
    subprocess.run([str(ROOT / ".venv/bin/presskit"), "-C", str(workspace), "publish", "--pdf-variant", variant],
                   check=True, capture_output=True, env={**os.environ, "PRESSKIT_OUTPUT_DIR": output})
    return workspace / output


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", type=Path, default=ROOT / ".tools/a11y")
    parser.add_argument("--keep", type=Path, help="publish here instead of a temporary folder")
    args = parser.parse_args(argv)
    paths = tools(args.tools)
    sys.path.insert(0, str(ROOT))
    from toolkit.config import WRITTEN_VARIANTS

    with tempfile.TemporaryDirectory(prefix="presskit-a11y-") as temporary:
        workspace = args.keep or Path(temporary)
        for name in ("speeches", "locales"):
            shutil.copytree(ROOT / name, workspace / name, dirs_exist_ok=True)
        outputs = {variant: publish(workspace, variant) for variant in WRITTEN_VARIANTS}
        pages = sorted(next(iter(outputs.values())).glob("*/*.html"))
        problems = 0

        axe = json.loads(subprocess.run([str(paths["node"]), str(paths["axe"]), WIDTHS, *map(str, pages)],
                                        check=True, capture_output=True, text=True,
                                        env={**os.environ, "CHROMIUM": str(paths["chromium"]),
                                             "NODE_PATH": str(args.tools / "node_modules")}).stdout)
        violations = sum(len(found) for found in axe.values())
        print(f"axe-core: {len(pages)} pages at {WIDTHS} px: {violations} violation(s)")
        for where, found in sorted(axe.items()):
            for violation in found:
                print(f"  {where}: {violation['id']} ({violation['impact']}): {violation['help']} {violation['nodes']}")
        problems += violations

        nu = subprocess.run([str(paths["java"]), "-jar", str(paths["vnu"]), "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
        messages = json.loads(nu.stderr or '{"messages": []}')["messages"]
        errors = [m for m in messages if m.get("type") == "error"]
        print(f"Nu HTML checker: {len(pages)} pages: {len(errors)} error(s), {len(messages) - len(errors)} other message(s)")
        for message in messages:
            print(f"  {Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message.get('type')}: "
                  f"{message.get('message')}")
        problems += len(errors)

        pdfs = [pdf for output in outputs.values() for pdf in sorted(output.glob("*/*.pdf"))]
        report = Path(workspace) / "outloud.json"
        subprocess.run([str(paths["outloud"]), "--quiet", "--fail-on", "never", "--json", str(report),
                        *map(str, pdfs)], check=True, capture_output=True)
        results = json.loads(report.read_text(encoding="utf-8"))["results"]
        counts = {"error": 0, "warning": 0}
        print(f"outloud: {len(pdfs)} PDFs ({len(outputs)} variants x {len(pdfs) // len(outputs)} languages)")
        for result in results:
            path = Path(result["path"])
            variant, code = path.parent.parent.name.removeprefix("output-"), path.stem
            for finding in result["findings"]:
                if finding["severity"] not in counts:
                    continue
                counts[finding["severity"]] += 1
                known = accepted(variant.replace("pdf-", "pdf/", 1), code, finding["rule"])
                problems += 0 if known else 1
                print(f"  {variant} {code}.pdf: {finding['rule']} {finding['severity']}"
                      f"{' (accepted, see ACCEPTED)' if known else ''}: {finding['message']}")
            if result.get("error"):
                problems += 1
                print(f"  {variant} {code}.pdf: unreadable: {result['error']}")
        print(f"outloud: {counts['error']} error(s), {counts['warning']} warning(s)")
    print("check-a11y: " + ("clean" if not problems else f"{problems} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The shape of the package: data flows one way, and no module imports its way back round.

Every `import` in toolkit/ is read with ast (those inside functions too: a lazy import is still
a dependency), so the rules hold for code that a test run never executes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TOOLKIT = Path(__file__).resolve().parent.parent / "toolkit"
# The orchestration side: the command line and one module per command. Everything else is a
# stage (or a shared module such as config, errors, model) and must not import these.
ORCHESTRATION = ("toolkit.cli", "toolkit.__main__", "toolkit.commands", "toolkit.pipeline")


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = TOOLKIT) -> dict[str, Path]:
    """Return every module of the package by dotted name."""
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Return the toolkit modules `name` imports, anywhere in its code, except under TYPE_CHECKING.

    `from toolkit.catalogs import merge` imports the module toolkit.catalogs.merge;
    `from toolkit.catalogs import CatalogWork` imports toolkit.catalogs.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return {module for module in found if module == "toolkit" or module.startswith("toolkit.")}


def import_graph(root: Path = TOOLKIT) -> dict[str, set[str]]:
    """Return module -> the toolkit modules it imports."""
    found = modules(root)
    known = set(found)
    return {name: imports(name, path, known) - {name} for name, path in found.items()}


def is_orchestration(name: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in ORCHESTRATION)


def stage_violations(graph: dict[str, set[str]]) -> list[str]:
    """Return "stage imports orchestrator" for each stage module importing a command or the CLI."""
    return sorted(f"{name} imports {target}" for name, targets in graph.items() if not is_orchestration(name)
                  for target in targets if is_orchestration(target))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return one path per import cycle found (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "active"
        for target in sorted(graph.get(name, ())):
            if state.get(target) == "active":
                found.append(path[path.index(target):] + [target] if target in path else [name, target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return found


def test_the_walker_sees_the_package():
    graph = import_graph()
    assert {"toolkit.cli", "toolkit.commands.publish", "toolkit.translation.packages",
            "toolkit.catalogs.work"} <= set(graph)
    # lazy imports inside functions are edges too: the CLI imports each command in its body
    assert {"toolkit.commands.publish", "toolkit.commands.lint"} <= graph["toolkit.cli"]
    assert "toolkit.catalogs.merge" in graph["toolkit.catalogs.work"]


def test_no_stage_imports_a_command_or_the_orchestrator():
    assert stage_violations(import_graph()) == []


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_pipeline_is_gone():
    assert not (TOOLKIT / "pipeline.py").exists()


@pytest.fixture
def bad_package(tmp_path) -> Path:
    """A toolkit-shaped package with one stage importing a command lazily, and a cycle."""
    root = tmp_path / "toolkit"
    (root / "commands").mkdir(parents=True)
    (root / "translation").mkdir()
    files = {
        "__init__.py": "",
        "commands/__init__.py": "",
        "commands/publish.py": "from toolkit.translation import packages\n",
        "translation/__init__.py": "from toolkit.translation.packages import x\n",
        "translation/packages.py": "def f():\n    from toolkit.commands.publish import find\n",
        "a.py": "from toolkit import b\n",
        "b.py": "from . import a\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from toolkit import a\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_rules_catch_what_they_guard(bad_package):
    graph = import_graph(bad_package)
    assert stage_violations(graph) == ["toolkit.translation.packages imports toolkit.commands.publish"]
    assert cycles(graph) == [["toolkit.a", "toolkit.b", "toolkit.a"],
                             ["toolkit.commands.publish", "toolkit.translation.packages", "toolkit.commands.publish"]]
    assert graph["toolkit.c"] == set()  # TYPE_CHECKING imports run never

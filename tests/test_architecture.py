"""The shape of the code that docs/ARCHITECTURE.md states: layers import downward only, imports
sit at the top of files, no ImportError guard around linewatch's own modules, SQL only in store/.

Read with Python's `ast` (nothing is imported), so a violation fails here with its file and line.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "linewatch"

# Top to bottom; a module may import from its own layer and the layers below it. The same
# order is drawn in docs/ARCHITECTURE.md ("Layers").
LAYERS: tuple[tuple[str, ...], ...] = (
    ("cli", "__main__"),
    ("report",),
    ("web",),
    ("sources",),
    ("cluster",),
    ("runner",),
    ("analyze",),
    ("extract",),
    ("nlp",),
    ("store",),
    ("actors",),
    ("model", "errors", "config", "lexicon", "data", "__init__"),
)
RANK = {name: len(LAYERS) - i for i, names in enumerate(LAYERS) for name in names}

# Packages that must not hold SQL: they read and write through store/queries/.
NO_SQL = ("extract", "nlp", "analyze", "sources", "report", "web")
SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE"
    r"|DROP\s+TABLE|PRAGMA\s+\w+)",
)
# calls of the raw SQL entry points of the Store
RAW_CALLS = {"query", "query_one", "scalar", "execute", "executemany", "execute_script"}


def _modules() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        name = ".".join(("linewatch", *rel.parts)).removesuffix(".__init__")
        out.append((name, path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))))
    return out


MODULES = _modules()


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] == "__main__":
        return "cli"  # `python -m linewatch` is the CLI
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(tree: ast.Module) -> list[tuple[ast.stmt, str]]:
    """(node, imported linewatch module) for every import anywhere in the file."""
    out: list[tuple[ast.stmt, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node, a.name) for a in node.names if a.name.startswith("linewatch")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("linewatch"):
            if node.module == "linewatch":
                out += [(node, f"linewatch.{a.name}") for a in node.names]
            else:
                out.append((node, node.module or ""))
    return out


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(SRC.parent)}:{getattr(node, 'lineno', 0)}"


def test_every_package_has_a_layer() -> None:
    unknown = sorted({_layer(name) for name, _, _ in MODULES} - set(RANK))
    assert not unknown, f"add these to LAYERS and to docs/ARCHITECTURE.md: {unknown}"


def test_layers_import_downward_only() -> None:
    wrong = []
    for name, path, tree in MODULES:
        mine = _layer(name) if name != "linewatch" else "__init__"
        for node, imported in _imports(tree):
            other = _layer(imported)
            if other == mine:
                continue
            if RANK.get(other, 0) > RANK[mine]:
                wrong.append(f"{_where(path, node)}: {mine} imports {imported} (a layer above it)")
            elif RANK.get(other, 0) == RANK[mine] and RANK[mine] != 1:  # only the core modules share a layer
                wrong.append(f"{_where(path, node)}: {mine} imports {imported} (a sibling in its layer)")
    assert not wrong, "\n".join(wrong)


def test_architecture_doc_states_the_same_order() -> None:
    doc = (SRC.parents[1] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rule = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", doc, re.S)
    assert rule, "docs/ARCHITECTURE.md lost its layer picture"
    rows = [re.findall(r"`([\w_]+)/?`", line) for line in rule.group(1).splitlines()]
    rows = [tuple(r) for r in rows if r]
    assert rows == [tuple(n for n in names if n not in ("__main__", "__init__")) for names in LAYERS]


def _guards_import_error(handler: ast.ExceptHandler) -> bool:
    names = []
    if isinstance(handler.type, ast.Name):
        names = [handler.type.id]
    elif isinstance(handler.type, ast.Tuple):
        names = [e.id for e in handler.type.elts if isinstance(e, ast.Name)]
    return bool({"ImportError", "ModuleNotFoundError"} & set(names))


def test_no_import_error_guard_around_linewatch_modules() -> None:
    wrong = []
    for _, path, tree in MODULES:
        for node in ast.walk(tree):
            if isinstance(node, ast.Try) and any(_guards_import_error(h) for h in node.handlers):
                inner = ast.Module(body=node.body, type_ignores=[])
                wrong += [f"{_where(path, n)}: {m}" for n, m in _imports(inner)]
                calls = [c for c in ast.walk(inner) if isinstance(c, ast.Call)
                         and "import_module" in ast.unparse(c.func)]
                wrong += [f"{_where(path, c)}: {ast.unparse(c)}" for c in calls]
    assert not wrong, "\n".join(wrong)


def test_imports_at_the_top() -> None:
    """Function-level imports of linewatch modules only in cli/, each with a '# lazy:' reason
    (the command's stage pulls in FastAPI, httpx or numpy; `linewatch --help` stays fast), and
    under `if TYPE_CHECKING:`."""
    wrong = []
    for name, path, tree in MODULES:
        lines = path.read_text(encoding="utf-8").splitlines()
        type_only = {id(n) for top in tree.body if isinstance(top, ast.If) and "TYPE_CHECKING" in ast.unparse(top.test)
                     for n in ast.walk(top)}
        top_level = {id(n) for n in tree.body}
        for node, imported in _imports(tree):
            if id(node) in top_level or id(node) in type_only:
                continue
            reason = any("# lazy:" in line for line in lines[node.lineno - 1:node.end_lineno])
            if _layer(name) != "cli" or not reason:
                wrong.append(f"{_where(path, node)}: {imported} imported inside a function")
    assert not wrong, "\n".join(wrong)


def test_lazy_third_party_imports_say_why() -> None:
    """A function-level import of another package is a heavy or optional extra, with a one-line reason."""
    wrong = []
    for _, path, tree in MODULES:
        lines = path.read_text(encoding="utf-8").splitlines()
        type_only = {id(n) for top in tree.body if isinstance(top, ast.If) and "TYPE_CHECKING" in ast.unparse(top.test)
                     for n in ast.walk(top)}
        top_level = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or id(node) in top_level or id(node) in type_only:
                continue
            if not any("# lazy:" in line for line in lines[node.lineno - 1:node.end_lineno]):
                wrong.append(f"{_where(path, node)}: {ast.unparse(node)} (move it to the top, or say '# lazy: why')")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", NO_SQL)
def test_no_sql_outside_store(package: str) -> None:
    wrong = []
    for name, path, tree in MODULES:
        if _layer(name) != package:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                wrong.append(f"{_where(path, node)}: SQL text {node.value.strip()[:60]!r}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RAW_CALLS
                    and "store" in ast.unparse(node.func.value)):
                wrong.append(f"{_where(path, node)}: {ast.unparse(node.func)}(...) runs SQL; use store/queries/")
    assert not wrong, "\n".join(wrong)

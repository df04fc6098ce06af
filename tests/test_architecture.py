"""The shape of the house (docs/architecture.md), held against the code: imports run one way
between layers with no cycles, every module under kinds/ is a kind or inside a kind's package,
no module keeps per-article state, and long modules say why they are long."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from newslint.kinds import KINDS

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"

# Lower layers never import higher ones; a layer may import only lower layers, and a unit
# (top-level module or sub-package) may import itself.
LAYERS = [
    {"errors", "findings", "_version"},
    {"compiled"},
    {"yamlfile", "schema", "patterns"},
    {"text"},
    {"temporal", "kb", "report"},
    {"kinds"},
    {"rules", "core_rules"},
    {"config"},
    {"vocab", "directives"},
    {"engine"},
    {"run"},
    {"api"},
    {"lsp"},
    {"daemon"},
    {"commands"},
    {"cli", "__init__"},
    {"distributed"},
    {"__main__"},
]
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path, typing_only: bool = True) -> set[str]:
    """The newslint modules `name` imports (relative imports resolved), anywhere in the file;
    with `typing_only` False, not those under `if TYPE_CHECKING:`, which never run."""
    is_package = path.name == "__init__.py"
    here = [] if name == "__init__" else name.split(".")
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    if not typing_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
                skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or id(node) in skipped:
            continue
        if node.level:
            base = here if is_package else here[:-1]
            base = base[: len(base) - node.level + 1] if node.level > 1 else base
            target = ".".join(base + ([node.module] if node.module else []))
        elif node.module and node.module.split(".")[0] == "newslint":
            target = node.module.partition(".")[2]
        else:
            continue
        for alias in node.names:
            full = f"{target}.{alias.name}" if target else alias.name
            found.add(full if full in MODULES else (target or "__init__"))
    return found


def _unit(module: str) -> str:
    return module.split(".")[0]


def test_every_unit_has_a_layer():
    assert {_unit(m) for m in MODULES} == set(RANK)


def test_imports_never_run_up_a_layer_or_sideways():
    wrong = []
    for name, path in MODULES.items():
        for target in _imports(name, path):
            a, b = _unit(name), _unit(target)
            if a != b and RANK[b] >= RANK[a]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_cycles_between_modules():
    # Imports that run: one under `if TYPE_CHECKING:` names a type for the checker only.
    graph = {name: {t for t in _imports(name, path, typing_only=False) if t != name} for name, path in MODULES.items()}
    # A package's __init__ re-exporting its own modules is not a cycle to worry about.
    graph = {name: {t for t in targets if not name.startswith(t + ".")} for name, targets in graph.items()}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in graph.get(node, ()):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_every_module_under_kinds_is_a_kind_or_inside_a_kinds_package():
    kind_packages = {name for name in KINDS if (PACKAGE / "kinds" / name / "__init__.py").exists()}
    for name in MODULES:
        parts = name.split(".")
        if parts[0] != "kinds" or name == "kinds":
            continue
        if len(parts) == 2:
            assert parts[1] in KINDS, f"{name} is neither a kind nor inside a kind's package"
        else:
            assert parts[1] in kind_packages, f"{name} is inside {parts[1]}, which is not a kind"


# Process state, not article state: a pool worker's runner, set once when the worker starts.
GLOBALS_ALLOWED = {"run.runner"}


def test_no_module_keeps_per_article_state():
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        assert "WeakKeyDictionary" not in text, name
        assert not re.search(r"^    @functools\.(lru_cache|cache)\b", text, re.M), f"{name}: a cache on a method"
        if name not in GLOBALS_ALLOWED:
            assert not re.search(r"^\s*global ", text, re.M), f"{name}: a module global that changes"


def test_long_modules_say_why():
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES:
            docstring = ast.get_docstring(ast.parse(text)) or ""
            assert "Longer than" in docstring, f"{name} has {text.count(chr(10))} lines and no reason at its top"

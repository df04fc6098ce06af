"""The wheel holds every module and the rule packs: built and installed apart from the checkout,
it imports each module and lints an article with the built-in rules."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    # Built as `pip install .` in the README builds it: in an isolated build environment.
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("newslint-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    return target


def _run(target: Path, code: str) -> str:
    # The installed copy first on the path, ahead of the checkout's editable install.
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=target)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_wheel_imports_every_module(installed):
    expected = sorted(
        ".".join(("newslint", *p.relative_to(ROOT / "newslint").with_suffix("").parts)).removesuffix(".__init__")
        for p in (ROOT / "newslint").rglob("*.py"))
    out = _run(installed, """
import importlib, importlib.util, pkgutil, newslint
names = ["newslint"] + [m.name for m in pkgutil.walk_packages(newslint.__path__, "newslint.")]
for name in names:
    if name == "newslint.__main__":  # importing it runs the command line
        assert importlib.util.find_spec(name) is not None
        continue
    importlib.import_module(name)
print(newslint.__file__)
print("\\n".join(sorted(names)))
""").splitlines()
    assert out[0].startswith(str(installed))
    assert [name for name in out[1:] if not name.startswith("newslint._rules")] == expected


def test_the_wheel_lints_with_its_own_rule_packs(installed):
    out = _run(installed, """
from newslint import lint_text
from newslint.rules import builtin_rules_root
print(builtin_rules_root())
print(sorted({f.rule for f in lint_text("Hundreds were killed. The the end.\\n")}))
""").splitlines()
    assert out[0] == str(installed / "newslint" / "_rules")
    assert out[1] == "['casualty-unsourced', 'word-repeated']"


def test_without_tomllib_the_backport_reads_config_and_front_matter(tmp_path):
    # Python 3.10 has no tomllib: every command failed at import. The `tomli` backport (the same
    # API) stands in; here a stand-in module plays it so the test runs on any Python.
    code = """
import sys, types
try:
    import tomllib as real
except ModuleNotFoundError:
    import tomli as real
backport = types.ModuleType("tomli")
backport.loads, backport.TOMLDecodeError = real.loads, real.TOMLDecodeError
sys.modules["tomllib"], sys.modules["tomli"] = None, backport
import newslint.config, newslint.text.frontmatter
assert newslint.config.tomllib is backport and newslint.text.frontmatter.tomllib is backport
from newslint.text.frontmatter import parse_front_matter
print(parse_front_matter("+++\\ntitle = 'A'\\n+++\\n\\nSome text.\\n").get("title"))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "A\n"


def test_the_backport_is_a_dependency_below_python_3_11():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.10"
    assert "tomli>=2; python_version < '3.11'" in project["dependencies"]


def _newer_syntax(parsed) -> bool:
    """Whether a parsed stdlib pattern uses possessive repeats or atomic groups (Python 3.11+)."""
    for op, arg in parsed:
        if str(op) in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP"):
            return True
        stack = [arg]
        while stack:
            item = stack.pop()
            if isinstance(item, (tuple, list)):
                stack.extend(item)
            elif hasattr(item, "data"):  # a nested SubPattern
                if _newer_syntax(item):
                    return True
    return False


def test_no_stdlib_pattern_needs_python_3_11():
    # `re` learned possessive quantifiers and atomic groups in 3.11; on 3.10 a module using them
    # fails at import ("multiple repeat"). The `regex` module has them on every Python.
    import importlib
    import re
    parser = getattr(re, "_parser", None)
    offenders = []
    for path in sorted((ROOT / "newslint").rglob("*.py")):
        name = ".".join(("newslint", *path.relative_to(ROOT / "newslint").with_suffix("").parts))
        if name == "newslint.__main__":  # runs the command line when imported
            continue
        module = importlib.import_module(name.removesuffix(".__init__"))
        if parser is None:  # Python 3.10: importing every module was the check
            continue
        values = list(vars(module).values())
        values += [v for c in values if isinstance(c, type) for v in vars(c).values()]
        for value in values:
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                if _newer_syntax(parser.parse(value.pattern, value.flags)):
                    offenders.append(f"{name}: {value.pattern[:60]}")
    assert offenders == []


def test_the_wheel_says_its_api_is_typed(installed):
    # PEP 561: without py.typed, type checkers ignore the annotations of the API (docs/api.md).
    assert (installed / "newslint" / "py.typed").is_file()

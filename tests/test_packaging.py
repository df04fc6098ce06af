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

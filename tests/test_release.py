"""Ready to publish: `python -m build` makes a wheel and an sdist that pass `twine check
--strict`, carry the one version of newslint/_version.py, and hold every module, rule file and
the changelog; CHANGELOG.md follows Keep a Changelog.

The build runs with `--no-isolation`: an isolated build downloads setuptools into a fresh
environment, which a machine without an index (or CI on a bad day) cannot do; the `test` extra
installs setuptools, build and twine instead. It builds from a copy of the tracked files, so the
checkout gets no build/ or egg-info folders and an untracked file cannot hide a missing one.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from newslint import __version__

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".git", ".venv", "build", "dist", ".newslint_cache", "__pycache__", ".pytest_cache", ".hypothesis"}


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode == 0 and listed.stdout:
        return [Path(name) for name in listed.stdout.decode().split("\0") if name and (ROOT / name).is_file()]
    # Not a git checkout (an unpacked sdist): every file but the usual build leftovers.
    return [p.relative_to(ROOT) for p in ROOT.rglob("*") if p.is_file()
            and not SKIP & set(p.relative_to(ROOT).parts) and ".egg-info" not in str(p)]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in tracked_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


def test_the_wheel_and_sdist_pass_twine_check_strict(dist):
    files = sorted(dist.iterdir())
    assert [f.name for f in files] == [f"newslint-{__version__}-py3-none-any.whl", f"newslint-{__version__}.tar.gz"]
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_the_wheel_holds_every_module_and_rule_file_and_the_version(dist):
    wheel = zipfile.ZipFile(next(dist.glob("*.whl")))
    names = set(wheel.namelist())
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "newslint").rglob("*.py")}
    rule_files = {"newslint/_rules/" + str(p.relative_to(ROOT / "rules")) for p in (ROOT / "rules").rglob("*")
                  if p.is_file() and p.suffix in (".yaml", ".yml", ".txt", ".json")}
    assert modules - names == set() and rule_files - names == set()
    metadata = wheel.read(f"newslint-{__version__}.dist-info/METADATA").decode()
    assert re.search(r"^Version: (.+)$", metadata, re.M)[1] == __version__
    assert "Description-Content-Type: text/markdown" in metadata
    assert "Provides-Extra: dask" in metadata


def test_the_sdist_holds_what_a_build_and_a_reader_need(dist):
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("pyproject.toml", "setup.py", "README.md", "CHANGELOG.md", "newslint/_version.py",
                   "rules/newsroom/casualty-unsourced.yaml", "rules/data/dates.yaml"):
        assert needed in names, needed


def test_the_version_lives_in_one_place():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newslint._version.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    # No other module writes a version of its own.
    for path in (ROOT / "newslint").rglob("*.py"):
        if path.name != "_version.py":
            assert not re.search(r"__version__\s*=", path.read_text(encoding="utf-8")), path
    shown = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True)
    assert shown.stdout.split()[-1] == __version__


def test_the_changelog_keeps_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    releases = re.findall(r"^## \[(.+?)\](.*)$", text, re.M)
    names = [name for name, _ in releases]
    assert names and names[0] in ("Unreleased", __version__)
    for name, rest in releases:
        if name == "Unreleased":
            assert rest == ""
        else:  # a released version, with its date
            assert re.fullmatch(r"\d+\.\d+\.\d+", name) and re.fullmatch(r" - \d{4}-\d{2}-\d{2}", rest), name
    versions = [name for name in names if name != "Unreleased"]
    assert not versions or versions[0] == __version__, "the newest release is the version in _version.py"
    sections = set(re.findall(r"^### (.+)$", text, re.M))
    assert sections and sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}

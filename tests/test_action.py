"""action.yml's `Run newslint` step, run by bash as GitHub runs it, in a real git repository: the
`baseline` and `changed-since` inputs reach `newslint check`, and a pull request with an old
archive is judged on its own changes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from archive_helpers import TOLL_A, TOLL_B, TOLL_C, commit_all, git, new_repo, run, write

ACTION = Path(__file__).resolve().parent.parent / "action.yml"


def step_script() -> str:
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    return next(step["run"] for step in steps if step.get("name") == "Run newslint")


def run_step(repo: Path, **inputs: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATHS": ".", "ARGS": "", "BASELINE": "", "CHANGED_SINCE": "",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    env.update({name.upper(): value for name, value in inputs.items()})
    return subprocess.run(["bash", "-e", "-c", step_script()], cwd=repo, env=env, capture_output=True, text=True)


def warning(path: str, line: int, end_column: int, figure: str) -> str:
    return (f"::warning file={path},line={line},col=1,endLine={line},endColumn={end_column},"
            f"title=newslint (casualty-unsourced)::Casualty figure '{figure}' has no source; "
            "attribute it (e.g. 'according to ...').")


def test_the_action_passes_baseline_and_changed_since(tmp_path, monkeypatch, capsys):
    repo = new_repo(tmp_path / "site")
    write(repo / "content" / "old.md", f"# Old\n\n{TOLL_A}\n")
    write(repo / "content" / "older.md", f"# Older\n\n{TOLL_B}\n")
    commit_all(repo, "archive")
    monkeypatch.chdir(repo)
    assert run(capsys, "--baseline", "newslint-baseline.json", "--update-baseline", "content")[0] == 0
    commit_all(repo, "baseline")
    git(repo, "checkout", "-q", "-b", "pull")
    write(repo / "content" / "new.md", f"# New\n\n{TOLL_C}\n")
    write(repo / "content" / "old.md", f"# Old\n\n{TOLL_A}\n\n{TOLL_C}\n")
    commit_all(repo, "the pull request")

    with_baseline = run_step(repo, BASELINE="newslint-baseline.json", ARGS="--fail-on warning --no-cache")
    assert with_baseline.stdout.splitlines() == [
        warning("content/new.md", 3, 20, "Scores were injured"),
        warning("content/old.md", 5, 20, "Scores were injured"),
        "Found 2 findings (0 errors, 2 warnings, 0 info) in 3 files.",
    ]
    assert with_baseline.stderr == "newslint: the baseline newslint-baseline.json hid 2 findings.\n"

    changed = run_step(repo, BASELINE="newslint-baseline.json", CHANGED_SINCE="main",
                       ARGS="--fail-on warning --no-cache --changed-lines-only", PATHS="content")
    assert changed.returncode == 1
    assert changed.stdout.splitlines()[-1] == "Found 2 findings (0 errors, 2 warnings, 0 info) in 2 files."
    assert changed.stderr == "newslint: the baseline newslint-baseline.json hid 1 finding.\n"



def ci_doc_lint_step() -> str:
    """The `newslint` step of the `lint` job in docs/ci.md's workflow."""
    text = (ACTION.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("```yaml\n", 1)[1].split("```", 1)[0])
    return next(step["run"] for step in workflow["jobs"]["lint"]["steps"] if step.get("name") == "newslint")


def test_the_documented_workflow_judges_a_pull_request_on_its_changes(tmp_path, monkeypatch, capsys):
    repo = new_repo(tmp_path / "site")
    write(repo / "content" / "old.md", f"# Old\n\n{TOLL_A}\n")
    commit_all(repo, "archive")
    monkeypatch.chdir(repo)
    run(capsys, "--baseline", "newslint-baseline.json", "--update-baseline", "content")
    commit_all(repo, "baseline")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "pull")
    write(repo / "content" / "new.md", f"# New\n\n{TOLL_C}\n")
    commit_all(repo, "the pull request")
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    script = ci_doc_lint_step().replace("--format github", "--format github --no-cache --fail-on warning")
    pull = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env={**env, "BASE": base},
                          capture_output=True, text=True)
    assert (pull.returncode, pull.stdout.splitlines()) == (1, [
        warning("content/new.md", 3, 20, "Scores were injured"),
        "Found 1 finding (0 errors, 1 warning, 0 info) in 1 file."])
    push = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env={**env, "BASE": ""},
                          capture_output=True, text=True)  # a push: no pull request base, every file
    assert push.stdout.splitlines()[-1] == "Found 1 finding (0 errors, 1 warning, 0 info) in 2 files."
    assert push.stderr == "newslint: the baseline newslint-baseline.json hid 1 finding.\n"

"""Start-up benchmark: what one article costs, the pre-commit case (issue 22), and a knowledge
base ten times larger (issue 17).

usage: python benchmarks/startup.py [--runs 7] [--newslint PATH] [--article FILE ...] [--markdown OUT]

Times whole processes (wall clock, medians of alternating runs, so that machine noise hits every
command alike; the CPU seconds too, which a busy shared machine inflates less):

- `newslint --version`;
- one article cold: `check --no-cache` (no findings cache, no compiled forms);
- one article, changed since the last run: caching on, the findings of the article forgotten
  before each run but the compiled forms (`.newslint_cache/compiled`) kept: what a pre-commit
  hook pays for an edited file;
- a warm-cache re-run: the article's findings cached;
- the same article under a config naming a knowledge base ten times the built-in one (the
  built-in files copied nine times under new country codes, office and person ids), cold and
  with its compiled form kept;
- the bare `import spacy; spacy.blank("en")`;
- markdownlint-cli2 and proselint on the same article, when installed (`PATH`);
- one article with `newslint daemon` running (`check --no-cache`, and `check` with the findings
  forgotten as above), in a folder of its own; the daemon is started before the timed runs and
  stopped after. Every other newslint row runs with NEWSLINT_NO_DAEMON=1, so it stays cold.

`--newslint` times another installation (say the previous release's) for a before/after
table. The articles default to the 1,100-word seed article and an 18F post of the same length
when ../shared holds them. Never run from the test suite.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DEFAULT_ARTICLES = [SHARED / "seeds" / "000_13b38485d0fc68a1.txt",
                    SHARED / "corpus" / "18f" / "content" / "posts" / "2016-09-06-nicole-fenton-a-wordsmith-joins-government.md"]
KB_COPIES = 9


def newslint_command(given: str | None) -> list[str]:
    if given:
        return [given]
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def big_kb(folder: Path, copies: int = KB_COPIES) -> int:
    """Write `copies` renamed copies of the built-in office-holder files into `folder`; the
    number of offices written. Every id is new, so the copies add to the base, not replace it."""
    import yaml

    source = ROOT / "rules" / "data" / "officeholders"
    folder.mkdir(parents=True, exist_ok=True)
    offices = 0
    for n in range(1, copies + 1):
        for path in sorted(source.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            suffix = f"-x{n}"
            if "country" in data:
                data["country"] = f"{data['country']}{n}"
            data["people"] = {f"{pid}{suffix}": person for pid, person in (data.get("people") or {}).items()}
            for office in data.get("offices") or []:
                office["id"] += suffix
                if "country" in office:
                    office["country"] = f"{office['country']}{n}"
                for key in ("holders", "add-holders"):
                    for holder in office.get(key) or []:
                        holder["person"] += suffix
                offices += 1
            (folder / f"x{n}-{path.name}").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                     encoding="utf-8")
    return offices


def forget_findings(folder: Path) -> None:
    """Remove the findings cache under `folder`, keeping the compiled forms."""
    cache = folder / ".newslint_cache"
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.is_dir() and entry.name != "compiled":
                shutil.rmtree(entry)


COLD_ENV = dict(os.environ, NEWSLINT_NO_DAEMON="1")


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and its children; a daemon's
    work is not the client's child, so its CPU seconds are not counted)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--newslint", help="the newslint executable to time (default: this venv's)")
    parser.add_argument("--article", type=Path, action="append", help="an article (repeatable)")
    parser.add_argument("--markdown", type=Path, help="also write the results as a markdown table here")
    options = parser.parse_args(argv)
    newslint = newslint_command(options.newslint)
    articles = options.article or [p for p in DEFAULT_ARTICLES if p.is_file()]
    if not articles:
        parser.error("no article: give --article")

    work = Path(tempfile.mkdtemp(prefix="newslint-startup-"))
    plain, big, warm = work / "plain", work / "bigkb", work / "warm"
    plain.mkdir()
    warm.mkdir()
    offices = big_kb(big / "kb")
    (big / ".newslint.yaml").write_text("kb: [kb]\n", encoding="utf-8")
    names = []
    for index, article in enumerate(articles):
        name = f"article{index}.md"  # a .txt seed is markdown too; a neutral name keeps dates out of paths
        for folder in (plain, big, warm):
            shutil.copyfile(article, folder / name)
        names.append(name)

    check = newslint + ["check", "--format", "json"]
    cases: dict[str, tuple[list[str], Path, bool]] = {"newslint --version": (newslint + ["--version"], plain, False)}
    for name in names:
        cases[f"{name}: cold (--no-cache)"] = (check + ["--no-cache", name], plain, False)
        cases[f"{name}: changed since the last run"] = (check + [name], plain, True)
        cases[f"{name}: warm-cache re-run"] = (check + [name], plain, False)
        cases[f"{name}: 10x knowledge base, cold"] = (check + ["--no-cache", name], big, False)
        cases[f"{name}: 10x knowledge base, changed"] = (check + [name], big, True)
        cases[f"{name}: daemon running, --no-cache"] = (check + ["--no-cache", name], warm, False)
        cases[f"{name}: daemon running, changed since the last run"] = (check + [name], warm, True)
    cases["baseline: import spacy + blank('en')"] = ([sys.executable, "-c", "import spacy; spacy.blank('en')"], plain, False)
    for peer, command in (("markdownlint-cli2", ["markdownlint-cli2"]), ("proselint", ["proselint", "check"])):
        if shutil.which(peer):
            for name in names:
                cases[f"{peer}, {name}"] = (command + [name], plain, False)

    started = subprocess.run(newslint + ["daemon", "start"], cwd=warm, capture_output=True).returncode == 0
    if not started:
        print("the daemon did not start: its rows are left out", file=sys.stderr)
        cases = {case: value for case, value in cases.items() if value[1] != warm}
    try:
        for command, cwd, _ in cases.values():  # warm-up: caches filled, files in the page cache
            subprocess.run(command, cwd=cwd, env=None if cwd == warm else COLD_ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(options.runs):
            for case, (command, cwd, forget) in cases.items():
                if forget:
                    forget_findings(cwd)
                wall, used = timed(command, cwd, None if cwd == warm else COLD_ENV)
                times[case].append(wall)
                cpu[case].append(used)
            print(f"run {run + 1}/{options.runs} done", file=sys.stderr)
    finally:
        subprocess.run(newslint + ["daemon", "stop"], cwd=warm, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)

    medians = {case: statistics.median(values) for case, values in times.items()}
    lines = [f"newslint: {' '.join(newslint)}; articles: {', '.join(str(a) for a in articles)}; "
             f"10x knowledge base: {offices} more offices; medians of {options.runs} alternating runs, "
             f"{os.cpu_count()} cores", "",
             "| command | median wall s | min s | max s | median CPU s |", "|---|---:|---:|---:|---:|"]
    for case, values in times.items():
        lines.append(f"| {case} | {medians[case]:.3f} | {min(values):.3f} | {max(values):.3f} "
                     f"| {statistics.median(cpu[case]):.3f} |")
    lines.append("")
    for name in names:
        cold = medians[f"{name}: cold (--no-cache)"]
        for peer in ("markdownlint-cli2", "proselint"):
            if f"{peer}, {name}" in medians:
                lines.append(f"- {name}: newslint cold / {peer}: {cold / medians[f'{peer}, {name}']:.2f}; "
                             f"changed since the last run / {peer}: "
                             f"{medians[f'{name}: changed since the last run'] / medians[f'{peer}, {name}']:.2f}")
                daemon = medians.get(f"{name}: daemon running, --no-cache")
                if daemon is not None:
                    lines.append(f"- {name}: newslint, daemon running (--no-cache) / {peer}: "
                                 f"{daemon / medians[f'{peer}, {name}']:.2f}")
        lines.append(f"- {name}: 10x knowledge base / built-in, cold: "
                     f"{medians[f'{name}: 10x knowledge base, cold'] / cold:.2f}; changed since the last run: "
                     f"{medians[f'{name}: 10x knowledge base, changed'] / medians[f'{name}: changed since the last run']:.2f}")
    text = "\n".join(lines)
    print(text)
    if options.markdown:
        options.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

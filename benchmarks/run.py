"""Benchmark newslint against peer linters on the same files, in the same run.

usage: python benchmarks/run.py [--corpus DIR] [--runs 5] [--copies 16] [--markdown FILE]

Prints everything issue 22 asks for, each with its target:
- the archive: newslint over the corpus (no cache) with the default jobs and with --jobs 1,
  a cached re-run and one article; the floor (`benchmarks/floor.py`: reading the files,
  parsing the markdown and spaCy's blank tokenizer over the prose, one process); and the peers
  that are installed: proselint (pip), markdownlint-cli2, write-good, textlint (one rule,
  no-todo) and alex (npm). Medians of alternating runs, so that machine noise hits every tool
  alike; ratios to markdownlint-cli2, proselint and the floor.
- the warm process: one article and the corpus (no cache, default jobs) with `newslint daemon`
  running for the corpus folder (started before the timed runs, stopped after), and their
  ratios to the peers; every other newslint row passes --no-daemon, so it stays cold.
- linearity: one synthetic article of 50,000 and one of 100,000 words dense with dates, tolls
  and titles (`generate.py --dense`), and the ratio of their times.
- memory: the peak resident memory of newslint's whole process tree (main and workers,
  sampled from /proc; Linux) over the corpus and over --copies copies of it, default jobs.

The corpus defaults to ../shared/corpus/18f, or a generated one of the same size when that is
missing. Each peer that is absent is named. Never run from the test suite.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import dense_article, generate  # noqa: E402

DEFAULT = "newslint, corpus, default jobs"
DAEMON_ONE = "newslint, one article, daemon running"
DAEMON_CORPUS = "newslint, corpus, no cache, daemon running"
ONE_JOB = "newslint, corpus, --jobs 1"
FLOOR = "floor: read + markdown + spaCy tokenizer"
TARGETS = (  # (peer row, the least peer / newslint the issue asks for)
    ("markdownlint-cli2, corpus", 2.0),
    ("proselint, corpus", 5.0),
)
FLOOR_TARGET = 3.0  # newslint / floor, at most
LINEAR_TARGET = 2.0  # 100k words / 50k words, at most


def newslint_command() -> list[str]:
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def measure(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB of the largest process, exit code."""
    time_binary = shutil.which("time") or "/usr/bin/time"
    if os.path.exists(time_binary):
        report = tempfile.NamedTemporaryFile(delete=False)
        report.close()
        start = time.perf_counter()
        done = subprocess.run([time_binary, "-f", "%M", "-o", report.name, *command], cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        try:
            peak = int(Path(report.name).read_text().strip().splitlines()[-1])
        except (ValueError, IndexError):
            peak = 0
        os.unlink(report.name)
        return elapsed, peak, done.returncode
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, 0, done.returncode


def _tree_rss(pid: int) -> int:
    """KiB resident in `pid` and all its descendants now (0 where /proc cannot tell)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(child) for child in children)
        except (OSError, ValueError):
            continue
    return total


def measure_tree(command: list[str], cwd: Path, every: float = 0.02) -> tuple[float, int]:
    """Wall seconds and the peak of the summed resident memory (KiB) of the process tree: the
    main process and its workers together, which the largest process alone understates."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak[0]


def compile_package() -> None:
    """Byte-compile newslint, as pip does when it installs a wheel. An editable install run
    under PYTHONDONTWRITEBYTECODE has no .pyc files and compiles every module again at each
    start (about 70 ms here), a cost no installed copy pays."""
    import compileall

    import newslint

    compileall.compile_dir(Path(newslint.__file__).parent, quiet=1)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".markdown"))


def _runs_cleanly(command: list[str], cwd: Path) -> bool:
    """Whether a peer starts and lints a plain sentence (exit 0 or 1), rather than failing to
    load (textlint without its rule exits 2). Some exit with their count of findings
    (write-good), so the probe is a file with nothing to find."""
    probe = cwd.parent / "probe.md"
    probe.write_text("The council met in the town hall.\n", encoding="utf-8")
    try:
        done = subprocess.run(command + [str(probe)], cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode in (0, 1)


def peers(corpus: Path, relative: list[str], one: str) -> tuple[dict[str, list[str]], list[str]]:
    """The peers' commands (corpus and one article) for those installed, and the names of the absent."""
    found: dict[str, list[str]] = {}
    absent = []
    markdown_globs = ["**/*.md", "**/*.markdown"]
    candidates = {
        "proselint": (["proselint", "check"], relative),
        "markdownlint-cli2": (["markdownlint-cli2"], markdown_globs),
        "write-good": (["write-good"], relative),
        "textlint": (["textlint", "--rule", "no-todo"], relative),  # one rule: textlint has none built in
        "alex": (["alex"], relative),
    }
    for name, (command, corpus_args) in candidates.items():
        if shutil.which(command[0]) is None or not _runs_cleanly(command, corpus):
            absent.append(name)
            continue
        found[f"{name}, corpus"] = command + corpus_args
        found[f"{name}, one article"] = command + [one]
    return found, absent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "18f")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=16, help="copies of the corpus for the memory check")
    parser.add_argument("--markdown", type=Path, help="also write the results as markdown here")
    options = parser.parse_args(argv)
    compile_package()

    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    corpus = work / "corpus"
    if options.corpus.is_dir():
        shutil.copytree(options.corpus, corpus)
        source = str(options.corpus)
    else:
        generate(corpus)
        source = "generated by benchmarks/generate.py (509 posts)"
    files = corpus_files(corpus)
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    one = min(files, key=lambda p: abs(len(p.read_text(errors="replace").split()) - 1100))
    one_words = len(one.read_text(errors="replace").split())
    newslint = newslint_command()
    relative = [str(p.relative_to(corpus)) for p in files]
    one_relative = str(one.relative_to(corpus))

    cold = newslint + ["check", "--no-daemon"]
    commands: dict[str, tuple[list[str], int]] = {
        "newslint, one article": (cold + ["--no-cache", "--format", "concise", one_relative], one_words),
        DEFAULT: (cold + ["--no-cache", "--format", "concise", "."], words),
        ONE_JOB: (cold + ["--no-cache", "--jobs", "1", "--format", "concise", "."], words),
        "newslint, corpus, cached re-run": (cold + ["--format", "concise", "."], words),
        DAEMON_ONE: (newslint + ["check", "--no-cache", "--format", "concise", one_relative], one_words),
        DAEMON_CORPUS: (newslint + ["check", "--no-cache", "--format", "concise", "."], words),
        FLOOR: ([sys.executable, str(HERE / "floor.py"), "."], words),
    }
    found, absent = peers(corpus, relative, one_relative)
    for name, command in found.items():
        commands[name] = (command, one_words if name.endswith("one article") else words)

    dense = work / "dense"
    dense.mkdir()
    for size in (50_000, 100_000):
        path = dense_article(dense / f"dense-{size}.md", size)
        commands[f"newslint, dense article, {size:,} words"] = (
            cold + ["--no-cache", "--format", "concise", path.name], size)

    subprocess.run(commands["newslint, corpus, cached re-run"][0], cwd=corpus, stdout=subprocess.DEVNULL)  # warm cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = {name: 0 for name in commands}
    daemon_started = subprocess.run(newslint + ["daemon", "start"], cwd=corpus, capture_output=True).returncode == 0
    try:
        if not daemon_started:
            print("the daemon did not start: its rows are left out", file=sys.stderr)
            for name in (DAEMON_ONE, DAEMON_CORPUS):
                del commands[name], times[name], peaks[name]
        for run in range(options.runs):
            for name, (command, _) in commands.items():
                elapsed, peak, _ = measure(command, dense if "dense" in name else corpus)
                times[name].append(elapsed)
                peaks[name] = max(peaks[name], peak)
            print(f"run {run + 1}/{options.runs} done", file=sys.stderr)
    finally:
        subprocess.run(newslint + ["daemon", "stop"], cwd=corpus, capture_output=True)

    # Memory: the whole tree (main and workers) over the corpus and over many copies of it.
    archive = work / "archive"
    for copy in range(options.copies):
        shutil.copytree(options.corpus if options.corpus.is_dir() else corpus, archive / f"copy-{copy}",
                        ignore=shutil.ignore_patterns(".newslint_cache"))
    memory_command = cold + ["--no-cache", "--format", "concise", "."]
    memory = {}
    for label, folder, count in (("corpus", corpus, len(files)), (f"{options.copies} copies", archive, len(files) * options.copies)):
        elapsed, peak = measure_tree(memory_command, folder)
        memory[label] = (count, elapsed, peak)
    print("memory done", file=sys.stderr)

    medians = {name: statistics.median(values) for name, values in times.items()}
    rows = []
    for name, (_, count) in commands.items():
        rate = f"{count / medians[name]:,.0f}" if count else "-"
        rows.append((name, f"{medians[name]:.2f}", rate, f"{peaks[name] / 1024:.0f}" if peaks[name] else "-"))
    checks = []  # (what, figure, target, met)
    for peer, least in TARGETS:
        if peer in medians:
            ratio = medians[peer] / medians[DEFAULT]
            checks.append((f"{peer} / newslint (default jobs)", f"{ratio:.2f}", f"at least {least:g}", ratio >= least))
    ratio = medians[DEFAULT] / medians[FLOOR]
    checks.append(("newslint (default jobs) / floor", f"{ratio:.2f}", f"at most {FLOOR_TARGET:g}", ratio <= FLOOR_TARGET))
    ratio = medians["newslint, dense article, 100,000 words"] / medians["newslint, dense article, 50,000 words"]
    checks.append(("dense article, 100,000 words / 50,000 words", f"{ratio:.2f}", f"at most {LINEAR_TARGET:g}",
                   ratio <= LINEAR_TARGET))
    small, large = memory["corpus"][2], memory[f"{options.copies} copies"][2]
    if small and large:
        ratio = large / small
        checks.append((f"peak memory, {options.copies} copies / corpus (main and workers)", f"{ratio:.2f}",
                       "flat (about 1)", ratio <= 1.25))
    others = [name for name in found if name.endswith("corpus")]
    extra = [f"{name} / newslint (default jobs): {medians[name] / medians[DEFAULT]:.2f}" for name in others
             if name not in dict(TARGETS)]
    for row, peer_suffix in ((DAEMON_ONE, "one article"), (DAEMON_CORPUS, "corpus")):
        for peer in ("markdownlint-cli2", "proselint"):
            if row in medians and f"{peer}, {peer_suffix}" in medians:
                extra.append(f"{peer}, {peer_suffix} / {row}: {medians[f'{peer}, {peer_suffix}'] / medians[row]:.2f}")

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    header = (f"Corpus: {source}: {len(files)} files, {words:,} words; one article: {one.name} ({one_words:,} words).\n"
              f"Machine: {machine}. Medians of {options.runs} alternating runs; whole process, wall clock.\n"
              f"Peers absent: {', '.join(absent) if absent else 'none'}.")
    memory_lines = [f"{label}: {count} files, {elapsed:.2f} s, peak memory of main and workers "
                    f"{peak / 1024:.0f} MiB" for label, (count, elapsed, peak) in memory.items()]
    width = max(len(r[0]) for r in rows)
    print(header)
    print(f"{'command':<{width}}  {'median s':>9}  {'words/s':>10}  {'peak MiB':>8}")
    for name, median, rate, peak in rows:
        print(f"{name:<{width}}  {median:>9}  {rate:>10}  {peak:>8}")
    print("\nMemory (default jobs, no cache, one run each):\n" + "\n".join(memory_lines))
    print("\nTargets (issue 22):")
    for what, figure, target, met in checks:
        print(f"  {what}: {figure} ({target}): {'met' if met else 'NOT met'}")
    if extra:
        print("Other peers:\n" + "\n".join(f"  {line}" for line in extra))
    if options.markdown:
        table = ["| command | median s | words/s | peak MiB (largest process) |", "|---|---:|---:|---:|"]
        table += [f"| {name} | {median} | {rate} | {peak} |" for name, median, rate, peak in rows]
        targets = ["| target | figure | asked | met |", "|---|---:|---|---|"]
        targets += [f"| {what} | {figure} | {target} | {'yes' if met else 'no'} |" for what, figure, target, met in checks]
        options.markdown.write_text(
            header + "\n\n" + "\n".join(table) + "\n\nMemory (default jobs, no cache, one run each):\n\n"
            + "\n".join(f"- {line}" for line in memory_lines) + "\n\n" + "\n".join(targets) + "\n"
            + ("\n" + "\n".join(f"- {line}" for line in extra) + "\n" if extra else ""), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

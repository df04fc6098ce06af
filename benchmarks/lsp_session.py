"""A scripted editor session against `newslint server`, compared with `newslint check`.

    python benchmarks/lsp_session.py FOLDER [--latency ARTICLE] [--rounds N]

Opens every *.md and *.markdown article under FOLDER in one server (as an editor would, with
file URIs, so each gets its nearest config), and checks for each article that:

- the published diagnostics are exactly `newslint check --no-cache --format json`'s findings
  (rule, severity, message, range: UTF-16 positions converted back to code points);
- each finding with a fix gets a code action whose title says safe or unsafe and whose edits
  are the fix's edits, and each finding gets a suppression action.

With --latency, it then types into ARTICLE (a character appended to a line, N times, waiting for
each round's diagnostics) with the debounce at 0, and prints the time from the change to its
diagnostics: the re-check cost of a keystroke once the server is warm. Exits 1 on any mismatch.
Run it with the project's virtual environment's Python.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from lsp_client import LspClient  # noqa: E402

SEVERITY = {1: "error", 2: "warning", 3: "info"}


def code_points(line_text: str, units: int) -> int:
    """The 1-based code-point column of a UTF-16 offset into a line."""
    used = index = 0
    while used < units:
        used += 2 if ord(line_text[index]) > 0xFFFF else 1
        index += 1
    return index + 1


def lines_of(text: str) -> list[str]:
    # Line breaks as the protocol and newslint count them: \n, \r\n, a lone \r.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def place(lines: list[str], position: dict) -> tuple[int, int]:
    return position["line"] + 1, code_points(lines[position["line"]], position["character"])


def from_check(folder: Path) -> dict[str, list[dict]]:
    out = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", str(folder)],
                         capture_output=True, text=True, cwd=folder)
    if out.returncode not in (0, 1):
        sys.exit(f"newslint check failed: {out.stderr}")
    found: dict[str, list[dict]] = {}
    for f in json.loads(out.stdout)["findings"]:
        found.setdefault(str(Path(f["path"]).resolve()), []).append(f)
    return found


def compare(client: LspClient, path: Path, expected: list[dict]) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    uri, lines = path.as_uri(), lines_of(text)
    client.open(uri, text)
    diagnostics = client.diagnostics(uri, version=1)
    problems = []
    got = []
    for d in diagnostics:
        (line, column), (end_line, end_column) = place(lines, d["range"]["start"]), place(lines, d["range"]["end"])
        got.append((d["code"], SEVERITY[d["severity"]], line, column, end_line, end_column, d["message"]))
    want = [(f["rule"], f["severity"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
            for f in expected]
    if got != want:
        problems.append(f"{path.name}: diagnostics differ from check:\n  lsp:   {got}\n  check: {want}")
        return problems
    for d, f in zip(diagnostics, expected):
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}})
        mine = [a for a in actions if a.get("diagnostics") == [d]]
        titles = [a["title"] for a in mine]
        if f["fix"] is not None:
            prefix = "Fix" if f["fix"]["safe"] else "Unsafe fix"
            fixes = [a for a in mine if a["title"].startswith(f"{prefix} ({f['rule']})")]
            want_edits = [(e["line"], e["column"], e["end_line"], e["end_column"], e["content"]) for e in f["fix"]["edits"]]
            got_edits = [(*place(lines, e["range"]["start"]), *place(lines, e["range"]["end"]), e["newText"])
                         for a in fixes for e in a["edit"]["changes"][uri]]
            if len(fixes) != 1 or got_edits != want_edits:
                problems.append(f"{path.name}:{f['line']}:{f['column']} {f['rule']}: fix action {titles} "
                                f"edits {got_edits} != {want_edits}")
        elif any(t.startswith(("Fix (", "Unsafe fix (")) for t in titles):
            problems.append(f"{path.name}:{f['line']}:{f['column']} {f['rule']}: a fix action for a finding without a fix")
        if not any(t.startswith(f"Suppress {f['rule']} ") for t in titles):
            problems.append(f"{path.name}:{f['line']}:{f['column']} {f['rule']}: no suppression action in {titles}")
    return problems


def latency(client: LspClient, path: Path, rounds: int) -> list[float]:
    text = path.read_text(encoding="utf-8-sig")
    uri = path.as_uri() + "#latency"  # its own document, so the comparison's stays as it was
    client.open(uri, text)
    client.diagnostics(uri, version=1)
    times = []
    for version in range(2, rounds + 2):
        text = text.replace("\n", " x\n", 1)  # a keystroke or two on the first line
        started = time.perf_counter()
        client.change(uri, text, version)
        client.diagnostics(uri, version=version)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--latency", type=Path, metavar="ARTICLE")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    folder = args.folder.resolve()
    articles = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file())
    expected = from_check(folder)
    client = LspClient("--debounce-ms", "0", cwd=folder)
    started = time.perf_counter()
    client.initialize(folder)
    problems, findings = [], 0
    for path in articles:
        findings += len(expected.get(str(path), []))
        problems += compare(client, path, expected.get(str(path), []))
    print(f"{len(articles)} articles, {findings} findings: LSP diagnostics and code actions "
          f"{'match' if not problems else 'DIFFER FROM'} newslint check "
          f"({time.perf_counter() - started:.1f} s with start-up)")
    for problem in problems:
        print(problem)
    if args.latency:
        times = latency(client, args.latency.resolve(), args.rounds)
        print(f"re-check after a keystroke on {args.latency.name} ({len(args.latency.read_text()):,} characters), "
              f"{len(times)} rounds, debounce 0: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    client.close()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

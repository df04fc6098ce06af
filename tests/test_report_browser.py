"""The html report in a real browser: headless Chromium renders a report the CLI wrote.

The DOM Chromium dumps must hold the highlighted spans with the right text and severity, and the
article's `<script>` must stay text. A screenshot is kept under pytest's tmp dir, and copied to
$NEWSLINT_ARTIFACTS when that is set. Skipped only when no Chromium binary can be found
(Debian: `apt-get install chromium`).
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

ARTICLES = {
    # A sequence over a soft line break, a placeholder next to markup that must stay text.
    "talks.md": ("As of my last\nknowledge update, the talks were led by [Insert name] & "
                 "<script>alert(\"x\")</script>.\n\nWhilst talks continued, the strikes stopped.\n"),
    "late.md": "\n\n---\ntitle: Talks\n---\nTalks resumed on Monday.\n",
    "clean.md": "Talks resumed in Ankara.\n",
}


def find_chromium() -> str | None:
    for name in ("/usr/bin/chromium", *BROWSERS):
        found = shutil.which(name)
        if found:
            return found
    return None


class Dom(HTMLParser):
    """Elements with their attributes and text, from the DOM Chromium dumps."""

    VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []
        self.elements: list[dict] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()["tag"] != tag:
            pass

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def note(self, rule: str) -> dict:
        notes = [e for e in self.elements if e["tag"] == "li" and e["attrs"].get("data-rule") == rule]
        assert len(notes) == 1, f"{rule}: {len(notes)} notes"
        return notes[0]

    def marks(self, finding_id: str) -> list[dict]:
        return [e for e in self.elements
                if e["tag"] == "mark" and finding_id in e["attrs"].get("data-findings", "").split()]


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def newslint_command() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


@pytest.fixture(scope="module")
def browser() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium found (looked for /usr/bin/chromium and "
                    f"{', '.join(BROWSERS)} on PATH); install Debian's `chromium` to run this test")
    return binary


def test_report_renders_in_chromium(browser, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    report = tmp_path / "report.html"
    result = subprocess.run([*newslint_command(), "check", "--isolated", "--format", "html",
                             "--output-file", str(report), *sorted(ARTICLES)],
                            cwd=articles, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # the placeholder is an error
    assert report.stat().st_size > 0

    dumped = chromium(browser, tmp_path / "profile", "--dump-dom", report.as_uri())
    assert "</html>" in dumped.stdout, dumped.stderr[-2000:]
    dom = Dom(dumped.stdout)
    assert not [e for e in dom.elements if e["tag"] == "script"]  # the article's <script> stayed text
    sections = {e["attrs"]["id"]: e for e in dom.elements if e["tag"] == "section" and "file" in
                e["attrs"].get("class", "").split()}
    paths = {section["text"].split()[0] for section in sections.values()}
    assert {"talks.md", "late.md"} <= paths and "clean.md" not in paths
    assert any(e["tag"] == "li" and e["text"] == "clean.md" for e in dom.elements)

    expected = [  # rule, severity, the text of each highlighted piece
        ("template-placeholder", "error", ["[Insert name]"]),
        ("knowledge-cutoff", "error", ["As of my last", "knowledge update"]),
        ("dated-word", "info", ["Whilst"]),
    ]
    for rule, severity, pieces in expected:
        note = dom.note(rule)
        assert note["attrs"]["data-severity"] == severity
        marks = dom.marks(note["attrs"]["id"])
        assert [m["text"] for m in marks] == pieces, rule
        for mark in marks:
            assert rule in mark["attrs"]["data-rule"].split()
            assert mark["attrs"]["id"] and mark["attrs"]["data-line"] and mark["attrs"]["data-column"]
            assert mark["attrs"]["data-severity"] in ("error", severity)
    placeholder = dom.marks(dom.note("template-placeholder")["attrs"]["id"])[0]
    assert placeholder["attrs"]["data-severity"] == "error" and "sev-error" in placeholder["attrs"]["class"]
    talks_text = next(s for s in sections.values() if s["text"].startswith("talks.md"))["text"]
    assert '<script>alert("x")</script>' in talks_text
    note = dom.note("front-matter-not-first")
    assert note["attrs"]["data-severity"] == "warning"
    assert dom.marks(note["attrs"]["id"])  # a point or a span, but shown in the text

    screenshot = tmp_path / "report.png"
    shot = chromium(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1280,2000",
                    report.as_uri())
    assert screenshot.exists(), shot.stderr[-2000:]
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 20_000  # a blank page compresses to a few KB
    artifacts = os.environ.get("NEWSLINT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(artifacts) / "report.png")
        shutil.copy(report, Path(artifacts) / "report.html")

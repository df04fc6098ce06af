"""The html report in a real browser: headless Chromium renders a report the CLI wrote.

The DOM Chromium dumps must hold the highlighted spans with the right text and severity, and no
script but the report's own: an article's `<script>`, a file named like an `<img onerror>` and a
rule message holding markup all stay text. Driven over the DevTools protocol (tests/cdp.py),
clicks on the level and rule filters, typing in the search box and the expand and collapse
buttons must show exactly the findings they promise, without one request leaving the page; with
JavaScript off every finding is there and no control that needs the script shows. Screenshots
are kept under pytest's tmp dir, and copied to $NEWSLINT_ARTIFACTS when that is set. Skipped only
when no Chromium binary can be found (Debian: `apt-get install chromium`; .ci/run does it).
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

from newslint.report.html_page import SCRIPT

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

HOSTILE_PATH = '<img src=x onerror="window.pwned=1">.md'
ARTICLES = {
    # A sequence over a soft line break, a placeholder next to markup that must stay text.
    "talks.md": ("As of my last\nknowledge update, the talks were led by [Insert name] & "
                 "<script>window.pwned = \"article\"</script>.\n\nWhilst talks continued, the strikes stopped.\n"),
    "late.md": "\n\n---\ntitle: Talks\n---\nTalks resumed on Monday.\n",
    "words.md": "Amongst the delegates, the the mayor read the ultimatum.\n",
    HOSTILE_PATH: "Whilst it rained, talks went on.\n",
    "clean.md": "Talks resumed in Ankara.\n",
}
# A rule of the site's own pack whose message holds markup that would run if it were not escaped.
RULE = """extends: existence
level: warning
message: 'Markup stays text: <script>window.pwned = "message"</script><img src=x onerror="window.pwned=2">'
description: A rule whose message holds markup.
tokens: [ultimatum]
"""
# path, rule, level of every finding the report must show (9: 2 errors, 3 warnings, 4 info).
FINDINGS = sorted([
    (HOSTILE_PATH, "dated-word", "info"),
    ("late.md", "date-missing", "info"), ("late.md", "front-matter-not-first", "warning"),
    ("talks.md", "knowledge-cutoff", "error"), ("talks.md", "template-placeholder", "error"),
    ("talks.md", "dated-word", "info"),
    ("words.md", "dated-word", "info"), ("words.md", "word-repeated", "warning"),
    ("words.md", "markup-note", "warning"),
])


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
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parent": self.open[-1] if self.open else None}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()["tag"] != tag:
            pass

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def note(self, rule: str, path: str) -> dict:
        notes = [e for e in self.elements if e["tag"] == "li" and e["attrs"].get("data-rule") == rule
                 and self.file_of(e)["attrs"]["data-path"] == path]
        assert len(notes) == 1, f"{rule}: {len(notes)} notes"
        return notes[0]

    def file_of(self, element: dict) -> dict:
        while element["tag"] != "details" or "file" not in element["attrs"].get("class", "").split():
            element = element["parent"]
        return element

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


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A report the CLI wrote for ARTICLES with the built-in pack and the site's own rule."""
    site = tmp_path_factory.mktemp("site")
    articles = site / "articles"
    (articles / "rules").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "rules" / "markup-note.yaml").write_text(RULE, encoding="utf-8")
    (articles / ".newslint.yaml").write_text("packs: [newsroom, rules]\n", encoding="utf-8")
    out = site / "report.html"
    result = subprocess.run([*newslint_command(), "check", "--format", "html", "--output-file", str(out),
                             *sorted(ARTICLES)], cwd=articles, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # the placeholder is an error
    assert out.stat().st_size > 0
    return out


def keep(*files: Path) -> None:
    artifacts = os.environ.get("NEWSLINT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        for file in files:
            shutil.copy(file, Path(artifacts) / file.name)


def test_report_renders_in_chromium(browser, report, tmp_path):
    dumped = chromium(browser, tmp_path / "profile", "--dump-dom", report.as_uri())
    assert "</html>" in dumped.stdout, dumped.stderr[-2000:]
    dom = Dom(dumped.stdout)
    # The one script is the report's own: the article's, the path's and the message's stayed text.
    assert [e["text"] for e in dom.elements if e["tag"] == "script"] == [SCRIPT]
    assert not [e for e in dom.elements if e["tag"] == "img"]
    files = {e["attrs"]["data-path"]: e for e in dom.elements
             if e["tag"] == "details" and "file" in e["attrs"].get("class", "").split()}
    assert sorted(files) == sorted({path for path, _, _ in FINDINGS})
    assert any(e["tag"] == "li" and e["text"] == "clean.md" for e in dom.elements)
    notes = [e for e in dom.elements if e["tag"] == "li" and "note" in e["attrs"].get("class", "").split()]
    assert sorted((dom.file_of(n)["attrs"]["data-path"], n["attrs"]["data-rule"], n["attrs"]["data-severity"])
                  for n in notes) == FINDINGS

    expected = [  # path, rule, severity, the text of each highlighted piece
        ("talks.md", "template-placeholder", "error", ["[Insert name]"]),
        ("talks.md", "knowledge-cutoff", "error", ["As of my last", "knowledge update"]),
        ("talks.md", "dated-word", "info", ["Whilst"]),
        (HOSTILE_PATH, "dated-word", "info", ["Whilst"]),
        ("words.md", "word-repeated", "warning", ["the the"]),
    ]
    for path, rule, severity, pieces in expected:
        note = dom.note(rule, path)
        assert note["attrs"]["data-severity"] == severity
        marks = dom.marks(note["attrs"]["id"])
        assert [m["text"] for m in marks] == pieces, rule
        for mark in marks:
            assert rule in mark["attrs"]["data-rule"].split()
            assert mark["attrs"]["id"] and mark["attrs"]["data-line"] and mark["attrs"]["data-column"]
            assert mark["attrs"]["data-severity"] in ("error", "warning", severity)
    placeholder = dom.marks(dom.note("template-placeholder", "talks.md")["attrs"]["id"])[0]
    assert placeholder["attrs"]["data-severity"] == "error" and "sev-error" in placeholder["attrs"]["class"]
    assert '<script>window.pwned = "article"</script>' in files["talks.md"]["text"]
    assert files[HOSTILE_PATH]["text"].startswith(HOSTILE_PATH)
    assert ('Markup stays text: <script>window.pwned = "message"</script><img src=x onerror="window.pwned=2">'
            in dom.note("markup-note", "words.md")["text"])
    note = dom.note("front-matter-not-first", "late.md")
    assert note["attrs"]["data-severity"] == "warning"
    assert dom.marks(note["attrs"]["id"])  # a point or a span, but shown in the text
    # The script ran: the toolbar shows and says what is shown.
    (toolbar,) = [e for e in dom.elements if e["attrs"].get("id") == "toolbar"]
    assert "hidden" not in toolbar["attrs"]
    assert "Showing 9 of 9 findings in 4 of 4 files." in toolbar["text"]

    screenshot = tmp_path / "report.png"
    shot = chromium(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1280,2000",
                    report.as_uri())
    assert screenshot.exists(), shot.stderr[-2000:]
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 20_000  # a blank page compresses to a few KB
    keep(screenshot, report)


# The findings the filters leave: (path, rule) of each note neither it nor its file is hidden.
SHOWN = """[...document.querySelectorAll("li.note")]
  .filter(n => !n.hidden && !n.closest("details.file").hidden)
  .map(n => [n.closest("details.file").dataset.path, n.dataset.rule]).sort()"""
# The notes a reader can see on the screen now (rendered: not filtered, not in a closed file).
SEEN = """[...document.querySelectorAll("li.note")].filter(n => n.checkVisibility()).length"""
STATUS = 'document.getElementById("status").textContent'


def shown(rules: set | None = None, levels: set | None = None, paths: set | None = None) -> list:
    return sorted([path, rule] for path, rule, level in FINDINGS
                  if (rules is None or rule in rules) and (levels is None or level in levels)
                  and (paths is None or path in paths))


@pytest.fixture()
def page(browser, report, tmp_path):
    from cdp import Browser

    if os.name != "posix":
        pytest.skip("the DevTools pipe is wired with sh, which this system lacks")
    session = Browser(browser, tmp_path / "profile", tmp_path / "chromium.log")
    try:
        yield session
    finally:
        session.close()


def test_filters_search_and_folding_in_chromium(page, report, tmp_path):
    page.navigate(report.as_uri())
    assert page.evaluate(SHOWN) == shown()
    assert page.evaluate(STATUS) == "Showing 9 of 9 findings in 4 of 4 files."
    # Four files with findings start folded, each summary giving its counts.
    assert page.evaluate(SEEN) == 0
    assert page.evaluate('[...document.querySelectorAll("details.file")].map(d => d.open)') == [False] * 4
    assert page.evaluate('document.querySelector(\'details.file[data-path="words.md"] summary\').textContent'
                         ).split() == ["words.md", "2", "warnings", "1", "info"]

    # A level in the totals shows that level alone; the toolbar's boxes follow.
    page.click('.stats .pick[data-level="error"]')
    assert page.evaluate(SHOWN) == shown(levels={"error"})
    assert page.evaluate(STATUS) == "Showing 2 of 9 findings in 1 of 4 files."
    assert page.evaluate('[...document.querySelectorAll("input[name=level]")].map(b => b.checked)') == [
        True, False, False]
    # Combined with a rule from the table: warnings of word-repeated only.
    page.click("#reset")
    page.click('input[name=level][value="error"]')
    page.click('input[name=level][value="info"]')
    assert page.evaluate(SHOWN) == shown(levels={"warning"})
    page.click('.rules .pick[data-rule="word-repeated"]')
    assert page.evaluate('document.getElementById("rule").value') == "word-repeated"
    assert page.evaluate(SHOWN) == shown(rules={"word-repeated"})
    # A rule and a level that have nothing in common: nothing shows, and the page says so.
    page.click('input[name=level][value="warning"]')
    page.click('input[name=level][value="info"]')
    assert page.evaluate(SHOWN) == []
    assert page.evaluate('document.getElementById("none").checkVisibility()') is True
    assert page.evaluate(STATUS) == "Showing 0 of 9 findings in 0 of 4 files."

    # Search, from the keyboard: "/" focuses the box; words match a path, a message or the
    # quoted text, in any case, all of them.
    page.click("#reset")
    page.press("/", "Slash", 191)
    assert page.evaluate("document.activeElement.id") == "q"
    page.type("onerror")
    assert page.evaluate(SHOWN) == shown(paths={HOSTILE_PATH}) + shown(rules={"markup-note"})
    page.evaluate('document.getElementById("q").select()')
    page.type("INSERT name")  # the quoted text of the placeholder
    assert page.evaluate(SHOWN) == shown(rules={"template-placeholder"})
    page.evaluate('document.getElementById("q").select()')
    page.type("rather than")  # in messages: the dated words
    assert page.evaluate(SHOWN) == shown(rules={"dated-word"})
    # Search and level together: the dated word in the hostile path is info, so info only...
    page.click('.stats .pick[data-level="info"]')
    assert page.evaluate(SHOWN) == shown(rules={"dated-word"})
    page.click('input[name=level][value="info"]')  # ... and none once info is off
    assert page.evaluate(SHOWN) == []
    page.click('input[name=level][value="info"]')

    # Expand all opens the files still shown, so their findings are on screen; collapse folds them.
    page.click("#expand")
    assert page.evaluate(SEEN) == 3
    assert page.evaluate('[...document.querySelectorAll("details.file")].filter(d => d.open).length') == 3
    # A finding filtered out loses its highlight but keeps its text.
    assert page.evaluate('[...document.querySelectorAll("mark.hl.off")].map(m => m.textContent)') == [
        "", "---", "As of my last", "knowledge update", "[Insert name]", "the the", "ultimatum"]
    screenshot = tmp_path / "filtered.png"
    page.screenshot(screenshot, 1280, 1400)
    page.click("#collapse")
    assert page.evaluate(SEEN) == 0
    page.click("#reset")
    assert page.evaluate(SHOWN) == shown()

    # A finding links to its rule's page (here its row in the table, as no docs-url is set).
    page.click('details.file[data-path="talks.md"] > summary')
    assert page.evaluate(SEEN) == 3
    page.click('details.file[data-path="talks.md"] li.note[data-rule="dated-word"] a.rule')
    assert page.evaluate("location.hash") == "#rule-dated-word"
    # A link into a folded file opens it. Chromium opens <details> itself on a fragment
    # navigation; the report's handler is for browsers that do not, so it is driven alone here:
    # the address changes without a navigation, then the event comes.
    page.evaluate('history.replaceState(null, "", "#" + document.querySelector(\'details.file[data-path="words.md"] '
                  'li.note\').id); dispatchEvent(new HashChangeEvent("hashchange"))')
    assert page.evaluate('document.querySelector(\'details.file[data-path="words.md"]\').open') is True

    # Nothing ran that the report did not write, and nothing was fetched but the page itself.
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1
    assert page.requests() == [report.as_uri()]
    keep(screenshot)


def test_without_javascript_everything_shows(page, report):
    page.send("Emulation.setScriptExecutionDisabled", value=True)
    page.navigate(report.as_uri())
    assert page.evaluate('document.documentElement.classList.contains("js")') is False
    assert page.evaluate('document.getElementById("toolbar").checkVisibility()') is False
    assert page.evaluate(SHOWN) == shown()
    # Folded files still open with a click: <details> needs no script.
    page.click('details.file[data-path="talks.md"] > summary')
    assert page.evaluate(SEEN) == 3
    assert page.requests() == [report.as_uri()]

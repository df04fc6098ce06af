"""The html format, from hand-made findings: highlighted spans, escaping, overlaps, self-containment."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newslint.findings import Finding, Fix, Severity, Span
from newslint.text.lines import LineIndex
from newslint.report import FORMATS, FileReport, ReportOptions, RuleInfo, renderer
from newslint.report import html as html_report
from report_helpers import span_of

PARAGRAPH = ("Hundreds were killed in the storm on Tuesday, officials said, as rescue teams worked "
             "through the night to reach villages cut off by the floods. " * 6).strip()
ARTICLE = (
    "---\n"
    "title: Storm\n"
    "---\n"
    f"{PARAGRAPH}\n"
    "\n"
    "The mayor [Insert name] said the\n"
    "crowd dispersed before\tdawn.\n"
)



def finding(rule, severity, span, message="A message.", fix=None, path="content/a.md"):
    return Finding(rule, severity, message, path, span, fix)


class Page(HTMLParser):
    """The elements of a page with their attributes and text; fails on unbalanced tags."""

    VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.feed(text)
        self.close()
        assert not self.stack, f"unclosed: {[e['tag'] for e in self.stack]}"

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

    def find(self, tag=None, cls=None, **attrs) -> list[dict]:
        found = []
        for e in self.elements:
            if tag and e["tag"] != tag:
                continue
            if cls and cls not in e["attrs"].get("class", "").split():
                continue
            if all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items()):
                found.append(e)
        return found

    def by_id(self, element_id: str) -> dict:
        (element,) = [e for e in self.elements if e["attrs"].get("id") == element_id]
        return element

    def marks_of(self, finding_id: str) -> list[dict]:
        return [e for e in self.find("mark", "hl") if finding_id in e["attrs"]["data-findings"].split()]


def render(reports, **options) -> str:
    return renderer("html").render(reports, ReportOptions(**options))


def without_our_script(out: str) -> str:
    """The page less the one script newslint writes, which must be there, whole, exactly once."""
    ours = f"<script>{html_report.SCRIPT}</script>"
    assert out.count(ours) == 1 and "</" not in html_report.SCRIPT
    return out.replace(ours, "")


def test_html_is_a_format():
    assert "html" in FORMATS
    assert renderer("html") is html_report


def test_span_text_and_data_attributes():
    span = span_of(ARTICLE, "[Insert name]")
    f = finding("template-placeholder", Severity.ERROR, span, "Placeholder left.")
    page = Page(render([FileReport("content/a.md", ARTICLE, (f,))]))
    (mark,) = page.marks_of("f1-1")
    assert mark["text"] == "[Insert name]"
    assert mark["attrs"]["id"] == "f1-L6-1"
    assert mark["attrs"]["class"] == "hl sev-error"
    assert (mark["attrs"]["data-rule"], mark["attrs"]["data-severity"]) == ("template-placeholder", "error")
    assert (mark["attrs"]["data-line"], mark["attrs"]["data-column"]) == ("6", "11")
    note = page.by_id("f1-1")
    assert note["attrs"]["data-severity"] == "error"
    assert (note["attrs"]["data-line"], note["attrs"]["data-column"]) == ("6", "11")
    assert (note["attrs"]["data-end-line"], note["attrs"]["data-end-column"]) == ("6", "24")
    assert "Placeholder left." in note["text"] and "error" in note["text"]
    # Two lines either side of the finding's line are there, line-numbered, the long paragraph
    # uncut; the front matter above them is a gap.
    assert page.by_id("f1-L4")["text"].endswith(PARAGRAPH)
    assert [e["text"] for e in page.find("a", "num")] == ["4", "5", "6", "7"]
    assert [e["text"] for e in page.find("div", "gap")] == ["\u22ef lines 1\u20133 not shown"]
    assert "before\tdawn." in page.by_id("f1-L7")["text"]


def test_article_text_is_escaped():
    source = "Title <script>alert(\"x\")</script> & 'quotes' <b>bold</b>\n"
    span = span_of(source, "<script>alert(\"x\")</script> &")
    f = finding("markup", Severity.WARNING, span, "Remove <img src=x onerror=alert(1)> & co.",
                Fix(((span, "</textarea>"),), safe=True, message="Use \"plain\" text"),
                path="content/<b>&amp.md")
    out = without_our_script(render([FileReport("content/<b>&amp.md", source, (f,))]))
    assert "<script" not in out.lower()
    assert "<img" not in out.lower() and "<b>bold" not in out and "</textarea>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in out
    assert "content/&lt;b&gt;&amp;amp.md" in out
    page = Page(out)
    (mark,) = page.marks_of("f1-1")
    assert mark["text"] == "<script>alert(\"x\")</script> &"
    assert page.by_id("f1-L1")["text"].endswith(source.rstrip("\n"))
    note = page.by_id("f1-1")["text"]
    assert "Remove <img src=x onerror=alert(1)> & co." in note
    assert "</textarea>" in note and 'Use "plain" text' in note


def test_control_characters_show_as_pictures():
    source = "Breaking\x1b[31m news\x00\n"
    f = finding("odd", Severity.INFO, span_of(source, "news"))
    out = render([FileReport("a.md", source, (f,))])
    assert "\x1b" not in out and "\x00" not in out
    assert "Breaking\u241b[31m" in out


def test_overlapping_spans_split_into_segments():
    source = "Police said hundreds were killed in the blast on Monday.\n"
    lead = span_of(source, "Police said hundreds were killed")   # info
    figure = span_of(source, "hundreds were killed in the blast")  # warning
    word = span_of(source, "killed")  # error, nested in both
    findings = (
        finding("lead", Severity.INFO, lead, "Long lead."),
        finding("figure", Severity.WARNING, figure, "Unsourced figure."),
        finding("word", Severity.ERROR, word, "Banned word."),
    )
    page = Page(render([FileReport("a.md", source, findings)]))
    segments = [(m["text"], m["attrs"]["data-severity"], m["attrs"]["data-findings"])
                for m in page.find("mark", "hl")]
    assert segments == [
        ("Police said ", "info", "f1-1"),
        ("hundreds were ", "warning", "f1-2 f1-1"),
        ("killed", "error", "f1-3 f1-2 f1-1"),
        (" in the blast", "warning", "f1-2"),
    ]
    for number, span in enumerate((lead, figure, word), 1):
        text = "".join(m["text"] for m in page.marks_of(f"f1-{number}"))
        assert text == source[span.start : span.end]
    assert page.find("mark", "hl")[2]["attrs"]["data-rule"] == "word figure lead"
    assert [n["attrs"]["id"] for n in page.find("li", "note")] == ["f1-1", "f1-2", "f1-3"]
    assert "Long lead." in page.by_id("f1-1")["text"] and "Banned word." in page.by_id("f1-3")["text"]
    # Every segment's id is unique.
    ids = [e["attrs"]["id"] for e in page.elements if "id" in e["attrs"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_multi_line_span_is_highlighted_on_each_line(newline):
    source = ARTICLE.replace("\n", newline)
    span = span_of(source, f"the{newline}crowd dispersed")
    f = finding("wrap", Severity.WARNING, span, "Phrase wraps.")
    page = Page(render([FileReport("a.md", source, (f,))]))
    marks = page.marks_of("f1-1")
    assert [(m["text"], m["attrs"]["data-line"], m["attrs"]["data-column"]) for m in marks] == [
        ("the", "6", "30"), ("crowd dispersed", "7", "1")]
    note = page.by_id("f1-1")
    assert (note["attrs"]["data-line"], note["attrs"]["data-end-line"]) == ("6", "7")
    assert "lines 6\u20137" in note["text"]
    # The note sits under line 7, where the span ends.
    out = render([FileReport("a.md", source, (f,))])
    line7 = out.index('id="f1-L7"')
    assert line7 < out.index('id="f1-1"') < out.index("</details>", line7)


def test_empty_span_is_a_point():
    f = finding("missing-dateline", Severity.WARNING, Span(0, 0), "No dateline.")
    page = Page(render([FileReport("a.md", ARTICLE, (f,))]))
    (mark,) = page.marks_of("f1-1")
    assert mark["text"] == "" and "point" in mark["attrs"]["class"].split()
    assert (mark["attrs"]["data-line"], mark["attrs"]["data-column"]) == ("1", "1")


def test_span_of_only_a_line_break_is_a_point():
    source = "One.\nTwo.\n"
    f = finding("eol", Severity.INFO, Span(4, 5))
    (mark,) = Page(render([FileReport("a.md", source, (f,))])).marks_of("f1-1")
    assert (mark["text"], mark["attrs"]["data-line"], mark["attrs"]["data-column"]) == ("", "1", "5")


def test_unreadable_file_shows_its_finding():
    f = finding("file-unreadable", Severity.ERROR, Span(0, 0),
                "Cannot check this file: it is not UTF-8 text.", path="bad.md")
    page = Page(render([FileReport("bad.md", "", (f,))]))
    section = page.by_id("f1")
    assert "bad.md" in section["text"] and "could not be read" in section["text"]
    assert "Cannot check this file: it is not UTF-8 text." in page.by_id("f1-1")["text"]
    assert not page.find("div", "line") and not page.find("mark")


def test_clean_files_are_listed_short():
    f = finding("x", Severity.INFO, span_of(ARTICLE, "Storm"))
    page = Page(render([FileReport("a.md", ARTICLE, (f,)), FileReport("b.md", "Fine.\n", ())]))
    clean = page.by_id("f2")
    assert clean["tag"] == "li" and clean["text"] == "b.md"
    assert [e["attrs"]["id"] for e in page.find("details", "file")] == ["f1"]
    assert page.find("section", "clean")[0]["text"].startswith("1 file with no findings")
    page = Page(render([FileReport("a.md", ARTICLE, (f,)), FileReport("site/b.md", "Fine.\n", ()),
                        FileReport("site/c.md", "Fine.\n", ())]))
    assert page.find("summary")[-1]["text"] == "2 files with no findings in site/"
    assert [e["text"] for e in page.find("li", "clean-file")] == ["b.md", "c.md"]


def test_empty_run():
    out = render([])
    page = Page(out)
    assert "No files were checked." in out
    assert not page.find("details", "file") and not page.find("mark")
    assert "<script" not in out and not page.find("div", "toolbar")  # nothing to filter
    assert page.find("title")[0]["text"] == "newslint: 0 findings in 0 files"


def test_totals_and_rule_table():
    span = span_of(ARTICLE, "Storm")
    findings = (finding("dated-word", Severity.INFO, span, fix=Fix(((span, "Gale"),), safe=True)),
                finding("placeholder", Severity.ERROR, span_of(ARTICLE, "[Insert name]")))
    rules = {
        "placeholder": RuleInfo("placeholder", Severity.ERROR, "A template slot.", "https://docs.example/placeholder"),
        "dated-word": RuleInfo("dated-word", Severity.INFO, "Dated words.", ""),
        "quiet": RuleInfo("quiet", Severity.WARNING, "Never fires.", "javascript:alert(1)"),
    }
    out = render([FileReport("a.md", ARTICLE, findings), FileReport("b.md", "", ())], rules=rules)
    page = Page(out)
    header = page.find("header")[0]["text"]
    assert "Found 2 findings (1 error, 0 warnings, 1 info) in 2 files." in header
    assert "1 fixable with --fix." in header
    (row,) = page.find("tr", data_rule="placeholder")
    assert "A template slot." in row["text"] and "error" in row["text"]
    (link,) = [a for a in page.find("a", "rule") if a["text"] == "placeholder"][:1]
    assert link["attrs"]["href"] == "https://docs.example/placeholder"
    # No documentation link: the table shows the id as text, and a finding links to the rule's
    # row in the table; a non-http link is never emitted.
    assert not [a for a in page.find("a", "rule") if a["text"] == "quiet"]
    (note_link,) = [a for a in page.find("a", "rule") if a["text"] == "dated-word"]
    assert note_link["attrs"]["href"] == "#rule-dated-word"
    assert page.by_id("rule-dated-word")["attrs"]["data-rule"] == "dated-word"
    assert "javascript:" not in out
    assert [r["attrs"]["data-rule"] for r in page.find("tr") if "data-rule" in r["attrs"]] == [
        "placeholder", "dated-word", "quiet"]  # by level, quiet rules last
    assert "1 more rule ran and found nothing" in out


def test_fix_hints():
    span = span_of(ARTICLE, "Storm")
    safe = finding("a", Severity.INFO, span, fix=Fix(((span, "Gale"),), safe=True, message="Use Gale"))
    unsafe = finding("b", Severity.WARNING, Span(span.start, span.start),
                     fix=Fix(((Span(span.start, span.start), "Big "),), safe=False))
    page = Page(render([FileReport("a.md", ARTICLE, (safe, unsafe))]))
    assert "Fix: Use Gale Storm \u2192 Gale (safe: --fix applies it)" in page.by_id("f1-1")["text"]
    assert "a fix is available insert Big  (unsafe: only with --unsafe-fixes)" in page.by_id("f1-2")["text"]
    deletion = finding("c", Severity.INFO, span, fix=Fix(((span, ""),), safe=True, message="Drop it"))
    assert "Fix: Drop it delete Storm (safe" in Page(render([FileReport("a.md", ARTICLE, (deletion,))])).by_id(
        "f1-1")["text"]
    hidden = render([FileReport("a.md", ARTICLE, (safe,))], show_fixes=False)
    assert "Fix:" not in hidden


def test_self_contained_and_deterministic():
    rules = {"r": RuleInfo("r", Severity.ERROR, "d", "https://docs.example/r")}
    reports = [FileReport("a.md", ARTICLE, (finding("r", Severity.ERROR, span_of(ARTICLE, "Storm")),)),
               FileReport("b.md", "", (finding("file-unreadable", Severity.ERROR, Span(0, 0)),))]
    out = render(reports, rules=rules)
    assert out == render(reports, rules=rules)
    lowered = without_our_script(out).lower()
    for forbidden in ("<script", "<link", "<img", "<iframe", "<object", "src=", "@import", "url(",
                      "javascript:", " on", "<form"):
        if forbidden == " on":
            assert not re.search(r"<[^>]*\son\w+=", lowered)
        else:
            assert forbidden not in lowered, forbidden
    # The only URLs are rule-doc links.
    for match in re.finditer(r"https?://", out):
        assert out[max(0, match.start() - 6) : match.start()] == 'href="', out[match.start() - 40 : match.end() + 20]
    assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>\n")
    assert '<meta charset="utf-8">' in out


def test_random_spans_keep_the_text_whole():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(st.data())
    def check(data):
        source = data.draw(st.text(alphabet="ab <&\"\n\r\t\u00e9\U0001F600", min_size=1, max_size=40))
        spans = data.draw(st.lists(st.tuples(st.integers(0, len(source)), st.integers(0, len(source))),
                                   min_size=1, max_size=5))
        findings = tuple(finding(f"r{i}", list(Severity)[i % 3], Span(min(a, b), max(a, b)))
                         for i, (a, b) in enumerate(spans))
        page = Page(render([FileReport("a.md", source, findings)]))
        lines = LineIndex(source)
        for number, f in enumerate(findings, 1):
            marks = page.marks_of(f"f1-{number}")
            assert marks, f
            pieces = [source[max(f.span.start, lines.line_start(n)):min(f.span.end, lines.line_end(n))]
                      for n in range(1, lines.line_count + 1)]
            assert "".join(m["text"] for m in marks) == "".join(pieces).translate(html_report._CONTROL)
        # Each line shown is whole; every line is shown or named by a gap, in order.
        numbers = []
        for e in page.find("div", "line"):
            number = int(e["attrs"]["id"].rsplit("L", 1)[1])
            assert e["text"] == f"{number}" + lines.line_text(number).translate(html_report._CONTROL)
            numbers.append(number)
        for gap in page.find("div", "gap"):
            first, _, last = gap["text"].split()[2].partition("\u2013")
            numbers += range(int(first), int(last or first) + 1)
        count = lines.line_count - (lines.line_count > 1 and not lines.line_text(lines.line_count)
                                    and not any(m["attrs"]["data-line"] == str(lines.line_count)
                                                for m in page.find("mark")))
        assert sorted(numbers) == list(range(1, count + 1)) and len(set(numbers)) == len(numbers)

    check()


def test_only_lines_around_findings_are_written():
    # Findings on lines 10 and 14 of 40: lines 8-16 show (the one line between two windows is
    # shown rather than named), the rest are gaps; the text far from findings is not in the page.
    source = "".join(f"Line {n} far{n}away.\n" for n in range(1, 41))
    findings = (finding("a", Severity.INFO, span_of(source, "Line 10 ")),
                finding("b", Severity.WARNING, span_of(source, "Line 14 ")))
    out = render([FileReport("a.md", source, findings)])
    page = Page(out)
    assert [e["text"] for e in page.find("a", "num")] == [str(n) for n in range(8, 17)]
    assert [e["text"] for e in page.find("div", "gap")] == [
        "\u22ef lines 1\u20137 not shown", "\u22ef lines 17\u201340 not shown"]
    assert "far7away" not in out and "far17away" not in out and "far8away" in out
    # A window touching the file's first or last line leaves no gap of one line there.
    near = (finding("a", Severity.INFO, span_of(source, "Line 4 ")),
            finding("b", Severity.INFO, span_of(source, "Line 37 ")))
    page = Page(render([FileReport("a.md", source, near)]))
    assert [e["text"] for e in page.find("a", "num")] == [str(n) for n in [*range(1, 7), *range(35, 41)]]
    assert [e["text"] for e in page.find("div", "gap")] == ["\u22ef lines 7\u201334 not shown"]


def test_files_fold_with_their_counts_past_three():
    def reports(count):
        return [FileReport(f"site/content/posts/{n}.md", ARTICLE,
                           (finding("r", Severity.ERROR, span_of(ARTICLE, "Storm")),
                            finding("s", Severity.INFO, span_of(ARTICLE, "[Insert name]"))))
                for n in range(count)]

    page = Page(render(reports(3)))
    assert [("open" in e["attrs"]) for e in page.find("details", "file")] == [True] * 3
    page = Page(render(reports(4)))
    files = page.find("details", "file")
    assert [("open" in e["attrs"]) for e in files] == [False] * 4
    # The folder every path shares is said once; each summary gives the rest and the counts.
    assert page.by_id("files")["text"] == "4 articles with findings in site/content/posts/"
    (summary,) = [e for e in page.find("summary") if e["text"].startswith("0.md")]
    assert summary["text"] == "0.md 1 error 1 info"
    assert files[0]["attrs"]["data-path"] == "site/content/posts/0.md"
    assert page.find("span", "path")[0]["attrs"]["title"] == "site/content/posts/0.md"


def test_common_folder():
    assert html_report._common_folder(["a/b/c.md", "a/b/d.md"]) == "a/b/"
    assert html_report._common_folder(["a/bc.md", "a/bd.md"]) == "a/"  # never half a name
    assert html_report._common_folder(["x.md", "y.md"]) == ""
    assert html_report._common_folder(["c:\\site\\a.md", "c:\\site\\b.md"]) == "c:\\site\\"
    assert html_report._common_folder(["a/b/c.md"]) == ""  # one file: its whole path


def test_filter_controls_and_without_script():
    # The toolbar is hidden until the script shows it; every note is shown without it.
    findings = (finding("dated-word", Severity.INFO, span_of(ARTICLE, "Storm")),
                finding("dated-word", Severity.INFO, span_of(ARTICLE, "crowd")),
                finding("placeholder", Severity.ERROR, span_of(ARTICLE, "[Insert name]")))
    page = Page(render([FileReport("a.md", ARTICLE, findings)]))
    (toolbar,) = page.find("div", "toolbar")
    assert "hidden" in toolbar["attrs"] and toolbar["attrs"]["role"] == "search"
    assert not [e for e in page.elements if "hidden" in e["attrs"] and e is not toolbar
                and e["attrs"].get("id") != "none"]
    assert [(o["attrs"]["value"], o["text"]) for o in page.find("option")] == [
        ("", "All rules"), ("dated-word", "dated-word (2)"), ("placeholder", "placeholder (1)")]
    assert [(b["attrs"]["value"], "checked" in b["attrs"]) for b in page.find("input", name="level")] == [
        ("error", True), ("warning", True), ("info", True)]
    # Each level with findings has a button in the totals; each rule's count in the table is one.
    assert [b["attrs"]["data-level"] for b in page.find("button", "pick") if "data-level" in b["attrs"]] == [
        "error", "info"]
    assert [(b["attrs"]["data-rule"], b["text"]) for b in page.find("button", "pick")
            if "data-rule" in b["attrs"]] == [("placeholder", "1"), ("dated-word", "2")]
    # Every control has a name a screen reader can say.
    for control in page.find("input") + page.find("select"):
        if control["attrs"].get("type") == "checkbox":  # inside its label, with the level's name
            continue
        assert page.find("label", **{"for": control["attrs"]["id"]}), control


def test_rule_ids_and_paths_with_markup_stay_text_in_controls():
    rule = '<script>x</script>" onclick="y'
    f = finding(rule, Severity.WARNING, span_of(ARTICLE, "Storm"), path='<img src=x onerror=1>.md')
    out = without_our_script(render([FileReport('<img src=x onerror="1">.md', ARTICLE, (f,))]))
    assert "<script" not in out and "<img" not in out
    page = Page(out)
    assert not [e for e in page.elements if any(name.startswith("on") for name in e["attrs"])]
    assert page.find("option")[1]["attrs"]["value"] == rule
    assert page.find("details", "file")[0]["attrs"]["data-path"] == '<img src=x onerror="1">.md'
    (link,) = [a for a in page.find("a", "rule")]
    assert link["attrs"]["href"] == "#rule-%3Cscript%3Ex%3C%2Fscript%3E%22_onclick%3D%22y"
    assert page.find("tr", data_rule=rule)[0]["attrs"]["id"] == 'rule-<script>x</script>"_onclick="y'

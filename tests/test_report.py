"""The output formats: exact positions, texts and layouts, built from hand-made findings."""
from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from newslint.findings import Fix, Severity, Span
from newslint.report import RuleInfo, FileReport, ReportOptions, renderer
from newslint.report import concise, full
from newslint.report import json as json_report
from report_helpers import finding, span_of

# A CRLF file with front matter, an emoji, a table and a sentence that wraps.
ARTICLE = (
    "---\r\n"
    "title: Café 😀 news\r\n"
    "---\r\n"
    "Hundreds were killed in the blast, [Insert name] said.\r\n"
    "\r\n"
    "| Place | Toll |\r\n"
    "| ----- | ---- |\r\n"
    "| Gaza  | 12 dead |\r\n"
    "\r\n"
    "The mayor said the\r\n"
    "crowd dispersed.\r\n"
)




HUNDREDS = span_of(ARTICLE, "Hundreds were killed")
NEWS = span_of(ARTICLE, "news")
SAID = span_of(ARTICLE, "said.")  # ends on a line break
CELL = span_of(ARTICLE, "12 dead")
WRAPPED = span_of(ARTICLE, "the\r\ncrowd")

F_CASUALTY = finding(
    "casualty-unsourced",
    Severity.WARNING,
    "Casualty figure 'Hundreds were killed' has no source.",
    HUNDREDS,
    Fix(((Span(HUNDREDS.start, HUNDREDS.start), "Police said "),), safe=False, message="Attribute it"),
)
F_EMOJI = finding("title-case", Severity.INFO, "Capitalise 'news'.", NEWS,
                  Fix(((NEWS, "News"),), safe=True, message="Capitalise"))
F_SAID = finding("said-end", Severity.INFO, "Sentence ends with 'said'.", SAID)
F_CELL = finding("casualty-unsourced", Severity.WARNING, "Casualty figure '12 dead' has no source.", CELL)
F_WRAPPED = finding("wrap-check", Severity.ERROR, "Phrase wraps.", WRAPPED)
ARTICLE_REPORT = FileReport("content/a.md", ARTICLE, (F_EMOJI, F_CASUALTY, F_SAID, F_CELL, F_WRAPPED))
UNREADABLE = FileReport(
    "content/bad.md",
    "",
    (finding("file-unreadable", Severity.ERROR, "cannot decode as UTF-8", Span(0, 0), path="content/bad.md"),),
)
CLEAN = FileReport("content/clean.md", "All fine.\n", ())
RESULTS = [ARTICLE_REPORT, CLEAN, UNREADABLE]

PLAIN = ReportOptions()


def render(name, results, options=PLAIN):
    return renderer(name).render(results, options)


# --- json ------------------------------------------------------------------------------------


def json_findings():
    return json.loads(render("json", RESULTS))["findings"]


def test_json_envelope_and_summary():
    document = json.loads(render("json", RESULTS))
    assert list(document) == ["version", "findings", "summary"]
    assert document["version"] == 1
    assert document["summary"] == {"files": 3, "findings": 6, "error": 2, "warning": 2, "info": 2}
    assert list(document["summary"]) == ["files", "findings", "error", "warning", "info"]
    assert [f["rule"] for f in document["findings"]] == [
        "title-case", "casualty-unsourced", "said-end", "casualty-unsourced", "wrap-check",
        "file-unreadable",
    ]


def test_json_keys_in_documented_order():
    keys = ["path", "rule", "severity", "line", "column", "end_line", "end_column", "message",
            "text", "fix"]
    assert all(list(f) == keys for f in json_findings())


def test_json_code_point_columns_after_emoji_with_safe_fix():
    assert json_findings()[0] == {
        "path": "content/a.md", "rule": "title-case", "severity": "info",
        "line": 2, "column": 15, "end_line": 2, "end_column": 19,
        "message": "Capitalise 'news'.", "text": "news",
        "fix": {"safe": True, "message": "Capitalise", "edits": [
            {"line": 2, "column": 15, "end_line": 2, "end_column": 19, "content": "News"}]},
    }


def test_json_insertion_fix_is_an_empty_range():
    casualty = json_findings()[1]
    assert (casualty["line"], casualty["column"], casualty["end_line"], casualty["end_column"]) == (4, 1, 4, 21)
    assert casualty["text"] == "Hundreds were killed"
    assert casualty["fix"] == {"safe": False, "message": "Attribute it", "edits": [
        {"line": 4, "column": 1, "end_line": 4, "end_column": 1, "content": "Police said "}]}


def test_json_span_ending_at_a_crlf_stays_on_its_line():
    said = json_findings()[2]
    assert (said["line"], said["column"], said["end_line"], said["end_column"]) == (4, 50, 4, 55)
    assert said["text"] == "said."
    assert said["fix"] is None


def test_json_table_cell():
    cell = json_findings()[3]
    assert (cell["line"], cell["column"], cell["end_line"], cell["end_column"]) == (8, 11, 8, 18)
    assert cell["text"] == "12 dead"


def test_json_multi_line_span_keeps_the_crlf_in_text():
    wrapped = json_findings()[4]
    assert (wrapped["line"], wrapped["column"], wrapped["end_line"], wrapped["end_column"]) == (10, 16, 11, 6)
    assert wrapped["text"] == "the\r\ncrowd"
    assert wrapped["severity"] == "error"


def test_json_unreadable_file_points_at_line_one():
    assert json_findings()[5] == {
        "path": "content/bad.md", "rule": "file-unreadable", "severity": "error",
        "line": 1, "column": 1, "end_line": 1, "end_column": 1,
        "message": "cannot decode as UTF-8", "text": "", "fix": None,
    }


def test_json_is_indented_utf8_with_a_final_newline():
    out = render("json", [CLEAN])
    assert out == (
        '{\n  "version": 1,\n  "findings": [],\n  "summary": {\n    "files": 1,\n'
        '    "findings": 0,\n    "error": 0,\n    "warning": 0,\n    "info": 0\n  }\n}\n'
    )
    assert '"text": "news"' in render("json", RESULTS)
    assert "😀" not in render("json", RESULTS)  # the emoji is outside every span
    emoji = FileReport("e.md", "Go 😀!", (finding("x", Severity.INFO, "m 😀", Span(3, 4), path="e.md"),))
    assert '"text": "😀"' in render("json", [emoji])


# --- concise ---------------------------------------------------------------------------------


def test_concise_lines_and_summary():
    assert render("concise", RESULTS) == (
        "content/a.md:2:15: title-case [info] [*] Capitalise 'news'.\n"
        "content/a.md:4:1: casualty-unsourced [warning] Casualty figure 'Hundreds were killed' has no source.\n"
        "content/a.md:4:50: said-end [info] Sentence ends with 'said'.\n"
        "content/a.md:8:11: casualty-unsourced [warning] Casualty figure '12 dead' has no source.\n"
        "content/a.md:10:16: wrap-check [error] Phrase wraps.\n"
        "content/bad.md:1:1: file-unreadable [error] cannot decode as UTF-8\n"
        "Found 6 findings (2 errors, 2 warnings, 2 info) in 3 files.\n"
        "[*] 1 fixable with --fix.\n"
    )


def test_concise_clean_run_and_fixed_count():
    assert render("concise", [CLEAN]) == "All checked: no findings in 1 file.\n"
    assert render("concise", [CLEAN, CLEAN], ReportOptions(fixed=1)) == (
        "All checked: no findings in 2 files.\nFixed 1 finding.\n"
    )


def test_concise_singular_counts_and_hidden_fixes():
    one = FileReport("content/a.md", ARTICLE, (F_EMOJI,))
    assert render("concise", [one], ReportOptions(show_fixes=False, fixed=3)) == (
        "content/a.md:2:15: title-case [info] Capitalise 'news'.\n"
        "Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file.\n"
        "Fixed 3 findings.\n"
    )


def test_concise_folds_line_breaks_in_messages():
    wrapped = finding("x", Severity.INFO, "Casualty 'the\r\ncrowd' here", WRAPPED)
    out = render("concise", [FileReport("content/a.md", ARTICLE, (wrapped,))])
    assert out.splitlines()[0] == "content/a.md:10:16: x [info] Casualty 'the crowd' here"


# --- full ------------------------------------------------------------------------------------


def test_full_plain_layout():
    results = [FileReport("content/a.md", ARTICLE, (F_EMOJI, F_CASUALTY, F_WRAPPED)), UNREADABLE]
    options = ReportOptions(rules={"casualty-unsourced": RuleInfo(
        "casualty-unsourced", Severity.WARNING, "Tolls need a source.", "https://example.org/casualty")})
    assert render("full", results, options) == (
        "content/a.md:2:15: info[title-case] [*] Capitalise 'news'.\n"
        "  |\n"
        "2 | title: Café 😀 news\n"
        "  | " + " " * 15 + "^^^^\n"
        "  = help: Capitalise\n"
        "\n"
        "content/a.md:4:1: warning[casualty-unsourced] Casualty figure 'Hundreds were killed' has no source.\n"
        "  |\n"
        "4 | Hundreds were killed in the blast, [Insert name] said.\n"
        "  | ^^^^^^^^^^^^^^^^^^^^\n"
        "  = help: Attribute it (unsafe fix)\n"
        "  = docs: https://example.org/casualty\n"
        "\n"
        "content/a.md:10:16: error[wrap-check] Phrase wraps.\n"
        "   |\n"
        "10 | The mayor said the\n"
        "   |                ^^^ (continues to line 11)\n"
        "\n"
        "content/bad.md:1:1: error[file-unreadable] cannot decode as UTF-8\n"
        "\n"
        "Found 4 findings (2 errors, 1 warning, 1 info) in 2 files.\n"
        "[*] 1 fixable with --fix.\n"
    )


def caret_text(out: str, line: int) -> str:
    """The characters of the source line shown in `out` that the carets below it cover."""
    lines = out.splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith(f"{line} | "))
    source, carets = lines[index][len(f"{line} | "):], lines[index + 1]
    first = carets.index("^") - len(f"{line} | ")
    width = carets.count("^")
    covered, cells = "", 0
    for char in source:
        if first <= cells < first + width:
            covered += char
        cells += cell_len(char)
    return covered


def test_full_carets_in_cells_at_end_of_line_and_in_a_table():
    out = render("full", [FileReport("content/a.md", ARTICLE, (F_SAID, F_CELL))])
    assert "4 | Hundreds were killed in the blast, [Insert name] said.\n" in out
    assert caret_text(out, 4) == "said."
    assert "8 | | Gaza  | 12 dead |\n  | " + " " * 10 + "^^^^^^^\n" in out
    assert caret_text(out, 8) == "12 dead"
    assert caret_text(render("full", [FileReport("content/a.md", ARTICLE, (F_EMOJI,))]), 2) == "news"


def test_full_trims_a_long_line_around_the_span():
    source = "Intro.\n" + "a" * 300 + " target " + "b" * 300 + "\n"
    report = FileReport("long.md", source, (finding("t", Severity.INFO, "m", span_of(source, "target"), path="long.md"),))
    out = render("full", [report])
    assert out == (
        "long.md:2:302: info[t] m\n"
        "  |\n"
        "2 | …" + "a" * 46 + " target " + "b" * 46 + "…\n"
        "  | " + " " * 48 + "^^^^^^\n"
        "\n"
        "Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file.\n"
    )


def test_full_trimmed_window_never_halves_a_wide_character():
    source = "x" + "界" * 150 + " target! " + "b" * 300
    report = FileReport("cjk.md", source, (finding("t", Severity.INFO, "m", span_of(source, "target!"), path="cjk.md"),))
    out = render("full", [report])
    assert "1 | …" + "界" * 22 + " target! " + "b" * 46 + "…\n" in out
    assert "  | " + " " * 46 + "^^^^^^^\n" in out
    assert caret_text(out, 1) == "target!"


def test_full_long_span_and_span_at_the_start_of_a_long_line():
    source = "start " + "p" * 50 + " " + "c" * 200 + " end " + "d" * 200
    report = FileReport("s.md", source, (
        finding("a", Severity.INFO, "m", Span(0, 5), path="s.md"),
        finding("b", Severity.INFO, "m", span_of(source, "c" * 200), path="s.md"),
    ))
    lines = render("full", [report]).splitlines()
    assert lines[2] == "1 | start " + "p" * 50 + " " + "c" * 43 + "…"
    assert lines[3] == "  | ^^^^^"
    # A span wider than the window keeps CONTEXT cells before it and is underlined to the cut.
    assert lines[7] == "1 | …" + "p" * 9 + " " + "c" * 90 + "…"
    assert lines[8] == "  | " + " " * 11 + "^" * 90


def test_full_expands_tabs_in_both_lines():
    source = "\tTab\tstart here"
    report = FileReport("t.md", source, (finding("t", Severity.INFO, "m", span_of(source, "start"), path="t.md"),))
    out = render("full", [report])
    assert out.splitlines()[2:4] == ["1 |     Tab start here", "  | " + " " * 8 + "^^^^^"]
    assert caret_text(out, 1) == "start"


def test_full_insertion_at_end_of_line_and_empty_line():
    source = "One line\n\nThird"
    report = FileReport("i.md", source, (
        finding("end", Severity.INFO, "m", Span(8, 8), Fix(((Span(8, 8), "."),), safe=True), path="i.md"),
        finding("blank", Severity.INFO, "m", Span(9, 9), path="i.md"),
    ))
    lines = render("full", [report]).splitlines()
    assert lines[2:5] == ["1 | One line", "  | " + " " * 8 + "^", "  = help: a fix is available"]
    assert lines[8:10] == ["2 |", "  | ^"]


def test_full_prints_markup_and_control_characters_literally():
    source = "Quote [Insert name] and [bold]x[/bold] :smile: \x1b[31mred"
    report = FileReport("m.md", source, (
        finding("placeholder", Severity.WARNING, "Placeholder '[Insert name]' left in.",
                span_of(source, "[Insert name]"), path="m.md"),
    ))
    out = render("full", [report])
    assert "m.md:1:7: warning[placeholder] Placeholder '[Insert name]' left in.\n" in out
    assert "1 | Quote [Insert name] and [bold]x[/bold] :smile: ␛[31mred\n" in out
    assert caret_text(out, 1) == "[Insert name]"
    assert "\x1b" not in out


@pytest.mark.parametrize("name", ["full", "concise", "json"])
def test_no_ansi_without_colour(name):
    assert "\x1b" not in render(name, RESULTS)


def test_colour_output_has_ansi_and_the_same_text():
    options = ReportOptions(color=True)
    coloured = render("full", RESULTS, options)
    assert "\x1b[1;33mwarning\x1b[0m" in coloured
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert "\x1b[1;34minfo\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render("full", RESULTS)


def test_formats_share_the_summary():
    assert render("full", RESULTS).splitlines()[-2:] == render("concise", RESULTS).splitlines()[-2:]
    assert concise.summary_lines([], PLAIN) == ["All checked: no findings in 0 files."]


def test_renderers_are_the_modules():
    assert renderer("json") is json_report and renderer("full") is full and renderer("concise") is concise

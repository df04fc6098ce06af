"""The `sarif` format: exact SARIF 2.1.0 documents from hand-made findings, stable fingerprints,
and validation against the official OASIS schema when ../shared/schemas has it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import newslint
from newslint.cli import main
from newslint.findings import Severity, Span
from newslint.report import FileReport, ReportOptions, RuleInfo, renderer
from newslint.report import sarif
from newslint.report.sarif import artifact_uri, first_sentence
from report_helpers import ARTICLE_REPORT, CLEAN, UNREADABLE, finding, span_of

SCHEMA_PATH = Path(__file__).parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

RESULTS = [ARTICLE_REPORT, CLEAN, UNREADABLE]

RULES = {
    "casualty-unsourced": RuleInfo("casualty-unsourced", Severity.WARNING,
                                   "Casualty figures need a source. Name who counted, e.g. police.",
                                   "https://example.org/rules/casualty-unsourced"),
    "title-case": RuleInfo("title-case", Severity.INFO, "Headlines use sentence case."),
    "file-unreadable": RuleInfo("file-unreadable", Severity.ERROR, "A file could not be read."),
    "zz-unused": RuleInfo("zz-unused", Severity.WARNING, ""),
}
OPTIONS = ReportOptions(rules=RULES)


def render(results, options=OPTIONS) -> dict:
    text = renderer("sarif").render(results, options)
    assert text.endswith("}\n")
    return json.loads(text)


def results_of(document: dict) -> list[dict]:
    return document["runs"][0]["results"]


def check_structure(document: dict) -> None:
    """What GitHub code scanning needs, checked by hand whether or not the schema is here."""
    assert document["version"] == "2.1.0"
    assert document["$schema"].startswith("https://")
    assert len(document["runs"]) == 1
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] == newslint.__version__
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert isinstance(result["message"]["text"], str)
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]
        assert set(location["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert all(value >= 1 for value in location["region"].values())
        assert len(result["partialFingerprints"]["newslint/v1"]) == 64


def validate_with_schema(document: dict) -> None:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA_PATH} (../shared/schemas is absent); "
                    "the essential structure is still checked by hand in the other tests")
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (pip install -e .[test])")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]
    assert errors == []


# --- the document ----------------------------------------------------------------------------


def test_envelope_and_driver():
    document = render(RESULTS)
    check_structure(document)
    assert list(document) == ["$schema", "version", "runs"]
    assert document["$schema"] == sarif.SCHEMA
    run = document["runs"][0]
    assert list(run) == ["tool", "columnKind", "results"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["ruleId"] for r in run["results"]] == [
        "title-case", "casualty-unsourced", "said-end", "wrap-check", "file-unreadable"]


def test_rules_every_rule_that_ran_sorted_with_missing_ones_added():
    rules = render(RESULTS)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [
        "casualty-unsourced", "file-unreadable", "said-end", "title-case", "wrap-check", "zz-unused"]
    assert rules[0] == {
        "id": "casualty-unsourced",
        "shortDescription": {"text": "Casualty figures need a source."},
        "fullDescription": {"text": "Casualty figures need a source. Name who counted, e.g. police."},
        "helpUri": "https://example.org/rules/casualty-unsourced",
        "defaultConfiguration": {"level": "warning"},
    }
    assert rules[3] == {  # no link: no helpUri; info is SARIF's note
        "id": "title-case",
        "shortDescription": {"text": "Headlines use sentence case."},
        "fullDescription": {"text": "Headlines use sentence case."},
        "defaultConfiguration": {"level": "note"},
    }
    # Not in the catalog: a bare descriptor at the finding's level, so ruleIndex still resolves.
    assert rules[2] == {"id": "said-end", "shortDescription": {"text": "said-end"},
                        "defaultConfiguration": {"level": "note"}}
    assert rules[5] == {"id": "zz-unused", "shortDescription": {"text": "zz-unused"},
                        "defaultConfiguration": {"level": "warning"}}


def test_first_sentence():
    assert first_sentence("Tolls need a source. Otherwise readers doubt.") == "Tolls need a source."
    assert first_sentence("Use e.g. numbers.\n  More here.") == "Use e.g. numbers."
    assert first_sentence("Why? Because.") == "Why?"
    assert first_sentence("No full stop") == "No full stop"
    assert first_sentence("") == ""


def test_result_after_an_emoji_with_a_safe_fix():
    result = results_of(render(RESULTS))[0]
    fingerprint = result.pop("partialFingerprints")["newslint/v1"]
    assert result == {
        "ruleId": "title-case", "ruleIndex": 3, "level": "note",
        "message": {"text": "Capitalise 'news'."},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "content/a.md"},
            "region": {"startLine": 2, "startColumn": 15, "endLine": 2, "endColumn": 19}}}],
        "fixes": [{
            "description": {"text": "Capitalise"},
            "artifactChanges": [{"artifactLocation": {"uri": "content/a.md"}, "replacements": [{
                "deletedRegion": {"startLine": 2, "startColumn": 15, "endLine": 2, "endColumn": 19},
                "insertedContent": {"text": "News"}}]}],
            "properties": {"safe": True},
        }],
    }
    assert fingerprint == sarif.fingerprint("title-case", "content/a.md", "news", 0)


def test_insertion_fix_is_an_empty_deleted_region_without_description():
    result = results_of(render(RESULTS))[1]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 21}
    assert result["fixes"] == [{
        "artifactChanges": [{"artifactLocation": {"uri": "content/a.md"}, "replacements": [{
            "deletedRegion": {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 1},
            "insertedContent": {"text": "Police said "}}]}],
        "properties": {"safe": False},
    }]


def test_span_ending_at_a_crlf_and_message_kept_verbatim():
    result = results_of(render(RESULTS))[2]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4, "startColumn": 50, "endLine": 4, "endColumn": 55}
    assert result["message"] == {"text": "100% sure: a, b\r\nnext"}
    assert "fixes" not in result


def test_multi_line_region_and_unreadable_file():
    wrapped, unreadable = results_of(render(RESULTS))[3:]
    assert wrapped["level"] == "error"
    assert wrapped["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 6, "startColumn": 16, "endLine": 7, "endColumn": 6}
    assert unreadable["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "content/bad.md"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}}}]
    assert unreadable["ruleIndex"] == 1 and "fixes" not in unreadable


def test_show_fixes_false_drops_fixes_and_no_findings_is_an_empty_list():
    assert all("fixes" not in r for r in results_of(render(RESULTS, ReportOptions(rules=RULES, show_fixes=False))))
    document = render([CLEAN], ReportOptions())
    check_structure(document)
    assert results_of(document) == [] and document["runs"][0]["tool"]["driver"]["rules"] == []


def test_utf8_output_not_escaped():
    report = FileReport("e.md", "Go 😀!", (finding("x", Severity.INFO, "m 😀", Span(3, 4), path="e.md"),))
    assert '"text": "m 😀"' in renderer("sarif").render([report], OPTIONS)


# --- fingerprints ----------------------------------------------------------------------------


def fingerprints(source: str, texts: list[tuple[str, int]], rule="casualty-unsourced") -> list[str]:
    found = tuple(finding(rule, Severity.WARNING, "m", span_of(source, text, n)) for text, n in texts)
    return [r["partialFingerprints"]["newslint/v1"]
            for r in results_of(render([FileReport("content/a.md", source, found)]))]


def test_fingerprints_survive_a_line_inserted_above():
    before = "Intro.\n\n12 dead in Gaza. Later, 12 dead again.\n"
    after = "Intro.\n\nA new paragraph.\n\n12 dead in Gaza. Later, 12 dead again.\n"
    pair = [("12 dead", 0), ("12 dead", 1)]
    assert fingerprints(before, pair) == fingerprints(after, pair)
    first, second = fingerprints(before, pair)
    assert first != second  # identical texts differ by their occurrence counter


def test_fingerprints_normalise_whitespace_and_case_but_not_rule_or_path():
    one = fingerprints("x\nHundreds  were\r\nkilled\n", [("Hundreds  were\r\nkilled", 0)])
    two = fingerprints("hundreds were killed\n", [("hundreds were killed", 0)])
    assert one == two
    assert fingerprints("hundreds were killed\n", [("hundreds were killed", 0)], rule="other") != two
    assert sarif.fingerprint("r", "a.md", "t", 0) != sarif.fingerprint("r", "b.md", "t", 0)


def test_point_findings_fingerprint_their_line():
    source = "First line\nSecond line\n"
    points = (finding("p", Severity.INFO, "m", Span(10, 10)), finding("p", Severity.INFO, "m", Span(22, 22)))
    first, second = (r["partialFingerprints"]["newslint/v1"]
                     for r in results_of(render([FileReport("content/a.md", source, points)])))
    assert first == sarif.fingerprint("p", "content/a.md", "first line", 0)
    assert second == sarif.fingerprint("p", "content/a.md", "second line", 0)


# --- artifact URIs ---------------------------------------------------------------------------


@pytest.mark.parametrize("path, uri", [
    ("content/a.md", "content/a.md"),
    ("./content/a.md", "content/a.md"),
    ("my article #2.md", "my%20article%20%232.md"),
    ("café/100%?.md", "caf%C3%A9/100%25%3F.md"),
    ("a:b.md", "a%3Ab.md"),
    ("/srv/news/a b.md", "file:///srv/news/a%20b.md"),
])
def test_artifact_uri(path, uri):
    assert artifact_uri(path, sep="/") == uri


def test_artifact_uri_windows_separators():
    assert artifact_uri("content\\a b.md", sep="\\") == "content/a%20b.md"
    assert artifact_uri("C:\\news\\a.md", sep="\\") == "file:///C:/news/a.md"


# --- the official schema ---------------------------------------------------------------------


def test_hand_made_documents_validate_against_the_official_schema():
    validate_with_schema(render(RESULTS))
    validate_with_schema(render([CLEAN], ReportOptions()))


# --- end to end ------------------------------------------------------------------------------

PLACEHOLDER = "# Talks resume\n\nThe talks were led by [Insert name], the deputy minister.\n"


@pytest.fixture
def cli_sarif(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my article.md").write_text(PLACEHOLDER, encoding="utf-8")
    code = main(["check", "--format", "sarif", "my article.md"])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def test_cli_sarif_structure(cli_sarif):
    code, document = cli_sarif
    assert code == 1
    check_structure(document)
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert "template-placeholder" in [rule["id"] for rule in rules]
    placeholder = next(r for r in results_of(document) if r["ruleId"] == "template-placeholder")
    assert placeholder["level"] == "error"
    location = placeholder["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20article.md"
    assert location["region"] == {"startLine": 3, "startColumn": 23, "endLine": 3, "endColumn": 36}


def test_cli_sarif_validates_against_the_official_schema(cli_sarif):
    validate_with_schema(cli_sarif[1])

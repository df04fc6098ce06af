"""The `sarif` format: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

One run whose `tool.driver` lists every rule that ran (sorted by id) and one result per finding,
in the engine's order. Regions use our positions unchanged: 1-based lines, columns counted in
Unicode code points (declared with `columnKind: unicodeCodePoints`) and exclusive ends, which is
what SARIF's `endColumn` means. `partialFingerprints["newslint/v1"]` hashes the rule, the path,
the matched text (whitespace-normalised, casefolded) and how many identical texts came before it
in the file, never a line number, so an alert survives lines being inserted above it. Fixes
become SARIF `fixes` (one artifactChange of replacements each).

A report never imports a check kind, the engine or the CLI, and never prints: it returns a
string. Positions and keys here are a published contract (docs/output.md): change them only
together with that page.
"""
from __future__ import annotations

import json
import os
import re
from typing import Any, Sequence
from urllib.parse import quote

from .._version import __version__
from ..findings import Fix, Severity, Span
from ..text.lines import LineIndex
from . import FileReport, ReportOptions, RuleInfo
from .fingerprints import FINGERPRINT, fingerprint, occurrences

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# A sentence ends at `.`, `!` or `?` before a space and a capital, digit or opening quote, so
# "e.g. a figure" stays whole.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'\u201c\u2018(])")
# RFC 3986 pchar minus ':' (a ':' in a relative reference's first segment would read as a scheme).
_SAFE = "/!$&'()*+,;=@-._~"
# A file name that is not UTF-8 reaches us with its bytes as surrogates; percent-encode the bytes.
_RAW_BYTES = "surrogateescape"


def render(results: Sequence[FileReport], options: ReportOptions) -> str:
    catalog = dict(options.rules)
    for report in results:  # a finding from a rule the catalog lacks still needs a descriptor
        for finding in report.findings:
            catalog.setdefault(finding.rule, RuleInfo(finding.rule, finding.severity, ""))
    ids = sorted(catalog)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    sarif_results = [
        result
        for report in results
        for result in _results(report, index, options.show_fixes)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "rules": [_descriptor(catalog[rule_id]) for rule_id in ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    description = info.description.strip()
    descriptor: dict[str, Any] = {"id": info.id}
    descriptor["shortDescription"] = {"text": first_sentence(description) or info.id}
    if description:
        descriptor["fullDescription"] = {"text": description}
    if info.link:
        descriptor["helpUri"] = info.link
    descriptor["defaultConfiguration"] = {"level": LEVELS[info.level]}
    return descriptor


def first_sentence(text: str) -> str:
    """The description up to the end of its first sentence (or all of it), on one line."""
    return _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def _results(report: FileReport, index: dict[str, int], show_fixes: bool) -> list[dict[str, Any]]:
    lines = report.lines
    uri = artifact_uri(report.path)
    out = []
    for finding, key_text, occurrence in occurrences(report):
        uri_of_finding = uri if finding.path == report.path else artifact_uri(finding.path)
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(uri_of_finding, lines, finding.span)],
            "partialFingerprints": {
                FINGERPRINT: fingerprint(finding.rule, uri_of_finding, key_text, occurrence)
            },
        }
        if show_fixes and finding.fix is not None and finding.fix.edits:
            result["fixes"] = [_fix(uri_of_finding, lines, finding.fix)]
        out.append(result)
    return out


def _location(uri: str, lines: LineIndex, span: Span) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(lines, span)}}


def region(lines: LineIndex, span: Span) -> dict[str, int]:
    """A SARIF region: 1-based, code-point columns, endColumn just past the last character."""
    start_line, start_column = lines.position(span.start)
    end_line, end_column = lines.position(span.end)
    return {"startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column}


def _fix(uri: str, lines: LineIndex, fix: Fix) -> dict[str, Any]:
    replacements = [
        {"deletedRegion": region(lines, span), "insertedContent": {"text": content}}
        for span, content in fix.edits
    ]
    out: dict[str, Any] = {}
    if fix.message:
        out["description"] = {"text": fix.message}
    out["artifactChanges"] = [{"artifactLocation": {"uri": uri}, "replacements": replacements}]
    out["properties"] = {"safe": fix.safe}
    return out


def artifact_uri(path: str, sep: str = os.sep) -> str:
    """A path as an RFC 3986 URI reference: relative stays relative, absolute becomes file:///.

    Separators become `/`, a leading `./` is dropped, and everything outside the unreserved and
    path characters (spaces, `%`, `#`, `?`, `:`, non-ASCII as UTF-8) is percent-encoded.
    """
    posix = path.replace(sep, "/") if sep != "/" else path
    if re.match(r"^[A-Za-z]:/", posix):  # a Windows drive: file:///C:/...
        return "file:///" + posix[:2] + quote(posix[2:], safe=_SAFE, errors=_RAW_BYTES)
    if posix.startswith("/"):
        return "file://" + quote(posix, safe=_SAFE, errors=_RAW_BYTES)
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe=_SAFE, errors=_RAW_BYTES)

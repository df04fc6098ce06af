"""Builders the report tests share: spans found by their text, findings with a default path,
and the CRLF sample article the machine formats (github, sarif) are checked against."""
from __future__ import annotations

from newslint.findings import Finding, Fix, Severity, Span
from newslint.report import FileReport


def span_of(source: str, text: str, occurrence: int = 0) -> Span:
    """The span of the `occurrence`-th (0-based) copy of `text` in `source`."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    return Span(start, start + len(text))


def finding(rule, severity, message, span, fix=None, path="content/a.md"):
    return Finding(rule, severity, message, path, span, fix)


# A CRLF file with front matter, an emoji and a phrase that wraps across lines.
ARTICLE = (
    "---\r\n"
    "title: Café 😀 news\r\n"
    "---\r\n"
    "Hundreds were killed in the blast, [Insert name] said.\r\n"
    "\r\n"
    "The mayor said the\r\n"
    "crowd dispersed.\r\n"
)
HUNDREDS = span_of(ARTICLE, "Hundreds were killed")
NEWS = span_of(ARTICLE, "news")
F_EMOJI = finding("title-case", Severity.INFO, "Capitalise 'news'.", NEWS,
                  Fix(((NEWS, "News"),), safe=True, message="Capitalise"))
F_CASUALTY = finding("casualty-unsourced", Severity.WARNING, "Casualty figure 'Hundreds were killed' has no source.",
                     HUNDREDS, Fix(((Span(HUNDREDS.start, HUNDREDS.start), "Police said "),), safe=False))
F_SAID = finding("said-end", Severity.INFO, "100% sure: a, b\r\nnext", span_of(ARTICLE, "said."))
F_WRAPPED = finding("wrap-check", Severity.ERROR, "Phrase wraps.", span_of(ARTICLE, "the\r\ncrowd"))
ARTICLE_REPORT = FileReport("content/a.md", ARTICLE, (F_EMOJI, F_CASUALTY, F_SAID, F_WRAPPED))
UNREADABLE = FileReport("content/bad.md", "", (
    finding("file-unreadable", Severity.ERROR, "cannot decode as UTF-8", Span(0, 0), path="content/bad.md"),))
CLEAN = FileReport("content/clean.md", "All fine.\n", ())

"""`newslint server` as an editor drives it: a real process, JSON-RPC over its standard input and
output (tests/lsp_client.py), diagnostics, code actions, hover, debouncing, config discovery
and config errors. One server serves the module (loading spaCy once); each test uses its own
documents."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lsp_client import LspClient  # noqa: E402


EMOJI = "\U0001F600"  # outside the Basic Multilingual Plane: one code point, two UTF-16 units
ARTICLE = (
    "---\n"
    "title: Talks resume\n"
    "date: 2024-03-04\n"
    "ai_generated: true\n"
    "---\n"
    f"Officials met {EMOJI} on Monday. Whilst talks went on, the the mayor waited.\n"
)
SITE_CONFIG = "ignore: [word-repeated]\ndocs-url: https://example.org/style/{rule}\n"


def _range(line, start, end):
    return {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}}


DISCLOSURE = {
    "range": _range(3, 0, 12), "severity": 1, "code": "ai-disclosure-missing", "source": "newslint",
    "codeDescription": {"href": "https://example.org/style/ai-disclosure-missing"},
    "message": "The front matter marks this article as AI-generated (ai_generated: true), but the body has "
               "no AI disclosure: tell readers, e.g. 'This article was written with the help of AI.' "
               "(EU AI Act art. 50)."}
# Column 28 in code points; the emoji before it makes it 28 in UTF-16 units counted from 0.
DATED = {"range": _range(5, 28, 34), "severity": 3, "code": "dated-word", "source": "newslint",
         "codeDescription": {"href": "https://example.org/style/dated-word"},
         "message": "Use 'While' rather than 'Whilst'."}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / ".newslint.yaml").write_text(SITE_CONFIG)
    (root / "a.md").write_text(ARTICLE)
    bad = root / "broken"
    bad.mkdir()
    (bad / ".newslint.yaml").write_text("select: [all]\nbogus-key: 1\n")
    return root


@pytest.fixture(scope="module")
def client(site):
    client = LspClient("--debounce-ms", "300", cwd=site)
    client.initialize(site)
    yield client
    assert client.close() == 0


def apply(text: str, edits: list[dict]) -> str:
    """Apply the protocol's text edits (UTF-16 positions) as an editor would."""
    lines = text.splitlines(keepends=True) + [""]

    def offset(position):
        before = "".join(lines[: position["line"]])
        line = lines[position["line"]]
        units, index = 0, 0
        while units < position["character"]:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return len(before) + index

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_diagnostics_on_open_follow_the_nearest_config(client, site):
    uri = (site / "a.md").as_uri()
    client.open(uri, ARTICLE)
    assert client.diagnostics(uri, version=1) == [DISCLOSURE, DATED]


def test_an_untitled_document_gets_the_defaults(client):
    uri = "untitled:Untitled-1"
    client.open(uri, ARTICLE)
    no_link = [{k: v for k, v in d.items() if k != "codeDescription"} for d in (DISCLOSURE, DATED)]
    assert client.diagnostics(uri, version=1) == no_link + [
        {"range": _range(5, 50, 57), "severity": 2, "code": "word-repeated", "source": "newslint",
         "message": "'the' is repeated: delete one."}]


def test_code_actions_offer_safe_and_unsafe_fixes_and_suppressions(client, site):
    uri = (site / "b.md").as_uri()
    client.open(uri, ARTICLE)
    client.diagnostics(uri, version=1)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": DATED["range"],
        "context": {"diagnostics": [DATED], "only": ["quickfix"]}})
    assert [(a["title"], a["kind"], a.get("isPreferred"), a["edit"]["changes"][uri]) for a in actions] == [
        ("Fix (dated-word): Replace with 'While'", "quickfix", True,
         [{"range": DATED["range"], "newText": "While"}]),
        ("Suppress dated-word on this line", "quickfix", None,
         [{"range": _range(5, 0, 0), "newText": "<!-- newslint-disable-next-line dated-word -- reason -->\n"}]),
    ]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": DISCLOSURE["range"],
        "context": {"diagnostics": [DISCLOSURE], "only": ["quickfix"]}})
    assert [(a["title"], a.get("isPreferred"), a["edit"]["changes"][uri]) for a in actions] == [
        ("Unsafe fix (ai-disclosure-missing): Insert 'This article was written with the help of AI.' at the top",
         None, [{"range": _range(5, 0, 0), "newText": "This article was written with the help of AI.\n\n"}]),
        ("Suppress ai-disclosure-missing in this file", None,
         [{"range": _range(5, 0, 0), "newText": "<!-- newslint-disable-file ai-disclosure-missing -- reason -->\n"}]),
    ]


def test_applying_the_actions_clears_their_findings(client, site):
    uri = (site / "c.md").as_uri()
    client.open(uri, ARTICLE)
    client.diagnostics(uri, version=1)
    text = ARTICLE
    for diagnostic, title in ((DATED, "Suppress dated-word on this line"),
                              (DISCLOSURE, "Suppress ai-disclosure-missing in this file")):
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
        (action,) = [a for a in actions if a["title"] == title]
        text = apply(text, action["edit"]["changes"][uri])
        # The comments shift the lines: open the new text as the next version, as an editor would.
        version = 2 if diagnostic is DATED else 3
        client.change(uri, text, version)
        remaining = client.diagnostics(uri, version=version)
    assert remaining == []
    assert text.splitlines()[5:8] == [
        "<!-- newslint-disable-file ai-disclosure-missing -- reason -->",
        "<!-- newslint-disable-next-line dated-word -- reason -->",
        f"Officials met {EMOJI} on Monday. Whilst talks went on, the the mayor waited."]


def test_fix_all_applies_every_safe_fix(client):
    uri = "untitled:fix-all"
    client.open(uri, ARTICLE)
    client.diagnostics(uri, version=1)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": _range(0, 0, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    (action,) = actions
    assert (action["title"], action["kind"]) == ("Fix all safe newslint findings", "source.fixAll.newslint")
    assert apply(ARTICLE, action["edit"]["changes"][uri]) == ARTICLE.replace("Whilst", "While").replace("the the", "the")


def test_changes_are_debounced_and_never_published_stale(client, site):
    uri = (site / "d.md").as_uri()
    client.open(uri, "Calm copy.\n")
    assert client.diagnostics(uri, version=1) == []
    for version, text in ((2, "Whilst one.\n"), (3, "Whilst two.\n"), (4, "Nothing wrong.\n\nWhilst three.\n")):
        client.change(uri, text, version)
    assert client.diagnostics(uri, version=4) == [{**DATED, "range": _range(2, 0, 6)}]
    published = [m["params"].get("version") for m in client.seen
                 if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
    assert published == []  # versions 2 and 3 were replaced before they were checked


def test_hover_gives_the_rule_description_and_docs_link(client, site):
    uri = (site / "e.md").as_uri()
    client.open(uri, ARTICLE)
    client.diagnostics(uri, version=1)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 30}})
    value = hover["contents"]["value"]
    assert value.startswith("**dated-word** (info)\n\n'Whilst' and 'amongst' read as dated in news copy;")
    assert value.endswith("\n\n[Documentation](https://example.org/style/dated-word)")
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 5, "character": 2}}) is None


def test_a_config_error_is_a_diagnostic_and_a_message_not_a_crash(client, site):
    uri = (site / "broken" / "f.md").as_uri()
    client.open(uri, "Whilst it rained.\n")
    (diagnostic,) = client.diagnostics(uri, version=1)
    config = site / "broken" / ".newslint.yaml"
    assert diagnostic["code"] == "config-error" and diagnostic["severity"] == 1
    assert diagnostic["message"].startswith(f"{config}:2: ")
    assert "bogus-key" in diagnostic["message"]
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")
    assert shown["params"] == {"type": 1, "message": f"newslint: {diagnostic['message']}"}
    # Mending the config and saving it makes the server read it again.
    config.write_text("select: [all]\n")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert client.diagnostics(uri) == [{"range": _range(0, 0, 6), "severity": 3, "code": "dated-word",
                                        "source": "newslint", "message": "Use 'While' rather than 'Whilst'."}]


def test_closing_a_document_clears_its_diagnostics(client, site):
    uri = (site / "g.md").as_uri()
    client.open(uri, "Whilst it rained.\n")
    assert len(client.diagnostics(uri, version=1)) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_without_pygls_the_server_says_how_to_install_it(monkeypatch, capsys):
    from newslint.cli import main

    monkeypatch.setitem(sys.modules, "pygls", None)  # find_spec then reports it missing
    assert main(["server"]) == 2
    assert capsys.readouterr().err == "newslint: error: the language server needs pygls: pip install 'newslint[server]'\n"


def test_a_client_that_counts_in_utf8_gets_utf8_columns(site):
    client = LspClient(cwd=site)
    try:
        assert client.initialize(site, encodings=["utf-8"])["capabilities"]["positionEncoding"] == "utf-8"
        uri = "untitled:utf8"
        client.open(uri, f"{EMOJI}é Whilst it rained.\n")
        (diagnostic,) = client.diagnostics(uri, version=1)
        # Before 'Whilst': the emoji (4 bytes), 'é' (2) and a space (1).
        assert (diagnostic["code"], diagnostic["range"]) == ("dated-word", _range(0, 7, 13))
    finally:
        assert client.close() == 0


def test_hostile_input_gets_answers_not_a_crash(client):
    uri = "untitled:hostile"
    client.open(uri, "Talks \udc80 resumed.\n")  # a lone surrogate, which JSON can carry
    assert client.diagnostics(uri, version=1) == [{
        "range": _range(0, 0, 0), "severity": 1, "code": "file-unreadable", "source": "newslint",
        "message": "Cannot check this file: it holds a lone surrogate (U+DC80 at line 1, column 7), which no "
                   "UTF-8 file can; pass text decoded from UTF-8."}]
    far = {"start": {"line": 999, "character": 999}, "end": {"line": 1000, "character": 0}}
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": far["start"]}) is None
    assert [a["title"] for a in client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": far, "context": {"diagnostics": []}})] == []
    assert client.request("textDocument/hover", {"textDocument": {"uri": "untitled:never-opened"},
                                                 "position": {"line": 0, "character": 0}}) is None


def test_a_bug_while_linting_is_an_error_diagnostic_not_a_dead_server():
    from newslint.lsp.server import NewslintServer, diagnostics

    class Broken:
        def lint_text(self, text, path):
            raise RuntimeError("boom")

    server = NewslintServer()
    server.linter = Broken()
    checked = server.lint("Whilst.\n", None, 3)
    assert checked.findings == ()
    (diagnostic,) = diagnostics(checked, len)
    assert (diagnostic.code, diagnostic.message) == (
        "internal-error", "internal error: RuntimeError: boom; please report this bug with the article")
    server.worker.shutdown()

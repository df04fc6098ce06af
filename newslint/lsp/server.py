"""The language server: diagnostics, code actions and hover for markdown articles, over pygls.

One `newslint.api.Linter` lives as long as the server, so rule packs, settings (resolved once per
config file), the spaCy pipeline and the knowledge base are loaded once; a re-check after a
keystroke costs only the analysis of the article. Articles are configured as `newslint check`
configures them: the nearest config file above the document's path; an untitled document (no
file yet) gets the built-in defaults. Saving a config file drops the linter, so the next check
reads it again.

Linting runs on one worker thread (the pipeline is not shared between threads), so the protocol
keeps answering while an article is checked. Changes are debounced: a check starts when the text
has been still for `debounce` seconds, and its result is published only if the document is still
at the version that was checked, so an editor never shows findings of older text.

A bad config or rule file never stops the server: it becomes one error diagnostic at the top of
each article under it, and a window message. Nothing here prints: standard output is the
protocol's.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
from pathlib import Path
from typing import Mapping, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import api
from .._version import __version__
from ..errors import NewslintError
from ..text.lines import LineIndex
from .actions import Action, TextChange, fix_action, suppress_action
from .positions import from_protocol, to_protocol

SOURCE = "newslint"
CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
FIX_ALL = "source.fixAll.newslint"
WARM_UP_TEXT = "The minister said on Monday, 3 March, that 12 people were injured.\n"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


@dataclasses.dataclass(frozen=True)
class Checked:
    """The findings published for one version of a document, kept for code actions and hover."""

    version: int | None
    source: str
    findings: tuple[api.Finding, ...]
    error: str | None = None
    """Why the document could not be checked (a config or rule file's mistake, or a bug)."""
    rules: Mapping[str, api.RuleInfo] = dataclasses.field(default_factory=dict)
    """The rules in force for the document (description and link, for diagnostics and hover)."""


class NewslintServer(LanguageServer):
    def __init__(self, debounce: float = 0.15) -> None:
        super().__init__(SOURCE, __version__)
        self.debounce = debounce
        self.linter = api.Linter()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.errors_shown: set[str] = set()
        # One thread: the linter and its spaCy pipeline are used by one thread at a time.
        self.worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")

    # --- checking ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds of quiet, replacing a check not yet started."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        version, source = document.version, document.source
        path = document_path(uri)
        checked = await asyncio.get_running_loop().run_in_executor(self.worker, self.lint, source, path, version)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # the text changed meanwhile: a newer check is on its way
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        self.checked[uri] = checked
        if checked.error is not None and checked.error not in self.errors_shown:
            self.errors_shown.add(checked.error)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"newslint: {checked.error}"))
        units = self.workspace.position_codec.client_num_units
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri, diagnostics(checked, units), version))

    def lint(self, source: str, path: str | None, version: int | None) -> Checked:
        """Check one version of a document (on the worker thread, as everything that may load
        rules or run the pipeline is)."""
        try:
            findings = tuple(self.linter.lint_text(source, path))
            return Checked(version, source, findings, rules={rule.id: rule for rule in self.linter.rules(path)})
        except NewslintError as err:
            return Checked(version, source, (), str(err))
        except Exception as err:  # a bug in newslint: say so in the editor, keep serving
            return Checked(version, source, (), f"internal error: {type(err).__name__}: {err}; please report "
                                                "this bug with the article")

    def warm_up(self) -> None:
        """Load the rules, the spaCy pipeline and the knowledge base before the first article
        arrives, so that opening it does not wait for them."""
        self.worker.submit(self.lint, WARM_UP_TEXT, None, None)

    def reload(self) -> None:
        """A config file changed: read configuration afresh and check every open document again."""
        self.linter = api.Linter()
        self.errors_shown.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


def document_path(uri: str) -> str | None:
    """The file a document is, for config discovery; None for an untitled (unsaved) document."""
    if not uri.startswith("file:"):
        return None
    return to_fs_path(uri)


def to_range(lines: LineIndex, start: int, end: int, units) -> types.Range:
    first_line, first_column, last_line, last_column = lines.range(start, end)
    return types.Range(types.Position(*to_protocol(lines, first_line, first_column, units)),
                       types.Position(*to_protocol(lines, last_line, last_column, units)))


def diagnostics(checked: Checked, units) -> list[types.Diagnostic]:
    if checked.error is not None:
        code = "internal-error" if checked.error.startswith("internal error:") else "config-error"
        return [types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 0)), checked.error,
                                 severity=types.DiagnosticSeverity.Error, code=code, source=SOURCE)]
    lines = LineIndex(checked.source)
    found = []
    for finding in checked.findings:
        link = checked.rules[finding.rule].link if finding.rule in checked.rules else ""
        found.append(types.Diagnostic(
            to_range(lines, finding.start, finding.end, units), finding.message, severity=_SEVERITY[finding.level],
            code=finding.rule, code_description=types.CodeDescription(link) if link else None, source=SOURCE))
    return found


async def code_actions(server: NewslintServer, uri: str, wanted: types.Range,
                       only: Sequence[str] | None) -> list[types.CodeAction]:
    checked = server.checked.get(uri)
    document = server.workspace.text_documents.get(uri)
    if checked is None or document is None or document.version != checked.version:
        return []  # no actions from findings of another text: their offsets would be wrong
    units = server.workspace.position_codec.client_num_units
    lines = LineIndex(checked.source)
    start = from_protocol(lines, wanted.start.line, wanted.start.character, units)
    end = from_protocol(lines, wanted.end.line, wanted.end.character, units)
    actions = []
    if not only or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in only):
        for finding, diagnostic in zip(checked.findings, diagnostics(checked, units)):
            if finding.start > end or finding.end < start:
                continue
            for action in (fix_action(finding), suppress_action(finding, lines)):
                if action is not None:
                    actions.append(_code_action(action, uri, lines, units, types.CodeActionKind.QuickFix, [diagnostic]))
    if (not only or any(FIX_ALL.startswith(kind) for kind in only)) and any(
            f.fix is not None and f.fix.safe for f in checked.findings):
        # On the lint thread: the fix loop re-lints, and the pipeline serves one thread at a time.
        fixed, _ = await asyncio.get_running_loop().run_in_executor(
            server.worker, lambda: server.linter.fix_text(checked.source, document_path(uri), unsafe=False))
        if fixed != checked.source:
            whole = Action("Fix all safe newslint findings", (TextChange(0, len(checked.source), fixed),))
            actions.append(_code_action(whole, uri, lines, units, FIX_ALL, []))
    return actions


def _code_action(action: Action, uri: str, lines: LineIndex, units, kind: str,
                 found: list[types.Diagnostic]) -> types.CodeAction:
    edits = [types.TextEdit(to_range(lines, change.start, change.end, units), change.text) for change in action.changes]
    return types.CodeAction(action.title, kind=kind, diagnostics=found or None,
                            is_preferred=action.preferred or None, edit=types.WorkspaceEdit(changes={uri: edits}))


def hover(server: NewslintServer, uri: str, position: types.Position) -> types.Hover | None:
    checked = server.checked.get(uri)
    if checked is None:
        return None
    units = server.workspace.position_codec.client_num_units
    lines = LineIndex(checked.source)
    offset = from_protocol(lines, position.line, position.character, units)
    here = [f for f in checked.findings if f.start <= offset < f.end or offset == f.start]
    if not here:
        return None
    parts = []
    for rule_id in dict.fromkeys(f.rule for f in here):
        info = checked.rules.get(rule_id)
        text = f"**{rule_id}**"
        if info is not None:
            text += f" ({info.level})\n\n{info.description.strip()}"
            # Without the config's `docs-url` a rule's link is a path in newslint's own repository.
            text += f"\n\n[Documentation]({info.link})" if info.link else f"\n\n`newslint rule {rule_id}` shows its examples."
        parts.append(text)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def build(debounce: float = 0.15) -> NewslintServer:
    server = NewslintServer(debounce)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if Path(document_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            server.reload()
        else:
            server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = server.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        server.checked.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(document_path(change.uri) or "").name in CONFIG_NAMES for change in params.changes):
            server.reload()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        return await code_actions(server, params.text_document.uri, params.range, params.context.only)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        return hover(server, params.text_document.uri, params.position)

    return server

"""The language server: `hypelint lsp` speaks LSP over stdio (pygls, `hypelint[lsp]`).

Editors underline problems as the writer types. The server lints Markdown,
HTML and plain-text documents (by the editor's language id, else by the
file's suffix) when they are opened, changed (after a short pause in typing)
and saved, and publishes one diagnostic per finding:

* `code` is the rule code, `codeDescription.href` the rule's entry in the
  rule reference (`<docs URL>/rules.md#hl201`: `--docs-url`, the client's
  `docsUrl`, the config's `docs-url`, else the default of docs_url.py; no
  link when no address is known);
* `message` is the finding's message and its suggestion as sentences;
* `severity`: error -> Error, warning -> Warning, info -> Information;
* `source` is "hypelint", and `data` holds the rule's name, its category,
  the suggestion and, where the fix is literal text, the replacement.

Code actions: "Disable HL201 for the next line" inserts
`<!-- hypelint: disable-next-line=HL201 -->` above the finding's line, with
its indentation; "Replace ..." applies a finding's replacement, offered only
when there is a literal one (advice such as "say what was measured" is not
an edit).

Configuration is what the CLI would use for the file: the nearest
`hypelint.toml`, `.hypelint.toml` or `pyproject.toml` above the document
(the workspace root for unsaved documents), or a config file named in the
client's initialization options. Saving a config file, or the client
reporting one changed, re-reads it and re-lints every open document.

Initialization options (all optional): `docsUrl` (base URL of the docs
folder), `config` (a config file, as `--config`), `delay` (seconds of quiet
after a change before linting; default 0.3).

Lints run on a thread of their own (runtime/background.py), so the server
answers the editor while a long draft is linted; a result for a version
of a document older than the newest is dropped, never published.

Positions: hypelint counts code points; LSP clients count UTF-16 units
unless they negotiate otherwise, so every column is converted with the
encoding pygls agreed with the client.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from dataclasses import dataclass
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from hypelint._version import __version__
from hypelint.api import lint_source
from hypelint.config import CONFIG_FILES, ConfigError, config_for, forget
from hypelint.rules.docs_url import rule_url
from hypelint.model import Finding, LineIndex
from hypelint.reporters import with_suggestion
from hypelint.rules.loader import RuleError
from hypelint.read.source import FORMAT_BY_SUFFIX, InputError, format_for
from hypelint.runtime.background import BackgroundThread

log = logging.getLogger(__name__)

# Editors' language ids for the formats hypelint reads as text.
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SEVERITIES = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
DEFAULT_DELAY = 0.3
_INDENT = re.compile(r"[ \t]*")


@dataclass
class _Linted:
    """The last lint of a document: for code actions, which need findings."""

    version: int | None
    text: str
    findings: list[Finding]
    diagnostics: list[lsp.Diagnostic]


@dataclass(frozen=True, eq=False)
class _Request:
    """One lint asked for: the document as it was then, copied on the
    message loop, so that the lint thread never reads the workspace."""

    uri: str
    version: int | None
    text: str
    path: str | None
    fmt: str | None


class HypelintServer(LanguageServer):
    """A pygls server that keeps each open document's last findings."""

    def __init__(self, docs_url: str | None = None) -> None:
        super().__init__("hypelint", __version__)
        self.docs_url = docs_url
        self.config_file: str | None = None
        self.delay = DEFAULT_DELAY
        self.linted: dict[str, _Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.reported_errors: set[str] = set()
        self.linter = BackgroundThread("hypelint-lint")
        self.wanted: dict[str, _Request] = {}  # each document's newest lint: the only one that may publish
        self.running: set[asyncio.Task] = set()  # the loop keeps only weak references to tasks

    # --- linting -------------------------------------------------------------------

    def lint(self, uri: str) -> asyncio.Task:
        """Lint an open document's text as it is now, off the message loop,
        and publish its diagnostics. The task gives the lint, or None when
        it is outdated (a newer lint of the document publishes instead)."""
        self.pending.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        path = _path_of(uri)
        request = _Request(uri, document.version, document.source, path, _format(document.language_id, path))
        self.wanted[uri] = request
        task = asyncio.get_running_loop().create_task(self._lint(request))
        self.running.add(task)
        task.add_done_callback(self.running.discard)
        return task

    async def _lint(self, request: _Request) -> _Linted | None:
        try:
            done = await self.linter.submit(self._lint_on_thread, request)
        except Exception as exc:  # a bug in a rule must not stop the editor's linting
            log.exception("linting %s failed", request.uri)
            self._report_once(f"internal error while linting: {exc}")
            return None
        if done is None or not self._is_newest(request):
            return None
        linted, error = done
        if error:
            self._report_once(error)
        self.linted[request.uri] = linted
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=request.uri, version=request.version, diagnostics=linted.diagnostics)
        )
        return linted

    def _lint_on_thread(self, request: _Request) -> tuple[_Linted, str | None] | None:
        """The lint itself, on the lint thread: the findings and diagnostics,
        and the config error that left none; None, without linting, when a
        newer lint of the document was asked for while this one waited."""
        if self.wanted.get(request.uri) is not request:
            return None
        findings: list[Finding] = []
        docs_url = error = None
        if request.fmt is not None:
            try:
                findings, docs_url = self._findings(request.text, request.path, request.fmt)
            except (ConfigError, RuleError, InputError) as exc:
                error = str(exc)
        lines = LineIndex(request.text)
        diagnostics = [self.diagnostic(finding, lines, request.text, docs_url) for finding in findings]
        return _Linted(request.version, request.text, findings, diagnostics), error

    def _is_newest(self, request: _Request) -> bool:
        """Whether a finished lint is of the document as it still is, and the newest asked for."""
        document = self.workspace.text_documents.get(request.uri)
        return (self.wanted.get(request.uri) is request and document is not None
                and document.version == request.version and document.source == request.text)  # fmt: skip

    def _findings(self, text: str, path: str | None, fmt: str) -> tuple[list[Finding], str | None]:
        """The document's findings, and the docs URL of the config that applies to it."""
        if text.startswith("\ufeff"):
            text = text[1:]  # offsets are then one less than the editor's; a BOM is rare in an editor
        where = path or (os.path.join(self.workspace.root_path, "untitled") if self.workspace.root_path else None)
        config = config_for(where, self.config_file)
        if path and config.is_excluded(path):
            return [], config.docs_url  # as `hypelint check` skips it when it walks a folder
        return lint_source(text, path, fmt, config).findings, config.docs_url

    def _report_once(self, message: str) -> None:
        """A config error, shown once (not at every keystroke) until it changes."""
        if message in self.reported_errors:
            return
        self.reported_errors.add(message)
        self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"hypelint: {message}"))

    def schedule(self, uri: str) -> None:
        """Lint after a pause in typing: one lint per burst of changes."""
        waiting = self.pending.pop(uri, None)
        if waiting:
            waiting.cancel()
        if self.delay <= 0:
            self.lint(uri)
            return
        self.pending[uri] = asyncio.get_running_loop().call_later(self.delay, self.lint, uri)

    def relint_all(self) -> None:
        """Configs changed: forget what was read and lint every open document again."""
        self.linter.submit(forget)  # on the lint thread, between lints, as configs are read there
        self.reported_errors.clear()
        for uri in list(self.workspace.text_documents):
            self.lint(uri)

    # --- positions and diagnostics -------------------------------------------------

    def position(self, lines: LineIndex, text: str, line: int, column: int) -> lsp.Position:
        """A 1-based code-point (line, column) as a client position."""
        span = lines.line_span(line) if line <= lines.line_count else None
        if span is None:
            return lsp.Position(line=line - 1, character=0)
        before = text[span.start : min(span.start + column - 1, span.end)]
        return lsp.Position(line=line - 1, character=self.workspace.position_codec.client_num_units(before))

    def range(self, finding: Finding, lines: LineIndex, text: str) -> lsp.Range:
        return lsp.Range(
            start=self.position(lines, text, finding.line, finding.column),
            end=self.position(lines, text, finding.end_line, finding.end_column),
        )

    def diagnostic(self, finding: Finding, lines: LineIndex, text: str, docs_url: str | None = None) -> lsp.Diagnostic:
        message = with_suggestion(finding.message, finding.suggestion)
        data: dict[str, Any] = {"name": finding.name, "category": finding.category}
        if finding.suggestion:
            data["suggestion"] = finding.suggestion
        if finding.replacement is not None:
            data["replacement"] = finding.replacement
        link = rule_url(finding.rule, self.docs_url or docs_url)
        return lsp.Diagnostic(
            range=self.range(finding, lines, text),
            severity=SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=lsp.CodeDescription(href=link) if link else None,
            source="hypelint",
            message=message,
            data=data,
        )

    # --- code actions --------------------------------------------------------------

    async def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version or linted.text != document.source:
            linted = await self.lint(uri)  # typed since the last lint: positions must be today's
        if linted is None:
            return []
        lines = LineIndex(linted.text)
        newline = "\r\n" if "\r\n" in linted.text else "\n"
        actions: list[lsp.CodeAction] = []
        for finding, diagnostic in zip(linted.findings, linted.diagnostics):
            if not _touches(diagnostic.range, params.range):
                continue
            if finding.replacement is not None:
                replacement = _keep_capital(linted.text[finding.offset : finding.end_offset], finding.replacement)
                actions.append(lsp.CodeAction(
                    title=f"Replace '{finding.excerpt}' with '{replacement}' ({finding.rule})",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=diagnostic.range, new_text=replacement)]}),
                ))  # fmt: skip
            span = lines.line_span(finding.line)
            indent = _INDENT.match(linted.text, span.start).group()
            comment = f"{indent}<!-- hypelint: disable-next-line={finding.rule} -->{newline}"
            at = lsp.Position(line=finding.line - 1, character=0)
            actions.append(lsp.CodeAction(
                title=f"Disable {finding.rule} for the next line",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=comment)]}),
            ))  # fmt: skip
        return actions


def _path_of(uri: str) -> str | None:
    """The file system path of a document, or None for an unsaved one."""
    return to_fs_path(uri) if uri.startswith("file:") else None


def _format(language_id: str | None, path: str | None) -> str | None:
    """markdown, html or text; None for a document hypelint does not read."""
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    if path and os.path.splitext(path)[1].lower() in FORMAT_BY_SUFFIX:
        fmt = format_for(path)
        return fmt if fmt in ("markdown", "html", "text") else None  # a .docx is not edited as text
    return None


def _touches(found: lsp.Range, asked: lsp.Range) -> bool:
    """Whether a diagnostic's range meets the range (or cursor) asked about."""
    start = (found.start.line, found.start.character)
    end = (found.end.line, found.end.character)
    return start <= (asked.end.line, asked.end.character) and (asked.start.line, asked.start.character) <= end


def _keep_capital(flagged: str, replacement: str) -> str:
    """'Deja vu' at the start of a sentence becomes 'Déjà vu', not 'déjà vu'."""
    if flagged[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def create_server(docs_url: str | None = None) -> HypelintServer:
    """A server with every feature registered (tests may drive it in-process)."""
    server = HypelintServer(docs_url)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: HypelintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if isinstance(options.get("docsUrl"), str) and not ls.docs_url:
            ls.docs_url = options["docsUrl"]
        if isinstance(options.get("config"), str):
            ls.config_file = options["config"]
        if isinstance(options.get("delay"), (int, float)):
            ls.delay = max(0.0, float(options["delay"]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: HypelintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: HypelintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: HypelintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if os.path.basename(_path_of(params.text_document.uri) or "") in CONFIG_FILES:
            ls.relint_all()
        else:
            ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: HypelintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting:
            waiting.cancel()
        ls.linted.pop(uri, None)
        ls.wanted.pop(uri, None)  # a lint still running for it is dropped
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: HypelintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    async def code_action(ls: HypelintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return await ls.code_actions(params)

    return server


def serve(docs_url: str | None = None) -> None:
    """Run the server on stdin and stdout until the client says exit."""
    create_server(docs_url).start_io()

"""The language server, driven as an editor drives it: `hypelint lsp` in a
subprocess, JSON-RPC over its stdin and stdout with Content-Length framing
written here by hand (so the test does not trust pygls to check pygls).

It walks initialize, didOpen, didChange, codeAction, didSave and shutdown,
and checks the published diagnostics (code, severity, category, explanation
link, UTF-16 columns) and the code actions' edits; and that a slow lint
neither holds up the server's answers nor publishes once it is outdated.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="pygls is in the test extra")

TIMEOUT = 60


class Client:
    """A minimal LSP client over a subprocess's pipes."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None,
                 args: tuple[str, ...] = ("--docs-url", "https://docs.example.invalid/hypelint/"),
                 command: tuple[str, ...] = ("-m", "hypelint", "lsp")) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *command, *args],
            cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )  # fmt: skip
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"])).decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in message, message
        return message["result"]

    def wait(self, wanted) -> dict:
        """The next message that `wanted` accepts (others are dropped)."""
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError("no answer from the server; stderr: " + self._stderr()) from None
            if wanted(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version))  # fmt: skip
        return message["params"]["diagnostics"]

    def _stderr(self) -> str:
        self.process.kill()
        return self.process.stderr.read().decode("utf-8", "replace")[-3000:]

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", {})
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            self.process.kill()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                stream.close()


@pytest.fixture
def workspace(tmp_path):
    # The workspace's config, found from the document's path as the CLI finds
    # it: proselint's diacritical marks (a literal replacement) join in.
    (tmp_path / "hypelint.toml").write_text(
        'select = ["HL201", "HL301"]\nextend-select = ["proselint.typography.diacritical-marks"]\n', encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def client(workspace):
    started = Client(workspace)
    result = started.request("initialize", {
        "processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {},
        "initializationOptions": {"delay": 0.05},
    })  # fmt: skip
    assert result["serverInfo"]["name"] == "hypelint"
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    started.notify("initialized", {})
    yield started
    if started.process.poll() is None:
        started.process.kill()


def text_of(edits: list[dict], text: str) -> str:
    """Apply TextEdits (UTF-16 positions) to `text`; enough for these tests."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units, index = 0, 0
        while units < position["character"]:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return sum(len(earlier) + 1 for earlier in lines[: position["line"]]) + index

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):  # fmt: skip
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_diagnostics_on_open_and_change_and_code_actions(workspace, client):
    uri = (workspace / "story.md").as_uri()
    # The rocket is two UTF-16 units: columns after it must count so.
    text = "# Launch\n\nThe 🚀 revolutionary model is here.\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": text}})  # fmt: skip
    (diagnostic,) = client.diagnostics(uri, version=1)
    assert diagnostic["code"] == "HL201"
    assert diagnostic["source"] == "hypelint"
    assert diagnostic["severity"] == 2  # warning
    assert diagnostic["range"] == {"start": {"line": 2, "character": 7}, "end": {"line": 2, "character": 20}}
    assert diagnostic["codeDescription"]["href"] == "https://docs.example.invalid/hypelint/rules.md#hl201"
    assert diagnostic["data"]["category"] == "promotional"
    assert diagnostic["data"]["name"] == "promotional.hype-word"
    assert diagnostic["message"].startswith("'revolutionary' is promotional language")

    # The writer types a second paragraph (an incremental change).
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
                            "text": "\nIt is the best deja vu.\n"}],
    })  # fmt: skip
    text = text + "\nIt is the best deja vu.\n"
    diagnostics = client.diagnostics(uri, version=2)
    assert [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diagnostics] == [
        ("HL201", 2, 7), ("HL301", 4, 6), ("HL943", 4, 15)
    ]
    style = diagnostics[2]
    assert style["severity"] == 3 and style["data"]["category"] == "style"
    assert style["data"]["replacement"] == "déjà vu"

    # Code actions at the hype word: suppress only (its suggestion is advice).
    cursor = {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 10}}
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cursor,
                                                         "context": {"diagnostics": [diagnostics[0]]}})  # fmt: skip
    assert [a["title"] for a in actions] == ["Disable HL201 for the next line"]
    assert actions[0]["kind"] == "quickfix" and actions[0]["diagnostics"][0]["code"] == "HL201"
    suppressed = text_of(actions[0]["edit"]["changes"][uri], text)
    assert suppressed.split("\n")[2:4] == ["<!-- hypelint: disable-next-line=HL201 -->", "The 🚀 revolutionary model is here."]

    # At the misspelt phrase: its literal replacement, and the suppression.
    cursor = {"start": {"line": 4, "character": 16}, "end": {"line": 4, "character": 16}}
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cursor,
                                                         "context": {"diagnostics": [style]}})  # fmt: skip
    assert [a["title"] for a in actions] == ["Replace 'deja vu' with 'déjà vu' (HL943)", "Disable HL943 for the next line"]
    assert actions[0]["isPreferred"] is True
    fixed = text_of(actions[0]["edit"]["changes"][uri], text)
    assert fixed.split("\n")[4] == "It is the best déjà vu."

    # Applying the suppression (a full-text change) silences the hype word.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": suppressed}]})  # fmt: skip
    assert [d["code"] for d in client.diagnostics(uri, version=3)] == ["HL301", "HL943"]

    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d["code"] for d in client.diagnostics(uri, version=3)] == ["HL301", "HL943"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_html_and_plain_text_and_other_languages(workspace, client):
    page, notes, script = ((workspace / name).as_uri() for name in ("page.html", "notes.txt", "tool.py"))
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": page, "languageId": "html", "version": 1, "text": "<p>The <b>best</b> tool.</p>\n"}})  # fmt: skip
    assert [(d["code"], d["range"]["start"]["character"]) for d in client.diagnostics(page)] == [("HL301", 3)]
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": notes, "languageId": "plaintext", "version": 1, "text": "A revolutionary note.\n"}})  # fmt: skip
    assert [d["code"] for d in client.diagnostics(notes)] == ["HL201"]
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": script, "languageId": "python", "version": 1, "text": "# A revolutionary comment\n"}})  # fmt: skip
    assert client.diagnostics(script) == []
    assert client.close() == 0


def test_a_changed_config_is_read_again_on_save(workspace, client):
    uri = (workspace / "story.md").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": "A revolutionary model.\n"}})  # fmt: skip
    assert [d["code"] for d in client.diagnostics(uri)] == ["HL201"]
    (workspace / "hypelint.toml").write_text('select = ["HL301"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": (workspace / "hypelint.toml").as_uri()}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_without_pygls_the_message_says_what_to_install(tmp_path):
    (tmp_path / "blocker" / "pygls").mkdir(parents=True)
    blocker = "raise ModuleNotFoundError(\"No module named 'pygls'\", name='pygls')\n"
    (tmp_path / "blocker" / "pygls" / "__init__.py").write_text(blocker, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "hypelint", "lsp"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path / "blocker")}, timeout=TIMEOUT)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "hypelint: error: `hypelint lsp` needs pygls: pip install 'hypelint[lsp]'\n"


def test_code_links_follow_the_configs_docs_url_and_are_never_made_up(tmp_path):
    """Without --docs-url the link is the config's `docs-url`; with neither
    (and no real repository address in the package's metadata) there is no link."""
    text = "The revolutionary model.\n"
    hrefs = {}
    for name, config in (("configured", 'select = ["HL201"]\ndocs-url = "https://wiki.newsroom.example.net/hypelint/"\n'),
                         ("bare", 'select = ["HL201"]\n')):  # fmt: skip
        folder = tmp_path / name
        folder.mkdir()
        (folder / "hypelint.toml").write_text(config, encoding="utf-8")
        client = Client(folder, args=())
        try:
            client.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {}})
            client.notify("initialized", {})
            uri = (folder / "story.md").as_uri()
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                    "version": 1, "text": text}})  # fmt: skip
            (diagnostic,) = client.diagnostics(uri)
            hrefs[name] = diagnostic.get("codeDescription", {}).get("href")
            assert "Suggestion:" not in diagnostic["message"] or ". Suggestion: " in diagnostic["message"]
            client.close()
        finally:
            client.process.kill()
    assert hrefs == {"configured": "https://wiki.newsroom.example.net/hypelint/rules.md#hl201", "bare": None}


# The server with a lint that waits, for one marked draft, until the test
# lets it go: it writes `started` when it begins and goes on once `go`
# exists (or after the seconds its first argument gives, so that a failing
# test cannot hang).
SLOW_SERVER = """
import os, sys, time
import hypelint.lsp as server

real_lint = server.lint_source

def slow_lint(text, *args, **kwargs):
    if "SLOW" in text:
        open("started", "w").close()
        deadline = time.monotonic() + float(sys.argv[1])
        while not os.path.exists("go") and time.monotonic() < deadline:
            time.sleep(0.01)
    return real_lint(text, *args, **kwargs)

server.lint_source = slow_lint
server.serve()
"""


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.01)


def test_a_slow_lint_holds_up_no_answer_and_an_outdated_one_is_not_published(workspace):
    client = Client(workspace, args=(str(3 * TIMEOUT),), command=("-c", SLOW_SERVER))
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {},
                                      "initializationOptions": {"delay": 0.05}})  # fmt: skip
        client.notify("initialized", {})
        notes, story = (workspace / "notes.md").as_uri(), (workspace / "story.md").as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": notes, "languageId": "markdown", "version": 1, "text": "A revolutionary note.\n"}})  # fmt: skip
        assert [d["code"] for d in client.diagnostics(notes)] == ["HL201"]

        # Version 1 of the story starts a lint that waits; version 2 follows while it does.
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": story, "languageId": "markdown", "version": 1, "text": "A revolutionary SLOW draft.\n"}})  # fmt: skip
        _wait_for(workspace / "started")
        client.notify("textDocument/didChange", {"textDocument": {"uri": story, "version": 2},
                                                 "contentChanges": [{"text": "The best draft.\n"}]})  # fmt: skip
        # The server answers meanwhile: code actions for the other document.
        cursor = {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 4}}
        actions = client.request("textDocument/codeAction", {"textDocument": {"uri": notes}, "range": cursor,
                                                             "context": {"diagnostics": []}})  # fmt: skip
        assert [a["title"] for a in actions] == ["Disable HL201 for the next line"]

        # Let version 1's lint finish: its result is outdated and never published; version 2's is.
        (workspace / "go").touch()
        published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == story)  # fmt: skip
        assert published["params"]["version"] == 2
        assert [d["code"] for d in published["params"]["diagnostics"]] == ["HL301"]
        assert client.close() == 0
    finally:
        client.process.kill()

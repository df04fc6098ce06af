"""A minimal Language Server Protocol client for tests and scripts: it starts `newslint server`
as an editor would, speaks JSON-RPC with Content-Length framing over its standard input and
output, and waits for messages with bounded timeouts (never forever)."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

TIMEOUT = 120.0
"""Seconds to wait for any one answer: loading spaCy on a busy machine can take a while."""


class LspClient:
    def __init__(self, *args: str, cwd: str | Path | None = None, env: dict | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "server", *args], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env={**os.environ, **(env or {})})
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, **({"params": params} if params is not None else {})})

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, **({"params": params} if params is not None else {})})
        answer = self.wait(lambda m: m.get("id") == ident and "method" not in m, timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def wait(self, wanted: Callable[[dict], bool], timeout: float = TIMEOUT) -> dict:
        """The first message (seen earlier or arriving within `timeout`) that `wanted` accepts."""
        for message in self.seen:
            if wanted(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no such message within {timeout} s; seen: {self.seen[-5:]}")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise EOFError(f"the server exited: {self.process.stderr.read().decode(errors='replace')[-2000:]}")
            if wanted(message):
                return message
            self.seen.append(message)

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict]:
        """The next diagnostics published for `uri` (for `version` when given)."""
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version), timeout)
        return message["params"]["diagnostics"]

    def initialize(self, root: Path | None = None, encodings: list[str] | None = None) -> dict:
        capabilities: dict = {"textDocument": {"codeAction": {"codeActionLiteralSupport": {
            "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}}}
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri() if root else None, "capabilities": capabilities})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def close(self, timeout: float = 20.0) -> int:
        """shutdown, exit, and the server's exit code."""
        try:
            self.request("shutdown", timeout=timeout)
            self.notify("exit")
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                stream.close()

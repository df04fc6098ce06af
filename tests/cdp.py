"""Just enough of the Chrome DevTools Protocol to drive headless Chromium from a test.

Chromium started with `--remote-debugging-pipe` reads commands on its file descriptor 3 and
writes answers and events on 4, each a JSON text ended by a NUL byte; `sh` wires those to our
pipes, so the standard library suffices (no websocket client, no Playwright download). Clicks
and typing go through `Input.*`, as a user's would, so a handler that listens to the wrong event
fails here. Every request the page sends is kept, so a test can prove nothing left the machine.
"""
from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time
from pathlib import Path

_WIRING = 'exec "$@" 3<&0 4>&1 0</dev/null 1>/dev/null'


class Browser:
    def __init__(self, binary: str, profile: Path, log: Path, timeout: float = 60) -> None:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                   "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"]
        self.timeout = timeout
        self._log = open(log, "wb")
        self._process = subprocess.Popen(["sh", "-c", _WIRING, "sh", *command], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._log)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")

    def call(self, method: str, **params) -> dict:
        """A browser-level command's result."""
        return self._wait(self._write(method, params, None))

    def send(self, method: str, **params) -> dict:
        """A command to the page's session; its result."""
        return self._wait(self._write(method, params, self.session))

    def navigate(self, url: str) -> None:
        seen = len(self.events)
        self.send("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired", after=seen)

    def evaluate(self, expression: str):
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise AssertionError(f"{expression!r} threw: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def click(self, selector: str) -> None:
        """A left click in the middle of the first element `selector` finds, as a mouse gives it."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2, r.width, r.height]; })()")
        assert box[2] > 0 and box[3] > 0, f"{selector} is not shown"
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, text: str) -> None:
        """Keys into the focused element, one character at a time (each fires `input`)."""
        for character in text:
            self.send("Input.insertText", text=character)

    def press(self, key: str, code: str, key_code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=code,
                      windowsVirtualKeyCode=key_code, nativeVirtualKeyCode=key_code)

    def screenshot(self, path: Path, width: int, height: int) -> None:
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def wait_for_event(self, method: str, after: int = 0) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events[after:]:
                if event.get("method") == method:
                    return event
            after = len(self.events)
            self._read(deadline)

    def close(self) -> None:
        try:
            self._write("Browser.close", {}, None)
            self._process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            self._log.close()

    def _write(self, method: str, params: dict, session: str | None) -> int:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._process.stdin.write(json.dumps(message).encode() + b"\0")
        self._process.stdin.flush()
        return self._next

    def _wait(self, number: int) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read(deadline)
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(f"DevTools error: {message['error']}")
                return message.get("result", {})

    def _read(self, deadline: float) -> dict:
        """The next message; events are kept in `self.events` as they pass."""
        stream = self._process.stdout.fileno()
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([stream], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(stream, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        text, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(text)
        if "method" in message:
            self.events.append(message)
        return message

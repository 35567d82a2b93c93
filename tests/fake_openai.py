"""A real local HTTP server speaking the OpenAI chat-completions protocol, for tests.

The reply is scripted by the test: a string, or a function of the request's messages (so a
test can look at what reached the model). Every request body is recorded in ``requests``.

Modes: "ok" (normal), "slow" (sleep ``delay`` seconds before answering), "garbage" (200 with
a non-JSON body), "error" (HTTP 500 with an OpenAI-style error body).

    with FakeOpenAI(reply="Xi said so [1].") as server:
        ChatOpenAI(base_url=server.base_url, api_key="x", model="fake").invoke("hi")
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = str | Callable[[list[dict]], str]


class FakeOpenAI:
    def __init__(self, reply: Reply = "", mode: str = "ok", delay: float = 5.0, model: str = "fake-model"):
        self.reply = reply
        self.mode = mode
        self.delay = delay
        self.model = model
        self.requests: list[dict] = []
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True  # a "slow" handler must not block shutdown
        # A short poll interval keeps stop() (and so each test) fast.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> "FakeOpenAI":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def reply_for(self, messages: list[dict]) -> str:
        return self.reply(messages) if callable(self.reply) else self.reply

    def wait(self) -> bool:
        """Sleep the "slow" delay; True if cut short because the server is stopping."""
        return self._stopping.wait(self.delay)


def _handler_for(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (its timeout), as the "slow" mode intends

        def do_GET(self) -> None:
            if self.path.rstrip("/") != "/v1/models":
                return self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            self._json(200, {"object": "list", "data": [{"id": server.model, "object": "model", "owned_by": "fake"}]})

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/v1/chat/completions":
                return self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            server.requests.append(body)
            if server.mode == "slow" and server.wait():
                return  # stopped while sleeping: nobody is listening any more
            if server.mode == "garbage":
                return self._raw(200, b"<html>upstream exploded", "application/json")
            if server.mode == "error":
                return self._json(500, {"error": {"message": "model crashed", "type": "server_error"}})
            text = server.reply_for(body.get("messages", []))
            if body.get("stream"):
                return self._stream(body, text)
            self._json(200, _completion(body, text))

        def _stream(self, body: dict, text: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()  # HTTP/1.0: the body ends when the connection closes
            deltas = [{"role": "assistant", "content": ""}] + [{"content": p} for p in _pieces(text)]
            for delta in deltas:
                self._event(_chunk(body, delta, None))
            self._event(_chunk(body, {}, "stop"))
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

        def _event(self, payload: dict) -> None:
            self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
            self.wfile.flush()

        def _json(self, status: int, payload: dict) -> None:
            self._raw(status, json.dumps(payload).encode(), "application/json")

        def _raw(self, status: int, data: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _pieces(text: str) -> list[str]:
    """Word-sized deltas, as real servers send roughly one token at a time."""
    return re.findall(r"\S+\s*|\s+", text)


def _completion(body: dict, text: str) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake-model"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(body: dict, delta: dict, finish_reason: str | None) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "fake-model"),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }

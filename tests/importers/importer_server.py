"""A local HTTP server on 127.0.0.1 (port chosen by the OS) with one route per case; fixtures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import importer_pages as pages

Route = Callable[[BaseHTTPRequestHandler], None]


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(target: str) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return route


def _slow(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    try:
        _send(h, 200, pages.NEWS.encode(), "text/html")
    except OSError:
        pass


def _unbounded(h: BaseHTTPRequestHandler) -> None:
    """A big body with no Content-Length (ends when the connection closes)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    try:
        h.wfile.write(b"<html><body>")
        for _ in range(64):
            h.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
    except OSError:
        pass
    h.close_connection = True


class FeedState:
    """The feed the server serves at /feed.xml; tests change it between refreshes."""

    body = pages.RSS
    requests = 0


def _feed(h: BaseHTTPRequestHandler) -> None:
    FeedState.requests += 1
    etag = f'"{hash(FeedState.body) & 0xffffffff:x}"'
    if h.headers.get("If-None-Match") == etag:
        h.send_response(304)
        h.send_header("ETag", etag)
        h.end_headers()
        return
    _send(h, 200, FeedState.body.encode(), "application/rss+xml; charset=utf-8", {"ETag": etag})


def _gzipped(h: BaseHTTPRequestHandler) -> None:
    import gzip

    _send(h, 200, gzip.compress(pages.NEWS.encode()), "text/html", {"Content-Encoding": "gzip"})


def _chain(h: BaseHTTPRequestHandler) -> None:
    n = int(h.path.rsplit("/", 1)[1])
    _redirect(f"/chain/{n + 1}")(h)


ROUTES: dict[str, Route] = {
    "/gzipped": _gzipped,
    "/article": lambda h: _send(h, 200, pages.NEWS.encode(), "text/html; charset=utf-8"),
    "/latin2": lambda h: _send(h, 200, pages.LATIN2, "text/html"),
    "/missing": lambda h: _send(h, 404, b"<h1>Not here</h1>", "text/html"),
    "/broken": lambda h: _send(h, 500, b"oops", "text/plain"),
    "/slow": _slow,
    "/big": lambda h: _send(h, 200, pages.huge_page(3000).encode(), "text/html"),
    "/unbounded": _unbounded,
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/moved": _redirect("/article"),
    "/feed.xml": _feed,
    "/atom-as-xml": lambda h: _send(h, 200, pages.ATOM.encode(), "text/xml"),
    "/image.png": lambda h: _send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
    "/notes.txt": lambda h: _send(h, 200, "# Plain notes\n\nSome text.\n".encode(), "text/plain; charset=utf-8"),
    "/empty": lambda h: _send(h, 200, b"", "text/html"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0]
        route = _chain if path.startswith("/chain/") else ROUTES.get(path)
        if route is None:
            _send(self, 404, b"no route", "text/plain")
        else:
            route(self)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Base URL of a server on 127.0.0.1 that lives for one test."""
    FeedState.body = pages.RSS
    FeedState.requests = 0
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "5")
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def feed_state() -> type[FeedState]:
    return FeedState

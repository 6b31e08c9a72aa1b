"""Fetch a URL over HTTP(S) with the standard library: timeout, size cap, bounded redirects.

Why not ``urlopen`` as it comes: it follows redirects silently (a loop ends in a vague
error), reads any amount of data, and its exceptions say little a reader user can act on.
Here every failure is an :class:`~reader.errors.InputError` with one line naming the URL
and the cause: unknown host, connection refused, timeout, HTTP status, too large, redirect
loop, unsupported scheme.

``READER_HTTP_TIMEOUT`` (seconds, default 15) bounds connecting, each read and the whole
download, redirects included: a watchdog shuts the connection's socket down at the deadline,
so a server dripping one byte a second (in its headers or its body) cannot outlive it.
``READER_MAX_BYTES`` (:func:`reader.textio.max_import_bytes`) caps the body. Addresses with
a user name or password are refused, and never echoed with the password.
"""

from __future__ import annotations

import functools
import http.client
import os
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from ipaddress import ip_address
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.errors import InputError
from reader.termsafe import redact_url
from reader.textio import max_import_bytes

DEFAULT_TIMEOUT_S = 15.0
MAX_REDIRECTS = 10
CHUNK = 64 * 1024
USER_AGENT = f"reader/{__version__} (terminal article reader; +https://pypi.org/project/reader-annotate/)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body: ``url`` is the final URL after redirects."""

    url: str
    status: int
    content_type: str
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def http_timeout() -> float:
    raw = os.environ.get("READER_HTTP_TIMEOUT")
    if not raw:
        return DEFAULT_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"READER_HTTP_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise InputError("READER_HTTP_TIMEOUT must be more than 0 seconds")
    return value


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back to :func:`fetch`, which follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


class _Deadline:
    """Shuts down every socket opened for one fetch when the overall deadline passes."""

    def __init__(self) -> None:
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()

    def track(self, sock: socket.socket | None) -> None:
        with self._lock:
            if sock is not None:
                self._socks.append(sock)
            if self.expired:
                self._shut(sock)

    def fire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket | None) -> None:
        try:
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv; close() would not
        except OSError:
            pass


def _tracked(base: type, watch: _Deadline) -> type:
    class Tracked(base):
        def connect(self) -> None:
            super().connect()
            watch.track(self.sock)

    return Tracked


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, watch: _Deadline) -> None:
        super().__init__()
        self.watch = watch

    def http_open(self, req):  # noqa: D102
        return self.do_open(_tracked(http.client.HTTPConnection, self.watch), req)


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """One TLS context per process: loading the CA store costs tens of milliseconds, too
    much to repeat for every redirect."""
    return ssl.create_default_context()


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Deadline) -> None:
        super().__init__()
        self.watch = watch

    def https_open(self, req):  # noqa: D102
        return self.do_open(_tracked(http.client.HTTPSConnection, self.watch), req, context=_tls_context())


def _opener(host: str, watch: _Deadline) -> urllib.request.OpenerDirector:
    handlers: list = [_NoRedirect(), _HTTP(watch), _HTTPS(watch)]
    if _is_loopback(host):
        handlers.append(urllib.request.ProxyHandler({}))  # never send local requests to a proxy
    return urllib.request.build_opener(*handlers)


def _check_url(url: str) -> str:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise InputError(f"{redact_url(url)}: not a valid address ({exc})") from None
    if "@" in parts.netloc:
        raise InputError(
            f"{redact_url(url)}: addresses with a user name or password are not supported "
            "(reader sends no credentials)"
        )
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host name in the address")
    return parts.hostname


def _describe(url: str, exc: BaseException, timeout: float) -> InputError:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return InputError(f"{url}: cannot find the host {urlsplit(url).hostname!r} (DNS lookup failed; check the address and your connection)")
    if isinstance(reason, ConnectionRefusedError):
        return InputError(f"{url}: connection refused (no web server answers at that address)")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return InputError(f"{url}: timed out after {timeout:g} s (set READER_HTTP_TIMEOUT to wait longer)")
    if isinstance(reason, ssl.SSLError):
        return InputError(f"{url}: secure connection failed ({getattr(reason, 'reason', None) or reason})")
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected, http.client.IncompleteRead)):
        return InputError(f"{url}: the server closed the connection before sending the page")
    if isinstance(reason, OSError) and reason.strerror:
        return InputError(f"{url}: cannot connect ({reason.strerror})")
    return InputError(f"{url}: cannot fetch ({reason})")


def _read_capped(url: str, resp, limit: int, deadline: float, timeout: float) -> bytes:
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise InputError(
            f"{url}: the page is {int(length):,} bytes, over the import limit of {limit:,} bytes "
            "(set READER_MAX_BYTES to raise it)"
        )
    parts: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(f"{url}: timed out after {timeout:g} s (set READER_HTTP_TIMEOUT to wait longer)")
        chunk = resp.read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise InputError(
                f"{url}: the page is more than {limit:,} bytes, the import limit "
                "(set READER_MAX_BYTES to raise it)"
            )
        parts.append(chunk)
    return b"".join(parts)


def _decompress(url: str, data: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"{url}: the server sent an unsupported content encoding ({encoding})")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise InputError(f"{url}: the server sent a damaged {encoding} body") from None
    if len(out) > limit:
        raise InputError(f"{url}: the page is more than {limit:,} bytes unpacked, the import limit (set READER_MAX_BYTES to raise it)")
    return out


def fetch(url: str, *, extra_headers: dict[str, str] | None = None) -> Response:
    """GET ``url``, following up to :data:`MAX_REDIRECTS` redirects; a 304 is returned as is
    (for conditional requests), every other non-2xx status is an error."""
    timeout = http_timeout()
    limit = max_import_bytes()
    deadline = time.monotonic() + timeout
    watch = _Deadline()
    timer = threading.Timer(timeout, watch.fire)
    timer.daemon = True
    timer.start()
    try:
        return _fetch(url, extra_headers, timeout, limit, deadline, watch)
    except InputError:
        if watch.expired:
            raise InputError(f"{redact_url(url)}: timed out after {timeout:g} s (set READER_HTTP_TIMEOUT to wait longer)") from None
        raise
    finally:
        timer.cancel()


def _fetch(url: str, extra_headers, timeout: float, limit: int, deadline: float, watch: _Deadline) -> Response:
    seen: set[str] = set()
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        host = _check_url(current)
        seen.add(current)
        headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip", **(extra_headers or {})}
        request = urllib.request.Request(current, headers=headers)
        try:
            resp = _opener(host, watch).open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            status = exc.code
            if status in (301, 302, 303, 307, 308):
                location = exc.headers.get("Location")
                exc.close()
                if not location:
                    raise InputError(f"{current}: HTTP {status} redirect without a Location") from None
                target = urljoin(current, location.strip())
                if target in seen:
                    raise InputError(f"{url}: redirect loop ({current} -> {target})") from None
                current = target
                continue
            if status == 304:
                exc.close()
                return Response(current, 304, "", b"", {})
            phrase = exc.reason if isinstance(exc.reason, str) else ""
            exc.close()
            raise InputError(f"{current}: the server answered HTTP {status}{' ' + phrase if phrase else ''}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            if isinstance(exc, ValueError):
                raise InputError(f"{current}: not a valid address ({exc})") from None
            raise _describe(current, exc, timeout) from None
        try:
            with resp:
                data = _read_capped(current, resp, limit, deadline, timeout)
                if watch.expired:  # the watchdog cut the body short
                    raise InputError(f"{current}: timed out after {timeout:g} s (set READER_HTTP_TIMEOUT to wait longer)")
                data = _decompress(current, data, resp.headers.get("Content-Encoding", ""), limit)
                return Response(
                    url=resp.geturl() or current,
                    status=resp.status,
                    content_type=resp.headers.get("Content-Type", ""),
                    data=data,
                    headers={k.lower(): v for k, v in resp.headers.items()},
                )
        except (OSError, http.client.HTTPException) as exc:
            raise _describe(current, exc, timeout) from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")

"""The one way text from outside reaches a terminal.

File names, titles, HTTP reason phrases, imported notes and corrections, dictionary words:
any of them may hold an escape sequence (``ESC ] 0 ; ... BEL`` retitles a terminal, OSC 52
writes the clipboard, a raw C1 byte such as U+009B opens a control sequence) or a lone
surrogate that cannot be encoded. :func:`safe` makes such text inert and printable: C0
controls other than newline and tab become Control Pictures (ESC is ``␛``), DEL ``␡``, C1
controls and lone surrogates ``�``. Every code point maps to one code point, so lengths
and offsets stay as they were (docs/ARCHITECTURE.md).

The CLI writes only through :func:`out`, :func:`err`, :func:`write_text`, :func:`print_json`
and the consoles made here; the app cleans titles, table cells and notifications with
:func:`safe`. tests/faults/test_faults_terminal.py greps the code for writes that bypass it.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO
from urllib.parse import urlsplit, urlunsplit

_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
#: In JSON output the same code points are written as \\uXXXX escapes: the data stays exact.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)
    if c == 0x7F:
        return "\u2421"
    return "\ufffd"


def safe(text: Any) -> str:
    """``text`` as a string no terminal acts on (newlines and tabs kept)."""
    s = text if isinstance(text, str) else str(text)
    return _UNSAFE_RE.sub(_picture, s) if _UNSAFE_RE.search(s) else s


def safe_line(text: Any) -> str:
    """Like :func:`safe`, and newlines too become visible: one message, one line."""
    s = text if isinstance(text, str) else str(text)
    return _LINE_UNSAFE_RE.sub(_picture, s) if _LINE_UNSAFE_RE.search(s) else s


def redact_url(url: str) -> str:
    """``url`` without a password in it (``user:secret@host`` becomes ``user:***@host``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None and "@" not in parts.netloc:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    netloc = f"{user}:***@{host}" if parts.password is not None else f"***@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def out(*parts: Any, sep: str = " ") -> None:
    """One line (or several) of normal output on stdout."""
    sys.stdout.write(safe(sep.join(str(p) for p in parts)) + "\n")


_CREDENTIALS_RE = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^/\s@:]*):[^/\s@]*@", re.I)


def err(message: Any) -> None:
    """One line on stderr (a message: newlines inside it are made visible, and a password
    in a URL is never echoed)."""
    sys.stderr.write(_CREDENTIALS_RE.sub(r"\1:***@", safe_line(message)) + "\n")
    sys.stderr.flush()


def error(message: Any) -> None:
    """The ``reader: error: ...`` line."""
    err(f"reader: error: {message}")


def warn(message: Any) -> None:
    err(f"reader: warning: {message}")


def write_text(text: str, stream: TextIO | None = None) -> None:
    """Bulk text (an article, a diff, an export) on stdout, made inert."""
    (stream or sys.stdout).write(safe(text))


def json_text(value: Any, **kwargs: Any) -> str:
    """JSON with every control code point and lone surrogate escaped (``ensure_ascii`` off
    for readable non-ASCII text, yet nothing a terminal would act on)."""
    s = json.dumps(value, ensure_ascii=False, **kwargs)
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


class SafeStream:
    """A text stream whose writes go through :func:`safe` (for output written piecewise)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe(text))

    def flush(self) -> None:
        self._stream.flush()


def safe_stream(stream: TextIO | None = None) -> SafeStream:
    return SafeStream(stream or sys.stdout)


def print_json(value: Any, **kwargs: Any) -> None:
    sys.stdout.write(json_text(value, **kwargs) + "\n")


def console(*, stderr: bool = False, wide_when_piped: bool = False):
    """A rich console; text handed to it must already be :func:`safe` (see :func:`cell`)."""
    from rich.console import Console

    con = Console(stderr=stderr, highlight=False)
    if wide_when_piped and not con.is_terminal:
        con = Console(stderr=stderr, highlight=False, width=max(con.width, 200))
    return con


def print_table(table) -> None:
    """A rich table on stdout (its cells made with :func:`cell`); piped output is not
    wrapped to 80 columns (grep-friendly)."""
    console(wide_when_piped=True).print(table)


def print_text(text: Any) -> None:
    """A rich ``Text`` (or plain string) on stdout, its characters made :func:`safe` and
    its styles kept (one code point for one, so the spans still fit)."""
    from rich.text import Text

    if isinstance(text, Text):
        clean = Text(safe(text.plain), style=text.style, spans=list(text.spans))
    else:
        clean = Text(safe(str(text)))
    console(wide_when_piped=True).print(clean, soft_wrap=True)


def ask(question: str) -> str:
    """A question on the terminal (the prompt made inert); the answer typed."""
    return input(safe_line(question))


def cell(value: Any):
    """A rich ``Text`` of outside text for a table cell (never parsed as markup)."""
    from rich.text import Text

    return Text(safe_line(value))

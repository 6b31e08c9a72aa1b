"""Bytes to frozen article text: decoding, BOM, newlines and control characters.

Every imported text passes through :func:`decode_article` once; what it returns is the
article's text for ever after (docs/ARCHITECTURE.md, Principles 1). The rules:

* UTF-8 (a BOM is dropped); UTF-16/32 when they carry a BOM; otherwise the encoding
  charset-normalizer detects, reported back so the CLI can warn.
* Binary files (known magic numbers, many NUL bytes, mostly control bytes) are refused.
* ``\\r\\n`` and lone ``\\r`` become ``\\n``.
* Control characters other than ``\\n`` and ``\\t`` become visible symbols of the same
  length (one code point each): C0 controls map to the Control Pictures block (ESC is
  ``␛``), DEL to ``␡``, C1 controls and lone surrogates to ``�``. So an article can never send an escape
  sequence to a terminal, and offsets into the text stay stable.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError

#: Default ceiling for one imported file; ``READER_MAX_BYTES`` overrides it.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive (or an office document)",
    b"\x7fELF": "executable",
    b"\x1f\x8b": "gzip archive",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"SQLite format 3": "SQLite database",
    b"MZ": "Windows executable",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _control_table() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"  # ␡
    for c in (*range(0x80, 0xA0), *range(0xD800, 0xE000)):
        table[c] = "\ufffd"  # C1 controls, and lone surrogates (not encodable as UTF-8)
    return table


_CONTROL_TABLE = _control_table()
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES_RE = re.compile("\r\n?")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded text and how it was decoded (``warning`` is set for a guessed encoding)."""

    text: str
    encoding: str
    warning: str | None = None


def max_import_bytes() -> int:
    """The import size ceiling, from ``READER_MAX_BYTES`` or the default."""
    raw = os.environ.get("READER_MAX_BYTES")
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise InputError(f"READER_MAX_BYTES must be a whole number of bytes, not {raw!r}")
    return DEFAULT_MAX_BYTES


def sanitize(text: str) -> str:
    """Normalise newlines and map control characters to visible symbols."""
    if "\r" in text:
        text = _NEWLINES_RE.sub("\n", text)
    if _CONTROL_RE.search(text):
        text = text.translate(_CONTROL_TABLE)
    return text


def binary_kind(data: bytes) -> str | None:
    """Say what kind of binary file ``data`` looks like, or ``None`` for text."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for magic, kind in _MAGIC.items():
        # A text may start with "MZ" or "BZh": short magic numbers count only with a NUL near.
        if data.startswith(magic) and (len(magic) >= 4 or b"\x00" in data[:1024]):
            return kind
    sample = data[:65536]
    if not sample:
        return None
    nuls = sample.count(0)
    if nuls > max(8, len(sample) // 100):
        return "binary data (contains NUL bytes)"
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13, 27))
    if controls > len(sample) // 10:
        return "binary data (mostly control bytes)"
    return None


def decode_bytes(data: bytes, *, name: str = "input") -> Decoded:
    """Decode ``data`` into sanitised text, or raise :class:`InputError` for binary data."""
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name}: not a text file ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} after its byte-order mark ({exc.reason})")
            return Decoded(sanitize(text), encoding)
    try:
        return Decoded(sanitize(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(data)
    if encoding is None:
        raise InputError(f"{name}: not valid UTF-8 and no other text encoding fits")
    text = data.decode(encoding, errors="replace")
    return Decoded(
        sanitize(text), encoding, warning=f"{name}: not valid UTF-8; decoded as {encoding}"
    )


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding that best fits non-UTF-8 ``data``, or ``None``.

    charset-normalizer ranks code pages by how chaotic the decoded text looks; on short
    Western-European text several tie (cp1250, cp1252, cp1257...) and it may pick one that
    turns "è" into "č". Among the least chaotic candidates, Windows-1252 (a superset of
    Latin-1 for printable text, and by far the commonest legacy encoding) wins when the
    bytes are valid in it.
    """
    from charset_normalizer import from_bytes  # deferred: only needed for non-UTF-8 input

    results = from_bytes(data[: 4 * 1024 * 1024])
    best = results.best()
    if best is None or best.encoding is None:
        return None
    floor = min(m.percent_chaos for m in results)
    for match in results:
        if match.percent_chaos <= floor + 0.5 and "cp1252" in (match.encoding, *match.could_be_from_charset):
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                break
            return "cp1252"
    return best.encoding


def _kind_of_mode(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def read_limited_bytes(path: Path, limit: int | None = None, *, head: int | None = None) -> bytes:
    """A regular file's bytes, never more than ``limit`` (default :func:`max_import_bytes`).

    Opened without blocking (a FIFO named like a text file would otherwise hang the
    open), checked to be a regular file on the open descriptor (no race with a rename),
    and read with the cap enforced while reading: a file growing after its ``stat``, or
    a device reporting size 0 such as ``/dev/zero``, cannot be read without limit.
    ``head`` reads only that many first bytes (to sniff what a file is).
    """
    limit = max_import_bytes() if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: {_kind_of_mode(st.st_mode)}")
        if st.st_size > limit:
            raise InputError(
                f"{path}: {st.st_size:,} bytes is over the import limit of {limit:,} bytes "
                "(set READER_MAX_BYTES to raise it)"
            )
        if head is not None:
            return os.read(fd, head)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError(
                    f"{path}: more than {limit:,} bytes, the import limit "
                    "(set READER_MAX_BYTES to raise it)"
                )
        return b"".join(chunks)
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_text_file(path: Path) -> Decoded:
    """Read and decode a file, with one-line errors for every way that can fail."""
    return decode_bytes(read_limited_bytes(path), name=str(path))


def title_of(text: str, fallback: str = "Untitled") -> str:
    """The first Markdown heading, else the first non-blank line, trimmed to 200 chars."""
    first_line = None
    for n, line in enumerate(text.split("\n", 200)[:200]):
        m = _HEADING_RE.match(line)
        if m:
            return m.group(1).strip()[:200]
        if first_line is None and line.strip():
            first_line = line.strip()
            if n > 0 or not line.lstrip().startswith("---"):
                break
    return (first_line or fallback)[:200]


_SPACE_RE = re.compile(r"\s")


def word_count(text: str, chunk: int = 1 << 20) -> int:
    """Words as a reader counts them: whitespace-separated runs containing a letter or digit.

    Counted a megabyte at a time (cut at whitespace), so a 50 MB text never becomes one
    list of millions of words."""
    total, pos, n = 0, 0, len(text)
    while pos < n:
        end = min(n, pos + chunk)
        if end < n:
            m = _SPACE_RE.search(text, end)
            end = m.start() if m else n
        total += sum(1 for tok in text[pos:end].split() if any(ch.isalnum() for ch in tok))
        pos = end
    return total

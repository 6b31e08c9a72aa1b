"""Read a local file's bytes under the import size limit, with one-line errors.

Web pages and feeds must be decoded by their own rules (a declared charset, an XML
declaration), so they are read as bytes here rather than through
:func:`reader.textio.read_text_file`, which guesses an encoding for plain text.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import InputError
from reader.textio import binary_kind, read_limited_bytes


def too_large(name: str, size: int, limit: int, *, exact: bool = True) -> InputError:
    amount = f"{size:,} bytes" if exact else f"more than {limit:,} bytes"
    return InputError(
        f"{name}: {amount} is over the import limit of {limit:,} bytes "
        "(set READER_MAX_BYTES to raise it)"
    )


def read_limited(path: Path) -> bytes:
    """The file's bytes; refuses folders, unreadable, binary and over-limit files."""
    data = read_limited_bytes(path)
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{path}: not a text file ({kind})")
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data

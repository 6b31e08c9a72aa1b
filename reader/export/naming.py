"""Safe file names from article titles (titles are hostile text like everything else)."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_CHARS = 80
MAX_STEM_BYTES = 180
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u2400-\u2421\ufffd]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_stem(title: str, fallback: str) -> str:
    """A file name stem from ``title``: no path separators, no ``..``, no control
    characters, no leading dot, at most :data:`MAX_STEM_CHARS` characters (and
    :data:`MAX_STEM_BYTES` UTF-8 bytes); ``fallback`` (the article id) when nothing is left."""
    s = unicodedata.normalize("NFC", title)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    s = _UNSAFE.sub(" ", s)
    s = re.sub(r"\.{2,}", ".", s)
    s = " ".join(s.split())
    s = s[:MAX_STEM_CHARS]
    while len(s.encode("utf-8")) > MAX_STEM_BYTES:
        s = s[:-1]
    s = s.strip(" .-")
    if not s or s.split(".")[0].lower() in _RESERVED:
        s = f"{fallback}-{s}" if s else fallback
    return s

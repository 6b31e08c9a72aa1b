"""Tell what a blob of bytes is (web page, feed, plain text) and which charset it declares.

Why a module of its own: a saved page may be named ``page`` or ``index.php``, a feed URL may
be served as ``text/xml`` or ``application/octet-stream``, and a page's encoding is declared
inside the page itself. Both the file and the URL importers need the same answers.
"""

from __future__ import annotations

import codecs
import re

#: Media types that are web pages.
HTML_TYPES = {"text/html", "application/xhtml+xml"}
#: Media types that are feeds.
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
#: Media types that may hold either (look inside).
XML_TYPES = {"application/xml", "text/xml"}
#: Media types imported as plain text.
TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}

_PROLOG_RE = re.compile(rb"\A(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT_RE = re.compile(rb"\A<(?:rss|feed|rdf:RDF|RDF)[\s>/]", re.I)
_HTML_START_RE = re.compile(rb"\A<(?:html|head|body|meta|title|article|div|p|h1|script|style|link)[\s>/]", re.I)
_DOCTYPE_HTML_RE = re.compile(rb"<!DOCTYPE\s+html", re.I)
_META_CHARSET_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_XML_ENCODING_RE = re.compile(rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)

#: How far into a document the prolog and charset declaration are looked for.
PRESCAN_BYTES = 4096


def _without_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(codecs.BOM_UTF8) else data


def kind_of(data: bytes, content_type: str | None = None) -> str | None:
    """``"html"``, ``"feed"``, ``"text"`` or ``None`` (unknown) for ``data``.

    A declared media type decides when it is specific; ``text/xml`` and friends, or no
    type at all, are resolved by looking at the first element of the document.
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in FEED_TYPES:
        return "feed"
    head = _without_bom(data[:PRESCAN_BYTES])
    body = head[_PROLOG_RE.match(head).end():]
    if media in HTML_TYPES:
        return "feed" if _FEED_ROOT_RE.match(body) else "html"
    if media in TEXT_TYPES:
        return "text"
    if _FEED_ROOT_RE.match(body):
        return "feed"
    if _DOCTYPE_HTML_RE.search(head[:1024]) or _HTML_START_RE.match(body):
        return "html"
    if media in XML_TYPES:
        return None
    return None


def looks_like_feed(data: bytes) -> bool:
    return kind_of(data) == "feed"


def is_text_encoding(name: str) -> bool:
    """Whether codec ``name`` turns bytes into text. Python also registers bytes-to-bytes
    codecs (base64, hex, zlib), str-to-str ones (rot13) and ``undefined`` (always fails):
    a page or server naming one of those as its charset must not crash the import."""
    try:
        return isinstance(b"<a> ".decode(name), str)
    except (LookupError, UnicodeError, ValueError, TypeError):
        return False


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for an encoding label, per the HTML standard's aliases, or None.

    Browsers read ``iso-8859-1``/``ascii`` as windows-1252, and a page cannot declare
    UTF-16 in a meta tag (it would not be readable to find the tag); both rules kept here.
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if not is_text_encoding(name):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return name


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>``, a ``http-equiv`` tag or its XML
    declaration (first :data:`PRESCAN_BYTES` only), as a codec name; None if none usable."""
    head = data[:PRESCAN_BYTES]
    for pattern in (_XML_ENCODING_RE, _META_CHARSET_RE):
        m = pattern.search(head)
        if m:
            name = normalise_charset(m.group(1).decode("ascii", "replace"))
            if name:
                return name
    return None


def charset_param(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, as a codec name."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
    return normalise_charset(m.group(1)) if m else None

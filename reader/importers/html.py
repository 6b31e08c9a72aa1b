"""Saved web pages: decode by the page's declared charset, extract the article, keep metadata.

Extraction is trafilatura's (offline, pure parsing): it drops menus, ads, related links and
comments and reports title, author, date and canonical URL. The stored text is the title
line, a blank line, then the article's paragraphs separated by blank lines
(:mod:`reader.importers.blocks`), so reading an article shows its headline; the title is
also the article's ``title`` field. Metadata keys: ``url``, ``site`` (host name), ``author``,
``date`` (YYYY-MM-DD), ``format`` (``html``), ``encoding``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.errors import InputError
from reader.importers import blocks, sniff
from reader.importers.local import read_limited
from reader.textio import decode_bytes, max_import_bytes, sanitize, title_of

#: trafilatura's own ceiling on a page it will parse; pages above it are refused up front.
MAX_PAGE_BYTES = 20_000_000
#: Fewer words than this in the extracted body (headings aside) means "no article here".
MIN_ARTICLE_WORDS = 15

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class DecodedPage:
    html: str
    encoding: str
    warning: str | None = None


def decode_page(data: bytes, *, name: str, transport_charset: str | None = None) -> DecodedPage:
    """Decode page bytes: BOM, then the HTTP charset, then the page's own declaration, then
    UTF-8, then a guess (with a warning)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return DecodedPage(data.decode(enc, errors="replace"), enc)
    declared = transport_charset or sniff.declared_charset(data)
    if declared:
        try:
            return DecodedPage(data.decode(declared), declared)
        except UnicodeDecodeError:
            return DecodedPage(
                data.decode(declared, errors="replace"),
                declared,
                f"{name}: some bytes are not valid {declared} (the declared encoding); they were replaced",
            )
    decoded = decode_bytes(data, name=name)
    return DecodedPage(decoded.text, decoded.encoding, decoded.warning)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(sanitize(value).split())
    return value or None


def _trafilatura_config(limit: int):
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(limit))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _words(paragraphs: list[str]) -> int:
    return sum(1 for p in paragraphs for tok in p.split() if any(ch.isalnum() for ch in tok))


def extract_article(page: str, *, name: str, url: str | None = None) -> tuple[str, str, dict[str, Any]]:
    """``(text, title, meta)`` of the article in ``page``; :class:`InputError` if none.

    ``url`` is where the page came from (a fetched page); the page's canonical link, when it
    has one, wins for ``meta["url"]``.
    """
    import trafilatura

    limit = min(max_import_bytes(), MAX_PAGE_BYTES)
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            config=_trafilatura_config(limit),
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"{name}: the page could not be parsed ({exc})") from None
    body = getattr(doc, "body", None) if doc is not None else None
    paragraphs = blocks.paragraphs_of([body]) if body is not None else []
    paragraphs = [sanitize(p) for p in paragraphs]
    headings = {
        " ".join(h.itertext()).strip() for h in (body.iter("head") if body is not None else [])
    }
    body_words = _words([p for p in paragraphs if p.strip() not in headings])
    if body_words < MIN_ARTICLE_WORDS:
        raise InputError(f"{name}: no article text found in this page (is it an index, a login or an empty page?)")
    page_url = _clean(getattr(doc, "url", None)) or url
    title = _clean(getattr(doc, "title", None)) or title_of(paragraphs[0], fallback=name)
    meta: dict[str, Any] = {"format": "html"}
    for key, value in (
        ("url", page_url),
        ("site", host_of(page_url) or _clean(getattr(doc, "sitename", None))),
        ("author", _clean(getattr(doc, "author", None))),
        ("date", _clean(getattr(doc, "date", None))),
    ):
        if value:
            meta[key] = value
    return blocks.join_paragraphs(title[:200], paragraphs), title[:200], meta


def load_page_bytes(
    data: bytes, *, name: str, source: str, url: str | None = None, transport_charset: str | None = None
):
    """One :class:`~reader.importing.LoadedDoc` from a page's bytes."""
    from reader.importers.loaded import LoadedDoc

    limit = min(max_import_bytes(), MAX_PAGE_BYTES)
    if len(data) > limit:
        raise InputError(
            f"{name}: {len(data):,} bytes is over the web page limit of {limit:,} bytes"
            + (" (set READER_MAX_BYTES to change it)" if limit < MAX_PAGE_BYTES else "")
        )
    page = decode_page(data, name=name, transport_charset=transport_charset)
    text, title, meta = extract_article(page.html, name=name, url=url)
    meta["encoding"] = page.encoding
    return LoadedDoc(text=text, title=title, source=source, meta=meta, warning=page.warning)


def load_html_file(path: Path) -> list:
    """A saved web page (``.html``/``.htm``, or sniffed) as one article."""
    data = read_limited(path)
    return [load_page_bytes(data, name=str(path), source=str(path.resolve()))]

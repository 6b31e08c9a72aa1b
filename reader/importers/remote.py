"""A fetched response to articles: page, feed or plain text, decided by type and content."""

from __future__ import annotations

from reader.errors import InputError
from reader.importers import sniff
from reader.importers.fetch import Response
from reader.textio import decode_bytes, title_of


def load_response(requested: str, resp: Response) -> list:
    """Articles from ``resp``; the source recorded is the final URL after redirects (a feed
    is recorded under the URL that was asked for, so refreshes use the same address)."""
    from reader.importers.loaded import LoadedDoc

    if not resp.data.strip():
        raise InputError(f"{requested}: the server sent an empty page")
    kind = sniff.kind_of(resp.data, resp.content_type)
    if kind == "feed":
        from reader.importers.feeds import load_feed_bytes

        return load_feed_bytes(resp.data, source=requested, content_type=resp.content_type, base_url=resp.url)
    if kind == "html":
        from reader.importers.html import load_page_bytes

        doc = load_page_bytes(
            resp.data,
            name=requested,
            source=resp.url,
            url=resp.url,
            transport_charset=sniff.charset_param(resp.content_type),
        )
        return [doc]
    if kind == "text":
        charset = sniff.charset_param(resp.content_type)
        if charset:
            data = resp.data.decode(charset, errors="replace").encode("utf-8")
        else:
            data = resp.data
        decoded = decode_bytes(data, name=requested)
        from reader.importers.html import host_of

        meta = {"format": "markdown" if "markdown" in resp.content_type else "text", "url": resp.url}
        site = host_of(resp.url)
        if site:
            meta["site"] = site
        if meta["format"] == "markdown":
            from reader.importers.markdown import markdown_title

            title = markdown_title(decoded.text, fallback=requested)
        else:
            title = title_of(decoded.text, fallback=requested)
        return [LoadedDoc(decoded.text, title, resp.url, meta, decoded.warning)]
    media = resp.content_type.split(";", 1)[0].strip() or "an unknown type"
    raise InputError(f"{requested}: the server sent {media}, not a web page or a feed")

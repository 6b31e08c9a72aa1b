"""The English lexicon: word frequencies from wordfreq (shipped offline in its package).

A frequency list is not a dictionary (web text contains common misspellings), so callers
compare a word's frequency with that of its nearest well-known neighbour rather than
trusting "seen at all".

Besides English, the lexicon holds a small table of words that are common in another
language (es, fr, de, it, nl, pt) and much rarer in English: the evidence for the
``foreign`` finding. Building both takes ~1.5 s, so the result is cached (pickle) under
:func:`reader.paths.user_cache_dir`, keyed by the wordfreq version; the cache is only an
accelerator and is rebuilt whenever it is missing, stale or unreadable.
"""

from __future__ import annotations

import math
import os
import pickle
from functools import lru_cache
from pathlib import Path

#: Languages whose untranslated words the ``foreign`` check recognises.
FOREIGN_LANGUAGES = ("es", "fr", "de", "it", "nl", "pt")
#: A word goes into the foreign table when it is at least this common in its language ...
FOREIGN_MIN_ZIPF = 3.0
#: ... and at least this much more common there than in English.
FOREIGN_MIN_GAP = 0.4
_CACHE_FORMAT = 3


class Lexicon:
    """Zipf frequencies (0 = never seen, 3 = once per million words, 7 = "the")."""

    def __init__(
        self,
        freqs: dict[str, float],
        foreign: dict[str, tuple[str, float]] | None = None,
    ) -> None:
        self._freqs = freqs
        #: word -> (language, zipf in that language), for words commoner abroad.
        self.foreign: dict[str, tuple[str, float]] = foreign or {}

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (case-insensitive), 0.0 when unseen."""
        return self._freqs.get(word.lower(), 0.0)

    def zipf_lower(self, word: str) -> float:
        """Like :meth:`zipf` for a word the caller has already lower-cased (hot path)."""
        return self._freqs.get(word, 0.0)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._freqs

    def items(self):
        """(word, zipf) pairs, for building indexes."""
        return self._freqs.items()

    def foreign_zipf(self, word: str) -> tuple[str, float] | None:
        """(language, zipf) when ``word`` is commoner in another language than in English."""
        return self.foreign.get(word.lower())


def wordfreq_version() -> str:
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def cache_file(name: str) -> Path:
    """A file in the user cache folder whose name carries the wordfreq version."""
    from reader.paths import user_cache_dir

    return user_cache_dir() / f"{name}-wordfreq{wordfreq_version()}-v{_CACHE_FORMAT}.bin"


def write_cache(path: Path, data: bytes) -> None:
    """Best-effort atomic write; a read-only or full disk only costs speed next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        stem = path.name.split("-wordfreq", 1)[0]
        for old in path.parent.glob(f"{stem}-wordfreq*.bin"):
            if old != path:  # caches of other wordfreq or format versions
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _zipf_dict(lang: str, shared: dict) -> dict[str, float]:
    """word -> Zipf value; equal values share one object (``shared``), which saves ~8 MB
    and makes the pickled cache smaller and faster to load."""
    from wordfreq import get_frequency_dict

    raw = get_frequency_dict(lang, wordlist="large")
    out = {}
    for w, f in raw.items():
        if f > 0:
            z = round(math.log10(f) + 9, 2)
            out[w] = shared.setdefault(z, z)
    return out


def build_lexicon() -> Lexicon:
    """Build from wordfreq's packaged lists (no cache)."""
    shared: dict = {}
    en = _zipf_dict("en", shared)
    foreign: dict[str, tuple[str, float]] = {}
    for lang in FOREIGN_LANGUAGES:
        for w, z in _zipf_dict(lang, shared).items():
            if z < FOREIGN_MIN_ZIPF or z - en.get(w, 0.0) < FOREIGN_MIN_GAP:
                continue
            best = foreign.get(w)
            if best is None or z > best[1]:
                pair = (lang, z)
                foreign[w] = shared.setdefault(pair, pair)
    return Lexicon(en, foreign)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    path = cache_file("lexicon")
    try:
        en, foreign = pickle.loads(path.read_bytes())
        return Lexicon(en, foreign)
    except Exception:  # missing, stale or damaged cache: rebuild
        pass
    lex = build_lexicon()
    write_cache(path, pickle.dumps((lex._freqs, lex.foreign), protocol=pickle.HIGHEST_PROTOCOL))
    return lex

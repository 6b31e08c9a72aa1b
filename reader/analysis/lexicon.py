"""The English lexicon: word frequencies from wordfreq, served from a memory-mapped file.

A frequency list is not a dictionary (web text contains common misspellings), so callers
compare a word's frequency with that of its nearest well-known neighbour rather than
trusting "seen at all".

Besides English, the lexicon holds a table of words that are common in another language
(es, fr, de, it, nl, pt) and much rarer in English: the evidence for the ``foreign``
finding.

Both live in ``data/lexicon.bin`` (:mod:`reader.analysis.lexdata`), built by
``scripts/build_lexicon.py`` and shipped in the package, so nothing is built, unpickled or
cached at start-up: the file is mapped and each lookup reads a few bytes of it, and the
answers are memoised per word. When the file is missing or damaged (a broken install),
it is rebuilt once from wordfreq into the user cache folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from reader.analysis.lexdata import LexData

#: The shipped lexicon file.
DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon.bin"


class _ForeignTable:
    """Dict-like view of the foreign table (``get`` and ``in``), memoised per word."""

    def __init__(self, data: LexData | None, table: dict | None = None) -> None:
        self._data = data
        self._memo: dict[str, tuple[str, float] | None] = dict(table or {})

    def get(self, word: str, default=None):
        memo = self._memo
        if word in memo:
            hit = memo[word]
        else:
            hit = self._data.foreign_zipf(word) if self._data is not None else None
            memo[word] = hit
        return default if hit is None else hit

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str):
        hit = self.get(word)
        if hit is None:
            raise KeyError(word)
        return hit


class Lexicon:
    """Zipf frequencies (0 = never seen, 3 = once per million words, 7 = "the").

    Built from a dict (tests, small hand-made lexicons) or from a mapped :class:`LexData`
    (the real one); either way lookups are memoised in ``_freqs``."""

    def __init__(
        self,
        freqs: dict[str, float],
        foreign: dict[str, tuple[str, float]] | None = None,
        data: LexData | None = None,
    ) -> None:
        self._freqs = dict(freqs)
        self._data = data
        self._given = None if data is not None else (self._freqs.copy(), dict(foreign or {}))
        #: word -> (language, zipf in that language), for words commoner abroad.
        self.foreign = _ForeignTable(data, foreign if data is None else None)

    @classmethod
    def from_data(cls, data: LexData) -> Lexicon:
        return cls({}, data=data)

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (case-insensitive), 0.0 when unseen."""
        return self.zipf_lower(word.lower())

    def zipf_lower(self, word: str) -> float:
        """Like :meth:`zipf` for a word the caller has already lower-cased (hot path)."""
        z = self._freqs.get(word)
        if z is None:
            z = self._data.zipf(word) if self._data is not None else 0.0
            self._freqs[word] = z
        return z

    def __contains__(self, word: str) -> bool:
        return self.zipf_lower(word.lower()) > 0

    def items(self):
        """Every (word, zipf) pair (a full pass over the file: for building word sets once)."""
        if self._data is None:
            return self._freqs.items()
        data = self._data
        words = bytes(data.words).decode("utf-8", "surrogatepass").split("\n")
        return zip(words, (z / 100 for z in data.zipfs))

    def foreign_zipf(self, word: str) -> tuple[str, float] | None:
        """(language, zipf) when ``word`` is commoner in another language than in English."""
        return self.foreign.get(word.lower())

    def data(self) -> LexData:
        """The mapped tables behind this lexicon (built in memory for a dict lexicon)."""
        if self._data is None:
            from reader.analysis.lexdata_build import build_bytes

            freqs, foreign = self._given
            self._data = LexData(build_bytes(freqs, foreign))
        return self._data


def _cache_dir() -> Path:
    from reader.paths import user_cache_dir

    return user_cache_dir()


def _rebuilt() -> Path | None:
    """The lexicon file rebuilt from wordfreq into the user cache folder (only when the
    shipped one is missing or damaged: a broken install), or None if it cannot be written."""
    from reader.analysis import lexdata_build

    path = _cache_dir() / "lexicon-rebuilt.bin"
    try:
        LexData.open(path)
        return path
    except Exception:  # not there yet, or damaged: build it
        pass
    data = lexdata_build.build_from_wordfreq()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return None
    return path


def load_lexicon(path: Path) -> Lexicon:
    """The lexicon in the file at ``path``; a missing or damaged file (a broken install) is
    rebuilt once into the user cache folder, or in memory if that cannot be written."""
    try:
        return Lexicon.from_data(LexData.open(path))
    except Exception:
        pass
    rebuilt = _rebuilt()
    if rebuilt is not None:
        return Lexicon.from_data(LexData.open(rebuilt))
    from reader.analysis import lexdata_build

    return Lexicon.from_data(LexData(lexdata_build.build_from_wordfreq()))


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shared English lexicon (mapped, so calling this costs about a millisecond)."""
    return load_lexicon(DATA_FILE)

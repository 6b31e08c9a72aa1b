"""The English lexicon: word frequencies from wordfreq (shipped offline in its package).

A frequency list is not a dictionary (web text contains common misspellings), so callers
compare a word's frequency with that of its nearest well-known neighbour rather than
trusting "seen at all".
"""

from __future__ import annotations

from functools import lru_cache


class Lexicon:
    """Zipf frequencies (0 = never seen, 3 = once per million words, 7 = "the")."""

    def __init__(self, freqs: dict[str, float]) -> None:
        self._freqs = freqs

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (case-insensitive), 0.0 when unseen."""
        return self._freqs.get(word.lower(), 0.0)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._freqs


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    import math

    from wordfreq import get_frequency_dict

    raw = get_frequency_dict("en", wordlist="large")
    return Lexicon({w: round(math.log10(f) + 9, 2) for w, f in raw.items() if f > 0})

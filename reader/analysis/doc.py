"""The per-text state every check shares.

A long text is analysed in chunks (paragraph-aligned, :data:`CHUNK_CHARS` long), which
keeps the per-word lists small; every check is local to a paragraph, so chunking changes
no result. A :class:`Doc` is one chunk: ``text`` is the chunk, ``base`` its offset in the
whole text, and :meth:`Doc.finding` returns findings in whole-text offsets. Caches that
depend only on a word's form live in ``shared`` and are reused across chunks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING, Any

from reader.analysis.lexicon import Lexicon
from reader.analysis.tokens import Tokens, mask, tokenize
from reader.model import Entity, Finding

if TYPE_CHECKING:  # only a type here: suggest.py needs the checks, so no import at run time
    from reader.analysis.suggest import Suggester

#: Chunk length for long texts (characters).
CHUNK_CHARS = 400_000


@dataclass
class Doc:
    """A chunk of text under analysis: the original, its masked copy and its words."""

    text: str
    masked: str
    tokens: Tokens
    lexicon: Lexicon
    suggester: Suggester
    entities: list[Entity]  # in chunk offsets
    silenced: frozenset[str] = frozenset()  # casefolded dictionary + ignored words
    base: int = 0
    shared: dict[str, Any] = field(default_factory=dict)
    _unique: set[str] | None = None

    @classmethod
    def make(cls, text, lexicon, suggester, entities, silenced, *, base=0, shared=None) -> Doc:
        masked = mask(text)
        ents = sorted(entities, key=lambda e: (e.start, e.end))
        return cls(text, masked, tokenize(masked), lexicon, suggester, ents, silenced, base,
                   shared if shared is not None else {})

    @property
    def unique(self) -> set[str]:
        """The distinct word forms of the chunk."""
        if self._unique is None:
            self._unique = set(self.tokens.words)
        return self._unique

    def indices_of(self, forms: set[str] | frozenset[str]) -> list[int]:
        """Indices of the words whose form is in ``forms`` (one pass at C speed)."""
        if not forms:
            return []
        words = self.tokens.words
        return list(compress(range(len(words)), map(forms.__contains__, words)))

    def finding(self, start: int, end: int, kind: str, message: str, suggestions=()) -> Finding:
        """A finding at chunk offsets ``[start, end)``, returned in whole-text offsets."""
        return Finding(start + self.base, end + self.base, self.text[start:end], kind, message,
                       tuple(suggestions))

    def unmasked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` contains nothing that masking blanked out."""
        return self.masked is self.text or self.text[start:end] == self.masked[start:end]

    def is_silenced(self, word: str) -> bool:
        return bool(self.silenced) and word.casefold().replace("’", "'") in self.silenced


def chunks(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of ``text``, cut at paragraph breaks (else line breaks,
    else spaces) so no check ever straddles two chunks. ``size`` defaults to
    :data:`CHUNK_CHARS` as it is at call time (tests shrink it)."""
    return [(start, text[start:end]) for start, end in chunk_bounds(text, size)]


def chunk_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every piece :func:`chunks` would cut, without copying text."""
    size = size or CHUNK_CHARS
    out = []
    pos, n = 0, len(text)
    while n - pos > size:
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = text.rfind(sep, pos + size // 2, pos + size)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= pos:
            cut = pos + size
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out

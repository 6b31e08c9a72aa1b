"""The lexicon and suggestion index as one memory-mapped file: ready without a load step.

Unpickling 320,000 word frequencies cost a one-paragraph ``reader check`` half its time
and building the suggestion index cost the first one 5 s and 350 MB. This file holds both
as flat arrays that are mapped, not read: a lookup touches a few pages, so the first run
on a fresh install costs what a warm one does. The file ships in the package
(``reader/analysis/data/lexicon.bin``), made by ``scripts/build_lexicon.py`` from
wordfreq's lists; :mod:`reader.analysis.lexdata_build` writes it.

Layout (native little-endian): an 8-byte magic,
a 4-byte header length and a JSON header naming each section's offset, length and array
type, then the sections, each 8-byte aligned:

* ``words``: every word, ``\\n``-separated, in id order; ``woff``: uint32 start offsets
  (one more than words). Ids ``0 .. vocab-1`` are the suggestion vocabulary (alphabetic
  words), most frequent first; the rest follow.
* ``zipf``: uint16 centi-Zipf per id.
* ``hash``: uint32 open-addressing table (``id + 1``, 0 = empty) keyed by CRC-32.
* ``dboff``/``dids``: the symmetric-delete index as buckets (CRC-32 of a delete string,
  masked) of vocabulary ids, ascending (so most frequent first).
* ``pboff``/``pids``: the same for the sounds-like key (:mod:`reader.analysis.phonetic`).
* ``suspect``: one byte per vocabulary id, 1 for a likely common misspelling.
* ``fwords``/``fwoff``/``fhash``/``flang``/``fzipf``: the words commoner in another
  language, as a second table of the same shape (language index into ``meta["langs"]``).
"""

from __future__ import annotations

import json
import mmap
import sys
import zlib
from array import array
from pathlib import Path

MAGIC = b"RDRLEX03"


class LexData:
    """Read access to one lexicon file held in ``buf`` (an mmap or bytes)."""

    def __init__(self, buf) -> None:
        if bytes(buf[:8]) != MAGIC:
            raise ValueError("not a reader lexicon file")
        hlen = int.from_bytes(buf[8:12], "little")
        head = json.loads(bytes(buf[12 : 12 + hlen]).decode("utf-8"))
        self.meta: dict = head["meta"]
        self._buf = buf
        view = memoryview(buf)
        self._sections = {}
        for name, (off, length, code) in head["sections"].items():
            if off + length > len(buf):
                raise ValueError("truncated lexicon file")
            part = view[off : off + length]
            if code != "B":
                if sys.byteorder != "little":  # pragma: no cover - no such machine here
                    arr = array(code)
                    arr.frombytes(part)
                    arr.byteswap()
                    part = memoryview(arr)
                else:
                    part = part.cast(code)
            self._sections[name] = part
        s = self._sections
        self.words: memoryview = s["words"]
        self.woff: memoryview = s["woff"]
        self.zipfs: memoryview = s["zipf"]
        self.table: memoryview = s["hash"]
        self.dboff: memoryview = s["dboff"]
        self.dids: memoryview = s["dids"]
        self.pboff: memoryview = s["pboff"]
        self.pids: memoryview = s["pids"]
        self.suspect: memoryview = s["suspect"]
        self.n = len(self.zipfs)
        self.vocab_size: int = self.meta["vocab"]
        self.prefix: int = self.meta["prefix"]
        self._dmask = len(self.dboff) - 2
        self._pmask = len(self.pboff) - 2
        if len(self.woff) != self.n + 1 or len(self.pids) != self.vocab_size:
            raise ValueError("inconsistent lexicon file")

    @classmethod
    def open(cls, path: Path) -> LexData:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return cls(mm)

    def word(self, i: int) -> str:
        woff = self.woff
        return bytes(self.words[woff[i] : woff[i + 1] - 1]).decode("utf-8")

    def find(self, word: str) -> int:
        """The id of ``word`` (exact, already lower-case), or -1."""
        return _find(word, self.table, self.woff, self.words)

    def foreign_zipf(self, word: str) -> tuple[str, float] | None:
        """(language, Zipf there) when lower-case ``word`` is commoner in another language."""
        s = self._sections
        i = _find(word, s["fhash"], s["fwoff"], s["fwords"])
        if i < 0:
            return None
        return self.meta["langs"][s["flang"][i]], s["fzipf"][i] / 100

    def zipf(self, word: str) -> float:
        i = self.find(word)
        return self.zipfs[i] / 100 if i >= 0 else 0.0

    def delete_bucket(self, key: bytes) -> memoryview:
        b = zlib.crc32(key) & self._dmask
        return self.dids[self.dboff[b] : self.dboff[b + 1]]

    def phonetic_bucket(self, key: str) -> memoryview:
        b = zlib.crc32(key.encode("utf-8")) & self._pmask
        return self.pids[self.pboff[b] : self.pboff[b + 1]]


def _find(word: str, table, woff, words) -> int:
    b = word.encode("utf-8", "surrogatepass")
    mask = len(table) - 1
    h = zlib.crc32(b) & mask
    while True:
        slot = table[h]
        if not slot:
            return -1
        i = slot - 1
        start = woff[i]
        if woff[i + 1] - 1 - start == len(b) and words[start : start + len(b)] == b:
            return i
        h = (h + 1) & mask


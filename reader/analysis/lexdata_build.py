"""Write the lexicon file that :mod:`reader.analysis.lexdata` maps.

Run once per release by ``scripts/build_lexicon.py`` (from wordfreq's packaged lists, a
minute), and in memory for the small hand-made lexicons of the tests. Kept apart from the
loader so that start-up never imports it.
"""

from __future__ import annotations

import json
import math
import zlib
from array import array
from collections.abc import Mapping

from reader.analysis.lexdata import MAGIC
from reader.analysis.phonetic import phonetic_key

#: Words at least this frequent are found two edits away (the others one edit away, or by
#: their sound): a rare word two slips from a typo is more often a wrong guess than the fix.
DEPTH2_MIN_ZIPF = 3.0
#: Only the first letters of a word are indexed (SymSpell's prefix): a typo's delete strings
#: grow with the square of its length, and seven letters single out a word well enough.
PREFIX = 7
#: Rarer alphabetic words are not suggested at all (most are misspellings, fragments or
#: foreign words that web text happens to contain).
VOCAB_MIN_ZIPF = 1.5


def deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` (1 or 2) characters."""
    d1 = {word[:i] + word[i + 1:] for i in range(len(word))}
    if depth >= 2:
        d1 |= {w[:i] + w[i + 1:] for w in d1 for i in range(len(w))}
    d1.add(word)
    return d1


def suggestable(word: str, zipf: float) -> bool:
    """Whether ``word`` may be offered as a suggestion."""
    return zipf >= VOCAB_MIN_ZIPF and word.isalpha() and (len(word) > 1 or word in "ai")


#: A rare word one edit from a word this much commoner (Zipf) is marked a likely slip.
SUSPECT_GAP = 1.5
#: Only words rarer than this can be marked.
SUSPECT_MAX_ZIPF = 3.0


def suspects(vocab: list[tuple[str, float]]) -> array:
    """1 for each vocabulary word that is probably a common misspelling web text picked up
    ("recieve", "goverment"): rare, and one edit (by a shared delete) from a word at
    least :data:`SUSPECT_GAP` commoner. The suggester ranks such words lower."""
    best: dict[str, float] = {}
    for w, z in vocab:
        if z < SUSPECT_MAX_ZIPF + SUSPECT_GAP - 1.0:
            break  # vocab is sorted by frequency: no commoner neighbours below here
        for d in deletes(w, 1):
            if best.get(d, 0.0) < z:
                best[d] = z
    out = array("B", bytes(len(vocab)))
    for i, (w, z) in enumerate(vocab):
        if z >= SUSPECT_MAX_ZIPF:
            continue
        top = max((best.get(d, 0.0) for d in deletes(w, 1) if d != w), default=0.0)
        top = max(top, best.get(w, 0.0) if len(w) > 3 else 0.0)
        if top >= z + SUSPECT_GAP:
            out[i] = 1
    return out


def _pow2(n: int) -> int:
    p = 1
    while p < n:
        p <<= 1
    return p


def _centi(z: float) -> int:
    return max(0, min(65535, round(z * 100)))


def _word_table(words: list[str]) -> tuple[bytes, array, array]:
    """(``\\n``-joined words, start offsets, CRC-32 open-addressing table of ``id + 1``)."""
    enc = [w.encode("utf-8", "surrogatepass") for w in words]
    woff = array("I", [0])
    for b in enc:
        woff.append(woff[-1] + len(b) + 1)
    size = _pow2(max(8, len(enc) * 5 // 2))
    table = array("I", bytes(4 * size))
    for i, b in enumerate(enc):
        h = zlib.crc32(b) & (size - 1)
        while table[h]:
            h = (h + 1) & (size - 1)
        table[h] = i + 1
    return b"".join(b + b"\n" for b in enc), woff, table


def _buckets(keyed: list[list[int]], n_buckets: int) -> tuple[array, array]:
    """CSR arrays (offsets, ids) from per-bucket id lists."""
    off = array("I", [0])
    ids = array("I")
    for lst in keyed:
        lst.sort()
        ids.extend(lst)
        off.append(len(ids))
    return off, ids


def build_bytes(
    freqs: Mapping[str, float],
    foreign: Mapping[str, tuple[str, float]] | None = None,
    meta: dict | None = None,
) -> bytes:
    """The lexicon file for ``freqs`` (lower-case word -> Zipf) and the foreign table."""
    items = sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = [(w, z) for w, z in items if suggestable(w, z)]
    rest = [(w, z) for w, z in items if not suggestable(w, z)]
    ordered = vocab + rest
    n, v = len(ordered), len(vocab)

    blob, woff, table = _word_table([w for w, _ in ordered])
    zipf = array("H", (_centi(z) for _, z in ordered))

    per_word = []
    total = 0
    for w, z in vocab:
        depth = 2 if z >= DEPTH2_MIN_ZIPF and len(w) > 3 else 1
        keys = deletes(w[:PREFIX], depth)
        per_word.append(keys)
        total += len(keys)
    dn = _pow2(max(8, total // 3))
    dkeyed: list[list[int]] = [[] for _ in range(dn)]
    for i, keys in enumerate(per_word):
        for b in {zlib.crc32(k.encode("utf-8")) & (dn - 1) for k in keys}:
            dkeyed[b].append(i)
    dboff, dids = _buckets(dkeyed, dn)

    pn = _pow2(max(8, v))
    pkeyed: list[list[int]] = [[] for _ in range(pn)]
    for i, (w, _) in enumerate(vocab):
        pkeyed[zlib.crc32(phonetic_key(w).encode("utf-8")) & (pn - 1)].append(i)
    pboff, pids = _buckets(pkeyed, pn)

    flags = suspects(vocab)

    fitems = sorted((foreign or {}).items())
    langs = sorted({lang for _, (lang, _) in fitems})
    fblob, fwoff, ftable = _word_table([w for w, _ in fitems])
    flang = array("B", (langs.index(lang) for _, (lang, _) in fitems))
    fzipf = array("H", (_centi(z) for _, (_, z) in fitems))
    sections = [
        ("words", blob, "B"),
        ("woff", woff.tobytes(), "I"),
        ("zipf", zipf.tobytes(), "H"),
        ("hash", table.tobytes(), "I"),
        ("dboff", dboff.tobytes(), "I"),
        ("dids", dids.tobytes(), "I"),
        ("pboff", pboff.tobytes(), "I"),
        ("pids", pids.tobytes(), "I"),
        ("suspect", flags.tobytes(), "B"),
        ("fwords", fblob, "B"),
        ("fwoff", fwoff.tobytes(), "I"),
        ("fhash", ftable.tobytes(), "I"),
        ("flang", flang.tobytes(), "B"),
        ("fzipf", fzipf.tobytes(), "H"),
    ]
    info = dict(meta or {}, vocab=v, prefix=PREFIX, langs=langs)
    # offsets depend on the header's length: lay out with a generous fixed header size
    head_room = 4096
    pos = 12 + head_room
    layout = {}
    for name, data, code in sections:
        pos = (pos + 7) & ~7
        layout[name] = [pos, len(data), code]
        pos += len(data)
    head = json.dumps({"meta": info, "sections": layout}).encode("utf-8")
    if len(head) > head_room:
        raise ValueError("lexicon header too large")
    out = bytearray(pos)
    out[:8] = MAGIC
    out[8:12] = len(head).to_bytes(4, "little")
    out[12 : 12 + len(head)] = head
    for name, data, _ in sections:
        off = layout[name][0]
        out[off : off + len(data)] = data
    return bytes(out)


def zipf_dict(lang: str) -> dict[str, float]:
    """word -> Zipf (two decimals) from wordfreq's large list for ``lang``."""
    from wordfreq import get_frequency_dict

    raw = get_frequency_dict(lang, wordlist="large")
    return {w: round(math.log10(f) + 9, 2) for w, f in raw.items() if f > 0}


#: Languages whose untranslated words the ``foreign`` check recognises.
FOREIGN_LANGUAGES = ("es", "fr", "de", "it", "nl", "pt")
#: A word goes into the foreign table when it is at least this common in its language ...
FOREIGN_MIN_ZIPF = 3.0
#: ... and at least this much more common there than in English.
FOREIGN_MIN_GAP = 0.4


def from_wordfreq() -> tuple[dict[str, float], dict[str, tuple[str, float]]]:
    """English Zipf values and the table of words commoner in another language."""
    en = zipf_dict("en")
    foreign: dict[str, tuple[str, float]] = {}
    for lang in FOREIGN_LANGUAGES:
        for w, z in zipf_dict(lang).items():
            if z < FOREIGN_MIN_ZIPF or z - en.get(w, 0.0) < FOREIGN_MIN_GAP:
                continue
            best = foreign.get(w)
            if best is None or z > best[1]:
                foreign[w] = (lang, z)
    return en, foreign


def wordfreq_version() -> str:
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def build_from_wordfreq() -> bytes:
    """The shipped lexicon file, from wordfreq's packaged lists."""
    en, foreign = from_wordfreq()
    return build_bytes(en, foreign, meta={"source": f"wordfreq {wordfreq_version()}"})

"""``foreign``: a word or short phrase left untranslated ("Sin embargo", "con buena fe").

Evidence is relative frequency: a *seed* word is common in another language (Zipf >=
:data:`SEED_MIN_ZIPF`) and rare in English (< :data:`SEED_MAX_EN`), by a wide gap. The
phrase then grows over neighbouring words that are also commoner in another language
than in English ("con", "fe"). Names are not foreign text: a capitalised word inside a
sentence, and a lower-case particle next to one ("Palais des Nations", "Sanne de Wit"),
belong to the name checks (and :func:`reader.analysis.analyze` drops foreign findings
inside a detected entity).
"""

from __future__ import annotations

from reader.analysis.doc import Doc
from reader.analysis.tokens import is_sentence_start
from reader.model import Finding

SEED_MIN_ZIPF = 4.0
SEED_MAX_EN = 3.0
SEED_MIN_GAP = 2.0
MAX_PHRASE = 6
#: Two adjacent words, each at least PAIR_WORD_GAP commoner abroad (and not very common in
#: English), whose gaps add up to PAIR_MIN_GAP, are foreign together ("sin embargo").
PAIR_WORD_GAP = 1.5
PAIR_MAX_EN = 4.5
PAIR_MIN_GAP = 4.0
#: A phrase holding a foreign word this common in English is an established loan.
LOAN_EN_ZIPF = 3.5
_LANG_NAMES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
               "nl": "Dutch", "pt": "Portuguese"}


#: Elided articles and pronouns glued to the next word by an apostrophe ("d’ailleurs",
#: "l’avenir", "dell’anno"): the word after the apostrophe is the one to judge.
_ELISIONS = frozenset("d l j m n s t c qu dell all nell sull dall un".split())


def foreign_entry(table: dict, low: str) -> tuple[str, float] | None:
    """The foreign-table entry for lower-case ``low``, or for the word after an elided
    French or Italian particle ("d’ailleurs" -> "ailleurs")."""
    hit = table.get(low)
    if hit is None and ("’" in low or "'" in low):
        head, _, tail = low.replace("’", "'").partition("'")
        if head in _ELISIONS and tail.isalpha() and len(tail) >= 3:
            hit = table.get(tail)
    return hit


def _name_like(doc: Doc, i: int) -> bool:
    w = doc.tokens.words[i]
    return w[:1].isupper() and not is_sentence_start(doc.tokens, i)


def find_foreign(doc: Doc) -> list[Finding]:
    toks = doc.tokens
    words, seps = toks.words, toks.seps
    lex = doc.lexicon
    table = lex.foreign
    n = len(words)

    judged = doc.shared.setdefault("foreign_judged", set())
    all_seeds = doc.shared.setdefault("foreign_seeds", set())
    pair_words = doc.shared.setdefault("foreign_pair_words", {})  # form -> gap
    for w in doc.unique.difference(judged):
        judged.add(w)
        low = w.lower()
        hit = table.get(low)
        elided = hit is None and foreign_entry(table, low)
        if elided:
            hit = elided
        elif hit is None or not w.isalpha() or len(w) < 3 or (w.isupper() and len(w) > 1):
            continue
        ez = lex.zipf_lower(low)
        if hit[1] >= SEED_MIN_ZIPF and ez < SEED_MAX_EN and hit[1] - ez >= SEED_MIN_GAP:
            all_seeds.add(w)
        elif hit[1] >= SEED_MIN_ZIPF and ez < PAIR_MAX_EN and hit[1] - ez >= PAIR_WORD_GAP:
            pair_words[w] = hit[1] - ez
    seeds_forms = doc.unique & all_seeds
    pair_forms = doc.unique & pair_words.keys()
    if not seeds_forms and not pair_forms:
        return []

    def also_foreign(j: int) -> bool:
        w = words[j]
        hit = foreign_entry(table, w.lower())
        # any language: the table keeps only each word's most likely one ("café" is pt)
        return hit is not None and (w.isalpha() or w.lower() not in table) and not _name_like(doc, j)

    def joined(j: int) -> bool:  # word j and j+1 are in one run of text
        return seps[j] in (" ", "\n", "\t")

    seeds = doc.indices_of(seeds_forms)
    if pair_forms:
        # two words each commoner abroad, together decisive ("sin embargo")
        gaps = {**{w: 9.0 for w in seeds_forms}, **{w: pair_words[w] for w in pair_forms}}
        for i in doc.indices_of(pair_forms | seeds_forms):
            if i + 1 < n and joined(i) and words[i + 1] in gaps \
                    and gaps[words[i]] + gaps[words[i + 1]] >= PAIR_MIN_GAP:
                seeds.append(i)
        seeds = sorted(set(seeds))

    out: list[Finding] = []
    last_end = -1
    for i in seeds:
        w = words[i]
        if toks.starts[i] < last_end or doc.is_silenced(w):
            continue
        if _name_like(doc, i):
            continue
        # a particle or word glued to a name is part of that name
        if (i + 1 < n and joined(i) and _name_like(doc, i + 1)) or (
            i > 0 and joined(i - 1) and _name_like(doc, i - 1)
        ):
            continue
        lang = foreign_entry(table, w.lower())[0]
        lo = hi = i
        while lo > 0 and hi - lo < MAX_PHRASE - 1 and joined(lo - 1) and also_foreign(lo - 1):
            lo -= 1
        while hi + 1 < n and hi - lo < MAX_PHRASE - 1 and joined(hi) and also_foreign(hi + 1):
            hi += 1
        if any(j != i and len(words[j]) >= 4 and lex.zipf(words[j]) >= LOAN_EN_ZIPF
               for j in range(lo, hi + 1)):
            continue  # a phrase English has borrowed ("café au lait"), not left over
        start, end = toks.starts[lo], toks.ends[hi]
        if start < last_end:
            start = toks.starts[i]
        lang_name = _LANG_NAMES.get(lang, lang)
        out.append(doc.finding(start, end, "foreign", f"untranslated {lang_name}?", ()))
        last_end = end
    return out

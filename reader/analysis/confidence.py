"""How likely a finding is a real error: a small learned model, run in plain Python.

Every finding gets a ``confidence`` between 0 and 1 from a logistic model over a handful
of general features of the flagged text: its kind, how common the word is and how common
its best suggestion is, how far apart they are and whether the difference is a typical
scanner confusion, its length and capitalisation, whether it starts a sentence, whether
it is a known first name or place, whether it is commoner in another language. None of
the features names a word. The weights are learned offline from development data only
(``tools/train_confidence.py``; the README's "Confidence and sensitivity") and shipped as a small JSON
file beside this module, versioned; inference is a dot product and a sigmoid.

Sensitivity: findings below a threshold are dropped. :func:`levels` gives the three named
points (strict / balanced / thorough) the app cycles through, as the training script chose
them on held-out development data; ``balanced`` is the default of ``reader check`` and of
the app. :data:`LEVELS` is only the fallback when no trained model is shipped.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from reader.model import Entity, Finding

KINDS = ("misspelling", "ocr", "case", "spacing", "grammar", "repetition", "foreign", "variant")
WORD_KINDS = frozenset(("misspelling", "ocr"))

#: Feature names, in the order of the weight vector.
FEATURES = (
    "bias", *(f"kind_{k}" for k in KINDS),
    "zipf", "unseen", "sugg_zipf", "gap", "no_sugg", "dist1", "dist2", "dist3",
    "scanner", "length", "short", "capital", "upper", "sentence_start", "digit",
    "first_name", "place", "abroad", "in_entity", "hyphen_fragment", "vowelless",
    "rare_letters", "single", "non_ascii", "odd_trigrams", "unknown_trigram",
    "cap_unseen", "cap_odd", "cap_dist1", "cap_sugg_zipf", "midcap_zipf",
    *(f"rule_{r}" for r in ("midcap", "demonym", "lone", "garble", "unknown", "mixed", "digits",
                            "joined")),
    "kind_len", "case_to_lower", "space_before_punct", "hyphen_spacing",
)
#: Which rule of :mod:`reader.analysis.checks.garbles` made a finding, told by the start
#: of its message (the rules there write these): the model weighs each rule's findings
#: on their own.
RULE_MESSAGES = (
    ("a capital in mid-sentence", "midcap"), ("a proper adjective", "demonym"),
    ("a stray letter", "lone"), ("a short word a scanner garbled", "garble"),
    ("unknown word; did you mean", "unknown"), ("unknown capitalised word", "unknown"),
    ("capitals inside a word", "mixed"), ("a letter read for a digit", "digits"),
    ("two words run together", "joined"),
)
_RULES = ("midcap", "demonym", "lone", "garble", "unknown", "mixed", "digits", "joined")

#: Fallback sensitivity levels (the minimum confidence each shows) for a missing model.
LEVELS = {"strict": 0.75, "balanced": 0.5, "thorough": 0.25}

_SCANNER = frozenset(frozenset(p) for p in (
    "bh", "ae", "an", "ce", "eo", "cs", "il", "li", "lt", "ft", "rn", "mn", "uo", "nu",
    "hb", "ij", "ao", "fl", "tl", "ti", "hn", "ec", "oe", "bo", "vy", "un", "ri"))


_RULE_AT = FEATURES.index("rule_midcap")


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped model: ``{"version", "features", "weights", "levels"}``."""
    try:
        raw = (Path(__file__).with_name("data") / "confidence.json").read_text(encoding="utf-8")
        data = json.loads(raw)
        if tuple(data["features"]) != FEATURES:
            raise ValueError("feature list changed")
        return data
    except (OSError, ValueError, KeyError):  # no trained model: every finding counts fully
        return {"version": 0, "features": list(FEATURES), "weights": None, "levels": LEVELS}


def levels() -> dict[str, float]:
    """strict / balanced / thorough thresholds of the shipped model."""
    return dict(model().get("levels") or LEVELS)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


def _scanner_edit(word: str, sugg: str) -> bool:
    """Whether ``sugg`` differs from ``word`` by letters a scanner confuses (one
    substitution of a confusable pair, or rn/m, cl/d, li/h style splits)."""
    if len(word) == len(sugg):
        diffs = [(a, b) for a, b in zip(word, sugg) if a != b]
        return len(diffs) == 1 and frozenset(diffs[0]) in _SCANNER
    for big, small in (("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w"), ("ii", "u"), ("in", "m")):
        if big in word and word.replace(big, small, 1) == sugg:
            return True
        if small in word and word.replace(small, big, 1) == sugg:
            return True
    return False


def _dist(a: str, b: str) -> int:
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b)


def features(text: str, f: Finding, lexicon, gaz, in_entity: bool) -> list[float]:
    """The feature vector of one finding (see :data:`FEATURES`). Only the finding and
    the text around it count, never how often a form occurs in the whole text, so a long
    text analysed whole or chunk by chunk scores the same."""
    x = [0.0] * len(FEATURES)
    x[0] = 1.0
    for prefix, rule in RULE_MESSAGES:
        if f.message.startswith(prefix):
            x[_RULE_AT + _RULES.index(rule)] = 1.0
            break
    if f.kind in KINDS:
        x[1 + KINDS.index(f.kind)] = 1.0
    base = 1 + len(KINDS)
    word = f.text
    if f.kind not in WORD_KINDS:
        x[-4] = min(len(word), 40) / 40
        x[base + 18] = float(in_entity)
        x[base + 19] = float(_hyphen_fragment(text, f.start, f.end))
        if f.kind == "case" and word.isalpha():  # how common the word is, and is it a name
            title = word[:1].upper() + word[1:].lower()
            x[base] = lexicon.zipf_lower(word.lower()) / 7
            x[base + 13] = float(_sentence_start(text, f.start))
            x[base + 15] = float(gaz.is_first_name(title))
            x[base + 16] = float(gaz.place_kind(title) is not None)
            # a function word capitalised mid-sentence ("In") is a slip more often than
            # a noun is ("the Council")
            x[FEATURES.index("midcap_zipf")] = x[_RULE_AT] * x[base]
        x[-3] = float(f.kind == "case" and bool(f.suggestions) and f.suggestions[0] == word.lower())
        x[-2] = float(f.kind == "spacing" and any(f" {p}" in word for p in ",.;:!?"))
        x[-1] = float(f.kind == "spacing" and "-" in word)
        return x
    low = word.lower().replace("’", "'")
    z = lexicon.zipf_lower(low)
    sugg = f.suggestions[0].lower() if f.suggestions else ""
    sz = lexicon.zipf(sugg) if sugg else 0.0
    d = _dist(low, sugg) if sugg else 3
    alpha = "".join(ch for ch in low if ch.isalpha())
    abroad = lexicon.foreign_zipf(low)
    # a sentence start matters for a capitalised word only ("Acording" vs a name)
    opens = _sentence_start(text, f.start) and word[:1].isupper()
    # a capital says "name" only inside a sentence: at a sentence start it says nothing
    capital = word[:1].isupper() and not word.isupper() and not opens
    vals = (
        z / 7, float(z == 0), sz / 7, (sz - z) / 7 if sugg else 0.0, float(not sugg),
        float(d == 1), float(d == 2), float(d >= 3),
        float(bool(sugg) and _scanner_edit(low, sugg)),
        min(len(low), 14) / 14, float(len(low) <= 3),
        float(capital), float(word.isupper() and len(word) > 1),
        float(opens), float(any(ch.isdigit() for ch in word)),
        float(gaz.is_first_name(word[:1].upper() + word[1:].lower())),
        float(gaz.place_kind(word[:1].upper() + word[1:].lower()) is not None),
        (abroad[1] / 7) if abroad else 0.0, float(in_entity),
        float(_hyphen_fragment(text, f.start, f.end)),
        float(bool(alpha) and not any(ch in "aeiouy" for ch in alpha)),
        sum(ch in "jqxzkvw" for ch in alpha) / max(len(alpha), 1),
        float(len(low) == 1), float(not word.isascii()), *_trigram_oddness(alpha),
    )
    cap = vals[11]
    vals = (*vals, cap * vals[1], cap * vals[24], cap * vals[5], cap * vals[2], 0.0)
    x[base:base + len(vals)] = vals
    return x


@lru_cache(maxsize=1)
def _trigrams() -> frozenset[str]:
    """Letter trigrams (with ``^``/``$`` word edges) seen in English words, given names
    and place names: a word made of unseen ones is a garble rather than a name. Built by
    ``tools/train_confidence.py`` from the lexicon and the name lists."""
    try:
        raw = (Path(__file__).with_name("data") / "letter_trigrams.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(raw.split())


def _trigram_oddness(alpha: str) -> tuple[float, float]:
    """(share of the word's letter trigrams never seen, whether any is unseen)."""
    known = _trigrams()
    if not known or len(alpha) < 2:
        return 0.0, 0.0
    s = f"^{alpha}$"
    grams = [s[i:i + 3] for i in range(len(s) - 2)]
    odd = sum(g not in known for g in grams)
    return odd / len(grams), float(odd > 0)


def _hyphen_fragment(text: str, start: int, end: int) -> bool:
    """Half of a word hyphenated across a line end ("informa- tion", "informa-\\ntion")."""
    after = text[end:end + 3]
    if after[:1] == "-" and (after[1:2].isspace() or after[1:2] == ""):
        return True
    before = text[max(0, start - 3):start]
    return before.endswith(("- ", "-\n", "-\r\n")) and not before.endswith(" - ")


def probability(x: Sequence[float], weights: Sequence[float]) -> float:
    s = sum(a * b for a, b in zip(x, weights))
    if s < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-s))


def score_findings(text: str, findings: list[Finding], entities: Sequence[Entity]) -> list[Finding]:
    """``findings`` with their ``confidence`` set by the shipped model."""
    weights = model()["weights"]
    if not findings or weights is None:
        return list(findings)
    from reader.analysis.gazetteer import get_gazetteer
    from reader.analysis.lexicon import get_lexicon

    lex, gaz = get_lexicon(), get_gazetteer()
    spans = sorted((e.start, e.end) for e in entities)
    import bisect

    starts = [s for s, _ in spans]
    out = []
    for f in findings:
        i = bisect.bisect_right(starts, f.start) - 1
        inside = i >= 0 and spans[i][1] > f.start
        c = probability(features(text, f, lex, gaz, inside), weights)
        # the constructor, not dataclasses.replace: several times faster on many findings
        out.append(Finding(f.start, f.end, f.text, f.kind, f.message, f.suggestions, round(c, 4)))
    return out

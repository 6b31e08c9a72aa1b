"""Named entities: PERSON, PLACE, ORG and DATE, found without any model download.

How a reader spots a name, in order of cost:

1. One regular expression finds runs of capitalised words, joined by name particles
   ("Sanne de Wit", "Palais des Nations") and by "of"/"for" after the head of an
   organisation or place ("University of Innsbruck"). Everything else is lower case and
   never looked at again, which keeps a million words well under a second.
2. Each run is cut at dates (weekdays, months), possessives ("Europe's") and titles
   ("Foreign Minister Ingrid Lindqvist": the title marks a person, it is not the name).
3. A capitalised word at the start of a sentence proves nothing: it is kept only when
   the article also writes it capitalised mid-sentence, when it is a place or given name
   that is no English word, when a verb of saying follows ("Pichler said"), or when it
   is rare and another capitalised word follows.
4. A lone capitalised word mid-sentence that is a common English word ("Swiss",
   "European") is kept only with evidence (gazetteer, "the Commission", "in the Hague");
   one that looks like a typo of a common word ("Wendsday", "Goverment") is not a name,
   so the misspelling checks still see it.
5. The label comes from the head word (ORG: "... Union", "Ministry of ..."; PLACE:
   "North Sea", "Lake ..."), the gazetteer, cues for persons (titles, given names,
   "said X", role nouns like "researcher X") and locative prepositions ("in Lana").
   Within an article, a surname alone takes the label of its full name.

Also: all-caps datelines ("GENEVA —"), acronyms ("FNV"), lower-case countries
("germany" is still a place; the ``case`` check flags its spelling), title-case or
all-caps headlines (each word there needs the same evidence as at a sentence start).
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache

from reader.analysis.dates import DATE_WORDS, MONTH_ABBREVIATIONS, date_span, numeric_dates
from reader.analysis.entity_article import (
    COMMON,
    DATE,
    ORG,
    PERSON,
    PLACE,
    POSSESSIVE,
    Candidate,
    bare_surnames,
    caps_follow,
    caps_title,
    harmonise,
    join_and,
    places_acting,
)
from reader.analysis.gazetteer import DEMONYM_SUFFIXES, Gazetteer, get_gazetteer
from reader.analysis.lexicon import Lexicon
from reader.analysis.names_words import (
    ABBREVIATIONS,
    CREDIT_WORDS,
    GROUP_WORDS,
    HEAD_CONNECTORS,
    LOCATIVE,
    ORG_AFTER,
    ORG_BEFORE,
    ORG_HEADS,
    PARTICLES,
    PLACE_AFTER,
    PLACE_HEADS,
    PLACE_PREFIXES,
    ROLE_NOUNS,
    SINGLE_WORD_ORGS,
    SPEECH_VERBS,
    TEAM_VERBS,
    TITLES,
    TITLE_SUFFIXES,
)
from reader.analysis.names_typos import looks_like_typo
from reader.model import Entity

_HEADS = PLACE_HEADS | ORG_HEADS

#: Words of a title that only modify the core title ("Foreign" in "Foreign Minister").
_TITLE_MODIFIERS = frozenset(
    """Vice Prime Deputy Acting Former Foreign Finance Defence Defense Interior Health
    Economy Economic Economics Agriculture Transport Trade Energy Education Environment
    Labour Labor Home Justice Culture Provincial Federal Regional State National
    European Senior Junior Chief Executive Head""".split()
)

#: Below this a capitalised word at a sentence start is rare enough to be a name when
#: another capitalised word follows it.
RARE = 3.0


def _upper_class() -> str:
    """A regex character class body with every upper-case letter in the BMP."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        if chr(cp).isupper():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


_U = _upper_class()
# Every token starts with the upper-case letter it consumes, then looks behind it: a
# pattern that opens with a plain character class is scanned by the regex engine's fast
# prefix search (a lookbehind first costs ~10x on a million words).
_TOKEN = (
    rf"[{_U}](?<![^\W\d_].)"
    rf"(?:(?:\.[{_U}])+\.?"  # U.S., U.N.
    rf"|[^\W_]*(?:[-\u2010\u2011'\u2019][^\W_]+)*)"
)
_CONNECTOR_WORDS = sorted(PARTICLES | HEAD_CONNECTORS | {"the"}, key=len, reverse=True)
_CONN = rf"(?:(?:{'|'.join(_CONNECTOR_WORDS)})[ \t\u00a0]+)*"
_RUN = re.compile(rf"{_TOKEN}(?:[ \t\u00a0]+{_CONN}{_TOKEN})*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,[^\n—–]{0,40}?)?[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?(?:—|–|--|-|:)")
#: A dateline that gives the date, not a dash: "AL-AIN, United Arab Emirates 1996-12-06".
_DATELINE_DATE = re.compile(r"[ \t]*(?:,[^\n]{0,60}?)?[ \t]+\d{1,4}[-/.]\d")
_ROMAN = re.compile(r"^[IVXLC]+$")
_ARTICLE_PREFIXES = frozenset({"al", "el"})

_OPENERS = frozenset("\"'“‘„‚«‹([{*_¿¡")
_SPACE = frozenset(" \t\u00a0")
_ENDERS = frozenset(".!?…:;")
_DASHES = frozenset("—–")


class _Doc:
    """Per-text state: where sentences start, which words it writes capitalised."""

    def __init__(self, text: str, lexicon: Lexicon, gaz: Gazetteer) -> None:
        self.text = text
        self.lexicon = lexicon
        self.gaz = gaz
        self.mid_caps: set[str] = set()
        self._newlines: list[int] | None = None
        self.skip_cache: dict[str, bool] = {}
        self.verdicts: dict[tuple, tuple[int, int, str, bool] | None] = {}
        self._name_buckets: dict[tuple[str, int], list[str]] | None = None

    def near_name(self, w: str) -> bool:
        """Is the unknown word ``w`` one edit (two from eight letters) from a rare word
        the text writes capitalised mid-sentence? Then a sentence-initial "Chepkocch"
        is the name "Chepkoech" misspelt, not an ordinary word: the variant check needs
        it as an entity. Called only once all runs are read (``mid_caps`` is complete)."""
        if len(w) < 5 or not w.isalpha() or not w[1:].islower() or self.lexicon.zipf(w) > 0:
            return False
        if self._name_buckets is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            for m in self.mid_caps:
                if len(m) >= 5 and m.isalpha() and self.lexicon.zipf(m) < COMMON:
                    buckets.setdefault((m[0], len(m)), []).append(m)
            self._name_buckets = buckets
        from rapidfuzz.distance import OSA

        limit = 2 if len(w) >= 8 else 1
        for n in (len(w) - 1, len(w), len(w) + 1):
            for m in self._name_buckets.get((w[0], n), ()):
                if m != w and OSA.distance(w, m, score_cutoff=limit) <= limit:
                    return True
        return False

    # -- context -------------------------------------------------------------------

    def sentence_start(self, s: int) -> bool:
        text = self.text
        if s >= 2 and text[s - 1] == " " and (text[s - 2].isalnum() or text[s - 2] == ","):
            return False  # the common case: a word mid-sentence
        i = s - 1
        quoted = False
        while i >= 0 and (text[i] in _SPACE or text[i] in _OPENERS):
            if text[i] in _OPENERS:
                quoted = True
            i -= 1
        if i < 0 or quoted:
            return True
        c = text[i]
        if c == "\n" or c in _DASHES:
            return True
        if c in _ENDERS:
            if c == ".":
                k = i
                while k > 0 and i - k < 6 and text[k - 1].isalpha():
                    k -= 1
                word = text[k:i]
                if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    return False  # "Mr. Smith", "J. Smith"
            return True
        if c == "-" and i > 0 and text[i - 1] in _SPACE:
            return True
        return False

    def line_info(self, s: int) -> tuple[int, int, bool]:
        """``(start, end, is_headline)`` of the line holding offset ``s``; a headline is
        a short line in title case or all caps."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        k = bisect_right(self._newlines, s)
        start = self._newlines[k - 1] + 1 if k else 0
        end = self._newlines[k] if k < len(self._newlines) else len(self.text)
        result = False
        if end - start <= 160:
            line = self.text[start:end].strip()
            words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
            letters = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 2]
            if letters and len(letters) <= 25 and all(w.isupper() for w in letters):
                result = True  # an all-caps headline or dateline line: "SOCCER - LEEDS WIN ."
            elif len(words) >= 3 and line[-1:] not in ".!?\"”":
                caps = sum(1 for w in words if w[0].isupper())
                result = caps / len(words) >= 0.75
        return start, end, result

    def word_before(self, s: int) -> str:
        """The word just before offset ``s`` (across at most three punctuation marks)."""
        text = self.text
        j = s
        lo = max(0, s - 4)
        while j > lo and not text[j - 1].isalnum() and text[j - 1] != "\n":
            j -= 1
        i = text.rfind(" ", max(0, j - 30), j) + 1 or max(0, j - 30)
        word = text[i:j]
        if word.isalpha():
            return word
        k = len(word)
        while k > 0 and word[k - 1].isalpha():
            k -= 1
        return word[k:]

    def word_after(self, e: int) -> str:
        """The word just after offset ``e`` (across at most three punctuation marks)."""
        text = self.text
        i = e
        hi = min(len(text), e + 4)
        while i < hi and not text[i].isalnum() and text[i] != "\n":
            i += 1
        j = text.find(" ", i, i + 30)
        if j < 0:
            j = min(len(text), i + 30)
        word = text[i:j]
        if word.isalpha():
            return word
        k = 0
        while k < len(word) and word[k].isalpha():
            k += 1
        return word[:k]

    def zipf(self, word: str) -> float:
        return self.lexicon.zipf(word)


def _is_low(word: str) -> bool:
    """A lower-case connector inside a run ("de", "of"); "al-Maliki" is a name word."""
    return word[0].islower() and "-" not in word


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() and not _ROMAN.match(letters)


def _title_prefix(words: Sequence[str], doc: _Doc | None = None) -> int:
    """How many leading words form a title ("Foreign Minister"); 0 when none does.

    With ``doc``, the title may open with words that say whose title it is: a country or
    its adjective, an acronym, ordinary capitalised words ("Ukrainian Foreign Minister",
    "U.S. President", "Economic Development Minister")."""
    core = 0
    for i, w in enumerate(words):
        if w in TITLES:
            if w not in _TITLE_MODIFIERS:
                core = i + 1
            continue
        if doc is None or core:
            break
        gaz = doc.gaz
        if not (
            gaz.is_demonym(w)
            or gaz.is_strong_place(w.replace(".", "") if "." in w else w)
            or _is_acronym(w)
            or doc.zipf(w) >= COMMON
        ):
            break
    return core


def _split_run(tokens: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Cut a run at possessives and at connectors that join no head."""
    segments: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for the next capital
    for tok in tokens:
        word = tok[2]
        if _is_low(word):
            pending.append(tok)
            continue
        if pending:
            first = pending[0][2]
            head = current[-1][2] if current else ""
            ok = bool(current) and (
                (first in PARTICLES and all(p[2] in PARTICLES for p in pending))
                or (first in HEAD_CONNECTORS and (head in ORG_HEADS or head in PLACE_HEADS or head in PLACE_PREFIXES))
            )
            if ok:
                current.extend(pending)
            elif current:
                segments.append(current)
                current = []
            pending = []
        if word in DATE_WORDS:
            if current:
                segments.append(current)
            segments.append([tok])
            current = []
            continue
        if word.endswith(POSSESSIVE) and len(word) > 3:
            cut = 1 if word.endswith(("s'", "s\u2019")) else 2
            current.append((tok[0], tok[1] - cut, word[:-cut]))
            segments.append(current)
            current = []
            continue
        current.append(tok)
    if current:
        segments.append(current)
    return segments


def find_entities(
    text: str,
    lexicon: Lexicon,
    *,
    lowercase_places: bool = True,
    vocabulary: Collection[str] | None = None,
) -> list[Entity]:
    """Entities in ``text``, sorted by start, non-overlapping, ``text == source[start:end]``.

    Countries written in lower case ("germany") are PLACE entities too; finding them
    costs one more pass over the text. A caller that tokenises every word anyway (the
    ``case`` check) can pass ``lowercase_places=False`` and add them itself with
    :func:`lowercase_place_entity`; or pass ``vocabulary``, the set of the text's
    distinct lower-case words, to skip the pass when no such word occurs.
    """
    if not text:
        return []
    gc_was_enabled = gc.isenabled()
    gc.disable()  # no cycles are made here; collections would cost ~40% on big texts
    try:
        return _find_entities(text, lexicon, lowercase_places, vocabulary)
    finally:
        if gc_was_enabled:
            gc.enable()


def _tokens(s: int, g: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for the whitespace-separated words of a run at ``s``."""
    out = []
    pos = 0
    for w in g.split():
        k = g.index(w, pos)
        out.append((s + k, s + k + len(w), w))
        pos = k + len(w)
    return out


def _find_entities(
    text: str, lexicon: Lexicon, lowercase_places: bool, vocabulary: Collection[str] | None
) -> list[Entity]:
    doc = _Doc(text, lexicon, get_gazetteer())
    mid = doc.mid_caps
    runs: list[tuple[list[tuple[int, int, str]], bool, bool]] = []
    line_lo, line_hi, line_head = 0, -1, False
    prev_end = -10
    for m in _RUN.finditer(text):
        s, e = m.span()
        g = m.group()
        toks = _tokens(s, g) if (" " in g or "\t" in g or "\u00a0" in g) else [(s, e, g)]
        if s >= 3 and text[s - 1] == "-" and text[s - 3 : s - 1] in _ARTICLE_PREFIXES and (s == 3 or not text[s - 4].isalnum()):
            # "al-Maliki", "el-Arish": the lower-case article belongs to the name, and
            # joins it to the name before ("Nouri al-Maliki").
            s -= 3
            toks[0] = (s, toks[0][1], text[s : toks[0][1]])
            if runs and s - prev_end == 1 and text[prev_end] == " " and runs[-1][0][-1][2][-1:].isalpha():
                prev, starts, headline = runs.pop()
                runs.append((prev + toks, starts, headline))
                mid.update(w for _, _, w in toks)
                prev_end = e
                continue
        if s - prev_end <= 3 and text[prev_end] == "." and _continues_abbreviation(text, runs[-1][0], s):
            # "Mr. Smith", "J. K. Rowling", "St. Gallen": one run across the full stop.
            prev, starts, headline = runs.pop()
            ps, pe, pw = prev[-1]
            toks = prev[:-1] + [(ps, pe + 1, pw + ".")] + toks
            runs.append((toks, starts, headline))
            if not headline:
                mid.update(w for _, _, w in toks[1:])
            prev_end = e
            continue
        prev_end = e
        if not line_lo <= s < line_hi:
            line_lo, line_hi, line_head = doc.line_info(s)
        if line_head:
            runs.append((toks, True, True))
            continue
        if s >= 2 and text[s - 1] == " " and (text[s - 2].isalnum() or text[s - 2] == ","):
            starts = False  # the common case, decided without a call
        else:
            starts = doc.sentence_start(s)
        runs.append((toks, starts, False))
        if len(toks) == 1:
            if not starts:
                mid.add(g)
            elif s == line_lo and g.isupper():
                mid.add(g.title())  # a dateline: GENEVA
        else:
            if starts and s == line_lo and toks[0][2].isupper():
                mid.update(w.title() for _, _, w in toks)
            mid.update(w for _, _, w in (toks[1:] if starts else toks))

    cands: list[Candidate] = []
    dates: list[tuple[int, int]] = []
    skip_cache = doc.skip_cache
    caps_runs: list[list[tuple[int, int, str]]] = []
    for run in runs:
        toks, starts, headline = run
        if starts and len(toks) == 1:
            # Fast path: one ordinary word opening a sentence ("The", "Instead", "Talks").
            w = toks[0][2]
            skip = skip_cache.get(w)
            if skip is None:
                skip = skip_cache[w] = _ordinary_opener(doc, w, headline)
            if skip:
                continue
        if headline and all(t[2].isupper() or _is_low(t[2]) for t in toks):
            caps_runs.append(toks)
            continue
        _classify_run(doc, toks, starts, headline, cands, dates)
    if caps_runs:
        known = {" ".join(c.words): c.label for c in cands}
        for toks in caps_runs:
            _classify_caps(doc, toks, known, cands)
        cands.sort(key=lambda c: c.start)
    harmonise(cands, text, doc.gaz)
    places_acting(cands, doc)
    if caps_runs:
        caps_follow(cands)
    cands = bare_surnames(cands, (t for r in runs for t in r[0]), text, doc)
    cands = join_and(cands, text, doc.gaz)
    ents = [Entity(c.start, c.end, text[c.start : c.end], c.label) for c in cands]
    ents += [Entity(s, e, text[s:e], DATE) for s, e in dates]
    ents += [Entity(s, e, text[s:e], DATE) for s, e in numeric_dates(text)]
    if vocabulary is None and len(text) <= LOWER_CITIES_MAX_CHARS:
        vocabulary = set(_LOWER_WORD.findall(text))
    if lowercase_places:
        ents += _lowercase_places(text, doc.gaz, vocabulary)
    if vocabulary:
        ents += _lowercase_names(text, cands, vocabulary, doc)
    return _non_overlapping(ents)


def _continues_abbreviation(text: str, prev: list[tuple[int, int, str]], s: int) -> bool:
    _ps, pe, pw = prev[-1]
    if pe >= len(text) or text[pe] != "." or not (pw in ABBREVIATIONS or (len(pw) == 1 and pw.isupper())):
        return False
    gap = text[pe + 1 : s]
    return 0 < len(gap) <= 2 and not gap.strip()


#: Words that make "<word> of X" a place: "north of Svalbard", "the city of Fes".
_PLACE_OF = frozenset(
    "north south east west northeast northwest southeast southwest outskirts suburbs "
    "city town village province region district island islands coast capital state "
    "archipelago cities towns villages provinces regions districts".split()
)


def _prev_class(word: str, before: str) -> str:
    """What the word before a name says about it: locative, article, speech, role."""
    low = word.lower()
    if low in LOCATIVE:
        return "loc"
    if word == "of" and before.lower() in _PLACE_OF:
        return "loc"  # "north of Svalbard", "the outskirts of Kenitra"
    if word == "the":
        return "the-loc" if before.lower() in LOCATIVE else "the"
    if word in SPEECH_VERBS:
        return "speech"
    if word in ROLE_NOUNS:
        return "role"
    return ""


def _ordinary_opener(doc: _Doc, w: str, headline: bool) -> bool:
    """Is ``w``, opening a sentence, an ordinary word with no claim to be a name?"""
    return (
        w not in DATE_WORDS
        and w not in SINGLE_WORD_ORGS
        and w not in doc.mid_caps
        and not doc.gaz.place_kind(w)  # "Leeds beat ...": judged with the next word
        and doc.zipf(w) >= COMMON
        and not (_is_acronym(w) and not headline)
        and not (w.isupper() and len(w) > 1)  # "JAKARTA —": a dateline, judged in full
    )


def _classify_run(
    doc: _Doc,
    toks: list[tuple[int, int, str]],
    starts: bool,
    headline: bool,
    out: list[Candidate],
    dates: list[tuple[int, int]],
) -> None:
    text = doc.text
    # All-caps dateline at the start of a line: "GENEVA —", "NEW YORK, May 3 -".
    s0 = toks[0][0]
    if (s0 == 0 or text[s0 - 1] == "\n") and all(t[2].isupper() and len(t[2]) >= 3 for t in toks if t[2][0].isupper()):
        if _DATELINE_AFTER.match(text, toks[-1][1]) or (
            _DATELINE_DATE.match(text, toks[-1][1]) and _dateline_word(doc, toks)
        ):
            out.append(Candidate(list(toks), PLACE, True))
            return
    if (
        toks[0][2] == "By" and 3 <= len(toks) <= 5 and (s0 == 0 or text[s0 - 1] == "\n")
        and not any(_is_low(t[2]) for t in toks) and doc.line_info(s0)[1] <= toks[-1][1] + 40
    ):
        # A byline: "By Hana Pirelli", "By HANA PIRELLI, Staff Writer".
        name = [t for t in toks[1:] if t[2] not in CREDIT_WORDS]
        if 2 <= len(name) <= 3 and name == toks[1 : 1 + len(name)]:
            out.append(Candidate(name, PERSON, True))
            return
    if any("-" in t[2] and _adjective_word(doc, t[2]) for t in toks):
        # "Hamas-led forces", "an Ohio-based firm": an adjective, and a break in the run
        # ("Islamist-controlled Mogadishu" is the place alone).
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for t in toks:
            if "-" in t[2] and _adjective_word(doc, t[2]):
                pieces.append([])
            else:
                pieces[-1].append(t)
        for k, piece in enumerate(p for p in pieces if p):
            _classify_run(doc, piece, starts and piece[0] is toks[0], headline, out, dates)
        return
    if len(toks) == 1 and not toks[0][2].endswith(POSSESSIVE):
        segments: list[list[tuple[int, int, str]]] = [toks]
    elif headline:  # every word of a title-case headline needs its own evidence
        segments = _headline_segments(doc, toks)
    else:
        segments = _split_run(toks)
    for seg_i, seg in enumerate(segments):
        first = seg[0][2]
        if first in DATE_WORDS and len(seg) == 1:
            span = date_span(text, seg[0][0], seg[0][1])
            if span is not None:
                dates.append(span)
                continue
        words = tuple(w for _, _, w in seg)
        before = ""
        if starts and seg_i == 0:
            prev = ""  # the word before is in the previous sentence ("he said. Trotzdem, ...")
        else:
            before = doc.word_before(seg[0][0])
            before2 = doc.word_before(seg[0][0] - len(before) - 1) if before in ("the", "of") else ""
            prev = "title-of" if before == "of" and before2 in TITLES else _prev_class(before, before2)
        after = doc.word_after(seg[-1][1])
        speech = after in SPEECH_VERBS or after in TEAM_VERBS
        noun = _noun_cue(doc, seg[0][0], seg[-1][1], after, before if prev or not starts or seg_i else "")
        key = (words, starts and (seg_i == 0 or headline), headline, prev, speech, noun)
        verdict = doc.verdicts.get(key, False)
        if verdict is False:
            verdict = doc.verdicts[key] = _judge(doc, words, 0, len(words), key[1], headline, prev, speech, noun)
        if verdict is not None:
            i, j, label, strong = verdict
            out.append(Candidate(seg[i:j], label, strong))


def _count_word(text: str, w: str) -> int:
    """How often ``w`` is written in ``text`` (as a substring: an upper bound): a
    spelling used three times is the article's name for something, not a slip."""
    return text.count(w)


def _noun_cue(doc: _Doc, start: int, end: int, after: str, before: str) -> str:
    """"org" or "place" when a lower-case noun right next to the name says what it
    names ("the Fatah party", "oil firm Rosneft", "Zabul province"), else ""."""
    text = doc.text
    if end < len(text) and text[end] == " " and after[:1].islower():
        if after in ORG_AFTER:
            return "org"
        if after in PLACE_AFTER:
            return "place"
    if before in ORG_BEFORE and text[start - 1 : start] == " ":
        return "org"
    return ""


def _adjective_word(doc: _Doc, w: str) -> bool:
    """A hyphenated adjective, not a name: "Hamas-led", "Ohio-based" (a lower-case
    second half), "Israeli-Palestinian", "African-American" (a people's adjective)."""
    head, tail = w.rsplit("-", 1)
    if not tail or not tail.isalpha() or not head:
        return False
    if tail[0].islower():
        return tail not in TITLE_SUFFIXES
    return head[0].isupper() and _group_word(doc, head.rsplit("-", 1)[-1]) and _group_word(doc, tail)


def _group_word(doc: _Doc, w: str) -> bool:
    """A faith, a people or their adjective ("Sunni", "Kurds", "Israelis", "Congolese"):
    a word about many people, no entity of its own."""
    if w in GROUP_WORDS:
        return True
    kind = doc.gaz.place_kind(w)
    if kind not in (None, "town"):
        return False
    if w.endswith("s") and len(w) > 4 and doc.zipf(w[:-1]) >= 2.5:
        return _demonym(w[:-1])  # "Israelis", not "Palais"
    return _demonym(w)


@lru_cache(maxsize=4096)
def _demonym(w: str) -> bool:
    """Is ``w`` a people's adjective ("Kenyan", "Sudanese", "Norwegian")? The stem must be
    a well-known place's name or all but its last letter ("Ital-ian"), or the word an
    ordinary English word of the demonym shape: "Taleban" is no "Talca-n", "Maliki" no
    "Mali-ki"."""
    gaz = get_gazetteer()
    if not gaz.is_demonym(w):
        return False
    if get_lexicon_zipf(w) >= 3.0:
        return True
    for suffix in DEMONYM_SUFFIXES:
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        stem = w[: len(w) - len(suffix)]
        for place in gaz.demonym_stems.get(stem[:3], ()):
            common = 0
            for a, b in zip(stem, place):
                if a != b:
                    break
                common += 1
            if common == len(stem) or (common == len(stem) - 1 and len(place) >= len(stem)):
                return True
    return False


def get_lexicon_zipf(w: str) -> float:
    from reader.analysis.lexicon import get_lexicon

    return get_lexicon().zipf(w)


def _dateline_word(doc: _Doc, toks: list[tuple[int, int, str]]) -> bool:
    """Can the all-caps words open a dateline: a known place, or no ordinary word?"""
    name = " ".join(caps_title(t[2]) for t in toks)
    return bool(doc.gaz.place_kind(name)) or all(doc.zipf(caps_title(t[2])) < COMMON for t in toks)


def _headline_segments(doc: _Doc, toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """A title-case headline's words one by one, except that known places of several
    words stay whole ("United Arab Emirates", "New York")."""
    words = [t for t in toks if not _is_low(t[2])]
    out: list[list[tuple[int, int, str]]] = []
    i = 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 1, -1):
            seg = words[i : i + size]
            if seg[-1][0] - seg[0][0] < 60 and doc.gaz.place_kind(doc.text[seg[0][0] : seg[-1][1]]):
                out.append(seg)
                i += size
                break
        else:
            out.append([words[i]])
            i += 1
    return out


def _classify_caps(
    doc: _Doc, toks: list[tuple[int, int, str]], known: dict[str, str], out: list[Candidate]
) -> None:
    """Names in an all-caps headline or dateline ("SOCCER - LEEDS BEAT CHELSEA",
    "MELBOURNE 1996-12-06"). Capitals say nothing there, so a word sequence is a name
    only when the article writes it as a name elsewhere (it takes that label), or when
    it is a known place whose name is no ordinary word ("CHINA", "NEW YORK"); the
    longest such sequence wins (up to four words)."""
    gaz = doc.gaz
    text = doc.text
    n = len(toks)
    s0 = toks[0][0]
    if (s0 == 0 or text[s0 - 1] == "\n") and _dateline_word(doc, toks[:1]) and (
        _DATELINE_AFTER.match(text, toks[0][1]) or _DATELINE_DATE.match(text, toks[0][1])
    ):
        out.append(Candidate([toks[0]], PLACE, True))  # "AL-AIN, United Arab Emirates 1996-12-06"
        toks = toks[1:]
        n -= 1
    i = 0
    while i < n:
        for size in range(min(4, n - i), 0, -1):
            seg = toks[i : i + size]
            if _is_low(seg[0][2]) or _is_low(seg[-1][2]):
                continue
            name = " ".join(caps_title(t[2]) if not _is_low(t[2]) else t[2] for t in seg)
            label = known.get(name)
            if label is None and gaz.place_kind(name) and (size > 1 or gaz.is_strong_place(name)):
                label = PLACE
            if label is None and size == 1 and name in doc.mid_caps and not doc.zipf(name) >= COMMON:
                label = PERSON  # a name the text writes elsewhere; its label follows there
            if label is not None:
                last = seg[-1]
                if last[2].endswith(("'S", "\u2019S")):
                    seg = seg[:-1] + [(last[0], last[1] - 2, last[2][:-2])]
                out.append(Candidate(list(seg), label, False))
                i += size
                break
        else:
            i += 1


def _role_like(doc: _Doc, w: str) -> bool:
    """An ordinary but not very common word ("Forecaster", "Co-author"): before a given
    name at a sentence start it is a role, not part of the name."""
    parts = w.split("-")
    return all(2.0 <= doc.zipf(p) for p in parts) and doc.zipf(w) < COMMON and not _is_acronym(w)


def _judge(
    doc: _Doc, words: tuple[str, ...], i: int, j: int, starts: bool, headline: bool, prev: str, speech: bool,
    noun: str = "",
) -> tuple[int, int, str, bool] | None:
    """Is ``words[i:j]`` (a capitalised segment) a name? Returns the slice that is, its
    label and whether the label is sure; ``None`` when it is no name."""
    gaz = doc.gaz
    while j > i and _is_low(words[j - 1]):
        j -= 1
    if i >= j:
        return None
    if words[i] in ("A", "An") and j - i > 1:
        i += 1  # "A Spanish court": the article opens the sentence, not the name
        starts = False
    if prev == "title-of" and not gaz.place_kind(" ".join(words[i:j])):
        # "Secretary of State Ann Holt", "Minister of Foreign Affairs Jonas Berg": the
        # title goes on after "of"; its words are no part of the name.
        k = i
        while k < j and (
            words[k] in TITLES or _is_low(words[k])
            or (doc.zipf(words[k]) >= COMMON and not gaz.is_first_name(words[k]) and not gaz.place_kind(words[k]))
        ):
            k += 1
        if k == j:
            return None
        if k > i:
            i, prev, starts = k, "role", False
    person_cue = prev in ("speech", "role")
    # Peoples and faiths before a name: "Sunni Arab" is none, "German Tommy Haas" a person.
    k = i
    while k < j and _group_word(doc, words[k]):
        k += 1
    if k > i and not person_cue:
        if k == j:
            return None
        if gaz.is_first_name(words[k]):
            i, starts = k, False
    # Titles: "Foreign Minister Ingrid Lindqvist" -> a person cue + "Ingrid Lindqvist".
    n = _title_prefix(words[i:j], doc)
    if n and words[j - 1] in ORG_HEADS:
        n = 0  # "General Assembly", "Chief Executive Office": an organisation's name
    if n:
        i += n
        person_cue = True
        starts = False
        while i < j and _is_low(words[i]):
            i += 1
        if i >= j:
            return None
    elif j - i == 1 and (words[i] in TITLES or words[i] in MONTH_ABBREVIATIONS):
        return None
    first = words[i]
    if (
        starts and not person_cue and j - i > 2
        and gaz.is_first_name(words[i + 1])
        and not gaz.is_first_name(first)
        and first not in doc.mid_caps
        and _role_like(doc, first)
    ):
        # "Forecaster Maria Lourdes Villanueva": an unlisted role noun opening the sentence
        i += 1
        first = words[i]
        person_cue = True
        starts = False
    if starts and not person_cue:
        # A sentence-initial capital: keep the first word only with evidence.
        z = doc.zipf(first)
        keep = (
            first in doc.mid_caps
            or gaz.is_strong_place(first)
            or gaz.is_strong_place(" ".join(words[i:j]))
            or (j - i > 1 and (gaz.is_strong_first_name(first) or first.lower() in PARTICLES or z < RARE))
            or (j - i > 1 and gaz.is_first_name(first) and doc.zipf(words[i + 1]) < RARE)  # "Joke Verhaegen"
            or (speech and j - i == 1 and (z < COMMON or first.lower() in gaz.proper_words or gaz.place_kind(first)))
            or (not headline and _is_acronym(first))
            or (j - i == 1 and not headline and doc.near_name(first))
        )
        if not keep:
            i += 1
            while i < j and _is_low(words[i]):
                i += 1
            if i >= j:
                return None
            before = words[i - 2] if i >= 2 else ""
            return _judge(doc, words, i, j, False, headline, _prev_class(words[i - 1], before), speech, noun)
    if j - i == 1:
        w = first
        if len(w) < 2 or (_ROMAN.match(w) and len(w) <= 3):
            return None
        if w.isupper():
            if headline or not _is_acronym(w):
                return (i, j, PLACE, True) if gaz.is_strong_place(w.title()) else None
            return i, j, PLACE if gaz.place_kind(w.replace(".", "")) else ORG, True
        z = doc.zipf(w)
        kind = gaz.place_kind(w)
        if not person_cue and _group_word(doc, w):
            return None  # "Norwegian", "Faroese", "Roman", "Sunnis"
        if person_cue and prev not in ("loc", "the-loc") and not gaz.is_major_place(w) and z < 5:
            return i, j, PERSON, True  # "President Bush", "said Rice"
        if z >= COMMON:
            if w in SINGLE_WORD_ORGS:
                return i, j, ORG, True
            if gaz.is_strong_place(w):
                return i, j, PLACE, True
            if w in doc.mid_caps and kind not in (None, "town"):
                return i, j, PLACE, False
            if prev in ("loc", "the-loc") and (kind or z < 4.5):
                return i, j, PLACE, False
            if person_cue and z < 5:
                return i, j, PERSON, True
            if not starts and w.lower() in gaz.proper_words and w not in DATE_WORDS:
                # "talks with Putin", "according to Reuters": a name no dictionary lists
                return i, j, PERSON if (speech or gaz.is_first_name(w) or prev == "speech") else ORG, False
            if speech and kind not in (None, "town"):
                return i, j, PLACE, False  # "Leeds beat ...": the context decides later
            return None

        if (
            not person_cue and not noun and not gaz.place_kind(w) and looks_like_typo(w, doc.lexicon)
            and _count_word(doc.text, w) < 3
        ):
            return None
    label, strong = _label(doc, words[i:j], person_cue, prev, speech, noun)
    if label == PERSON and j - i > 2 and words[j - 1] in CREDIT_WORDS:
        j -= 1  # "Hana Pirelli Contributed": a byline's credit, not the name
    return i, j, label, strong


def _label(
    doc: _Doc, words: tuple[str, ...], person_cue: bool, prev: str, speech: bool, noun: str = ""
) -> tuple[str, bool]:
    gaz = doc.gaz
    caps = [w for w in words if not _is_low(w)]
    joined = " ".join(words)
    first, last = caps[0], caps[-1]
    head = last
    for k, w in enumerate(words):
        if w in HEAD_CONNECTORS or (w in PARTICLES and k > 0 and words[k - 1] in _HEADS):
            head = words[k - 1]
            break
    kind = gaz.place_kind(joined)
    if kind and not person_cue:
        return PLACE, joined not in gaz.common_places
    if head in ORG_HEADS or (head == last and last in ORG_HEADS):
        return ORG, True
    if head in PLACE_HEADS or (len(caps) > 1 and first in PLACE_PREFIXES):
        return PLACE, True
    if len(caps) == 1 and noun and not gaz.is_first_name(first):
        return (ORG if noun == "org" else PLACE), True
    if person_cue:
        return PERSON, True
    if len(caps) > 1 and gaz.is_strong_first_name(first) and not (prev in ("loc", "the-loc") and gaz.place_kind(first)):
        return PERSON, True
    if len(caps) > 1 and gaz.is_first_name(first) and prev not in ("loc", "the", "the-loc"):
        return PERSON, False  # "Will Smith", but "the Red Cross"
    if len(caps) > 1 and gaz.place_kind(last) and not gaz.place_kind(first):
        return ORG, False  # "Havenbedrijf Rotterdam", "Bayern Munich"
    if len(caps) > 1 and gaz.place_kind(first) and not gaz.place_kind(last):
        return PLACE, False  # "Madrid Chamartin", "Valencia de Alcantara"
    if prev == "the" and speech and len(caps) == 1:
        return ORG, False  # "the Taleban said": a place does not speak
    if prev in ("loc", "the", "the-loc"):
        # People take no article: "the Rhine", "the Kvarnholmen terminal".
        return PLACE, False
    if speech:
        return PERSON, len(caps) > 1
    if len(caps) > 1:
        rare = all(doc.zipf(w) < COMMON or gaz.is_first_name(w) for w in caps)
        return (PERSON if rare else ORG), False
    return PERSON, False


def _lowercase_places(text: str, gaz: Gazetteer, vocabulary: Collection[str] | None) -> list[Entity]:
    """Countries written in lower case ("germany"): still the place, misspelled."""
    names = gaz.lower_places.keys()
    if vocabulary is None:
        names = gaz.lower_major.keys()  # a very long text: countries and major cities
    else:
        names = [w for w in names if w in vocabulary]
    hits = frozenset(w for w in names if " " not in w)
    if not hits:
        return []
    return [Entity(m.start(), m.end(), m.group(), PLACE) for m in _whole_word_matches(hits, text)]


#: A name written lower case elsewhere ("akhannouch") is the same entity when it is
#: rarer than this in English (Zipf): frequent words ("bill", "rose") are left alone.
LOWER_NAME_MAX_ZIPF = 2.5
#: ... and rarer than this in another language (a common foreign word is foreign text).
LOWER_NAME_MAX_FOREIGN_ZIPF = 3.5


def _lowercase_names(text: str, cands: list[Candidate], vocabulary: Collection[str], doc: _Doc) -> list[Entity]:
    """Lower-case occurrences of rare single-word names the text also writes capitalised
    ("Aziz Akhannouch ... asked akhannouch"): the same entity, misspelt (the ``case``
    check points at them)."""
    forms: dict[str, str] = {}
    for c in cands:
        if c.label not in (PERSON, PLACE):
            continue
        w = c.words[-1]
        if len(w) >= 4 and w.isalpha() and w.istitle() and doc.zipf(w) < LOWER_NAME_MAX_ZIPF:
            abroad = doc.lexicon.foreign_zipf(w)
            if abroad is None or abroad[1] < LOWER_NAME_MAX_FOREIGN_ZIPF:  # not "morgens"
                forms.setdefault(w.lower(), c.label)
    hits = frozenset(w for w in forms if w in vocabulary)
    if not hits:
        return []
    return [Entity(m.start(), m.end(), m.group(), forms[m.group()]) for m in _whole_word_matches(hits, text)]


#: The text's lower-case words, collected in one C-speed pass so that the lower-case
#: name and place scans look only for the names present.
_LOWER_WORD = re.compile(r"[a-zà-ÿ]{4,}")
#: Up to this length (characters) every gazetteer city is recognised in lower case as a
#: PLACE, and lower-case names seen capitalised; beyond it only countries, continents and
#: major cities are (the ``case`` check still flags all): a scan for thousands of names
#: would cost ~10% of the analysis.
LOWER_CITIES_MAX_CHARS = 500_000


def lowercase_place_entity(text: str, start: int, end: int) -> Entity | None:
    """A PLACE entity for ``text[start:end]`` when it is a country or continent written
    in lower case ("germany", "slovakia"; never "turkey" or "china", which are also
    English words), else ``None``."""
    word = text[start:end]
    if word.islower() and word in get_gazetteer().lower_places:
        return Entity(start, end, word, PLACE)
    return None


def _whole_word_matches(words: frozenset[str], text: str) -> Iterator[re.Match[str]]:
    """Occurrences of ``words`` in ``text`` as whole words: not inside a longer word, nor
    after an underscore or a hyphen."""
    for m in _alternation(words).finditer(text):
        s = m.start()
        if not (s and (text[s - 1].isalnum() or text[s - 1] in "_-")):
            yield m


@lru_cache(maxsize=64)
def _alternation(words: frozenset[str]) -> re.Pattern[str]:
    """One pattern for all ``words`` (a prefix trie keeps the scan to one pass)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"(?<![^\W_]|-){emit(trie)}(?![^\W_]|-)")


def _non_overlapping(ents: list[Entity]) -> list[Entity]:
    ents.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Entity] = []
    last_end = -1
    for e in ents:
        if e.start >= last_end and e.end > e.start:
            out.append(e)
            last_end = e.end
    return out


def covering_entity(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity (from a sorted, non-overlapping list) that contains ``[start, end)``."""
    i = _bisect(entities, start)
    if i >= 0:
        e = entities[i]
        if e.start <= start and end <= e.end:
            return e
    return None


def _bisect(entities: Sequence[Entity], start: int) -> int:
    lo, hi = 0, len(entities)
    while lo < hi:
        mid = (lo + hi) // 2
        if entities[mid].start <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1

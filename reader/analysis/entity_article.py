"""Article-level passes over the entity candidates: one sense per article.

``reader.analysis.entities`` judges every capitalised run on its own context; these passes
then look at the whole article (docs/ARCHITECTURE.md, analysis): a surname alone takes the
label of its full name, a common-word surname seen with a first name or title is found
again when it stands alone, a lone name that nothing marks as a person is an organisation,
towns that play or speak are teams or governments, an all-caps mention follows the name
written normally, organisations run across "and".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from reader.analysis.dates import DATE_WORDS
from reader.analysis.gazetteer import Gazetteer, fold
from reader.analysis.names_words import (
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    SPEECH_VERBS,
    TEAM_VERBS,
)

if TYPE_CHECKING:
    from reader.analysis.entities import _Doc

PERSON, PLACE, ORG, DATE = "PERSON", "PLACE", "ORG", "DATE"
#: Zipf frequency from which a word is an ordinary English word (about 3 per 100k words).
COMMON = 3.5
POSSESSIVE = ("'s", "\u2019s", "s'", "s\u2019")


class Candidate:
    __slots__ = ("start", "end", "words", "spans", "label", "strong")

    def __init__(self, spans: list[tuple[int, int, str]], label: str, strong: bool) -> None:
        self.spans = spans
        self.start = spans[0][0]
        self.end = spans[-1][1]
        self.words = [w for _, _, w in spans]
        self.label = label
        self.strong = strong


_AND = frozenset({" and ", " & "})


_WORD_AND_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]+)(?: and | & )$")


def join_and(cands: list[Candidate], text: str, gaz: Gazetteer) -> list[Candidate]:
    """One organisation across a lower-case "and": "Justice and Development Party",
    "Ministry of Agriculture and Rural Development", "Van Dijk and Sons". Two names
    joined by "and" are one when the second ends in an organisation word and the first
    is no complete name of its own (no organisation or place word at its end, no known
    place, no person), or when the first is "<organisation word> of ..." and the second
    opens with no given name."""
    out: list[Candidate] = []
    for c in cands:
        a = out[-1] if out else None
        if a is not None and text[a.end:c.start] in _AND and DATE not in (a.label, c.label):
            ends_org = c.words[-1] in ORG_HEADS
            first_open = (
                a.words[-1] not in ORG_HEADS
                and a.words[-1] not in PLACE_HEADS
                and not (a.label == PERSON and a.strong)
                and not gaz.is_strong_place(" ".join(a.words))
            )
            of_org = a.words[0] in ORG_HEADS and "of" in a.words and not gaz.is_strong_first_name(c.words[0])
            if (ends_org and first_open) or of_org:
                out[-1] = Candidate(a.spans + c.spans, ORG, True)
                continue
        if c.words[-1] in ORG_HEADS and len(c.words) > 1 and (a is None or a.end < c.start - 5):
            # "The Authenticity and Modernity Party": the first word was no name alone
            m = _WORD_AND_BEFORE.search(text, max(0, c.start - 40), c.start)
            if m and m.group(1) not in DATE_WORDS and not gaz.is_strong_first_name(m.group(1)):
                c = Candidate([(m.start(1), m.end(1), m.group(1)), *c.spans], ORG, True)
        out.append(c)
    for k, c in enumerate(out):
        # "Ministry of Trade and Industry": common words after the "and" made no run
        if c.label != ORG or c.words[0] not in ORG_HEADS or "of" not in c.words:
            continue
        m = _AND_WORDS_AFTER.match(text, c.end)
        if not m or (k + 1 < len(out) and out[k + 1].start < m.end()):
            continue
        words = m.group(1).split(" ")
        if any(w in DATE_WORDS or gaz.is_strong_first_name(w) for w in words):
            continue
        spans, pos = list(c.spans), m.start(1)
        for w in words:
            spans.append((pos, pos + len(w), w))
            pos += len(w) + 1
        out[k] = Candidate(spans, ORG, True)
    return out


_AND_WORDS_AFTER = re.compile(r"(?: and | & )([A-Z][a-z-]+(?: [A-Z][a-z-]+){0,2})(?![\w-])")


def caps_follow(cands: list[Candidate]) -> None:
    """An all-caps mention ("LEEDS") takes the final label of the same name written
    normally in the article ("Leeds beat ...", a team)."""
    labels = {" ".join(c.words): c.label for c in cands if not c.words[0].isupper()}
    for c in cands:
        if c.words[0].isupper() and not c.strong:
            label = labels.get(" ".join(caps_title(w) for w in c.words))
            if label:
                c.label = label


def caps_title(word: str) -> str:
    """The ordinary spelling of an all-caps word: "CHINA'S" -> "China", "AL-AIN" -> "Al-Ain"."""
    if word.endswith(("'S", "\u2019S")):
        word = word[:-2]
    return word if "." in word else word.title()


_VERSUS = frozenset({"v", "v.", "vs", "vs.", "versus"})


_SCORE = re.compile(r"[ \t]+\d{1,3}(?:[-:]\d{1,3})?(?:[ \t]*[,;.)\n]|[ \t]+[A-Z]|$)")


def places_acting(cands: list[Candidate], doc: _Doc) -> None:
    """A town's name that plays or speaks is an organisation: its team ("Leeds beat
    Chelsea 2-1", "Arsenal 3 Leeds 1", "Leeds v Chelsea") or its government ("Moscow said").
    Countries stay places (their teams and governments are usually written so). A team
    found once makes every mention of the name in the article the team."""
    text, gaz = doc.text, doc.gaz
    teams: set[str] = set()
    for k, c in enumerate(cands):
        if c.label != PLACE:
            continue
        name = " ".join(c.words)
        if gaz.place_kind(name) in ("country", "continent", "region"):
            continue
        after = doc.word_after(c.end) if text[c.end : c.end + 1] == " " else ""
        before = doc.word_before(c.start) if text[c.start - 1 : c.start] == " " else ""
        if (
            after in TEAM_VERBS or before in TEAM_VERBS
            or after in _VERSUS or before in _VERSUS or text[c.start - 3 : c.start] in (" v ", "vs ")
            or (_SCORE.match(text, c.end) and _score_line(cands, k, text))
        ):
            teams.add(name)
        elif (
            after in SPEECH_VERBS and gaz.is_major_place(name)
            and (before in ("and", "but", "that") or doc.sentence_start(c.start))
        ):
            c.label, c.strong = ORG, True
    if teams:
        for c in cands:
            if c.label == PLACE and " ".join(c.words) in teams:
                c.label, c.strong = ORG, True


def _score_line(cands: list[Candidate], k: int, text: str) -> bool:
    """Is candidate ``k``, followed by a number, one side of a result ("Leeds 2
    Chelsea 1", "Chelsea 2-1 Leeds")? A name and a number before or after it say so."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(cands) and cands[j].label in (PLACE, ORG):
            a, b = (cands[j], cands[k]) if j < k else (cands[k], cands[j])
            gap = text[a.end : b.start]
            if len(gap) <= 12 and any(ch.isdigit() for ch in gap) and "\n" not in gap:
                return True
    return False


def bare_surnames(
    cands: list[Candidate], tokens: Iterator[tuple[int, int, str]], text: str, doc: _Doc
) -> list[Candidate]:
    """One name, one sense in an article: once "Dana Rice" (or "Senator Rice") is a
    person, a later bare "Rice" is too, even though "Rice" alone is an ordinary word and
    was no candidate. Only capitalised occurrences that no candidate covers are added."""
    surnames: set[str] = set()
    for c in cands:
        if c.label != PERSON or not c.strong:
            continue
        last = c.words[-1]
        if len(last) >= 3 and last[0].isupper() and last.isalpha() and not last.isupper():
            if len(c.words) > 1 or doc.zipf(last) >= COMMON:
                surnames.add(last)
    if not surnames:
        return cands
    starts = [c.start for c in cands]
    added: list[Candidate] = []
    for s, e, w in tokens:
        if w not in surnames:
            if not (w.endswith(POSSESSIVE) and w[:-2] in surnames):
                continue
            e -= 2
        k = bisect_right(starts, s) - 1
        if k >= 0 and cands[k].end > s:
            continue  # inside a candidate
        if k + 1 < len(cands) and cands[k + 1].start < e:
            continue
        if e < len(text) and text[e] in "-'’" and text[e + 1 : e + 2] != "s":
            continue  # "Rice-growing"
        added.append(Candidate([(s, e, text[s:e])], PERSON, True))
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def _misspelt_of(word: str, names: Collection[str]) -> bool:
    """Is ``word`` one of ``names`` misspelt ("Vermuelen" for "Vermeulen",
    "Wisniewski" for "Wiśniewski": at most two edits from eight letters, one below)?"""
    if len(word) < 5 or not names:
        return False
    from rapidfuzz.distance import OSA

    w = fold(word)
    limit = 2 if len(word) >= 8 else 1
    return any(
        abs(len(n) - len(word)) <= limit and OSA.distance(w, fold(n), score_cutoff=limit) <= limit
        for n in names if len(n) >= 5
    )


_LIST_GLUE = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})


def harmonise(cands: list[Candidate], text: str, gaz: Gazetteer) -> None:
    """A surname alone takes the label of the full name it shortens ("Sousa said", even
    when a small town is called Sousa); an unsure label takes that of a sure place it is
    listed with ("in Lisbon and Marvão")."""
    labels: dict[str, str] = {}
    for c in cands:
        if c.strong and c.label == PLACE and c.words[0].isupper():
            labels.setdefault(" ".join(w.title() for w in c.words), PLACE)  # KIEV -> Kiev
        if c.strong and c.label == PERSON and len(c.words) == 1:
            labels.setdefault(c.words[0], PERSON)  # "President Okafor", then "Okafor"
        if c.strong and len(c.words) > 1:
            for w in c.words[1:] if c.label == PERSON else c.words:
                if w[0].isupper():
                    labels.setdefault(w, c.label)
            if c.label == PERSON:
                labels.setdefault(" ".join(c.words[1:]), PERSON)
    if labels:
        for c in cands:
            key = " ".join(c.words)
            label = labels.get(key)
            if label is None and len(c.words) == 2 and c.words[0].lower() in PARTICLES:
                label = labels.get(c.words[-1])  # "De Wit" for "Sanne de Wit"
            if label is None or label == c.label:
                continue
            if not c.strong or (label == PERSON and c.label == PLACE and not gaz.is_major_place(key)):
                c.label = label
                c.strong = True
    # A lone unknown word with no cue for a person is more often an organisation: news
    # introduces people by full name or title ("Tomas Berg said", later "Berg"), while
    # groups, firms and agencies go by one word ("Hamas", "Gazprom").
    person_words = {
        w for c in cands if c.label == PERSON and (c.strong or len(c.words) > 1 or gaz.is_first_name(c.words[0]))
        for w in c.words
    }
    for c in cands:
        if c.label == PERSON and not c.strong and len(c.words) == 1:
            w = c.words[0]
            if (
                w not in person_words and not gaz.is_first_name(w) and not w.isupper()
                and not _misspelt_of(w, person_words)
            ):
                c.label = ORG
    for _ in range(2):
        for k in range(1, len(cands)):
            a, b = cands[k - 1], cands[k]
            if a.label == b.label or b.start - a.end > 6 or text[a.end : b.start] not in _LIST_GLUE:
                continue
            if a.label == PLACE and not b.strong:
                b.label = PLACE
            elif b.label == PLACE and not a.strong:
                a.label = PLACE

"""``grammar``: "a"/"an" against the sound of the next word, and doubled words.

"an" goes before a vowel *sound*: "an hour", "an honest", "an FBI agent" but "a union",
"a European", "a one-off". Spelling rules cover the usual exceptions (silent h, "u" read
"you", "eu", "one"); acronyms and numbers, whose reading is ambiguous, are not judged.
A doubled word ("the the") is flagged unless doubling is idiomatic ("had had", "that
that", "very very").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import eq

from reader.analysis.doc import Doc
from reader.analysis.tokens import is_sentence_start
from reader.model import Finding

_SILENT_H = re.compile(r"^(hour|honest|honou?r|heir|herb(?!al)|homage)")
#: "h" words where "an" is an accepted (older British) variant: never flagged either way.
_EITHER_H = re.compile(r"^(historic|hotel|habitual|hysteric|heroic|hypothe)")
#: u / eu / o words that start with a consonant sound.
_YOU_SOUND = re.compile(
    r"^(eu|ewe|uni(?![nmd])|unanim|use|usu|usa|uti|ure|uro|ubiq|uku|ukr|uvu|ufo|utop|uga|"
    r"uran|urin|uru|ute|uta|uvu|"
    r"one\b|one-|once|ouija)"
)
_IDIOMATIC_DOUBLES = frozenset(
    "had that very so no bye ha hah yes knock tut bla blah ho la dum pom cha chop go oh ah "
    "is well now many long far night pretty really wait there fifty".split()
)


@lru_cache(maxsize=65536)
def wants_an(word: str) -> bool | None:
    """Whether ``word`` takes "an" (True), "a" (False) or cannot be judged (None)."""
    low = word.lower().replace("’", "'")
    if not low[:1].isalpha() or not low.isascii():
        return None
    if len(word) > 1 and word.isupper():
        return None  # acronyms: "an FBI", "a NATO" depend on how they are read
    if _EITHER_H.match(low):
        return None
    if _SILENT_H.match(low):
        return True
    if _YOU_SOUND.match(low):
        return False
    if len(low) == 1:
        return None
    return low[0] in "aeiou"


_ARTICLES = frozenset(("a", "an", "A", "An"))


def find_grammar(doc: Doc) -> list[Finding]:
    toks = doc.tokens
    words, seps = toks.words, toks.seps
    n = len(words)
    lex = doc.lexicon
    out: list[Finding] = []
    # candidates first, with C-speed comprehensions; the checks below run on few words
    arts = doc.indices_of(_ARTICLES)
    # "the the" and, at a sentence start, "The the"
    dbls = list(compress(range(n), map(eq, map(str.lower, words), words[1:])))
    for i in arts:
        if i + 1 >= n or seps[i] != " ":
            continue
        w, nxt = words[i], words[i + 1]
        if w[0] == "A" and i > 0 and not is_sentence_start(toks, i):
            continue  # "Plan A in", "vitamin A"
        if i > 0 and seps[i - 1][-1:] in ("-", "'", "’", "/"):
            continue
        an = wants_an(nxt)
        if an is None or an == (w.lower() == "an"):
            continue
        if lex.foreign_zipf(nxt) and lex.zipf(nxt) < 3.0:
            continue  # "a la carte", Portuguese "a" before a foreign word
        article = "an" if an else "a"
        if w[0] == "A":
            article = article.capitalize()
        out.append(doc.finding(toks.starts[i], toks.ends[i + 1], "grammar",
                               f"“{article}” before a {'vowel' if an else 'consonant'} sound",
                               (f"{article} {nxt}",)))
    for i in dbls:
        w = words[i]
        if seps[i] != " " or len(w) < 2 or not w.isalpha() or w.lower() in _IDIOMATIC_DOUBLES:
            continue
        if w != words[i + 1] and not is_sentence_start(toks, i):
            continue  # "Will will" (a name), "May may"
        out.append(doc.finding(toks.starts[i], toks.ends[i + 1], "grammar",
                               f"doubled word “{words[i + 1]}”", (w,)))
    out.sort(key=lambda f: f.start)
    return out

"""Story grouping quality on text nobody on the team wrote, and on our own test library.

External: the MLQE-PE machine-translated sentences (data/mt-postedit in the shared
evaluation data, three files of 100 Wikipedia articles each). Every source article with at
least four sentences becomes two pseudo-reports (its odd and its even sentences, machine
translation as the tools read it); two reports of one source article should be one story,
reports of different articles should not. All three files are grouped together (about 600
reports), with no dates. Printed: pairwise precision and recall.

Own: the test library of tests/stories_data/corpus.py (seven events, two to four reports
each, plus unrelated articles): pairwise precision and recall, and how many garbled name
spellings get the right preferred spelling first in their story's names table.

    python benchmarks/stories_quality.py [--data PATH-TO-mt-postedit]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from reader.stories.features import extract
from reader.stories.grouping import StoryIndex


def pairwise(index: StoryIndex, truth: dict[str, str | None]) -> tuple[float, float, int]:
    story = {a: s.key for s in index.stories(singles=True) for a in s.article_ids}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same = truth[a] is not None and truth[a] == truth[b]
        found = story[a] == story[b]
        tp += same and found
        fp += found and not same
        fn += same and not found
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp + fn


def external(folder: Path) -> None:
    docs: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*-en.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            docs.setdefault(f"{path.stem}:{rec['doc']}", []).append(rec["mt"])
    feats, truth = [], {}
    for key, sentences in docs.items():
        if len(sentences) < 4:
            continue
        for half in (0, 1):
            aid = f"{key}#{half}"
            feats.append((aid, extract(" ".join(sentences[half::2]))))
            truth[aid] = key
    precision, recall, pairs = pairwise(StoryIndex.build(feats), truth)
    print(f"mt-postedit pseudo-reports={len(feats)} same-story pairs={pairs} "
          f"precision={precision:.3f} recall={recall:.3f}")


def own() -> None:
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from reader.analysis.entities import find_entities
    from reader.analysis.gazetteer import get_gazetteer
    from reader.analysis.lexicon import get_lexicon
    from reader.stories.names import names_table
    from tests.stories_data.corpus import ARTICLES, GARBLES

    feats = [(f"a{i}", extract(text, {"date": date})) for i, (_e, _t, date, text) in enumerate(ARTICLES)]
    truth = {f"a{i}": event for i, (event, *_r) in enumerate(ARTICLES)}
    precision, recall, pairs = pairwise(StoryIndex.build(feats), truth)
    print(f"own test library articles={len(feats)} same-story pairs={pairs} "
          f"precision={precision:.3f} recall={recall:.3f}")
    lexicon, gaz = get_lexicon(), get_gazetteer()
    right = total = 0
    for event, garbles in GARBLES.items():
        docs = [(f"a{i}", text, find_entities(text, lexicon))
                for i, (ev, _t, _d, text) in enumerate(ARTICLES) if ev == event]
        preferred = {s.text: c.preferred for c in names_table(docs, lexicon=lexicon, gazetteer=gaz)
                     for s in c.spellings}
        for garbled, correct in garbles.items():
            total += 1
            right += preferred.get(garbled) == correct
    print(f"own test library garbled spellings with the right preferred spelling first: {right}/{total}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=None,
                   help="the shared evaluation data's mt-postedit folder (skipped when absent)")
    args = p.parse_args()
    if args.data and args.data.is_dir():
        external(args.data)
    else:
        print("mt-postedit: skipped (pass --data PATH/mt-postedit)")
    own()


if __name__ == "__main__":
    main()

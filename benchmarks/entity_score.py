"""Score the entity finder and the variant finder on the development corpus.

Builds a ``reader check --format json``-shaped report from ``find_entities`` and
``find_variants`` alone (all the corpus files checked together, as ``reader check`` does
with several paths) and runs the corpus's ``score.py`` on it; with ``--time`` also times
both functions on a generated ~1,000,000-word text and on a 10,000-word slice.

usage: python benchmarks/entity_score.py [CORPUS_DIR] [--time] [--show]
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.analysis.entities import find_entities
from reader.analysis.lexicon import get_lexicon
from reader.analysis.variants import find_variants


def report(paths: list[Path]) -> dict:
    lex = get_lexicon()
    texts = [p.read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff") for p in paths]
    ents = [find_entities(t, lex) for t in texts]
    variants = find_variants(list(zip(texts, ents)), lex)
    return {
        "articles": [
            {
                "path": str(p),
                "title": t.split("\n", 1)[0],
                "findings": [f.to_json() for f in fs],
                "entities": [e.to_json() for e in es],
            }
            for p, t, es, fs in zip(paths, texts, ents, variants)
        ]
    }


def generated_text(words: int, seed: int = 7) -> str:
    """Frequency-sampled words in sentences, with names, places and dates mixed in."""
    from wordfreq import top_n_list

    rng = random.Random(seed)
    vocab = top_n_list("en", 20000)
    weights = [1 / (i + 10) for i in range(len(vocab))]
    firsts = ["Anna", "Pieter", "Jonas", "Maria", "Kwame", "Lucia", "Olek", "Sven"]
    lasts = ["Brandtner", "Okonkwo", "Lindqvist", "Vasquez", "Moreau", "Kowalczyk", "Haddad"]
    places = ["Lisbon", "Nairobi", "Toronto", "Krakow", "Osaka", "Valparaiso"]
    sample = rng.choices(vocab, weights=weights, k=words)
    out: list[str] = []
    i = 0
    while i < len(sample):
        n = rng.randint(8, 24)
        sent = sample[i : i + n]
        i += n
        r = rng.random()
        if r < 0.3:
            sent.insert(rng.randrange(len(sent)), f"{rng.choice(firsts)} {rng.choice(lasts)}")
        elif r < 0.5:
            sent.insert(rng.randrange(len(sent)), f"in {rng.choice(places)}")
        elif r < 0.6:
            sent.insert(rng.randrange(len(sent)), "on Tuesday")
        sent[0] = sent[0].capitalize()
        out.append(" ".join(sent) + ".")
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def timing() -> None:
    lex = get_lexicon()
    find_entities("Warm up in Geneva. Ingrid Halvorsen said so.", lex)
    big = generated_text(1_000_000)
    small = generated_text(10_000, seed=3)
    for name, text in (("1M words", big), ("10k words", small)):
        reps = 1 if len(text) > 1_000_000 else 20
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            ents = find_entities(text, lex)
        w1, c1 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            find_variants([(text, ents)], lex)
        w2, c2 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            find_entities(text, lex, lowercase_places=False)
        c3 = time.process_time()
        print(
            f"{name}: entities={len(ents)} find_entities cpu={(c1 - c0) / reps * 1000:.1f} ms "
            f"(wall {(w1 - w0) / reps * 1000:.1f}; without the lower-case country scan "
            f"cpu={(c3 - c2) / reps * 1000:.1f}) find_variants cpu={(c2 - c1) / reps * 1000:.1f} ms "
            f"(wall {(w2 - w1) / reps * 1000:.1f})"
        )


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else Path("/work/shared/corpus")
    paths = sorted(corpus.glob("*.txt"))
    rep = report(paths)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(rep, fh, ensure_ascii=False)
    if "--show" in argv:
        for art in rep["articles"]:
            print(Path(art["path"]).name)
            print("  ", "; ".join(f"{e['text']}/{e['label']}" for e in art["entities"]))
            print("  variants:", [(f["text"], f["suggestions"]) for f in art["findings"]])
    subprocess.run([sys.executable, str(corpus / "score.py"), str(corpus / "gold.json"), fh.name], check=False)
    if "--time" in argv:
        timing()


if __name__ == "__main__":
    main(sys.argv[1:])

"""`reader stories` and `reader names`: listing, JSON, split/merge, the names table,
--prefer, --apply with --dry-run, and one-line errors."""

from __future__ import annotations

import json

import pytest

from reader.store import Library
from tests.stories.conftest import add_corpus


@pytest.fixture
def corpus(db_path):
    lib = Library.open(db_path)
    truth = add_corpus(lib)
    lib.close()
    return truth


def _stories(run_cli):
    status, out, _ = run_cli("stories", "--json")
    assert status == 0
    return json.loads(out)["stories"]


def _number_of(stories, article_id):
    return next(s["number"] for s in stories if article_id in {a["id"] for a in s["articles"]})


def test_stories_lists_each_event_once(run_cli, corpus):
    found = _stories(run_cli)
    events = [{corpus[a["id"]] for a in s["articles"]} for s in found]
    assert sorted(e.pop() for e in events if len(e) == 1) == sorted({e for e in corpus.values() if e})
    status, out, _ = run_cli("stories")
    assert status == 0 and "articles" in out and "Gelashvili wins Tbilisi chess open" in out


def test_names_table_json_and_text(run_cli, corpus):
    ferry = next(a for a, e in corpus.items() if e == "ferry")
    status, out, _ = run_cli("names", ferry, "--json")
    assert status == 0
    doc = json.loads(out)
    oost = next(n for n in doc["names"] if n["preferred"] == "Oosterhuis")
    assert [s["text"] for s in oost["spellings"]] == ["Oosterhuis", "Oosterhius"]
    assert sum(oost["spellings"][1]["counts"].values()) == 1
    status, out, err = run_cli("names", ferry)
    assert status == 0 and "preferred Oosterhuis" in out and "variant   Oosterhius" in out
    assert "variant spellings" in err


def test_apply_dry_run_changes_nothing_then_apply_corrects(run_cli, corpus, db_path):
    n = str(_number_of(_stories(run_cli), next(a for a, e in corpus.items() if e == "wildfire")))
    status, out, err = run_cli("names", n, "--apply", "--dry-run")
    assert status == 0 and "+" in out and "-Mayor Eleni Karagiorgy" in out and "would be applied" in err
    lib = Library.open(db_path)
    assert all(not lib.corrections(a) for a in corpus)
    status, out, err = run_cli("names", n, "--apply")
    assert status == 0 and "Karagiorgy" in out and "applied 2 corrections" in err
    assert sum(len(lib.corrections(a)) for a in corpus) == 2
    status, _, err = run_cli("names", n, "--apply")
    assert status == 0 and "nothing to apply" in err


def test_prefer_remembers_a_spelling(run_cli, corpus):
    launch = next(a for a, e in corpus.items() if e == "launch")
    status, out, err = run_cli("names", launch, "--prefer", "Orbitalsi", "--json")
    assert status == 0 and "now the preferred" in err
    assert any(n["preferred"] == "Orbitalsi" for n in json.loads(out)["names"])
    status, out, _ = run_cli("names", launch, "--json")
    assert any(n["preferred"] == "Orbitalsi" for n in json.loads(out)["names"])


def test_split_and_merge_from_the_command_line(run_cli, corpus):
    chess = [a for a, e in corpus.items() if e == "chess"]
    status, _, err = run_cli("stories", "--split", chess[0])
    assert status == 0 and "story of their own" in err
    found = _stories(run_cli)
    assert all(chess[0] not in {a["id"] for a in s["articles"]} or len(s["articles"]) == 1 for s in found)
    dig = next(a for a, e in corpus.items() if e == "dig")
    status, _, _ = run_cli("stories", "--merge", dig, chess[1])
    assert status == 0
    merged = next(s for s in _stories(run_cli) if dig in {a["id"] for a in s["articles"]})
    assert merged["kept_by_hand"] and chess[2] in {a["id"] for a in merged["articles"]}


def test_bad_input_is_one_line_and_non_zero(run_cli, corpus):
    status, out, err = run_cli("names", "zzzz")
    assert status != 0 and err.startswith("reader: error:") and err.count("\n") == 1
    status, _, err = run_cli("names", "99")
    assert status == 2 and "no story 99" in err
    lone = next(a for a, e in corpus.items() if e is None)
    status, _, err = run_cli("names", lone)
    assert status != 0 and "in no story" in err
    status, _, err = run_cli("names", "1", "--dry-run")
    assert status != 0 and "--dry-run goes with --apply" in err


def test_reconciled_names_reach_reader_fix(run_cli, corpus, db_path):
    garbled = next(a for a, e in corpus.items() if e == "strike"
                   and "Cifeuntes" in Library.open(db_path).get_text(a))
    status, out, err = run_cli("fix", garbled, "--apply-suggestions", "variant", "--dry-run")
    assert status == 0 and "Valparaíso" not in out  # before: the article alone knows no better
    assert run_cli("names", garbled)[0] == 0  # the names table remembers the story's spellings
    status, out, err = run_cli("fix", garbled, "--apply-suggestions", "variant", "--dry-run")
    assert status == 0 and "+Container cranes stood idle in Valparaíso" in out
    assert "Rodrigo Cifuentes kept up" in out and "Carolina Valenzuela, has invited" in out

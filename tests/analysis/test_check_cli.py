"""``reader check``: the JSON contract, the text format and the exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLE = (
    "\ufeffGeneva summit\r\n\r\nGENEVA — The goverment of romania annouced on Wendsday a two -day "
    "plan, “con buena fe”. It’s a urgent matter: drier summers, drier summers.\r\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode("utf-8"))
    return p


def test_json_shape_and_offsets(run_cli, article: Path):
    status, out, err = run_cli("check", "--format", "json", str(article))
    assert status == 1, err
    doc = json.loads(out)
    assert set(doc) == {"articles"}
    (art,) = doc["articles"]
    assert art["path"] == str(article) and art["title"] == "Geneva summit"
    text = ARTICLE.removeprefix("\ufeff").replace("\r\n", "\n")  # offsets as decoded
    kinds = set()
    for f in art["findings"]:
        assert set(f) == {"start", "end", "text", "kind", "message", "suggestions", "confidence"}
        assert 0.0 <= f["confidence"] <= 1.0
        assert text[f["start"]:f["end"]] == f["text"]
        assert isinstance(f["suggestions"], list) and isinstance(f["message"], str)
        kinds.add(f["kind"])
    assert {"misspelling", "case", "spacing", "grammar", "repetition", "foreign"} <= kinds
    for e in art["entities"]:
        assert {"start", "end", "text", "label"} <= set(e)
        assert text[e["start"]:e["end"]] == e["text"]


def test_text_format_lines(run_cli, article: Path):
    status, out, _ = run_cli("check", str(article))
    assert status == 1
    lines = out.splitlines()
    assert f"{article}:3:14: misspelling: goverment -> government" in lines
    assert all(line.startswith(f"{article}:") for line in lines)


def test_clean_file_exits_zero(run_cli, tmp_path: Path):
    p = tmp_path / "clean.md"
    p.write_text("# A clean note\n\nThe committee met on Tuesday and agreed.\n", encoding="utf-8")
    assert run_cli("check", str(p)) == (0, "", "")
    status, out, _ = run_cli("check", "--format", "json", str(p))
    assert status == 0 and json.loads(out)["articles"][0]["findings"] == []


def test_kinds_filter(run_cli, article: Path):
    status, out, _ = run_cli("check", "--kinds", "grammar", "--format", "json", str(article))
    assert status == 1
    assert {f["kind"] for f in json.loads(out)["articles"][0]["findings"]} == {"grammar"}
    status, _, err = run_cli("check", "--kinds", "nonsense", str(article))
    assert status == 2 and err.count("\n") == 1


@pytest.mark.parametrize("make", ["missing", "folder", "binary"])
def test_unreadable_input_exits_two_with_one_line(run_cli, tmp_path: Path, make: str):
    p = tmp_path / "x.txt"
    if make == "folder":
        p.mkdir()
    elif make == "binary":
        p.write_bytes(b"%PDF-1.4\x00\x00\x00binary")
    status, out, err = run_cli("check", str(p))
    assert status == 2 and out == ""
    assert err.startswith("reader: error:") and err.count("\n") == 1


def test_checking_a_file_never_creates_a_library(run_cli, article: Path, db_path: Path):
    run_cli("check", str(article))
    assert not db_path.exists()


def test_unknown_id_without_library_is_an_error(run_cli, db_path: Path):
    status, _, err = run_cli("check", "deadbeef")
    assert status == 2 and "no such file" in err
    assert not db_path.exists()


def test_stored_article_by_id_prefix(run_cli, library):
    res = library.add_article("Stored note\n\nThe goverment met.\n", title="Stored note")
    article_id = res.info.id
    status, out, _ = run_cli("check", "--format", "json", article_id[:6])
    assert status == 1
    findings = json.loads(out)["articles"][0]["findings"]
    assert [f["text"] for f in findings] == ["goverment"]


def test_no_paths_is_usage_error(run_cli):
    status, _, _ = run_cli("check")
    assert status == 2


def test_personal_dictionary_applies_with_db(run_cli, library, db_path: Path, tmp_path: Path):
    library.add_word("goverment")
    p = tmp_path / "n.txt"
    p.write_text("The goverment met.\n", encoding="utf-8")
    assert run_cli("check", str(p))[0] == 1  # no --db: the library is not read
    assert run_cli("check", "--db", str(db_path), str(p)) == (0, "", "")


def test_stored_article_entities_keep_the_users_labels(run_cli, library, db_path: Path):
    """An entity relabelled or removed by a person stays so in `reader check`."""
    text = "Harbour news\n\nTomas Veldhuis met the Brightwater council in Lindenfeld on Friday.\n"
    article_id = library.add_article(text, title="Harbour news").info.id
    library.close()
    status, out, _ = run_cli("--db", str(db_path), "check", "--format", "json", article_id)
    before = {e["text"]: e["label"] for e in json.loads(out)["articles"][0]["entities"]}
    assert before.get("Lindenfeld") == "PLACE" and "Tomas Veldhuis" in before
    assert run_cli("--db", str(db_path), "note", article_id, "--quote", "Lindenfeld", "--label", "ORG")[0] == 0
    assert run_cli("--db", str(db_path), "note", article_id, "--quote", "Tomas Veldhuis", "--label", "O")[0] == 0
    status, out, _ = run_cli("--db", str(db_path), "check", "--format", "json", article_id)
    ents = json.loads(out)["articles"][0]["entities"]
    after = {e["text"]: e["label"] for e in ents}
    assert after["Lindenfeld"] == "ORG"
    assert "Tomas Veldhuis" not in after and "Tomas" not in after
    assert after["Friday"] == before["Friday"] == "DATE"
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"]


def test_min_confidence_filters_and_rejects_bad_values(run_cli, article: Path):
    status, out, _ = run_cli("check", "--format", "json", "--min-confidence", "0", str(article))
    every = json.loads(out)["articles"][0]["findings"]
    status, out, _ = run_cli("check", "--format", "json", "--min-confidence", "strict", str(article))
    strict = json.loads(out)["articles"][0]["findings"]
    assert len(strict) <= len(every)
    assert all(f["confidence"] >= 0.5 for f in strict)
    status, out, err = run_cli("check", "--min-confidence", "2", str(article))
    assert status == 2 and "between 0 and 1" in err and "Traceback" not in err

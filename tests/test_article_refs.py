"""How commands name an article: ``N``/``#N`` is a row of ``reader list``; ids and id
prefixes match only when they name exactly one article (one rule for every command)."""

from __future__ import annotations

import json

import pytest

from reader.errors import NotFoundError
from reader.store import text_sha256


def _text_whose_id_starts_with(prefix: str, stem: str = "Decoy") -> str:
    """An article text whose id (the start of its sha256) begins with ``prefix``."""
    n = 0
    while not text_sha256(text := f"{stem} {n}\n\nIts id starts with {prefix}.\n").startswith(prefix):
        n += 1
    return text


@pytest.fixture
def rows(library):
    """Three articles; the first one's id starts with "2", so "2" is also an id prefix."""
    decoy = library.add_article(_text_whose_id_starts_with("2"), title="Decoy").info.id
    second = library.add_article("Second article\n\nRow two.\n", title="Second").info.id
    third = library.add_article("Third article\n\nRow three.\n", title="Third").info.id
    assert [i.id for i in library.list_articles()] == [decoy, second, third]
    return decoy, second, third


def test_a_number_is_the_row_even_when_an_id_starts_with_it(library, rows):
    """Regression: `reader fix 8` fixed the article whose id starts with "8"."""
    decoy, second, third = rows
    assert library.resolve_id("2") == second
    assert library.resolve_id("#2") == second
    assert library.resolve_id(" 3 ") == third and library.resolve_id("#1") == decoy


def test_ids_and_unambiguous_prefixes(library, rows):
    decoy, second, third = rows
    assert library.resolve_id(second) == second
    assert library.resolve_id(decoy) == decoy  # a full id always names its article
    for article_id in rows:  # the shortest prefix that is not a number and names one article
        k = next(i for i, c in enumerate(article_id) if not c.isdigit())
        prefix = article_id[: k + 1]
        if sum(i.startswith(prefix) for i in rows) == 1:
            assert library.resolve_id(prefix) == article_id


def test_numbers_out_of_range_and_ambiguous_prefixes_are_refused(library, rows):
    with pytest.raises(NotFoundError, match=r"no row 9 in `reader list` \(the library has 3 articles\)"):
        library.resolve_id("9")
    with pytest.raises(NotFoundError, match="no row 0"):
        library.resolve_id("#0")
    # two ids starting "ab": that prefix is refused and both are named
    a = library.add_article(_text_whose_id_starts_with("ab", "One"), title="A").info.id
    b = library.add_article(_text_whose_id_starts_with("ab", "Two"), title="B").info.id
    with pytest.raises(NotFoundError, match=r"'ab' is the start of 2 ids") as caught:
        library.resolve_id("ab")
    assert a in str(caught.value) and b in str(caught.value)


def test_ids_read_from_a_file_are_never_rows(library, rows):
    decoy, second, _ = rows
    assert library.resolve_id("2", rows=False) == decoy  # the only id starting with "2"


@pytest.mark.parametrize("command", [("show",), ("notes", "--json"), ("fix",), ("check", "--format", "json"),
                                     ("export", "--format", "txt", "-o", "-")])
def test_every_command_reads_a_number_as_the_row(run_cli, command, library, rows):
    from reader.editing import Editor

    decoy, second, _ = rows
    text = library.get_text(second)
    Editor(library).correct(second, text.index("Row"), text.index("Row") + 3, "Line")
    library.close()
    assert run_cli("note", second, "--quote", "two", "--note", "on row two")[0] == 0
    name, *rest = command
    status, out, err = run_cli(name, "2", *rest)
    assert status in (0, 1), err
    if name in ("show", "export"):
        assert "two." in out and "Its id starts" not in out
    elif name == "notes":
        assert [(n["article"], n["note"]) for n in json.loads(out)["annotations"]] == [(second, "on row two")]
    elif name == "fix":
        assert '"Row" -> "Line"' in out
    else:
        assert [a["title"] for a in json.loads(out)["articles"]] == ["Second"]
    status, out, err = run_cli(name, "#9", *rest)
    assert status == 2 and err.count("\n") == 1 and "no row 9" in err


def test_note_and_remove_pick_the_row(run_cli, library, rows):
    decoy, second, _ = rows
    library.close()
    status, out, err = run_cli("note", "2", "--quote", "Row two", "--note", "here")
    assert status == 0, err
    assert f"  {second}  " in out
    status, out, err = run_cli("remove", "--yes", "#2")
    assert status == 0 and f"removed   {second}" in out
    _, out, _ = run_cli("list", "--json")
    assert [r["id"] for r in json.loads(out)["articles"]][:1] == [decoy]


def test_help_and_readme_state_the_rule(run_cli):
    from pathlib import Path

    for name in ("show", "remove", "fix", "note", "notes", "export", "check"):
        _, out, _ = run_cli(name, "--help")
        assert "row number in `reader list` (N or" in " ".join(out.split()), name
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    readme = " ".join(readme.split())
    assert "`#N`" in readme and "prefix of exactly one id" in readme

"""Fixtures for the app tests: a small library with fixed dates and a fake analyzer whose
findings and entities are known, so tests assert exact jumps and counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.model import Analysis, Entity, Finding

ARTICLES = {
    "harbour.txt": (
        "Harbour talks stall\n\n"
        "Fishermen in Aldmouth waited on Monday while the ministr spoke to the council.\n\n"
        "Brenna Kask said the the boats would stay. The ministr did not reply.\n\n"
        + "\n\n".join(f"Paragraph {i} about the quay and the nets of Aldmouth." for i in range(1, 60))
        + "\n\nThe end, said Kask.\n"
    ),
    "mosaic.txt": "Mosaic under a car park\n\nDiggers in Velgrad found a floor of tiles.\n",
    "train.txt": "Night train returns\n\nThe sleeper to Porvik runs again from May.\n",
}

#: Words the fake analyzer flags: (word, kind, message, suggestions)
FAKE_ERRORS = {
    "ministr": ("misspelling", "not in the dictionary", ("minister", "ministry")),
    "the the": ("repetition", "word repeated", ("the",)),
}
FAKE_ENTITIES = {"Aldmouth": "PLACE", "Brenna Kask": "PERSON", "Kask": "PERSON", "Monday": "DATE", "Velgrad": "PLACE"}


def fake_analyzer(text: str, context=None) -> Analysis:
    findings = []
    for word, (kind, message, suggestions) in FAKE_ERRORS.items():
        for m in re.finditer(re.escape(word), text):
            findings.append(Finding(m.start(), m.end(), m.group(), kind, message, suggestions))
    entities = []
    taken: set[int] = set()
    for name, label in sorted(FAKE_ENTITIES.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if m.start() in taken or any(m.start() in range(s, s + 12) for s in taken):
                continue
            taken.add(m.start())
            entities.append(Entity(m.start(), m.end(), m.group(), label, "Brenna Kask" if name == "Kask" else None))
    return Analysis(
        tuple(sorted(findings, key=lambda f: f.start)), tuple(sorted(entities, key=lambda e: e.start))
    )


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.store.now_iso", lambda: "2026-01-02T03:04:05+00:00")


@pytest.fixture
def ui_library(library, fixed_clock, tmp_path: Path):
    for name, text in ARTICLES.items():
        library.add_article(text, title=text.split("\n", 1)[0], source=str(tmp_path / name))
    return library


@pytest.fixture
def app(ui_library):
    from reader.ui.app import ReaderApp

    return ReaderApp(ui_library, analyzer=fake_analyzer)


def article_id(lib, title_start: str) -> str:
    return next(i.id for i in lib.list_articles() if i.title.startswith(title_start))


def sync(test):
    """Run an ``async def`` test with asyncio (the project has no async pytest plugin)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds (workers and messages settle)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


def current_text(screen) -> str:
    """The text under the reading view's current highlight (cursor or finding)."""
    from reader.ui.document import CURRENT

    span = screen.view.document.layer(CURRENT).spans[0]
    return screen.view.document.text[span.start:span.end]


async def open_article(app, pilot, aid: str):
    """Open ``aid`` in the reading view and wait until its review (findings) is ready."""
    from reader.ui.screens.reading import ReadingScreen

    await pilot.pause()
    app.open_article(aid)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_until(pilot, lambda: screen.review is not None)
    return screen

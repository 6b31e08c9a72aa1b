"""Sample articles shipped with reader, so a new library shows something at once.

They are original short articles written for the project in the style of damaged
machine-translated and OCR'd news.
"""

from __future__ import annotations

from importlib import resources

from reader.textio import decode_bytes, title_of


def sample_names() -> list[str]:
    folder = resources.files(__package__)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


def sample_text(name: str) -> str:
    data = resources.files(__package__).joinpath(name).read_bytes()
    return decode_bytes(data, name=name).text


def seed_samples(lib) -> int:
    """Add the samples to a new library (once: a setting records it); returns how many.

    All in one write of the library file (:meth:`reader.store.Library.add_samples`), so a
    kill mid-way never leaves some of them for good."""
    from reader.settings import Settings

    if Settings(lib).samples_seeded:
        return 0
    items = []
    for name in sample_names():
        text = sample_text(name)
        items.append((text, title_of(text), f"sample:{name}", {"sample": True}))
    return lib.add_samples(items)

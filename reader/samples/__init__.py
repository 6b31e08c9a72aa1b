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
    """Add the samples to a new library (once: a setting records it); returns how many."""
    if lib.get_setting("samples_seeded"):
        return 0
    count = 0
    for name in sample_names():
        text = sample_text(name)
        res = lib.add_article(text, title=title_of(text), source=f"sample:{name}", meta={"sample": True})
        count += res.status == "added"
    lib.set_setting("samples_seeded", True)
    return count

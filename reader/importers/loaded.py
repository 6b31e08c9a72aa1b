"""The record every importer returns: a decoded document ready to store.

Its own module so the importers and :mod:`reader.importing` (which calls them) both
import it without importing each other (docs/ARCHITECTURE.md, "An import").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class LoadedDoc:
    """A decoded document ready to store (text already sanitised by :mod:`reader.textio`)."""

    text: str
    title: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    warning: str | None = None

"""reader: a terminal reader for noisy articles, with annotations.

The package is split into a headless core (everything outside ``reader.ui``), which never
imports textual, and the Textual UI in ``reader.ui``.
"""

__version__ = "0.1.0"

"""The Textual app: the only package in reader that imports textual (docs/ARCHITECTURE.md, Principles 3)."""

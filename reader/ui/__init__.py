"""The Textual app: the only package in reader that imports textual (DESIGN.md principle 3)."""

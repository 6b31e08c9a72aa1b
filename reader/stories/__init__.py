"""Stories: articles about the same event, grouped, with their names reconciled.

Headless (no UI imports): :mod:`features` (what an article contributes to grouping),
:mod:`grouping` (the similarity and the incremental index), :mod:`names` (a story's names
table), :mod:`checks` (reconciled names as ``variant`` findings) and :mod:`library` (the
same over a stored library, through the store and the Editor).
"""

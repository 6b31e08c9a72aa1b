"""The one registry of what the reading view highlights: finding kinds, entity labels,
the person's own records and the cursor layers.

Every list of kinds elsewhere derives from :data:`REGISTRY` (the model's enums, the
analysis's overlap priority, the CLI's ``--kinds`` choices, the theme variables and
their defaults, the legend and the HTML export's CSS), so adding a finding kind means
one entry here plus the check that finds it (docs/ARCHITECTURE.md, "Adding a finding
kind"). ``tests/test_kinds.py`` holds every derived list equal to the registry.

No imports at all (not even dataclasses): the CLI's argument parser reads it, and
``reader --help`` stays light.
"""

from __future__ import annotations

#: Groups of :class:`Kind`.
FINDING, ENTITY, RECORD, CURSOR = "finding", "entity", "record", "cursor"
#: How a kind's colour is used: the highlighted text's colour (``TEXT``) or a tint behind
#: normal text (``TINT``); theme contrast checks measure each the way it is drawn.
TEXT, TINT = "text", "tint"


class Kind:
    """One highlight kind.

    ``name`` is the value records carry (``Finding.kind``, ``Entity.label``); ``label`` is
    its short name in the legend; ``meaning`` documents it (themes, help); ``style`` is
    the text style that sets it apart without colour; ``dark``/``light`` are the default
    colours for dark and light themes (a theme may leave the kind out and get them);
    ``priority`` (findings only) decides overlaps, lower wins; ``html`` is the CSS the
    HTML export gives the kind's class.
    """

    __slots__ = ("name", "group", "label", "meaning", "style", "dark", "light", "priority", "html")

    def __init__(self, name: str, group: str, label: str, meaning: str, style: str, dark: str,
                 light: str, *, priority: int | None = None, html: str = "") -> None:
        self.name, self.group, self.label, self.meaning, self.style = name, group, label, meaning, style
        self.dark, self.light, self.priority, self.html = dark, light, priority, html

    def __repr__(self) -> str:
        return f"Kind({self.name!r}, {self.group!r})"

    @property
    def variable(self) -> str:
        """The theme variable (and component class) of the kind: ``reader-<name>``."""
        return f"reader-{self.name.lower()}"

    @property
    def role(self) -> str:
        return TEXT if self.group in (FINDING, ENTITY) else TINT


REGISTRY: tuple[Kind, ...] = (
    # entities: the name itself is coloured
    Kind("PERSON", ENTITY, "PERSON", "PERSON names", "bold", "#74b9ff", "#1f5fbf",
         html="border-bottom-color: var(--person);"),
    Kind("PLACE", ENTITY, "PLACE", "PLACE names", "bold italic", "#7fd49a", "#1b7036",
         html="border-bottom-color: var(--place);"),
    Kind("ORG", ENTITY, "ORG", "ORG names", "bold underline", "#d69cf5", "#8a3bb8",
         html="border-bottom-color: var(--org);"),
    Kind("DATE", ENTITY, "DATE", "DATE expressions", "italic", "#e8c170", "#8a5a00",
         html="border-bottom-color: var(--date);"),
    # suspected errors: the suspect text is coloured (spacing and ocr drawn reversed)
    Kind("misspelling", FINDING, "spelling", "misspelled words", "underline", "#ff7a7a", "#c62828",
         priority=4),
    Kind("case", FINDING, "case", "wrong capitalisation", "bold italic underline", "#ff9e6b", "#a14a08",
         priority=3, html="text-decoration-color: var(--date);"),
    Kind("spacing", FINDING, "spacing", "missing/extra spaces", "reverse", "#e0b050", "#875c00",
         priority=7, html="text-decoration-color: var(--date);"),
    Kind("grammar", FINDING, "grammar", "grammar slips", "italic underline", "#ff8fc0", "#b0306e",
         priority=6, html="text-decoration-color: var(--org);"),
    Kind("repetition", FINDING, "repeat", "repeated words", "strike", "#d9a57a", "#7a5230",
         priority=5, html="text-decoration-color: var(--org);"),
    Kind("foreign", FINDING, "foreign", "untranslated foreign words", "italic reverse", "#7fd6d6",
         "#00727a", priority=1, html="text-decoration-color: var(--person);"),
    Kind("ocr", FINDING, "ocr", "OCR confusions", "bold reverse", "#f08ae0", "#a0309a",
         priority=2, html="text-decoration-style: dotted;"),
    Kind("variant", FINDING, "variant", "spelling variants of one name", "underline reverse", "#f2dc6b",
         "#6b6b00", priority=0, html="text-decoration-color: var(--person);"),
    # the person's records: tints behind the text
    Kind("annotation", RECORD, "note", "annotated spans", "", "#2e3560", "#dde3fb"),
    Kind("correction", RECORD, "fixed", "corrected spans", "", "#24452f", "#d3ecd6"),
    # cursor and selection
    Kind("cursor", CURSOR, "cursor", "the current finding/match/word", "bold reverse", "#5c4a10", "#f7e08a"),
    Kind("selection", CURSOR, "selection", "a selection being made", "", "#3b4050", "#d6deec"),
    Kind("search", CURSOR, "search", "search matches", "", "#1f4a57", "#cde8f0"),
)


def of_group(group: str) -> tuple[Kind, ...]:
    return tuple(k for k in REGISTRY if k.group == group)


#: Finding kinds in display order (legend, CLI help, README).
FINDINGS: tuple[Kind, ...] = of_group(FINDING)
#: Entity labels the detector produces (people may add their own labels too).
ENTITIES: tuple[Kind, ...] = of_group(ENTITY)
FINDING_NAMES: tuple[str, ...] = tuple(k.name for k in FINDINGS)
ENTITY_NAMES: tuple[str, ...] = tuple(k.name for k in ENTITIES)
#: Finding kinds by overlap priority: when findings overlap, the earlier kind wins.
PRIORITY: tuple[str, ...] = tuple(k.name for k in sorted(FINDINGS, key=lambda k: k.priority))
#: Every theme variable, registry order.
VARIABLES: tuple[str, ...] = tuple(k.variable for k in REGISTRY)
BY_VARIABLE: dict[str, Kind] = {k.variable: k for k in REGISTRY}
BY_NAME: dict[str, Kind] = {k.name: k for k in REGISTRY if k.group in (FINDING, ENTITY)}


def default_colours(dark: bool = True) -> dict[str, str]:
    """Variable -> the registry's default colour for a dark (or light) theme."""
    return {k.variable: k.dark if dark else k.light for k in REGISTRY}


def legend_label(variable: str) -> str:
    """``reader-misspelling`` -> ``spelling``; an unknown variable -> its bare name."""
    kind = BY_VARIABLE.get(variable)
    return kind.label if kind is not None else variable.removeprefix("reader-")

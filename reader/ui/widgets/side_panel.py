"""The side panel: errors, entities (grouped, counted, with spelling variants) and
annotations of the open article; ``enter`` on a row asks the screen to jump there."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Annotation, Entity, Finding


#: Rows listed per section: the panel is for finding your way, e/E and t/T reach the rest.
MAX_ROWS = 500


def _clip(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _header(title: str) -> Option:
    return Option(Text(title, style="bold reverse"), disabled=True)


Place = Callable[[Annotation], "int | None"]


def _stored_place(a: Annotation) -> int | None:
    return None if a.orphan else a.anchor.start


def build_options(
    findings: Sequence[Finding], entities: Sequence[Entity], annotations: Sequence[Annotation],
    place: Place = _stored_place,
) -> list[Option]:
    """The panel rows: one header per section, then rows whose id is ``@offset:kind``
    (``place`` gives an annotation's offset in the displayed text)."""
    opts: list[Option] = [_header(f" Suspected errors ({len(findings)}) ")]
    for f in findings[:MAX_ROWS]:
        row = Text(no_wrap=True, overflow="ellipsis")
        row.append(f"{f.kind:<11} ", style="dim")
        row.append(_clip(f.text, 14))
        if f.suggestions:
            row.append(" → ")
            row.append(_clip(f.suggestions[0], 12))
        opts.append(Option(row, id=f"@{f.start}:f{len(opts)}"))
    if len(findings) > MAX_ROWS:
        opts.append(Option(Text(f"… {len(findings) - MAX_ROWS} more (e / E step through all)", style="dim"), disabled=True))
    by_label: dict[str, dict[str, list[Entity]]] = defaultdict(lambda: defaultdict(list))
    # a name the analysis flagged as a spelling variant goes under the name it varies
    # from, so one person is one row ("Dalsgaard ~ Dalsgard"), not two
    variant_of = {f.text: f.suggestions[0] for f in findings if f.kind == "variant" and f.suggestions}
    for e in entities:
        by_label[e.label][e.canonical or variant_of.get(e.text) or e.text].append(e)
    opts.append(_header(f" Entities ({len(entities)}) "))
    for label in sorted(by_label):
        groups = by_label[label]
        opts.append(Option(Text(f"{label} ({len(groups)})", style="bold"), disabled=True))
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for name, members in ranked[:MAX_ROWS]:
            row = Text(no_wrap=True, overflow="ellipsis")
            row.append(f"{len(members):>3} ", style="dim")
            row.append(_clip(name, 26))
            variants = Counter(m.text for m in members if m.text != name)
            if variants:
                row.append("  ~ " + ", ".join(_clip(v, 14) for v in variants), style="italic")
            opts.append(Option(row, id=f"@{members[0].start}:e{len(opts)}"))
        if len(ranked) > MAX_ROWS:
            opts.append(Option(Text(f"… {len(ranked) - MAX_ROWS} more", style="dim"), disabled=True))
    opts.append(_header(f" Annotations ({len(annotations)}) "))
    for a in annotations:
        row = Text(no_wrap=True, overflow="ellipsis")
        row.append(_clip(a.anchor.quote, 18), style="italic")
        if a.note:
            row.append("  " + _clip(a.note, 20))
        if a.orphan:
            row.append("  (orphan)", style="dim")
        where = place(a)
        if a.tags:
            row.append("  " + " ".join("#" + t for t in a.tags[:3]), style="dim")
        opts.append(Option(row, id=f"@{where if where is not None else 0}:a{len(opts)}", disabled=where is None))
    return opts


class SidePanel(Vertical):
    """Lists what the article holds; posts :class:`SidePanel.Jump` on ``enter``."""

    class Jump(Message):
        """Go to ``offset``; ``kind`` is the row's section: ``f`` error, ``e`` entity,
        ``a`` annotation."""

        def __init__(self, offset: int, kind: str = "") -> None:
            super().__init__()
            self.offset = offset
            self.kind = kind

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._pending: tuple | None = ((), (), (), _stored_place)

    def compose(self) -> ComposeResult:
        yield OptionList(id="panel-list")

    def show(
        self, findings: Sequence[Finding], entities: Sequence[Entity], annotations: Sequence[Annotation],
        place: Place = _stored_place,
    ) -> None:
        """Set what the panel lists; built now if the panel is open, else when it opens."""
        self._pending = (findings, entities, annotations, place)
        if self.has_class("-shown"):
            self._build()

    def open(self) -> None:
        self.add_class("-shown")
        self._build()
        self.focus_list()

    def _build(self) -> None:
        if self._pending is None:
            return
        findings, entities, annotations, place = self._pending
        self._pending = None
        lst = self.query_one(OptionList)
        highlighted = lst.highlighted
        lst.clear_options()
        lst.add_options(build_options(findings, entities, annotations, place))
        if highlighted is not None and highlighted < lst.option_count:
            lst.highlighted = highlighted

    def focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        oid = event.option.id or ""
        if oid.startswith("@"):
            offset, _, rest = oid[1:].partition(":")
            self.post_message(self.Jump(int(offset), rest[:1]))

"""Command palette: every described key binding of the current screen as a command named
``category: action`` (for example ``reading: next error``), so the palette, the Footer and
the help screen list the same things."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """Offers the bindings of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, object, str]]:
        out: list[tuple[str, str, object, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding, node = active.binding, active.node
            category = getattr(node, "COMMAND_CATEGORY", None)
            if not category or not binding.description or not binding.id or not active.enabled:
                continue
            name = f"{category}: {binding.description.lower()}"
            if name in seen:
                continue
            seen.add(name)
            out.append((name, binding.action, node, binding.tooltip or ""))
        return sorted(out)

    async def discover(self) -> Hits:
        for name, action, node, help_text in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action, node), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, node, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action, node), help=help_text)

"""Command palette: every described key binding of the current screen as a command named
``category: action`` (for example ``reading: next error``) with its keys in the help line,
so the palette, the Footer and the help screen list the same things."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """Offers the bindings of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, object, str]]:
        found: dict[str, tuple[str, object, str]] = {}
        keys: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():  # one entry per key
            binding, node = active.binding, active.node
            category = getattr(node, "COMMAND_CATEGORY", None)
            if not category or not binding.description or not binding.id or not active.enabled:
                continue
            name = f"{category}: {binding.description.lower()}"
            found.setdefault(name, (binding.action, node, binding.tooltip or ""))
            shown = self.app.get_key_display(binding)
            if shown not in keys.setdefault(name, []):
                keys[name].append(shown)
        out = []
        for name, (action, node, tooltip) in found.items():
            shown = " ".join(keys[name])
            out.append((name, action, node, f"{shown} · {tooltip}" if tooltip else shown))
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

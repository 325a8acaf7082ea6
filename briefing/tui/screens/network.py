"""Who met whom around one actor, one or two hops out, as a tree drawn with box lines.

A tree rather than a force layout: in a terminal, a list of counterparts with the weight of
each link (``3 ━━━`` held meetings; ``0* ┄`` planned or declined only) reads at a glance,
stays legible at any size and is navigable with the arrow keys. With two hops each
counterpart opens onto its own counterparts. Enter opens the highlighted actor.
"""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree

from briefing.store.queries_actors import Edge, Network, network
from briefing.tui.screens.actor import country, load
from briefing.tui.widgets.safe import join_text, safe_line

MAX_NODES = 60
MAX_BAR = 8


def weight_label(edge: Edge, width: int = MAX_BAR) -> Text:
    """`` 3 ━━━`` for three held meetings; `` 0*┄`` when they never actually met.

    The bar is padded to ``width`` so that the names line up.
    """
    if edge.held:
        bar = "━" * min(edge.held, width)
        return Text.assemble(f"{edge.held:>3} ", (bar, "bold green"), " " * (width - len(bar) + 1))
    return Text.assemble((f"{'0*':>3} ", "dim"), ("┄", "dim"), " " * width)


def node_label(net: Network, node: int, edge: Edge | None, width: int = MAX_BAR) -> Text:
    actor = net.nodes.get(node)
    name = safe_line(actor.name if actor else f"actor {node}", "bold" if edge is None else "")
    label = join_text([name, Text(actor.country or "", style="dim") if actor else ""])
    return Text.assemble(weight_label(edge, width), label) if edge is not None else label


class NetworkTree(Tree[int]):
    BINDINGS = [Binding("enter", "select_cursor", "open actor")]


class NetworkScreen(Screen):
    """The actor and their counterparts (and theirs, with two hops)."""

    CSS_PATH = "network.tcss"
    BINDINGS = [
        Binding("1", "hops(1)", "one hop"),
        Binding("2", "hops(2)", "two hops"),
    ]

    hops: reactive[int] = reactive(1, init=False)

    def __init__(self, actor_id: int, hops: int = 1) -> None:
        super().__init__()
        self.actor_id = int(actor_id)
        self.set_reactive(NetworkScreen.hops, 2 if hops == 2 else 1)
        self.net: Network | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="network-title")
        yield NetworkTree(Text(""), id="network-tree")
        yield Static("", id="network-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        tree = self.query_one(NetworkTree)
        tree.auto_expand = False
        tree.show_root = True
        tree.guide_depth = 4
        tree.focus()
        self.reload()

    def reload(self) -> None:
        load(self, network, self.actor_id, self.hops, MAX_NODES, on_result=self.show, group="network")

    def watch_hops(self) -> None:
        self.reload()

    def action_hops(self, hops: int) -> None:
        self.hops = hops

    def show(self, net: Network) -> None:
        self.net = net
        tree = self.query_one(NetworkTree)
        tree.clear()
        center = net.nodes.get(net.center)
        if center is None:
            self.query_one("#network-title", Static).update(Text("No such actor in the store.", style="bold red"))
            return
        tree.root.set_label(node_label(net, net.center, None))
        tree.root.data = net.center
        width = max(1, min(MAX_BAR, max((e.held for e in net.edges), default=1)))
        ring1 = sorted(net.neighbours(net.center), key=lambda ne: (-ne[1].held, -ne[1].other, self._actor_name(ne[0])))
        for other, edge in ring1:
            onward = [(n, e) for n, e in net.neighbours(other) if n != net.center] if self.hops == 2 else []
            if not onward:
                tree.root.add_leaf(node_label(net, other, edge, width), data=other)
                continue
            branch = tree.root.add(node_label(net, other, edge, width), data=other, expand=True)
            for far, far_edge in sorted(onward, key=lambda ne: (-ne[1].held, self._actor_name(ne[0]))):
                branch.add_leaf(node_label(net, far, far_edge, width), data=far)
        tree.root.expand()
        links = len(net.edges)
        title = join_text([
            Text.assemble("Who met whom around ", safe_line(center.name, "bold")),
            f"{self.hops} hop{'s' if self.hops == 2 else ''}",
            f"{len(net.nodes)} actors",
            f"{links} link{'s' if links != 1 else ''}",
            Text(f"first {MAX_NODES} shown", style="yellow") if net.truncated else "",
        ])
        self.query_one("#network-title", Static).update(title)
        self._describe(tree.cursor_node.data if tree.cursor_node else net.center)

    def _actor_name(self, node: int) -> str:
        actor = self.net.nodes.get(node) if self.net else None
        return actor.name if actor else ""

    def _describe(self, node: int | None) -> None:
        detail = self.query_one("#network-detail", Static)
        net = self.net
        if net is None or node is None or node not in net.nodes:
            detail.update("")
            return
        actor = net.nodes[node]
        held = sum(e.held for _, e in net.neighbours(node))
        other = sum(e.other for _, e in net.neighbours(node))
        detail.update(join_text([
            safe_line(actor.name, "bold"), country(actor.country),
            f"{len(net.neighbours(node))} counterparts shown",
            f"{held} held",
            Text(f"{other} planned/declined", style="dim") if other else "",
            Text("━ held meetings  0* ┄ planned or declined only", style="dim"),
        ]))

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._describe(event.node.data)

    @on(Tree.NodeSelected)
    def _open(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self.app.open_actor(int(event.node.data))  # type: ignore[attr-defined]


def _register_palette_actions() -> None:
    try:
        from briefing.tui.commands import register_action
    except ImportError:
        return
    on_network = lambda app: type(app.screen).__name__ == "NetworkScreen"  # noqa: E731
    register_action("network: One hop", "only the actor's own counterparts (1)",
                    lambda app: app.screen.run_action("hops(1)"), when=on_network)
    register_action("network: Two hops", "their counterparts' counterparts too (2)",
                    lambda app: app.screen.run_action("hops(2)"), when=on_network)


_register_palette_actions()

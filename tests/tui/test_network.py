"""Who met whom: one hop, two hops, following a node."""
from __future__ import annotations

from textual.widgets import Tree

from briefing.store.queries_actors import network
from tests.tui.fixtures_b import HostApp, actor_id, actor_store, settle  # noqa: F401
from tests.tui.test_actor_screen import SIZE


def labels(tree: Tree) -> list[str]:
    out = []

    def walk(node, depth):  # noqa: ANN001
        out.append("  " * depth + node.label.plain.strip())
        for child in node.children:
            walk(child, depth + 1)

    walk(tree.root, 0)
    return out


async def test_one_hop_lists_counterparts_with_the_weight_of_each_link(actor_store):
    app = HostApp(actor_store, "network", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert labels(app.screen.query_one(Tree)) == [
            "Lloyd Austin · US",
            "  2 ━━ Dong Jun · CN",
            "  1 ━  Wei Fenghe · CN",
            "  0* ┄  Li Shangfu · CN",
        ]


async def test_two_hops_add_the_counterparts_counterparts_and_1_goes_back(actor_store):
    app = HostApp(actor_store, "network", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        found = labels(app.screen.query_one(Tree))
        assert "    1 ━  Rajnath Singh · IN" in found and "    1 ━  Ely Ratner · US" in found
        assert "2 hops" in str(app.screen.query_one("#network-title").render())
        await pilot.press("1")
        await settle(pilot)
        assert len(labels(app.screen.query_one(Tree))) == 4


async def test_enter_on_a_node_opens_that_actor(actor_store):
    app = HostApp(actor_store, "network", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ActorScreen"
        assert app.screen.actor_id == actor_id(actor_store, "cn.dong_jun")


def test_network_is_capped_and_says_so(actor_store):
    net = network(actor_store, actor_id(actor_store, "us.austin"), hops=2, max_nodes=3)
    assert len(net.nodes) == 3 and net.truncated

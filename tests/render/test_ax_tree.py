"""The accessibility tree Chromium gives a screen reader: landmarks, headings, lists, names, languages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import FALLBACK_MSGIDS

LANDMARKS = {"banner", "navigation", "main", "contentinfo"}
NAMED = {"link", "button", "searchbox", "textbox"}
# A DOM node's language: its nearest lang attribute (the AX tree does not carry lang).
LANG_OF = "function () { const e = this.nodeType === 1 ? this : this.parentElement; return e.closest('[lang]').lang; }"


def ax_tree(page) -> list[dict]:
    """Return Chromium's full accessibility tree of the open page, nodes in document order."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return nodes


def role(node: dict) -> str:
    return (node.get("role") or {}).get("value", "")


def name(node: dict) -> str:
    return str((node.get("name") or {}).get("value", "")).strip()


def level(node: dict) -> int:
    return next(int(p["value"]["value"]) for p in node.get("properties", []) if p["name"] == "level")


def in_order(nodes: list[dict]) -> list[dict]:
    """Return the tree's unignored nodes depth first, as a screen reader walks them."""
    by_id = {n["nodeId"]: n for n in nodes}
    ordered, stack = [], [nodes[0]]
    while stack:
        node = stack.pop()
        if not node.get("ignored"):
            ordered.append(node)
        stack.extend(by_id[c] for c in reversed(node.get("childIds", [])) if c in by_id)
    return ordered


def problems(nodes: list[dict]) -> list[str]:
    """Return what a screen-reader user would meet wrong on the page (empty when all is well)."""
    by_id = {n["nodeId"]: n for n in nodes}
    ordered = in_order(nodes)
    found = [f"no {mark} landmark" for mark in sorted(LANDMARKS - {role(n) for n in ordered})]
    levels = [level(n) for n in ordered if role(n) == "heading"]
    if levels.count(1) != 1:
        found.append(f"{levels.count(1)} headings of level 1")
    found += [f"heading {b} after {a}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    for node in ordered:
        if role(node) in NAMED and not name(node):
            found.append(f"{role(node)} without a name")
        if role(node) == "listitem":
            parent = by_id.get(node.get("parentId"))
            while parent is not None and parent.get("ignored"):
                parent = by_id.get(parent.get("parentId"))
            if parent is None or role(parent) != "list":
                found.append(f"listitem {name(node)[:30]!r} outside a list")
        if role(node) == "list" and not any(role(by_id[c]) == "listitem" for c in node.get("childIds", [])
                                              if c in by_id):
            found.append("list without list items")
    return found


def language_of(page, node: dict) -> str:
    """Return the language of the DOM node behind an accessibility node."""
    session = page.context.new_cdp_session(page)
    remote = session.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})["object"]
    value = session.send("Runtime.callFunctionOn", {"objectId": remote["objectId"], "functionDeclaration": LANG_OF,
                                                    "returnByValue": True})["result"]["value"]
    session.detach()
    return value


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def check_site(page, site: Path) -> Counter:
    paths = sorted(site.rglob("*.html"))
    assert paths, f"no page in {site}"
    found, counts = {}, Counter()
    for path in paths:
        page.goto(path.as_uri())
        nodes = ax_tree(page)
        counts.update(role(n) for n in in_order(nodes))
        counts["pages"] += 1
        if problems(nodes):
            found[str(path.relative_to(site))] = problems(nodes)
    assert found == {}
    return counts


def test_every_page_of_the_sample_reads_well_in_a_screen_reader(built_site, page):
    counts = check_site(page, built_site)
    assert counts["pages"] == 64 and counts["heading"] and counts["listitem"] and counts["link"]


def test_every_page_of_the_fallback_experiment_reads_well(fallback_site, page):
    assert check_site(page, fallback_site)["pages"] >= 8


def test_each_fallback_text_is_read_in_danish_after_a_label_in_urdu(fallback_site, page):
    page.goto((fallback_site / "ur" / "madservice.html").as_uri())
    nodes = in_order(ax_tree(page))
    danish = [n for n in nodes if role(n) == "StaticText" and name(n) in FALLBACK_MSGIDS]
    assert {name(n) for n in danish} == set(FALLBACK_MSGIDS)
    assert len(danish) >= 6  # one paragraph is in the guide twice
    assert {language_of(page, n) for n in danish} == {"da"}
    labels = [n for n in nodes if role(n) == "StaticText" and name(n) == "ڈینش میں"]
    assert len(labels) == len(danish) and {language_of(page, n) for n in labels} == {"ur"}
    heading = next(n for n in nodes if role(n) == "heading" and "Vær med i en brugergruppe" in name(n))
    assert name(heading).startswith("ڈینش میں")

"""Heading anchors come from the source, so a link to a section works in every language."""

from __future__ import annotations

import re

from helpers import sample_languages


def heading_ids(page) -> list[str]:
    return re.findall(r'<h[1-6] id="([^"]+)"', page.read_text(encoding="utf-8"))


def test_every_language_has_the_danish_pages_heading_ids(built_site) -> None:
    danish = sorted(built_site.glob("da/*.html"))
    assert len([p for p in danish if p.name != "index.html"]) == 6
    for source in danish:
        if source.name == "index.html":
            continue
        expected = heading_ids(source)
        assert len(expected) >= 3 and all(not re.fullmatch(r"_\d+", i) for i in expected), source
        others = [p for p in built_site.glob(f"*/{source.name}") if p.parent.name != "da"]
        assert len(others) == len(sample_languages()), source
        for page in others:
            assert heading_ids(page) == expected, page

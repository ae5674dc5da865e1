"""Every built page passes axe-core in headless Chromium, and stays usable at 320 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import AXE_TAGS



def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_every_language_has_pages(built_site):
    built = {p.parent.name for p in pages(built_site) if p.parent != built_site}
    assert {"da"} <= built and (built_site / "index.html").is_file()


def test_every_page_has_no_axe_violations(built_site, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), {}
    page = browser.new_page()
    for path in pages(built_site):
        page.goto(path.as_uri())
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            found[str(path.relative_to(built_site))] = [
                (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    page.close()
    assert found == {}


@pytest.mark.parametrize("lang", ["da", "ar", "ur"])
def test_page_at_320px_has_no_horizontal_scroll(built_site, browser, lang):
    guides = sorted((built_site / lang).glob("*.html"))
    assert len(guides) == 7, f"expected six guides and the index in {lang}"
    page = browser.new_page(viewport={"width": 320, "height": 640})
    for path in guides:
        page.goto(path.as_uri())
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 320, f"{path.name}: {width}px wide"
    page.close()


def test_page_at_200_percent_zoom_has_no_horizontal_scroll(built_site, browser):
    page = browser.new_page(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page.goto((built_site / "da" / "madservice.html").as_uri())
    page.evaluate("document.documentElement.style.zoom = '200%'")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 640 * 2 + 1
    page.close()

"""Every focusable element of every page kind shows a focus ring of at least 3:1, also in forced colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from focus import focus_rings

MIN_RATIO = 3.0  # WCAG 1.4.11, non-text contrast of a focus indicator
MIN_WIDTH = 2  # px


def page_kinds(site: Path, langs: tuple[str, ...] = ("da", "ar", "ur")) -> list[Path]:
    """Return the front page, and each language's index and guide pages (LTR, Naskh, Nastaliq)."""
    found = [site / "index.html"] if (site / "index.html").is_file() else []
    for lang in langs:
        found += sorted((site / lang).glob("*.html"))
    return found


def rings(browser, paths: list[Path], forced: bool) -> list[dict]:
    context = browser.new_context(forced_colors="active" if forced else "none",
                                  viewport={"width": 1024, "height": 800})
    page = context.new_page()
    found = [{**ring, "page": path.parent.name + "/" + path.name} for path in paths for ring in focus_rings(page, path)]
    context.close()
    return found


def assert_visible(found: list[dict]) -> None:
    assert found, "no element took focus"
    assert {r["kind"] for r in found} >= {"skip", "header", "main", "footer"}, {r["kind"] for r in found}
    weak = [(r["page"], r["kind"], r["text"], r["outline"], round(r["ratio"], 2)) for r in found
            if r["style"] in ("none", "hidden") or r["width"] < MIN_WIDTH or r["ratio"] < MIN_RATIO]
    assert weak == []


@pytest.mark.parametrize("forced", [False, True], ids=["normal", "forced-colors"])
def test_every_focus_ring_contrasts_with_what_is_around_it(built_site, browser, forced):
    paths = page_kinds(built_site)
    assert len(paths) == 1 + 3 * 7
    found = rings(browser, paths, forced)
    assert_visible(found)
    assert any(r["kind"] == "search" for r in found), "the language index's search box took no focus"
    assert len({r["page"] for r in found}) == len(paths)


@pytest.mark.parametrize("forced", [False, True], ids=["normal", "forced-colors"])
def test_focus_rings_on_the_fallback_experiment(fallback_site, browser, forced):
    found = rings(browser, page_kinds(fallback_site, ("ur",)), forced)
    assert_visible(found)
    assert any(r["lang"] == "da" for r in found), "no focusable element in Danish fallback text"


def test_screenshot_of_the_header_with_focus(built_site, browser, screenshots):
    page = browser.new_page(viewport={"width": 1024, "height": 400})
    page.goto((built_site / "ur" / "madservice.html").as_uri())
    for _ in range(3):  # the skip link, the site name, the first language
        page.keyboard.press("Tab")
    page.locator("header").screenshot(path=str(screenshots / "header-focus.ur.png"))
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    page.close()

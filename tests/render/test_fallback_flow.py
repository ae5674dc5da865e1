"""A Danish fallback block keeps the flow of the page: in an RTL list it is an item of that list."""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import FALLBACK_MSGIDS

from pipeline.render.ui import language_name, translations_for

LABEL = "ڈینش میں"  # "In Danish" in Urdu, from pipeline/locale/ur


def test_the_label_is_a_ui_word_in_every_language():
    for lang in ("da", "en", "tr", "ar", "ur", "so", "fa", "uk", "ti"):
        text = translations_for(lang).gettext("In %(language)s") % {"language": language_name("da", lang)}
        assert language_name("da", lang) in text, lang
        assert translations_for(lang).gettext("Accessibility statement") != "Accessibility statement" or lang == "en"
    assert translations_for("ur").gettext("In %(language)s") % {"language": language_name("da", "ur")} == LABEL


@pytest.fixture
def urdu_page(fallback_site, browser):
    page = browser.new_page(viewport={"width": 900, "height": 900})
    page.goto((fallback_site / "ur" / "madservice.html").as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")
    yield page
    page.close()


ITEMS = """() => [...document.querySelectorAll('li')].filter(li => li.closest('main')).map(li => {
  const own = li.querySelector(':scope > .fallback-text, :scope > span > .fallback-text');
  const box = li.getBoundingClientRect(), style = getComputedStyle(li);
  const first = li.firstChild && li.firstChild.nodeType === 1 ? li.firstChild : li;
  return {text: (own || li).textContent.trim(), fallback: li.matches('.fallback') || !!li.querySelector(':scope > .fallback'),
          direction: style.direction, right: Math.round(box.right), list: li.parentElement.outerHTML.slice(0, 30),
          depth: [...li.parentElement.parentElement.closest('li') ? [1] : []].length,
          isolate: own ? getComputedStyle(own).unicodeBidi : null, textDirection: own ? getComputedStyle(own).direction : null,
          label: (li.querySelector('.fallback-label') || {}).textContent || null,
          labelRight: li.querySelector('.fallback-label') ? Math.round(li.querySelector('.fallback-label').getBoundingClientRect().right) : null};
})"""


def test_a_danish_item_of_an_rtl_list_stays_an_item_of_that_list(urdu_page, screenshots):
    items = urdu_page.evaluate(ITEMS)
    danish = [i for i in items if i["fallback"]]
    assert {i["text"] for i in danish} == {m for m in FALLBACK_MSGIDS if m in {i["text"] for i in items}}
    assert len(danish) == 3, danish
    for item in danish:
        siblings = [i for i in items if i["list"] == item["list"] and i["depth"] == item["depth"]]
        assert len(siblings) > 1
        assert item["direction"] == "rtl", item  # the marker on the list's side
        assert {i["right"] for i in siblings} == {item["right"]}, siblings  # same column as the Urdu items
        assert (item["isolate"], item["textDirection"]) == ("isolate", "ltr"), item
        assert item["label"] == LABEL and abs(item["labelRight"] - item["right"]) <= 16, item  # label first, at the right
    urdu_page.locator("li.fallback").filter(has_text="uden svinekød").locator("xpath=../..").screenshot(
        path=str(screenshots / "fallback-list-item.ur.png"))


def test_a_danish_heading_says_so_and_keeps_the_page_direction(urdu_page):
    heading = urdu_page.locator("h2.fallback")
    assert heading.count() == 1
    assert heading.get_attribute("lang") == "da"
    assert heading.evaluate("h => getComputedStyle(h).direction") == "rtl"
    assert heading.locator(".fallback-label").inner_text() == LABEL
    assert heading.locator(".fallback-text").inner_text() == "Vær med i en brugergruppe"


def test_the_pdf_prints_the_label_and_keeps_the_item_on_its_lists_side(fallback_site):
    pdf = str(fallback_site / "ur" / "madservice.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert text.count(LABEL) >= 6, text.count(LABEL)
    words = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    found = re.search(r'<page width="([\d.]+)".*?<word xMin="([\d.]+)"[^>]*>[^<]*uden svinekød', words, re.S)
    assert found, "the Danish item is not in the text layer"
    width, left = float(found.group(1)), float(found.group(2))
    assert left > width / 2, (left, width)  # an item of the RTL list, on its right, not at the far left

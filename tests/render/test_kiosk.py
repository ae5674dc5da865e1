"""The front desk's kiosk, driven in headless Chromium on the built sample.

The front page offers every language with published guides by its own name; each target is
large and every script's name has the same size and baseline; a language's index lists its
guides (also without JavaScript) and, with it, filters them by title and summary.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from helpers import AXE_TAGS, sample_languages

from pipeline.render.ui import endonym, translations_for

LATIN = ("da", "en", "tr", "so", "uk")  # Latin and Cyrillic: set in Noto Sans, the reference


def published(site: Path) -> dict[str, list[str]]:
    """Return each language's guides as its index lists them (slugs, in order)."""
    found = {}
    for index in sorted(site.glob("*/index.html")):
        data = re.search(r'id="guide-search-index">(.*?)</script>', index.read_text("utf-8"), re.S)
        found[index.parent.name] = [guide["slug"] for guide in json.loads(data.group(1))]
    assert found and all(found.values()), "the sample built no language index with guides"
    return found


def index_data(site: Path, lang: str) -> list[dict]:
    text = (site / lang / "index.html").read_text("utf-8")
    return json.loads(re.search(r'id="guide-search-index">(.*?)</script>', text, re.S).group(1))


def fold(text: str) -> str:
    """The oracle of a match: case and accents (combining marks) do not count."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c) and unicodedata.category(c) != "Cf").casefold()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1024, "height": 900})
    yield page
    page.close()


def open_page(page, path: Path):
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")


# A name's glyph box as drawn: the ink of its text in the face Chromium chose (canvas
# measureText with the element's computed font), and its baseline (a zero-height inline
# block sits on it), relative to its target's top edge.
MEASURE = """(links) => links.map(a => {
  const name = a.querySelector('span') || a, style = getComputedStyle(name);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const ink = ctx.measureText(name.textContent.trim());
  const probe = document.createElement('span');
  probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
  name.appendChild(probe);
  const baseline = probe.getBoundingClientRect().bottom;
  probe.remove();
  const box = a.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(name);
  return {lang: a.lang, text: name.textContent.trim(), width: box.width, height: box.height,
          top: box.top, baseline: baseline - box.top, ascent: ink.actualBoundingBoxAscent,
          ink: ink.actualBoundingBoxAscent + ink.actualBoundingBoxDescent,
          range: range.getBoundingClientRect().height, family: style.fontFamily.split(',')[0]};
})"""


def kiosk_targets(page, site: Path) -> list[dict]:
    open_page(page, site / "index.html")
    found = page.locator(".language-list a").evaluate_all(MEASURE)
    assert found, "the front page offers no language"
    return found


def test_the_front_page_offers_every_language_by_its_own_name(built_site, page):
    targets = kiosk_targets(page, built_site)
    assert [t["lang"] for t in targets] == [lang for lang in ["da", *sample_languages()]
                                            if lang in published(built_site)]
    for target in targets:
        assert target["text"] == endonym(target["lang"]), target


def test_every_language_target_is_at_least_44_px_square(built_site, page):
    for target in kiosk_targets(page, built_site):
        assert target["width"] >= 44 and target["height"] >= 44, target


def test_every_script_has_the_same_size_and_baseline(built_site, page):
    targets = kiosk_targets(page, built_site)
    assert {t["family"] for t in targets} >= {'"Noto Sans"', '"Noto Naskh Arabic"', '"Noto Nastaliq Urdu"'}
    baselines = [t["baseline"] for t in targets]
    assert max(baselines) - min(baselines) <= 2, [(t["lang"], round(t["baseline"], 1)) for t in targets]
    for row in {t["top"] for t in targets}:  # the names of one row stand on one line
        line = [t["top"] + t["baseline"] for t in targets if t["top"] == row]
        assert max(line) - min(line) <= 2, row
    latin = [t for t in targets if t["lang"] in LATIN]
    tallest, caps = max(t["ink"] for t in latin), min(t["ascent"] for t in latin)
    for target in targets:  # no script smaller than Latin, none much larger
        assert target["ascent"] >= 0.9 * caps, target
        assert 0.9 * tallest <= target["ink"] <= 1.3 * tallest or target["lang"] in LATIN, target


def visible_guides(page) -> list[str]:
    return page.locator("#guide-list > li:visible").evaluate_all(
        "items => items.map(item => item.id.replace('guide-', ''))")


def choose(page, site: Path, lang: str) -> None:
    """Pick a language on the front page, as a citizen does."""
    open_page(page, site / "index.html")
    page.click(f'.language-list a[lang="{lang}"]')
    page.wait_for_url(re.compile(rf"/{lang}/index\.html$"))
    assert page.locator("#guide-search-input").is_visible()


@pytest.mark.parametrize("lang, typed, expected", [
    ("en", "MEALS", ["madservice"]),
    ("en", "wheelchair", ["svoemmestadion"]),
    ("ar", "مرحبا", ["botilbud-velkomst"]),  # typed without the tanween of مرحبًا
    ("ar", "مركز", None),  # in two titles: the oracle says which
    ("ur", "تیراکی", ["svoemmestadion"]),
    ("tr", "hos geldiniz", ["botilbud-velkomst"]),  # ş typed as s
    ("ti", "ምግቢ", ["madservice"]),
    ("fa", "خوشآمدگویی", ["botilbud-velkomst"]),  # typed without the zero-width non-joiner of خوش‌آمدگویی
])
def test_a_citizen_finds_a_guide_by_part_of_its_title(built_site, page, lang, typed, expected):
    choose(page, built_site, lang)
    every = index_data(built_site, lang)
    assert visible_guides(page) == [g["slug"] for g in every]
    oracle = [g["slug"] for g in every if all(w in fold(g["title"] + " " + g["summary"]) for w in fold(typed).split())]
    assert oracle and len(oracle) < len(every), oracle
    assert expected is None or oracle == expected
    page.fill("#guide-search-input", typed)
    assert visible_guides(page) == oracle
    assert page.locator("#guide-search-status").inner_text() == ""
    page.fill("#guide-search-input", "")
    assert visible_guides(page) == [g["slug"] for g in every]


def test_a_citizen_chooses_urdu_searches_a_word_and_opens_the_guide(built_site, page):
    choose(page, built_site, "ur")
    page.fill("#guide-search-input", "تیراکی")
    assert visible_guides(page) == ["svoemmestadion"]
    page.click("#guide-svoemmestadion h2 a")
    page.wait_for_url(re.compile(r"/ur/svoemmestadion\.html$"))
    assert page.locator("html").get_attribute("lang") == "ur"
    assert "تیراکی" in page.locator("h1").inner_text()


@pytest.mark.parametrize("lang", ["ar", "en", "ur"])
def test_nonsense_finds_no_guide_and_says_so_in_the_page_language(built_site, page, lang):
    from axe_playwright_python.sync_playwright import Axe

    choose(page, built_site, lang)
    page.fill("#guide-search-input", "qqxzv")
    assert visible_guides(page) == []
    said = translations_for(lang).gettext("No guide found.")
    assert said != "No guide found." or lang == "en"
    assert page.locator("#guide-search-status").inner_text() == said
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.response["violations"] == []


def test_without_javascript_every_guide_is_listed_and_no_search_box_shows(built_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for lang, slugs in published(built_site).items():
        page.goto((built_site / lang / "index.html").as_uri())
        assert visible_guides(page) == slugs, lang
        assert not page.locator("#guide-search-input").is_visible()
        titles = page.locator("#guide-list h2 a").all_inner_texts()
        assert titles == [g["title"] for g in index_data(built_site, lang)], lang
    context.close()


def test_each_guide_has_a_print_link_to_its_flyer(built_site):
    for lang, slugs in published(built_site).items():
        text = (built_site / lang / "index.html").read_text("utf-8")
        links = re.findall(r'<p class="print"><a href="([^"]+)"([^>]*)>', text)
        assert [href for href, _ in links] == [f"{slug}.flyer.pdf" for slug in slugs], lang  # the one sheet
        assert all((built_site / lang / href).is_file() for href, _ in links)
        # opened in the browser's PDF viewer, whose print button prints it; not saved
        assert all("download" not in attrs for _, attrs in links)


def test_only_the_language_indexes_may_run_a_script_and_only_their_own(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for path in pages:
        text = path.read_text("utf-8")
        scripts = re.findall(r"<script\b[^>]*>", text)
        if path.name == "index.html" and path.parent != built_site:
            assert "script-src 'self';" in text, path
            assert scripts == ['<script src="../static/search.js" defer>',
                               '<script type="application/json" id="guide-search-index">'], path
        else:
            assert "script-src 'none';" in text and scripts == [], path
    assert (built_site / "static" / "search.js").is_file()


def test_the_header_switcher_sets_every_script_at_one_size_and_baseline(built_site, page, screenshots):
    open_page(page, built_site / "da" / "madservice.html")
    names = page.locator(".languages a").evaluate_all(MEASURE)
    assert {n["lang"] for n in names} >= {"da", "ar", "ur"}, names
    line = [n["top"] + n["baseline"] for n in names]
    assert max(line) - min(line) <= 2, [(n["lang"], round(n["top"] + n["baseline"], 1)) for n in names]
    latin = [n for n in names if n["lang"] in LATIN]
    tallest, caps = max(n["ink"] for n in latin), min(n["ascent"] for n in latin)
    for name in names:  # as on the kiosk; at 16 px the ink is measured in whole pixels: one more allowed
        assert name["ascent"] >= 0.9 * caps, name
        assert 0.9 * tallest - 1 <= name["ink"] <= 1.3 * tallest + 1 or name["lang"] in LATIN, name
    page.locator(".languages").screenshot(path=str(screenshots / "switcher.da.png"))

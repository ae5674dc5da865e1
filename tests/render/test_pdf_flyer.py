"""The A4 flyer PDFs: tagged, PDF/UA-1 compliant, with a text layer that reads right.

Each language's flyer is rendered once per module from the sample guide ``madservice``:
a hand-written translation of its opening (until the sample catalogs land) and the rest
of the guide as Danish fallback marked lang="da", as the publish rule would show it.
"""

from __future__ import annotations

import gettext
import html as htmllib
import re
import subprocess
from collections import Counter
from pathlib import Path

import jinja2
import page
import pikepdf
import pytest
from helpers import REPO

from pipeline.render.pdf import flyer_html, render_pdf, unwrap_loose_lists
from pipeline.source.markdown_engine import render_markdown
from pipeline.source.reader import parse_guide

TEMPLATES = REPO / "pipeline" / "render" / "templates"
SLUG = "madservice"
LANGUAGES = ("da", "en", "tr", "ar", "ur")
RTL = ("ar", "ur")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# pdftotext may put the space on the other side of a comma or full stop next to a
# direction change; the words and their order are what a reader needs.
SPACE_AT_PUNCTUATION = re.compile(r"\s*([،,.۔:;!?؟])\s*")
PAGE_FURNITURE = re.compile(r"Page \d+|Preview — not reviewed|صفحہ \d+|صفحة \d+")
# poppler writes an Arabic vowel mark before its letter (and a shadda sometimes as its own
# word); the marks are checked by count, the letters by order.
HARAKAT = re.compile("[\u064b-\u0652\u0670]")
# Words split where the script changes too: poppler drops the space next to a number.
RTL_WORD = re.compile("[\u0620-\u064a\u0660-\u0669\u0671-\u06d3\u06d5\u06f0-\u06ff]+"
                      "|[0-9]+|[A-Za-z\u00c0-\u024f]+")
UI_WORDS = {
    "ar": {"Contact": "اتصل بنا", "Address": "العنوان", "Phone": "الهاتف",
           "E-mail": "البريد الإلكتروني", "Opening hours": "ساعات العمل",
           "Updated": "آخر تحديث", "Scan to read online": "امسح الرمز للقراءة على الإنترنت",
           "Page": "صفحة"},
    "ur": {"Contact": "رابطہ", "Address": "پتہ", "Phone": "فون", "E-mail": "ای میل",
           "Opening hours": "اوقاتِ کار", "Updated": "تازہ کاری",
           "Scan to read online": "آن لائن پڑھنے کے لیے اسکین کریں", "Page": "صفحہ"},
}

TRANSLATIONS = {
    "en": {
        "title": "Meals for people who live at home",
        "summary": "Copenhagen Meal Service brings food to older people who live in their "
                   "own home. Here you can read how to get the food and what it costs.",
        "hours": "Monday–Friday 8.00–15.00",
        "body": "Do you live in your own home? Is it hard for you to cook? Then you can get "
                "food from **Copenhagen Meal Service**.\n\nWe cook for about 3,200 citizens "
                "every day. We bring the food to your home.",
        "notice": "This part is not yet translated.",
    },
    "tr": {
        "title": "Evde yaşayanlar için yemek",
        "summary": "Kopenhag Yemek Servisi, kendi evinde yaşayan yaşlılara yemek getirir. "
                   "Burada yemeği nasıl alacağınızı ve ne kadar tuttuğunu okuyabilirsiniz.",
        "hours": "Pazartesi–Cuma 8.00–15.00",
        "body": "Kendi evinizde mi yaşıyorsunuz? Yemek yapmak sizin için zor mu? O zaman "
                "**Kopenhag Yemek Servisi**'nden yemek alabilirsiniz.\n\nHer gün yaklaşık "
                "3.200 kişiye yemek pişiriyoruz. Yemeği evinize getiriyoruz. Çiğdem, Şükrü "
                "ve Ömer size yardım eder.",
        "notice": "Bu bölüm henüz çevrilmedi.",
    },
    "ar": {
        "title": "وجبات لمن يعيش في بيته",
        "summary": "تُوصل خدمة الوجبات في كوبنهاغن الطعام إلى كبار السن الذين يعيشون في "
                   "بيوتهم. هنا تقرأ كيف تحصل على الطعام وكم يكلّف.",
        "hours": "من الاثنين إلى الجمعة، من الساعة 8.00 إلى 15.00",
        "body": "هل تعيش في بيتك؟ وهل يصعب عليك أن تطبخ؟ يمكنك إذن أن تحصل على الطعام من "
                "**خدمة الوجبات في كوبنهاغن**.\n\nنطبخ كل يوم لنحو 3200 مواطن، ونوصل الطعام "
                "إلى باب بيتك. نحن هنا لمساعدتك.",
        "notice": "هذا الجزء لم يُترجم بعد.",
    },
    "ur": {
        "title": "گھر پر رہنے والوں کے لیے کھانا",
        "summary": "کوپن ہیگن کی کھانے کی سروس ان بزرگوں کو کھانا پہنچاتی ہے جو اپنے گھر میں "
                   "رہتے ہیں۔ یہاں آپ پڑھ سکتے ہیں کہ کھانا کیسے ملتا ہے اور اس کی قیمت کیا ہے۔",
        "hours": "پیر سے جمعہ، صبح 8 بجے سے دوپہر 3 بجے تک",
        "body": "کیا آپ اپنے گھر میں رہتے ہیں؟ کیا آپ کے لیے کھانا پکانا مشکل ہے؟ تو آپ "
                "**کوپن ہیگن کی کھانے کی سروس** سے کھانا منگوا سکتے ہیں۔\n\nہم ہر روز تقریباً "
                "3200 شہریوں کے لیے کھانا پکاتے ہیں اور کھانا آپ کے گھر تک پہنچاتے ہیں۔ "
                "بلدیہ سے رابطہ کریں، ہم آپ کی مدد کریں گے۔",
        "notice": "یہ حصہ ابھی ترجمہ نہیں ہوا۔",
    },
}


class _Words(gettext.NullTranslations):
    """The UI words of one language, as the package catalog will give them."""

    def __init__(self, words: dict[str, str]):
        super().__init__()
        self.words = words

    def gettext(self, message):
        return self.words.get(message, message)


def make_env(lang: str = "en") -> jinja2.Environment:
    """Return a Jinja2 environment like the build's, with the language's UI words."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(_Words(UI_WORDS.get(lang, {})), newstyle=True)
    return env


def make_context(lang: str, preview: bool = False) -> dict:
    """Return a page context for ``lang`` built from the sample guide."""
    source = REPO / "content" / f"{SLUG}.md"
    meta, body = _guide_parts(parse_guide(source.read_bytes(), SLUG, f"content/{SLUG}.md"))
    own = TRANSLATIONS.get(lang)
    contact = dict(meta["contact"])
    if own is not None:
        danish = re.sub(r"<h1[^>]*>.*?</h1>", "", body, count=1, flags=re.DOTALL)
        if lang in RTL:  # as min_reviewed = 0.8 allows: most of the page is translated
            danish = danish[danish.index("<h2"): danish.index("<h2", danish.index("<h2") + 1)]
        body = (f'<h1>{own["title"]}</h1>\n{render_markdown(own["body"])}\n'
                f'<div lang="da" dir="ltr">\n{danish}\n</div>')
        contact["hours"] = own["hours"]
    return {
        "lang": lang, "dir": "rtl" if lang in ("ar", "ur") else "ltr",
        "title": own["title"] if own else meta["title"],
        "summary": own["summary"] if own else meta["summary"],
        "service": meta["service"], "contact": contact, "updated": "2026-11-01",
        "body_html": body, "languages": [],
        "page_url": f"https://example.org/guides/{lang}/{SLUG}.html",
        "pdf_href": f"{SLUG}.pdf", "preview": preview, "has_fallback": own is not None,
        "fallback_notice": own["notice"] if own else None,
    }


def _guide_parts(guide) -> tuple[dict, str]:
    return guide.meta, render_markdown(guide.body)


def expected_texts(context: dict) -> list[str]:
    """Return the plain text of each published segment, as a reader should extract it."""
    blocks = re.findall(r"<(h[1-6]|p|li|td|th)\b[^>]*>(.*?)</\1>", context["body_html"],
                        flags=re.DOTALL)
    texts = [context["title"], context["summary"], context["contact"]["hours"],
             context["contact"]["address"], context["service"], context["fallback_notice"]]
    texts += [htmllib.unescape(re.sub(r"<[^>]+>", "", inner)) for _, inner in blocks
              if "<ul" not in inner and "<ol" not in inner]
    return [text for text in texts if text and text.strip()]


def normalise(text: str) -> str:
    """Drop bidi controls and page furniture, collapse whitespace."""
    text = PAGE_FURNITURE.sub(" ", BIDI_CONTROLS.sub("", text))
    return SPACE_AT_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def rtl_words(text: str) -> Counter:
    """Return the words of RTL text without vowel marks and punctuation.

    poppler rebuilds reading order per page from glyph positions: a vowel mark drawn
    above the line (ً ّ ُ) becomes a line of its own, and on a page with more Latin than
    Arabic, runs between neutral punctuation come out in left-to-right order. So RTL
    segments are checked word by word (every word, as often as it occurs), and the marks
    by count.
    """
    text = HARAKAT.sub("", PAGE_FURNITURE.sub(" ", BIDI_CONTROLS.sub("", text)))
    return Counter(RTL_WORD.findall(text))


def pdftotext(path: Path) -> str:
    """Return the text layer as poppler reads it."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True)
    return run.stdout


@pytest.fixture(scope="module")
def flyers(tmp_path_factory) -> dict[str, tuple[dict, Path]]:
    """Render each language's flyer once: context and PDF path."""
    folder = tmp_path_factory.mktemp("flyers")
    result = {}
    for lang in LANGUAGES:
        context = make_context(lang, preview=(lang == "tr"))
        pdf = render_pdf(flyer_html(context, make_env(lang)), (REPO / "content").as_uri() + "/")
        (folder / f"{lang}.pdf").write_bytes(pdf)
        result[lang] = (context, folder / f"{lang}.pdf")
    return result


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flyer_is_tagged_with_language_and_title(flyers, lang):
    context, path = flyers[lang]
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert str(pdf.Root.Lang) == lang
        assert str(pdf.docinfo["/Title"]) == context["title"]
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == context["title"]
        assert all(str(p.MediaBox[2])[:3] == "595" for p in pdf.pages)  # A4: 595.28 pt


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flyer_embeds_every_font(flyers, lang):
    run = subprocess.run(["pdffonts", str(flyers[lang][1])], check=True, capture_output=True,
                         text=True)
    rows = [line.split() for line in run.stdout.splitlines()[2:]]
    assert rows, "no fonts listed"
    assert all(row[-5] == "yes" for row in rows), run.stdout  # the "emb" column
    assert not [row[0] for row in rows if "DejaVu" in row[0]], "a glyph fell back"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flyer_text_layer_returns_every_segment(flyers, lang):
    context, path = flyers[lang]
    layer, expected = pdftotext(path), expected_texts(context)
    if lang not in RTL:  # a web link's address is printed after it on paper: the words around it stay
        assert re.search(r"\(https?://", layer), "no link address printed"
        layer = re.sub(r"\s*\(https?://[^)]*\)", "", layer)
    if lang in RTL:
        words = rtl_words(layer)
        missing = [text for text in expected if rtl_words(text) - words]
    else:
        missing = [text for text in expected if normalise(text) not in normalise(layer)]
    assert not missing, f"not in the text layer of {lang}: {missing}"
    assert not Counter(HARAKAT.findall("".join(expected))) - Counter(HARAKAT.findall(layer))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flyer_passes_pdf_ua_1(flyers, lang):
    report = page.validate_pdf(flyers[lang][1], profile="ua1")
    failures = [(f.rule_id, f.message) for f in report.failures]
    assert report.is_compliant, failures


def test_flyer_shows_page_numbers_fallback_notice_and_preview_stamp(flyers):
    tr_text = pdftotext(flyers["tr"][1])
    pages = tr_text.split("\f")[:-1]
    assert len(pages) >= 2
    assert all("Page" in text and "Preview — not reviewed" in text for text in pages)
    assert "Bu bölüm henüz çevrilmedi." in tr_text
    da_text = pdftotext(flyers["da"][1])
    assert "Preview" not in da_text and "Page 1" in da_text


def test_flyer_html_marks_fallback_and_direction():
    html = flyer_html(make_context("ur"), make_env("ur"))
    assert '<html lang="ur" dir="rtl">' in html
    assert '<div lang="da" dir="ltr">' in html
    assert 'alt="آن لائن پڑھنے کے لیے اسکین کریں: https://example.org/guides/ur/madservice.html"' in html
    assert html.count("<h1") == 1


LOOSE_LIST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Loose list</title></head><body><h1>Loose list</h1>{}</body></html>"""


def test_unwrapping_loose_list_items_makes_them_pass_li_kids():
    body = render_markdown("- first item\n\n- second item\n\n    second paragraph\n\n"
                           "- third item\n")
    assert "<li>\n<p>first item</p>" in body  # Python-Markdown's loose list
    raw = page.validate_pdf_bytes(render_pdf(LOOSE_LIST.format(body), REPO.as_uri()),
                                  profile="ua1")
    assert not raw.is_compliant
    assert any("LI" in f.rule_id for f in raw.failures), [f.rule_id for f in raw.failures]
    unwrapped = unwrap_loose_lists(body)
    assert "<p>" not in unwrapped and "second item\n<br><br>second paragraph" in unwrapped
    fixed = page.validate_pdf_bytes(render_pdf(LOOSE_LIST.format(unwrapped), REPO.as_uri()),
                                    profile="ua1")
    assert fixed.is_compliant, [(f.rule_id, f.message) for f in fixed.failures]


def test_unwrap_keeps_other_markup_verbatim():
    html = '<p>a &amp; b</p><ul><li>x <a href="/?a=1&amp;b=2">y</a></li></ul><img src="i.svg" alt="i">'
    assert unwrap_loose_lists(html) == html


def test_on_paper_a_web_link_shows_its_address_and_contact_details_are_links():
    from pipeline.render.pdf import with_printed_addresses

    html = ('<p>Læs <a href="https://www.borger.dk/mad">mere her</a> og på '
            '<a href="https://kk.dk/">https://kk.dk</a> eller <a href="#priser">priser</a>.</p>')
    printed = with_printed_addresses(html)
    assert '<a href="https://www.borger.dk/mad">mere her</a><span class="link-address compound" dir="ltr">' \
           ' \u200e(https://www.borger.dk/mad)\u200e</span>' in printed
    assert printed.count("link-address") == 1

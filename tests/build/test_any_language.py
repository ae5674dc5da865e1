"""Languages added later build like the first five: their script's font, lang and dir, site words."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import page
import polib
import pytest
from helpers import AXE_TAGS, copy_sample, run_ligetil

from pipeline.render import fonts

# The ten languages, a greeting in each one's script, its direction and the font
# pdffonts must show in its flyer (subset names: "ABCDEF+Noto-Sans-Ethiopic").
WORDS = {"fa": ("سلام، خوش آمدید", "rtl", "NotoNaskhArabic"), "ckb": ("بەخێربێن", "rtl", "NotoNaskhArabic"),
         "ps": ("ښه راغلاست", "rtl", "NotoNaskhArabic"), "ti": ("ሰላም", "ltr", "NotoSansEthiopic"),
         "so": ("Soo dhowow", "ltr", "NotoSans-"), "uk": ("Вітаємо", "ltr", "NotoSans-"),
         "pl": ("Zażółć gęślą jaźń", "ltr", "NotoSans-"), "th": ("สวัสดีครับ", "ltr", "NotoSansThai"),
         "ta": ("வணக்கம்", "ltr", "NotoSansTamil"), "vi": ("Xin chào các bạn", "ltr", "NotoSans-")}
# One long Thai paragraph, of known words written without spaces (as Thai is).
THAI_WORDS = ["สวัสดี", "ครับ", "ยินดี", "ต้อนรับ", "สู่", "บริการ", "อาหาร", "ของ", "เทศบาล", "โคเปนเฮเกน",
              "เรา", "ทำ", "อาหาร", "ให้", "ผู้", "สูง", "อายุ", "ทุก", "วัน"] * 5
SITE_WORDS = {"fa": "تماس", "uk": "Контакти", "ti": "ርክብ", "th": "ติดต่อ"}  # "Contact"


def greet(project: Path, lang: str, word: str) -> polib.POFile:
    """Translate every entry of a language's meal guide as a greeting in its script, then the Danish."""
    path = project / f"translations/{lang}/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid and not entry.obsolete:
            entry.msgstr = f"{word} {entry.msgid}"
    po.save(str(path))
    return po


def _fill(project: Path) -> None:
    """Greet in every new language; Thai gets one long paragraph of known words."""
    for lang, (word, _, _) in WORDS.items():
        po = greet(project, lang, word)
        if lang == "th":
            entry = next(e for e in po if e.msgid.startswith("Vi laver mad"))
            entry.msgstr = "".join(THAI_WORDS) + " 3.200"
            po.save(po.fpath)
    for lang, contact in SITE_WORDS.items():
        path = project / f"translations/{lang}/LC_MESSAGES/_site.po"
        po = polib.pofile(str(path))
        po.find("Contact").msgstr = contact
        po.save(str(path))


@pytest.fixture(scope="module")
def ten_languages(tmp_path_factory, browser) -> Path:
    """The sample's meal guide in English and the ten languages, built."""
    project = copy_sample(tmp_path_factory.mktemp("ten") / "project", guides=("madservice",),
                          languages=("en", *WORDS))
    assert run_ligetil(project, "update").code == 0
    _fill(project)
    result = run_ligetil(project, "build")
    assert result.code == 0, result.err
    return project


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_each_language_builds_with_lang_dir_and_its_scripts_font(ten_languages, lang):
    word, direction, font = WORDS[lang]
    html = (ten_languages / f"output/{lang}/madservice.html").read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}" dir="{direction}">', html)
    assert word in html
    pdf = ten_languages / f"output/{lang}/madservice.pdf"
    found = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert font in found.replace("-", "").replace("NotoSans ", "NotoSans-") or font in found, found
    report = page.validate_pdf(pdf, profile="ua1")
    assert not report.failures, "; ".join(f"{f.rule_id} {f.message}" for f in report.failures)


def test_every_page_passes_axe(ten_languages, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe, tab, found, pages = Axe(), browser.new_page(), {}, 0
    for lang in WORDS:
        for path in sorted((ten_languages / "output" / lang).glob("*.html")):
            tab.goto(path.as_uri())
            pages += 1
            violations = axe.run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
            if violations:
                found[f"{lang}/{path.name}"] = [v["id"] for v in violations]
    tab.close()
    assert pages == 2 * len(WORDS) and found == {}


def test_the_site_words_are_in_the_pages_language_where_translated(ten_languages):
    for lang, contact in SITE_WORDS.items():
        html = (ten_languages / f"output/{lang}/madservice.html").read_text(encoding="utf-8")
        assert f">{contact}<" in html, lang
        assert ">Contact<" not in html, lang
    css = (ten_languages / "output/static/fonts.css").read_text(encoding="utf-8")
    assert ':lang(ti) { font-family: "Noto Sans Ethiopic"' in css and "ethiopic-400.woff2" in css


def _word_ends(words: list[str]) -> set[int]:
    ends, position = set(), 0
    for word in words:
        position += len(word)
        ends.add(position)
    return ends


def test_thai_lines_break_between_words_on_the_page(ten_languages, browser):
    """Chromium's line boxes: each line of the long Thai paragraph ends where its own word
    segmenter (Intl.Segmenter, ICU's Thai dictionary) says a word ends."""
    tab = browser.new_page(viewport={"width": 360, "height": 800})
    tab.goto((ten_languages / "output/th/madservice.html").as_uri())
    breaks = tab.evaluate("""(start) => {
        const node = [...document.querySelectorAll('main p')].find(p => p.textContent.startsWith(start)).firstChild;
        const range = document.createRange(), found = [];
        let top = null;
        for (let i = 0; i < node.length; i++) {
            range.setStart(node, i); range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && top !== null && rect.top > top + 2) found.push(i);
            if (rect) top = rect.top;
        }
        const ends = [...new Intl.Segmenter('th', {granularity: 'word'}).segment(node.data)]
            .map(s => s.index + s.segment.length);
        return {breaks: found, ends: ends};
    }""", THAI_WORDS[0])
    tab.close()
    assert len(breaks["breaks"]) >= 3 and set(breaks["breaks"]) <= set(breaks["ends"]), breaks


def test_thai_lines_break_between_words_in_the_pdf(ten_languages):
    """WeasyPrint's line boxes of the Thai flyer (Pango's breaking): each ends at a word's end."""
    import weasyprint
    from weasyprint.formatting_structure import boxes

    text = "".join(THAI_WORDS)
    html = (f'<html lang="th"><head><style>{fonts.pdf_font_css([fonts.pdf_font("th")])}</style></head>'
            f'<body style="width: 9cm; font-family: \'Noto Sans Thai\'"><p>{text}</p></body></html>')

    def lines(box):
        if isinstance(box, boxes.LineBox):
            yield "".join(t.text for t in box.descendants() if isinstance(t, boxes.TextBox))
        for child in getattr(box, "children", []):
            yield from lines(child)

    found = list(lines(weasyprint.HTML(string=html).render().pages[0]._page_box))
    ends = [sum(len(line) for line in found[: i + 1]) for i in range(len(found))]
    assert "".join(found) == text and len(found) >= 4
    assert set(ends) <= _word_ends(THAI_WORDS), found


def test_without_one_font_only_the_languages_that_need_it_fail(tmp_path, fonts_without):
    fonts_without("Noto Sans Ethiopic", "Noto Serif Ethiopic")
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("en", "ti", "fa", "uk"))
    assert run_ligetil(project, "update").code == 0
    for lang in ("ti", "fa", "uk"):
        greet(project, lang, WORDS[lang][0])
    result = run_ligetil(project, "build", "--format", "html")
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if "no font for" in line]
    assert len(lines) == 1 and lines[0].startswith("ti: no font for Ethiopic script (U+")
    assert lines[0].endswith('install Debian\'s fonts-noto-core or set [fonts] Ethi = "<family>" in ligetil.toml')
    assert "Traceback" not in result.err
    assert not (project / "output/ti").exists()
    for lang in ("da", "en", "fa", "uk"):
        assert (project / f"output/{lang}/madservice.html").is_file(), lang


CJK = {"zh": ("欢迎来到送餐服务", "NotoSansCJKSC"), "ja": ("配食サービスへようこそ", "NotoSansCJKJP"),
       "ko": ("식사 서비스에 오신 것을 환영합니다", "NotoSansCJKKR")}


def test_chinese_japanese_and_korean_build_with_their_regions_cjk_font(tmp_path, fixed_dates, browser):
    """Noto CJK comes as font collections: the PDF embeds the region's face, the web cuts it."""
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=tuple(CJK))
    assert run_ligetil(project, "update").code == 0
    for lang, (word, _) in CJK.items():
        greet(project, lang, word)
    result = run_ligetil(project, "build")
    assert result.code == 0, result.err
    css = (project / "output/static/fonts.css").read_text(encoding="utf-8")
    for lang, (word, font) in CJK.items():
        pdf = project / f"output/{lang}/madservice.pdf"
        found = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert font in found.replace("-", ""), found
        assert word in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        report = page.validate_pdf(pdf, profile="ua1")
        assert not report.failures, "; ".join(f"{f.rule_id} {f.message}" for f in report.failures)
        assert f"cjk-{font[-2:].lower()}-400.woff2" in css, lang
    from axe_playwright_python.sync_playwright import Axe

    tab = browser.new_page()
    tab.goto((project / "output/zh/madservice.html").as_uri())
    violations = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
    tab.close()
    assert [v["id"] for v in violations] == []


def test_a_font_set_in_the_settings_is_the_one_embedded_and_cut(tmp_path, fixed_dates):
    """[fonts] fa = "Noto Sans Arabic": Farsi is set in it, web and PDF; Arabic keeps Naskh; no file is shared."""
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("ar", "fa"))
    settings = project / "ligetil.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[fonts]\nfa = "Noto Sans Arabic"\n', encoding="utf-8")
    result = run_ligetil(project, "build")
    assert result.code == 0, result.err
    found = subprocess.run(["pdffonts", str(project / "output/fa/madservice.pdf")], capture_output=True, text=True).stdout
    assert "Noto-Sans-Arabic" in found and "Naskh" not in found
    found = subprocess.run(["pdffonts", str(project / "output/ar/madservice.pdf")], capture_output=True, text=True).stdout
    assert "Noto-Naskh-Arabic" in found
    css = (project / "output/static/fonts.css").read_text(encoding="utf-8")
    assert ':lang(fa) { font-family: "Noto Sans Arabic"' in css and ':lang(ar) { font-family: "Noto Naskh Arabic"' in css
    assert "noto-sans-arabic-400.woff2" in css and "arabic-400.woff2" in css.replace("noto-sans-arabic-400", "")

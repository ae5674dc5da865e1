"""Fonts: every script has a glyph for every character, and web subsets are stable."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from pipeline.render import fonts
from pipeline.render.fonts import script_problems, webfont_css

SAMPLES = {
    "da": "Københavns Madservice bringer mad ud. Æbler, øl og ål — “gåsetegn” 58 kr.",
    "en": "Meals for people who live at home: +45 12 34 56 78, madservice@example.dk",
    "tr": "Çiğdem, Şükrü ve Ömer: İstanbul'da ağır ışık; ç ğ ı İ ö ş ü",
    "ar": "هل تعيش في بيتك؟ نطبخ كل يوم لنحو 3200 مواطن، وكم يكلّف؟ ٠١٢٣ Københavns",
    "ur": "کیا آپ اپنے گھر میں رہتے ہیں؟ ٹ ڈ ڑ ں ے ۓ ۔ تقریباً 3200 Brønshøj",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_every_character_of_real_text_has_a_glyph(lang):
    assert script_problems([("content/madservice.md:12", SAMPLES[lang])], lang) == []


@pytest.mark.parametrize("lang, char, script, family", [("en", "\ue000", "Unknown", "Noto Sans"),
                                                        ("ar", "中", "Han", "Noto Sans CJK SC"),
                                                        ("ur", "\ue000", "Unknown", "Noto Nastaliq Urdu"),
                                                        ("da", "中", "Han", "Noto Sans CJK SC")])
def test_a_character_without_a_glyph_is_one_line_naming_language_script_and_entry(lang, char, script, family,
                                                                                  latin_fonts_only):
    texts = [("content/madservice.md:3", "fine"), ("content/madservice.md:14", f"Mad {char} {char}"),
             ("content/madservice.md:20", f"igen {char}")]
    [line] = script_problems(texts, lang)
    assert line.startswith(f"{lang}: no font for {script} script (U+{ord(char):04X} '{char}' at "
                           f"content/madservice.md:14; {family} ")
    code = fonts.char_script(char, lang)
    assert line.endswith(f'; install Debian\'s {fonts.PACKAGE_OF_SCRIPT.get(code, "fonts-noto-core")} '
                         f'or set [fonts] {code} = "<family>" in ligetil.toml' if script != "Unknown"
                         else "; no script has this character: remove it or use the one meant")


def test_a_text_of_another_script_gets_that_scripts_font():
    text = "Tigrinya: ሰላም, Farsi: سلام"
    assert script_problems([("content/x.md:4", text)], "da") == []
    families = [f.family for f in fonts.text_fonts(text, "da", fonts.PDF)]
    assert families == ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"]


def test_a_font_set_in_the_settings_wins_and_a_missing_one_is_named():
    choices = (("fa", "Noto Sans Arabic", "Noto Sans Arabic"), ("Ethi", "Noto Serif Ethiopic", "Noto Serif Ethiopic"),
               ("ur", "Noto Nastaliq Urdu", "Noto Nastaliq Urdu"), ("Thai", "No Such Font", "No Such Font"))
    assert fonts.pdf_font("fa", choices).family == "Noto Sans Arabic"
    assert fonts.web_font("ti", choices).family == "Noto Serif Ethiopic"
    assert fonts.pdf_font("ur", choices).family == "Noto Nastaliq Urdu"
    assert fonts.pdf_font("ar", choices).family == "Noto Naskh Arabic"
    [line] = script_problems([("content/x.md:2", "ยินดี")], "th", choices)
    assert "No Such Font is not installed" in line


def test_bidi_and_joiner_controls_need_no_glyph():
    assert script_problems([("x", "\u2067+45 12\u2069 \u200fكلمة\u200d\u200c")], "ar") == []


def test_urdu_is_set_in_nastaliq_on_paper_and_on_the_web():
    assert fonts.pdf_font("ur").family == "Noto Nastaliq Urdu"
    assert fonts.web_font("ur").family == "Noto Nastaliq Urdu"
    assert fonts.web_font("da").key == "latin" and fonts.web_font("ar").key == "arabic"


USED = {"Noto Sans": "Københavns Çiğdem Şükrü İ ı ğ Æ", "Noto Naskh Arabic": SAMPLES["ar"],
        "Noto Nastaliq Urdu": SAMPLES["ur"]}


@pytest.fixture(scope="module")
def webfonts(tmp_path_factory):
    """Subset the web fonts twice into two folders."""
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    return (webfont_css(USED, first, "../fonts/"), first,
            webfont_css(USED, second, "../fonts/"), second)


def test_subsetting_is_deterministic(webfonts):
    css_a, first, css_b, second = webfonts
    assert css_a == css_b
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 6
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


@pytest.mark.parametrize("family, file_name", [("Noto Sans", "latin-400.woff2"),
                                               ("Noto Sans", "latin-700.woff2"),
                                               ("Noto Naskh Arabic", "arabic-400.woff2"),
                                               ("Noto Nastaliq Urdu", "urdu-400.woff2")])
def test_woff2_holds_the_used_glyphs_only(webfonts, family, file_name):
    font = TTFont(io.BytesIO((webfonts[1] / file_name).read_bytes()))
    assert font.flavor == "woff2"
    cmap = font.getBestCmap()
    used = {ord(c) for c in USED[family] if not c.isspace() and fonts._needs_glyph(c)}
    primary = fonts._cmap(fonts.family_font(family).regular)
    assert used & primary <= set(cmap)
    assert len(cmap) < 120, "the subset should not carry the whole font"
    assert "GSUB" in font or family == "Noto Sans"  # joining forms survive for Arabic script


def test_css_declares_swap_and_versioned_urls(webfonts):
    css = webfonts[0]
    assert css.count("@font-face") == 6
    assert css.count("font-display: swap") == 6
    assert 'font-family: "Noto Nastaliq Urdu"' in css
    assert 'url("../fonts/urdu-400.woff2?v=' in css


def test_font_without_text_gets_no_file(tmp_path):
    css = webfont_css({"Noto Sans": "abc", "Noto Naskh Arabic": " "}, tmp_path, "f/")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latin-400.woff2", "latin-700.woff2"]
    assert "Naskh" not in css


@pytest.mark.parametrize("lang, family", [("fa", "Noto Naskh Arabic"), ("ckb", "Noto Naskh Arabic"),
                                          ("ps", "Noto Naskh Arabic"), ("ti", "Noto Sans Ethiopic"),
                                          ("th", "Noto Sans Thai"), ("ta", "Noto Sans Tamil"),
                                          ("uk", "Noto Sans"), ("so", "Noto Sans"), ("vi", "Noto Sans")])
def test_a_language_gets_the_font_of_its_script(lang, family):
    assert fonts.pdf_font(lang).family == family and fonts.pdf_font(lang).installed
    text = {"fa": "سلام، خوش آمدید؟", "ckb": "بەخێربێن", "ps": "ښه راغلاست", "ti": "ሰላም እንቋዕ ብደሓን መጻእኩም",
            "th": "ยินดีต้อนรับ", "ta": "வணக்கம்", "uk": "Ласкаво просимо, її", "so": "Soo dhawoow",
            "vi": "Chào mừng bạn đến với dịch vụ"}[lang]
    assert script_problems([("content/x.md:1", text)], lang) == []


def test_the_language_rules_give_each_language_its_stack():
    css = fonts.language_css(("da", "ar", "ur", "ti"), others=[fonts.family_font("Noto Sans Thai", "Thai")])
    assert (':lang(ur) { font-family: "Noto Nastaliq Urdu", "Noto Sans", "Noto Sans Thai", '
            'sans-serif; line-height: 2.4; }') in css
    assert ':lang(ti) { font-family: "Noto Sans Ethiopic", "Noto Sans", "Noto Sans Thai", sans-serif;' in css
    assert "html:lang(ar), :not(:lang(ar)) > :lang(ar) { font-size: 112.5%; }" in css and "html:lang(da)" not in css
    assert ":lang(ur) { --baseline-shift: -0.309em; }" in css and "lang(da) { --baseline" not in css


@pytest.mark.parametrize("lang, script", [("zh", "Hans"), ("zh_Hant", "Hant"), ("zh-TW", "Hant"), ("yue", "Hant"),
                                          ("pa", "Guru"), ("pa_PK", "Arab"), ("sr_Latn", "Latn"), ("fa_AF", "Arab")])
def test_a_codes_own_script_or_region_decides_its_script(lang, script):
    assert fonts.language_script(lang) == script

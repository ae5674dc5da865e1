"""Languages added later build like the first five: their script's font, lang and dir."""

from __future__ import annotations

import re
import subprocess

import page
import polib
from helpers import AXE_TAGS, copy_sample, run_ligetil

WORDS = {"fa": ("سلام", "rtl", "Noto-Naskh-Arabic"), "ti": ("ሰላም", "ltr", "Noto-Sans-Ethiopic"),
         "th": ("สวัสดีครับ ยินดีต้อนรับสู่บริการอาหารของเทศบาลโคเปนเฮเกน", "ltr", "Noto-Sans-Thai"), "uk": ("Вітаємо", "ltr", "+Noto-Sans ")}


def test_four_more_languages_and_scripts_build_with_their_fonts(tmp_path, fixed_dates, browser):
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("en", *WORDS))
    assert run_ligetil(project, "update").code == 0
    for lang, (word, _, _) in WORDS.items():
        path = project / f"translations/{lang}/LC_MESSAGES/madservice.po"
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid and not entry.obsolete:
                entry.msgstr = f"{word} {entry.msgid}"
        po.save(str(path))
    result = run_ligetil(project, "build")
    assert result.code == 0, result.err
    for lang, (word, direction, font) in WORDS.items():
        html = (project / f"output/{lang}/madservice.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}" dir="{direction}">', html), lang
        assert word in html
        fonts = subprocess.run(["pdffonts", str(project / f"output/{lang}/madservice.pdf")],
                               capture_output=True, text=True, check=True).stdout
        assert font in fonts, f"{lang}: {fonts}"
        report = page.validate_pdf(project / f"output/{lang}/madservice.pdf", profile="ua1")
        assert not report.failures, f"{lang}: " + "; ".join(f"{f.rule_id} {f.message}" for f in report.failures)
        # Arabic-script and Thai marks in the text layer are the issue "A PDF a screen reader reads right"
        if lang in ("ti", "uk"):
            text = subprocess.run(["pdftotext", str(project / f"output/{lang}/madservice.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
            assert word in text, lang
    from axe_playwright_python.sync_playwright import Axe

    axe, tab, found = Axe(), browser.new_page(), {}
    for lang in WORDS:
        for path in sorted((project / "output" / lang).glob("*.html")):
            tab.goto(path.as_uri())
            violations = axe.run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
            if violations:
                found[f"{lang}/{path.name}"] = [v["id"] for v in violations]
    tab.close()
    assert found == {}
    css = (project / "output/static/fonts.css").read_text(encoding="utf-8")
    assert ':lang(ti) { font-family: "Noto Sans Ethiopic"' in css and "ethiopic-400.woff2" in css

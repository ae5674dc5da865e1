"""The web fonts: cut face by face on the pool, with the same CSS and files as webfont_css."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from pipeline.build.site import FONTS_CSS, finish_fonts
from pipeline.build.units import page_chars, size_chars
from pipeline.render import fonts


def test_fonts_css_from_cut_faces_matches_webfont_css(tmp_path):
    used = {"Noto Sans": "Madtil 0123456789"}
    expected = fonts.webfont_css(used, tmp_path, "../fonts/")
    cut = {f"fonts/latin-{weight}.woff2": fonts.subset_woff2(path, used["Noto Sans"])
           for weight, path in fonts.latin().files}
    run = SimpleNamespace(fonts_files=None, font_data=cut, files={}, records={}, fonts_dep="dep", used_chars=used,
                          settings=SimpleNamespace(all_languages=("da", "ar"), fonts=()))
    assert finish_fonts(run) == sorted(cut)
    assert run.files[FONTS_CSS].decode("utf-8") == expected + fonts.language_css(("da", "ar"), (), [fonts.latin()])
    assert all(run.files[name] == (tmp_path / name.split("/")[1]).read_bytes() for name in cut)


def test_a_page_covers_every_pdf_size_in_its_language():
    html = ('<html lang="ur"><body><p>سلام</p><a>Download PDF (41 kB)</a></body></html>').encode("utf-8")
    found = page_chars(html, "ur", sizes_shown=True)
    nastaliq = "Noto Nastaliq Urdu"
    assert set(size_chars("ur")) <= set(found[nastaliq]) and set("0123456789kMB") <= set(found[nastaliq])
    assert "M" not in page_chars(html, "ur", sizes_shown=False)[nastaliq]


def test_installing_or_removing_any_font_changes_the_font_digest(monkeypatch):
    """A font for a script no language uses yet may be chosen for one character: the build must see it."""
    from helpers import REPO

    from pipeline.build.state import font_digest
    from pipeline.config import load_settings
    from pipeline.render import fontconfig

    settings = load_settings(REPO)
    before = font_digest(settings)
    listed = dict(fontconfig.installed_families())
    listed["Noto Sans Imaginary"] = {400: (Path("/usr/share/fonts/NotoSansImaginary-Regular.ttf"), 0)}
    monkeypatch.setattr(fontconfig, "installed_families", lambda: listed)
    assert font_digest(settings) != before

"""The font for each script, in the PDF and on the web, and the tofu guard.

Urdu is set in Noto Naskh Arabic in the PDF and in Noto Nastaliq Urdu on the web.
Measured with WeasyPrint 70 on one Urdu paragraph (the `ur` flyer test text): with
Nastaliq, 37 of the 84 glyph codes in the embedded font have no ToUnicode entry,
``pdftotext`` returns the letters scrambled and split, and page-validation fails
PDFUA1-FONT-UNICODE-MAPPING-001 ("malformed ToUnicode CMap", PDF/UA 7.21.7). With Naskh
all 42 glyph codes are mapped, the text extracts letter for letter and the PDF passes
PDF/UA-1. A flyer whose text a screen reader or a search cannot read is not accessible,
so the PDF uses the script's other well-made style; browsers shape Nastaliq correctly,
so the web pages keep it.
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import RenderError
from pipeline.fsutil import write_bytes_atomic

FONT_DIR = Path(os.environ.get("LIGETIL_FONT_DIR", "/usr/share/fonts/truetype/noto"))
INSTALL_HINT = "install Debian's fonts-noto-core (see the README)"


@dataclass(frozen=True)
class Font:
    """One font family: a key for file names, the CSS family and a file per weight."""

    key: str
    family: str
    files: tuple[tuple[int, str], ...]  # (CSS weight, file name in FONT_DIR)
    line_height: float = 1.5

    @property
    def regular(self) -> Path:
        """Return the path of the regular (400) face."""
        return font_path(dict(self.files)[400])


LATIN = Font("latin", "Noto Sans", ((400, "NotoSans-Regular.ttf"), (700, "NotoSans-Bold.ttf")))
NASKH = Font("arabic", "Noto Naskh Arabic",
             ((400, "NotoNaskhArabic-Regular.ttf"), (700, "NotoNaskhArabic-Bold.ttf")), 1.7)
NASTALIQ = Font("urdu", "Noto Nastaliq Urdu",
                ((400, "NotoNastaliqUrdu-Regular.ttf"), (700, "NotoNastaliqUrdu-Bold.ttf")), 2.2)

# Urdu: Naskh in the PDF for a correct text layer (see the module docstring).
PDF_FONTS = {"ar": NASKH, "ur": NASKH}
WEB_FONTS = {"ar": NASKH, "ur": NASTALIQ}
ALL_WEB_FONTS = (LATIN, NASKH, NASTALIQ)


def font_path(name: str) -> Path:
    """Return the path of a font file, or fail with the package to install."""
    path = FONT_DIR / name
    if not path.is_file():
        raise RenderError(f"font file not found: {path}; {INSTALL_HINT}")
    return path


def pdf_font(lang: str) -> Font:
    """Return the PDF's main font for a language (Latin unless the script needs another)."""
    return PDF_FONTS.get(lang, LATIN)


def web_font(lang: str) -> Font:
    """Return the web pages' main font for a language."""
    return WEB_FONTS.get(lang, LATIN)


def web_font_key(lang: str) -> str:
    """Return the ``used_text`` key of the web font that sets a language's text."""
    return web_font(lang).key


def font_stack(font: Font) -> str:
    """Return a CSS font-family list: the script's font, then Latin for names and numbers."""
    families = [font.family] if font is LATIN else [font.family, LATIN.family]
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"


def pdf_font_css(lang: str) -> str:
    """Return @font-face rules pointing at the local font files the PDF embeds."""
    fonts = [LATIN] if pdf_font(lang) is LATIN else [pdf_font(lang), LATIN]
    return "\n".join(_face(font.family, weight, font_path(name).as_uri(), "truetype")
                     for font in fonts for weight, name in font.files)


def _face(family: str, weight: int, url: str, fmt: str, swap: bool = False) -> str:
    display = " font-display: swap;" if swap else ""
    return (f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: {weight};'
            f' src: url("{url}") format("{fmt}");{display} }}')


@lru_cache(maxsize=None)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # heavy: a no-op build never opens a font

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _needs_glyph(char: str) -> bool:
    """Say whether a character is drawn (controls and format characters such as bidi marks
    and ZWJ are handled by the shaper, not by a glyph)."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def missing_glyphs(text: str, lang: str) -> list[str]:
    """Return the characters of ``text`` that neither the language's font nor Latin has."""
    covered = _cmap(pdf_font(lang).regular) | _cmap(LATIN.regular)
    if lang in WEB_FONTS:
        covered &= _cmap(web_font(lang).regular) | _cmap(LATIN.regular)
    return sorted({c for c in text if _needs_glyph(c) and ord(c) not in covered}, key=ord)


def check_glyphs(texts: Iterable[tuple[str, str]], lang: str, where: str) -> None:
    """Raise RenderError if a character of any (entry, text) has no glyph for ``lang``.

    Args:
        texts: pairs of an entry label (e.g. ``content/x.md:12``) and its published text.
        lang: the page language; its script's fonts (PDF and web) plus Latin are checked.
        where: the path reported with the error (the catalog or the guide).
    """
    problems = [f"no glyph for U+{ord(c):04X} '{c}' in language {lang}, entry {label}"
                for label, text in texts for c in missing_glyphs(text, lang)]
    if problems:
        raise RenderError("; ".join(problems) + f" (fonts: {pdf_font(lang).family}, "
                          f"{web_font(lang).family}, {LATIN.family})", where)


def subset_woff2(path: Path, text: str) -> bytes:
    """Return a WOFF2 of the font with only the glyphs ``text`` needs, byte for byte stable."""
    from fontTools import subset  # heavy: only a build that cuts web fonts loads the subsetter
    from fontTools.ttLib import TTFont  # with it

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Arabic joining, Nastaliq positioning, Danish ligatures
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(path, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " ")
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=True)
    return out.getvalue()


def face_file(font: Font, weight: int) -> str:
    """Return the file name of one cut web face, e.g. ``latin-400.woff2``."""
    return f"{font.key}-{weight}.woff2"


def font_face_css(cut: Mapping[str, bytes], url_prefix: str) -> str:
    """Return the web pages' @font-face CSS for the cut faces, in a fixed order.

    Args:
        cut: :func:`face_file` name → the face's WOFF2 bytes; a face not in it gets no rule.
        url_prefix: how the CSS refers to the faces' folder (e.g. ``"../fonts/"``).
    Returns:
        @font-face rules with ``font-display: swap``; each URL carries a content hash.
    """
    rules = []
    for font in ALL_WEB_FONTS:
        for weight, _ in font.files:
            data = cut.get(face_file(font, weight))
            if data is not None:
                url = f"{url_prefix}{face_file(font, weight)}?v={hashlib.sha256(data).hexdigest()[:10]}"
                rules.append(_face(font.family, weight, url, "woff2", swap=True))
    return "\n".join(rules) + "\n"


def webfont_css(used_text: dict[str, str], out_dir: Path, url_prefix: str) -> str:
    """Write subsetted WOFF2 files for the used text of each web font; return @font-face CSS.

    Args:
        used_text: font key ("latin", "arabic", "urdu") → every character the site shows
            in that font; keys with no text get no file.
        out_dir: folder for the ``.woff2`` files (written atomically, unchanged if equal).
        url_prefix: how the CSS refers to ``out_dir`` (e.g. ``"../fonts/"``).
    Returns:
        :func:`font_face_css` of the written faces.
    """
    cut = {}
    for font in ALL_WEB_FONTS:
        text = "".join(sorted(set(used_text.get(font.key, ""))))
        if not text.strip():
            continue
        for weight, name in font.files:
            cut[face_file(font, weight)] = subset_woff2(font_path(name), text)
            write_bytes_atomic(Path(out_dir) / face_file(font, weight), cut[face_file(font, weight)])
    return font_face_css(cut, url_prefix)

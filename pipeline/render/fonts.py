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

from babel.core import get_global
from fontTools import unicodedata as unicode_scripts

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
    line_height: float = 1.5  # in the PDF
    web_line_height: float = 1.6  # on the web pages
    web_size: str = ""  # a larger base size on the web, for scripts that look small beside Latin

    @property
    def regular(self) -> Path:
        """Return the path of the regular (400) face."""
        return font_path(dict(self.files)[400])

    @property
    def installed(self) -> bool:
        """Tell whether the regular face is on this machine."""
        return (FONT_DIR / dict(self.files)[400]).is_file()


def noto_sans(script: str) -> Font:
    """Return Noto Sans for a script by its Unicode name, e.g. "Ethiopic" → Noto Sans Ethiopic."""
    name = script.replace(" ", "").replace("_", "")
    return Font(script.lower().replace(" ", "-"), f"Noto Sans {script}",
                ((400, f"NotoSans{name}-Regular.ttf"), (700, f"NotoSans{name}-Bold.ttf")), 1.7, 1.8)


LATIN = Font("latin", "Noto Sans", ((400, "NotoSans-Regular.ttf"), (700, "NotoSans-Bold.ttf")))
NASKH = Font("arabic", "Noto Naskh Arabic",
             ((400, "NotoNaskhArabic-Regular.ttf"), (700, "NotoNaskhArabic-Bold.ttf")), 1.7, 1.9, "112.5%")
NASTALIQ = Font("urdu", "Noto Nastaliq Urdu",
                ((400, "NotoNastaliqUrdu-Regular.ttf"), (700, "NotoNastaliqUrdu-Bold.ttf")), 2.2, 2.4, "112.5%")

# Fonts by script (ISO 15924 code, as Babel names a language's script). Noto Sans covers Latin,
# Cyrillic and Greek; Arabic script is set in Naskh, the usual book style; any other script in
# its Noto Sans, where fonts-noto-core has it. A missing font makes only its languages fail.
SCRIPT_FONTS = {"Latn": LATIN, "Cyrl": LATIN, "Grek": LATIN, "Arab": NASKH}
OTHER_SCRIPTS = ("Armenian", "Bengali", "Devanagari", "Ethiopic", "Georgian", "Gujarati", "Gurmukhi",
                 "Hebrew", "Kannada", "Khmer", "Lao", "Malayalam", "Myanmar", "Sinhala", "Tamil",
                 "Telugu", "Thai")
# Urdu on the web: Nastaliq, its own style; in the PDF Naskh (see the module docstring).
WEB_FONT_OF_LANGUAGE = {"ur": NASTALIQ}
ALL_WEB_FONTS = (LATIN, NASKH, NASTALIQ, *(noto_sans(script) for script in OTHER_SCRIPTS))
SCRIPT_ALIASES = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Hang"}  # Babel's → Unicode's
PACKAGE_OF_SCRIPT = {"Hans": "fonts-noto-cjk", "Hant": "fonts-noto-cjk", "Jpan": "fonts-noto-cjk",
                     "Kore": "fonts-noto-cjk"}


def font_path(name: str) -> Path:
    """Return the path of a font file, or fail with the package to install."""
    path = FONT_DIR / name
    if not path.is_file():
        raise RenderError(f"font file not found: {path}; {INSTALL_HINT}")
    return path


def script_font(script: str) -> Font:
    """Return the font of a script (ISO 15924 code): the table above, else its Noto Sans."""
    if script in SCRIPT_FONTS:
        return SCRIPT_FONTS[script]
    name = unicode_scripts.script_name(SCRIPT_ALIASES.get(script, script), default="")
    return noto_sans(name) if name else LATIN


def pdf_font(lang: str) -> Font:
    """Return the PDF's main font for a language: its script's font (Babel names the script)."""
    return script_font(language_script(lang))


def web_font(lang: str) -> Font:
    """Return the web pages' main font for a language."""
    return WEB_FONT_OF_LANGUAGE.get(lang) or pdf_font(lang)


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


def _covers(font: Font) -> frozenset[int]:
    """Return the code points a font draws; none when its file is not installed."""
    path = FONT_DIR / dict(font.files)[400]
    return _cmap(path) if path.is_file() else frozenset()


def _needs_glyph(char: str) -> bool:
    """Say whether a character is drawn (controls and format characters such as bidi marks
    and ZWJ are handled by the shaper, not by a glyph)."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def missing_glyphs(text: str, lang: str) -> list[str]:
    """Return the characters of ``text`` that neither the language's font nor Latin has."""
    covered = (_covers(pdf_font(lang)) | _covers(LATIN)) & (_covers(web_font(lang)) | _covers(LATIN))
    return sorted({c for c in text if _needs_glyph(c) and ord(c) not in covered}, key=ord)


def script_problems(texts: Iterable[tuple[str, str]], lang: str) -> list[str]:
    """Return one line per script of ``lang``'s texts that its fonts cannot draw.

    Args:
        texts: pairs of an entry label (e.g. ``content/x.md:12``) and its published text.
        lang: the page language; its script's fonts (PDF and web) plus Latin are checked.
    Returns:
        e.g. ``fa: no font for Arabic script (U+0627 'ا' at content/x.md:12; fonts: Noto Sans);
        install fonts-noto-core`` — empty when every character has a glyph.
    """
    first: dict[str, tuple[str, str]] = {}
    for label, text in texts:
        for char in missing_glyphs(text, lang):
            first.setdefault(script_name(char, lang), (char, label))
    fonts = ", ".join(dict.fromkeys(f.family for f in (pdf_font(lang), web_font(lang), LATIN)))
    hint = PACKAGE_OF_SCRIPT.get(language_script(lang))
    hint = f"install Debian's {hint}" if hint else INSTALL_HINT
    return [f"{lang}: no font for {script} script (U+{ord(char):04X} '{char}' at {label}; fonts: {fonts}); "
            f"{hint}" for script, (char, label) in sorted(first.items())]


def language_script(lang: str) -> str:
    """Return the ISO 15924 code of the script a language is written in, from Babel (e.g. "Arab")."""
    likely = get_global("likely_subtags").get(lang.replace("-", "_").split("_")[0], "")
    return next((part for part in likely.split("_")[1:] if len(part) == 4), "Latn")


def script_name(char: str, lang: str) -> str:
    """Return the Unicode script of a character by its English name, e.g. "Arabic".

    A mark or punctuation shared by scripts (Inherited, Common: U+064F ُ, U+061F ؟) is named
    by the language's own script when it is one of them, else by the first.
    """
    code = unicode_scripts.script(char)
    if code in ("Zinh", "Zyyy"):
        shared = unicode_scripts.script_extension(char) - {"Zinh", "Zyyy"}
        own = language_script(lang)
        code = own if own in shared else next(iter(sorted(shared)), code)
    return unicode_scripts.script_name(code)


def first_per_script(lines: Iterable[str]) -> list[str]:
    """Keep one :func:`script_problems` line per language and script (the first in sort order)."""
    kept: dict[str, str] = {}
    for line in sorted(lines):
        kept.setdefault(line.split(" (", 1)[0], line)
    return sorted(kept.values())


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


def language_css(languages: Iterable[str]) -> str:
    """Return the web pages' font-family, line-height and size rules for each language."""
    rules = []
    for lang in languages:
        font, backup = web_font(lang), pdf_font(lang)
        families = [f.family for f in dict.fromkeys((font, backup, LATIN))]
        stack = ", ".join(f'"{family}"' for family in families) + ", sans-serif"
        rules.append(f":lang({lang}) {{ font-family: {stack}; line-height: {font.web_line_height}; }}")
        if font.web_size:
            rules.append(f"html:lang({lang}) {{ font-size: {font.web_size}; }}")
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

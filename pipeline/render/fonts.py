"""The font for each script, in the PDF and on the web, and the tofu guard.

A font is chosen per script, from what fontconfig lists as installed: first the family
set in ``[fonts]`` of ligetil.toml (by language, then by script), then Noto (Noto Sans,
Naskh for Arabic script), then any family fontconfig counts as covering the language. A
text's characters of another script than its language's get that script's font.

Urdu is set in its own style, Noto Nastaliq Urdu, on the web and on paper. WeasyPrint 70
alone writes a ToUnicode map that cannot hold Nastaliq's glyphs (37 of 84 glyph codes
unmapped, PDF/UA-1 7.21.7 failed, ``pdftotext`` scrambled); pipeline/render/pdf_text.py
gives every line its text as written, so the PDF's text is exact in Nastaliq too.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.core import get_global
from fontTools import unicodedata as unicode_scripts

from pipeline import cache
from pipeline.errors import RenderError
from pipeline.fsutil import write_bytes_atomic
from pipeline.render import fontconfig

FontChoices = tuple[tuple[str, str, str], ...]  # [fonts] of ligetil.toml: (language or script, web, PDF)
WEB, PDF = "web", "pdf"
INSTALL_HINT = "install Debian's fonts-noto-core (see the README)"

# The usual family of a script (ISO 15924 code, as Babel names a language's script): Noto Sans
# covers Latin, Cyrillic and Greek; Arabic script is set in Naskh, the usual book style; any
# other script in its own Noto Sans, then Noto Serif.
DEFAULT_FAMILIES = {"Latn": "Noto Sans", "Cyrl": "Noto Sans", "Grek": "Noto Sans", "Arab": "Noto Naskh Arabic",
                    # Han characters by the region's forms (Babel's scripts of zh, zh_Hant, ja, ko)
                    "Hans": "Noto Sans CJK SC", "Hant": "Noto Sans CJK TC", "Jpan": "Noto Sans CJK JP",
                    "Kore": "Noto Sans CJK KR", "Hani": "Noto Sans CJK SC", "Hira": "Noto Sans CJK JP",
                    "Kana": "Noto Sans CJK JP", "Hang": "Noto Sans CJK KR"}
# A language whose usual style is not its script's default: Urdu is written in Nastaliq.
FAMILY_OF_LANGUAGE = {"ur": "Noto Nastaliq Urdu"}
# (PDF line height, web line height, web base size): scripts with tall marks need more room,
# Arabic script looks small beside Latin at the same size.
METRICS = {"Noto Sans": (1.5, 1.6, ""), "Noto Naskh Arabic": (1.7, 1.9, "112.5%"),
           "Noto Nastaliq Urdu": (2.2, 2.4, "112.5%")}
SCRIPT_METRICS = {"Latn": (1.5, 1.6, ""), "Cyrl": (1.5, 1.6, ""), "Grek": (1.5, 1.6, ""),
                  "Arab": (1.7, 1.9, "112.5%")}
OTHER_METRICS = (1.7, 1.8, "")
TALL_LINES = 2.0  # a web line height from which headings get the script's room too (Nastaliq)
POPPLER_BLOCK_LINES = 1.5  # font sizes between baselines up to which poppler keeps lines in one block
# File names of the web faces (fonts/<key>-400.woff2) for the families the sample uses.
KEYS = {"Noto Sans": "latin", "Noto Naskh Arabic": "arabic", "Noto Nastaliq Urdu": "urdu"}
UNKNOWN_SCRIPT = "Zzzz"  # unassigned and private-use code points: no script, so no script's font
SCRIPT_ALIASES = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Hang"}  # Babel's → Unicode's
# The Unicode scripts a language's writing mixes: Japanese is kanji, hiragana and katakana.
WRITING_SCRIPTS = {"Jpan": {"Hani", "Hira", "Kana"}, "Kore": {"Hang", "Hani"}, "Hans": {"Hani"},
                   "Hant": {"Hani", "Bopo"}}
# Where the Noto font of a script is not in fonts-noto-core.
PACKAGE_OF_SCRIPT = {"Hani": "fonts-noto-cjk", "Hang": "fonts-noto-cjk", "Hira": "fonts-noto-cjk",
                     "Kana": "fonts-noto-cjk", "Hmnp": "fonts-noto-extra"}


@dataclass(frozen=True)
class Font:
    """One font family as installed: its CSS family, a file per weight, and how to set it."""

    family: str
    files: tuple[tuple[int, Path], ...]  # (CSS weight, file); empty when not installed
    line_height: float = 1.5  # in the PDF
    web_line_height: float = 1.6  # on the web pages
    web_size: str = ""  # a larger base size on the web, for scripts that look small beside Latin
    index: int = 0  # the face's place in a font collection (.ttc); 0 in a single-font file

    @property
    def key(self) -> str:
        """Return the name of its web face files, e.g. ``ethiopic`` for Noto Sans Ethiopic."""
        if self.family in KEYS:
            return KEYS[self.family]
        short = self.family.removeprefix("Noto Sans ")
        if short.lower() in KEYS.values():  # "Noto Sans Arabic" is not Naskh's "arabic"
            short = self.family
        return "".join(c if c.isalnum() else "-" for c in short.lower()).strip("-")

    @property
    def tall(self) -> bool:
        """Tell whether the PDF lines stand so far apart (Nastaliq) that table cells wrap under each other."""
        return self.line_height >= TALL_LINES

    @property
    def side_line_height(self) -> float:
        """Return the PDF line height of text set beside other text (table cells, the contact box).

        Under poppler's 1.5 font sizes, a cell's lines stay one block and are not read row by
        row across the table; a tall script (Nastaliq) keeps the room its letters need, and its
        tables put a cell that does not fit beside the other under it (flyer.css, body.tall).
        """
        if self.tall:
            return round(self.line_height * 0.9, 2)
        return round(min(self.line_height * 0.9, POPPLER_BLOCK_LINES - 0.05), 2)

    @property
    def installed(self) -> bool:
        """Tell whether the regular face is on this machine."""
        return bool(self.files)

    @property
    def regular(self) -> Path:
        """Return the file of the regular (400) face, or fail with the package to install."""
        if not self.files:
            raise RenderError(f"font {self.family!r} is not installed; {INSTALL_HINT}")
        return dict(self.files)[400]


def family_font(family: str, script: str = "Latn") -> Font:
    """Return a family as fontconfig has it (bold is the regular face when only that exists)."""
    faces = fontconfig.installed_families().get(family, {})
    if 400 not in faces:
        return Font(family, (), *(METRICS.get(family) or SCRIPT_METRICS.get(script, OTHER_METRICS)))
    (regular, index), bold = faces[400], faces.get(700, faces[400])
    files = ((400, regular), (700, bold[0] if bold[1] == index else regular))
    return Font(family, files, *(METRICS.get(family) or SCRIPT_METRICS.get(script, OTHER_METRICS)), index=index)


def unicode_script(script: str) -> str:
    """Return Unicode's code for a script Babel names (Babel's "Hans" is Unicode's "Hani")."""
    return SCRIPT_ALIASES.get(script, script)


def writing_scripts(lang: str) -> set[str]:
    """Return the Unicode scripts a language is written in (ja: Hani, Hira, Kana; fa: Arab)."""
    script = language_script(lang)
    return WRITING_SCRIPTS.get(script, {unicode_script(script)})


def script_title(script: str) -> str:
    """Return a script's English name, e.g. "Ethiopic" for "Ethi"."""
    return unicode_scripts.script_name(unicode_script(script), default=script)


def _configured(keys: Iterable[str], medium: str, choices: FontChoices) -> str | None:
    """Return the family [fonts] sets for the first of ``keys`` it names, for one medium."""
    table = {key: (web, pdf) for key, web, pdf in choices}
    for key in keys:
        if key in table:
            return table[key][0 if medium == WEB else 1]
    return None


def _noto_first(families: Iterable[str]) -> list[str]:
    return sorted(families, key=lambda f: (not f.startswith("Noto Sans"), not f.startswith("Noto"), f))


def script_font(script: str, medium: str = PDF, choices: FontChoices = (), lang: str | None = None,
                sample: str = "") -> Font:
    """Return the font of a script (ISO 15924 code) for a medium.

    Args:
        script: e.g. "Arab"; ``lang``, when given, is the language the text is in.
        medium: ``WEB`` or ``PDF`` ([fonts] may choose another family for each).
        choices: ligetil.toml's [fonts], by language first, then script code or name.
        sample: a character of the text, to ask fontconfig which families draw it.
    Returns:
        The first installed candidate; else the first candidate, not installed, to name it.
    """
    name = script_title(script)
    configured = _configured([*([lang] if lang else []), script, unicode_script(script)], medium, choices)
    if configured:
        return family_font(configured, script)
    candidates = [FAMILY_OF_LANGUAGE[lang]] if lang in FAMILY_OF_LANGUAGE else []
    candidates += [DEFAULT_FAMILIES[script]] if script in DEFAULT_FAMILIES else [
        f"Noto Sans {name}", f"Noto Serif {name}"]
    found = fontconfig.families_for_language(lang) if lang else ()
    found += fontconfig.families_for_character(sample) if sample else ()
    for family in [*candidates, *_noto_first(found)]:
        font = family_font(family, script)
        if font.installed:
            return font
    return family_font(candidates[0], script)


def latin(choices: FontChoices = ()) -> Font:
    """Return the Latin font every stack falls back to, for names, numbers and addresses."""
    return script_font("Latn", PDF, choices)


@lru_cache(maxsize=None)
def language_script(lang: str) -> str:
    """Return the ISO 15924 code of the script a language is written in, from Babel (e.g. "Arab")."""
    parts = lang.replace("-", "_").split("_")
    written = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if written:  # the code names its script: zh_Hant, sr_Latn
        return written.title()
    subtags = get_global("likely_subtags")  # else the region's likely one (pa_PK: Arab), else the language's
    likely = subtags.get("_".join(parts), "") or subtags.get(parts[0], "")
    return next((part for part in likely.split("_")[1:] if len(part) == 4), "Latn")


def pdf_font(lang: str, choices: FontChoices = ()) -> Font:
    """Return the PDF's main font for a language: its script's font (Babel names the script)."""
    return script_font(language_script(lang), PDF, choices, lang)


def web_font(lang: str, choices: FontChoices = ()) -> Font:
    """Return the web pages' main font for a language."""
    return script_font(language_script(lang), WEB, choices, lang)


def char_script(char: str, lang: str) -> str:
    """Return the Unicode script code of a character, e.g. "Arab".

    A mark or punctuation shared by scripts (Inherited, Common: U+064F ُ, U+061F ؟) is given
    the language's own script when it is one of them, else the first.
    """
    code = unicode_scripts.script(char)
    if code in ("Zinh", "Zyyy"):
        shared = unicode_scripts.script_extension(char) - {"Zinh", "Zyyy"}
        own = shared & writing_scripts(lang)
        code = min(own) if own else next(iter(sorted(shared)), code)
    return code


def char_font(char: str, lang: str, medium: str, choices: FontChoices = ()) -> Font:
    """Return the font that sets one character of a text in ``lang``: its script's font."""
    return _char_font(char, lang, medium, choices, fontconfig.generation())


@lru_cache(maxsize=65536)  # asked for each character of each page and flyer
def _char_font(char: str, lang: str, medium: str, choices: FontChoices, generation: int) -> Font:
    code = char_script(char, lang)
    if code in writing_scripts(lang) or code in ("Zinh", "Zyyy", UNKNOWN_SCRIPT):
        return web_font(lang, choices) if medium == WEB else pdf_font(lang, choices)
    if code == "Latn":
        return latin(choices)
    return script_font(code, medium, choices, sample=char)


def text_fonts(text: str, lang: str, medium: str, choices: FontChoices = ()) -> list[Font]:
    """Return the installed fonts a text needs, in stack order: the language's, Latin, others."""
    main = web_font(lang, choices) if medium == WEB else pdf_font(lang, choices)
    others = sorted({char_font(c, lang, medium, choices) for c in set(text) if _needs_glyph(c)},
                    key=lambda f: f.family)
    return [f for f in dict.fromkeys([main, latin(choices), *others]) if f.installed]


def font_stack(fonts: Iterable[Font]) -> str:
    """Return a CSS font-family list of the fonts, then the browser's sans-serif."""
    return ", ".join(f'"{font.family}"' for font in dict.fromkeys(fonts)) + ", sans-serif"


def pdf_font_css(fonts: Iterable[Font]) -> str:
    """Return @font-face rules pointing at the local font files the PDF embeds.

    A face of a font collection gets no rule: WeasyPrint would load the collection's first
    face from the file, so it is left to fontconfig, which finds it by its family name.
    """
    return "\n".join(_face(font.family, weight, path.as_uri(), "truetype")
                     for font in fonts if font.index == 0 for weight, path in font.files)


def _face(family: str, weight: int, url: str, fmt: str, swap: bool = False) -> str:
    display = " font-display: swap;" if swap else ""
    return (f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: {weight};'
            f' src: url("{url}") format("{fmt}");{display} }}')


@lru_cache(maxsize=None)
def _cmap(path: Path, index: int = 0) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # heavy: a no-op build never opens a font

    with TTFont(path, lazy=True, fontNumber=index) as font:
        return frozenset(font.getBestCmap())


def _covers(font: Font) -> frozenset[int]:
    """Return the code points a font draws; none when it is not installed."""
    return _cmap(font.regular, font.index) if font.installed else frozenset()


def _needs_glyph(char: str) -> bool:
    """Say whether a character is drawn (controls and format characters such as bidi marks
    and ZWJ are handled by the shaper, not by a glyph)."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def is_missing(char: str, lang: str, choices: FontChoices = ()) -> bool:
    """Tell whether neither the character's script fonts (PDF and web) nor Latin draw it."""
    return _needs_glyph(char) and ord(char) not in _covers(latin(choices)) and not all(
        ord(char) in _covers(char_font(char, lang, medium, choices)) for medium in (PDF, WEB))


def script_problems(texts: Iterable[tuple[str, str]], lang: str, choices: FontChoices = ()) -> list[str]:
    """Return one line per script of ``lang``'s texts that the chosen fonts cannot draw.

    Args:
        texts: pairs of an entry label (e.g. ``content/x.md:12``) and its published text.
        lang: the page language; each character is checked in its script's fonts (PDF and
            web) and in Latin.
        choices: ligetil.toml's [fonts].
    Returns:
        e.g. ``fa: no font for Arabic script (U+0627 'ا' at content/x.md:12; Noto Naskh Arabic
        is not installed); install Debian's fonts-noto-core or set [fonts] Arab = "…" in
        ligetil.toml`` — empty when every character has a glyph.
    """
    first: dict[str, tuple[str, str]] = {}
    missing: dict[str, bool] = {}  # each character is looked up once: a guide repeats most of them
    for label, text in texts:
        for char in sorted(set(text), key=ord):
            if char not in missing:
                missing[char] = is_missing(char, lang, choices)
            if missing[char]:
                first.setdefault(char_script(char, lang), (char, label))
    return [_problem(lang, script, char, label, choices) for script, (char, label) in sorted(first.items())]


def _problem(lang: str, script: str, char: str, label: str, choices: FontChoices) -> str:
    fonts = list(dict.fromkeys(char_font(char, lang, medium, choices) for medium in (PDF, WEB)))
    state = ", ".join(f"{f.family} {'has no glyph for it' if f.installed else 'is not installed'}"
                      for f in fonts)
    package = PACKAGE_OF_SCRIPT.get(script, "fonts-noto-core")
    if script == UNKNOWN_SCRIPT:
        fix = "no script has this character: remove it or use the one meant"
    elif script in ("Zyyy", "Zinh"):  # a symbol shared by scripts, set in the language's own font
        fix = f"install Debian's {package} or set [fonts] {lang} = \"<family that has it>\" in ligetil.toml"
    elif script in writing_scripts(lang):  # the language's own script, by the name its fonts are chosen by
        fix = f"install Debian's {package} or set [fonts] {language_script(lang)} = \"<family>\" in ligetil.toml"
    else:
        fix = f"install Debian's {package} or set [fonts] {script} = \"<family>\" in ligetil.toml"
    return f"{lang}: no font for {script_title(script)} script (U+{ord(char):04X} '{char}' at {label}; {state}); {fix}"


def first_per_script(lines: Iterable[str]) -> list[str]:
    """Keep one :func:`script_problems` line per language and script (the first in sort order)."""
    kept: dict[str, str] = {}
    for line in sorted(lines):
        kept.setdefault(line.split(" (", 1)[0], line)
    return sorted(kept.values())


WOFF2_OPTIONS = {"flavor": "woff2", "layout_features": ["*"],  # Arabic joining, Nastaliq positioning,
                 "name_IDs": ["*"], "notdef_outline": True}   # Danish ligatures


def subset_woff2(path: Path, text: str, index: int = 0) -> bytes:
    """Return a WOFF2 of the font with only the glyphs ``text`` needs, byte for byte stable.

    Cut once per machine: the user cache keeps each cut by the font file's hash, the face,
    the characters, the options and the versions of fontTools and Brotli that shape it.
    """
    data = Path(path).read_bytes()
    chars = "".join(sorted(set(text + " ")))
    key = cache.key_of("woff2", data, index, chars, WOFF2_OPTIONS, _cutter_versions())
    return cache.cached("fonts", key, lambda: cut_woff2(data, chars, index))


def _cutter_versions() -> list[str]:
    from fontTools import version  # heavy: only a build that cuts web fonts asks
    from fontTools.ttLib import woff2  # with it: the Brotli it compresses with

    brotli = woff2.brotli
    return [version, f"{getattr(brotli, '__name__', '?')} {getattr(brotli, '__version__', '?')}"]


def cut_woff2(data: bytes, chars: str, index: int = 0) -> bytes:
    """Cut a font file's bytes to the glyphs of ``chars`` as WOFF2 (the slow part: seconds for Nastaliq)."""
    from fontTools import subset  # heavy: only a build that cuts web fonts loads the subsetter
    from fontTools.ttLib import TTFont  # with it

    options = subset.Options()
    for name, value in WOFF2_OPTIONS.items():
        setattr(options, name, value)
    font = TTFont(io.BytesIO(data), recalcTimestamp=False, fontNumber=index)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=True)
    return out.getvalue()


def face_file(font: Font, weight: int) -> str:
    """Return the file name of one cut web face, e.g. ``latin-400.woff2``."""
    return f"{font.key}-{weight}.woff2"


def used_fonts(used_text: Mapping[str, str]) -> list[Font]:
    """Return the installed fonts of a family → characters map that has characters, by family."""
    return [font for family in sorted(used_text) if used_text[family].strip()
            for font in [family_font(family)] if font.installed]


def font_face_css(fonts: Iterable[Font], cut: Mapping[str, bytes], url_prefix: str) -> str:
    """Return the web pages' @font-face CSS for the cut faces, in the fonts' order.

    Args:
        fonts: the web fonts; a face not in ``cut`` gets no rule.
        cut: :func:`face_file` name → the face's WOFF2 bytes.
        url_prefix: how the CSS refers to the faces' folder (e.g. ``"../fonts/"``).
    Returns:
        @font-face rules with ``font-display: swap``; each URL carries a content hash.
    """
    rules = []
    for font in fonts:
        for weight, _ in font.files:
            data = cut.get(face_file(font, weight))
            if data is not None:
                url = f"{url_prefix}{face_file(font, weight)}?v={hashlib.sha256(data).hexdigest()[:10]}"
                rules.append(_face(font.family, weight, url, "woff2", swap=True))
    return "\n".join(rules) + "\n"


def language_css(languages: Iterable[str], choices: FontChoices = (), others: Iterable[Font] = ()) -> str:
    """Return the web pages' font-family, line-height and size rules for each language.

    Each stack is the language's web font, its PDF font, Latin, then ``others`` (the fonts
    of other scripts the pages show), so a character of any script finds its font.
    """
    rules, others = [], list(others)
    for lang in languages:
        font = web_font(lang, choices)
        stack = font_stack([font, pdf_font(lang, choices), latin(choices), *others])
        rules.append(f":lang({lang}) {{ font-family: {stack}; line-height: {font.web_line_height}; }}")
        if font.web_line_height >= TALL_LINES:  # a tall script's headings need its room too
            heading = round(font.web_line_height * 0.9, 1)
            rules.append(f":lang({lang}) h1, :lang({lang}) h2, :lang({lang}) h3 {{ line-height: {heading}; }}")
        if font.web_size:  # on its own page, and where its name or text sits in another language's page
            rules.append(f"html:lang({lang}), :not(:lang({lang})) > :lang({lang}) {{ font-size: {font.web_size}; }}")
        shift = baseline_shift(font, latin(choices))
        if shift:
            rules.append(f":lang({lang}) {{ --baseline-shift: {shift}em; }}")
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=None)
def _vertical_metrics(path: Path, index: int = 0) -> tuple[float, float]:
    """Return a face's ascent and descent in em as Chromium lays out a line (OS/2 typo or hhea)."""
    from fontTools.ttLib import TTFont  # heavy: a no-op build never opens a font

    with TTFont(path, lazy=True, fontNumber=index) as face:
        upm, os2 = face["head"].unitsPerEm, face["OS/2"]
        if os2.fsSelection & (1 << 7):  # USE_TYPO_METRICS
            return os2.sTypoAscender / upm, -os2.sTypoDescender / upm
        return face["hhea"].ascent / upm, -face["hhea"].descent / upm


def baseline_shift(font: Font, reference: Font) -> float:
    """Return how far (in the font's em, down) to move a line of the font so that its baseline
    sits where ``reference``'s does in a line box of the same height.

    A line box centres a font's ascent + descent, so the baseline lies (ascent - descent) / 2
    below the middle: 0.39 em in Noto Sans, 0.65 em in Nastaliq (set lower), 0.22 em in Naskh.
    The font's larger web size (``web_size``) is taken into account. 0 when either is not installed.
    """
    if not (font.installed and reference.installed) or font.family == reference.family:
        return 0.0
    ascent, descent = _vertical_metrics(font.regular, font.index)
    ref_ascent, ref_descent = _vertical_metrics(reference.regular, reference.index)
    size = float(font.web_size.rstrip("%")) / 100 if font.web_size else 1.0
    return round((ref_ascent - ref_descent) / 2 / size - (ascent - descent) / 2, 3)


def webfont_css(used_text: dict[str, str], out_dir: Path, url_prefix: str) -> str:
    """Write subsetted WOFF2 files for the used text of each web font; return @font-face CSS.

    Args:
        used_text: font family → every character the site shows in that font; families
            with no text get no file.
        out_dir: folder for the ``.woff2`` files (written atomically, unchanged if equal).
        url_prefix: how the CSS refers to ``out_dir`` (e.g. ``"../fonts/"``).
    Returns:
        :func:`font_face_css` of the written faces.
    """
    cut, fonts = {}, used_fonts(used_text)
    text_of = {font.family: "".join(sorted(set(used_text[font.family]))) for font in fonts}
    for font in fonts:
        for weight, path in font.files:
            cut[face_file(font, weight)] = subset_woff2(path, text_of[font.family], font.index)
            write_bytes_atomic(Path(out_dir) / face_file(font, weight), cut[face_file(font, weight)])
    return font_face_css(fonts, cut, url_prefix)

"""The site's indexes: all guides with their languages, and one index per language."""

from __future__ import annotations

from html.parser import HTMLParser

from pipeline.config import Settings
from pipeline.paths import site_po_path
from pipeline.model import LocalizedGuide
from pipeline.render.fonts import WEB, FontChoices, char_font, latin
from pipeline.render.html import FONTS_CSS, SEARCH_JS, STATIC_CSS, SiteInfo, download_name, source_label
from pipeline.render.ui import endonym, language_label, render_template, text_direction, translations_for


def _base(lang: str, settings: Settings, site: SiteInfo, prefix: str, preview: bool) -> dict:
    return {"lang": lang, "dir": text_direction(lang), "source_lang": settings.source_language,
            "site_name": site.name, "preview": preview, "css_href": prefix + STATIC_CSS,
            "fonts_css_href": prefix + FONTS_CSS, "home_href": prefix + "index.html",
            "draft_label": translations_for(lang, site_po_path(settings, lang)).gettext("Machine draft"),
            "site_words": str(site_po_path(settings, lang)), "scripts": [],
            "label": language_label(lang, settings.source_language),
            "source_label": source_label(settings, lang),
            "accessibility_statement": settings.accessibility_statement}


def site_languages(site: SiteInfo, settings: Settings) -> list[str]:
    """Return the languages with at least one published guide, in settings order."""
    used = {lang for langs in site.published.values() for lang in langs}
    return [lang for lang in settings.all_languages if lang in used]


def _summary_of(guide: LocalizedGuide) -> dict:
    title = guide.text_of(guide.guide.meta.get("title"))
    summary = guide.text_of(guide.guide.meta.get("summary"))
    return {"slug": guide.guide.slug, "href": f"{guide.guide.slug}.html",
            "title": title.text if title else guide.guide.slug,
            "title_lang": guide.other_lang(title), "summary": summary.text if summary else "",
            "summary_lang": guide.other_lang(summary), "title_draft": bool(title and title.is_draft),
            "summary_draft": bool(summary and summary.is_draft)}


def index_context(lang: str, guides: list[LocalizedGuide], settings: Settings, site: SiteInfo,
                  preview: bool = False) -> dict:
    """Return the context of ``output/<lang>/index.html``: the guides published in ``lang``."""
    languages = [{"code": code, "endonym": endonym(code), "dir": text_direction(code),
                  "href": f"../{code}/index.html", "url": f"{settings.base_url}{code}/",
                  "current": code == lang} for code in site_languages(site, settings)]
    printed = ".flyer.pdf" if site.flyer else ".pdf" if site.pdf else ""  # the one sheet, when built
    shown = [{**_summary_of(g), "pdf_href": f"{g.guide.slug}{printed}" if printed else ""}
             for g in sorted(guides, key=lambda g: g.guide.slug)]
    return {**_base(lang, settings, site, "../", preview), "languages": languages,
            "page_url": f"{settings.base_url}{lang}/", "index_href": "index.html",
            "guides": shown, "search_index": search_index(shown),
            "scripts": ["../" + SEARCH_JS] if shown else []}


def search_index(guides: list[dict]) -> list[dict]:
    """Return what the search script matches: each listed guide's slug, title and summary as shown."""
    return [{"slug": g["slug"], "title": g["title"], "summary": g["summary"]} for g in guides]


def home_context(sources: list[LocalizedGuide], settings: Settings, site: SiteInfo,
                 preview: bool = False) -> dict:
    """Return the context of ``output/index.html``: every guide with its languages."""
    lang = settings.source_language
    guides = []
    for source in sorted(sources, key=lambda g: g.guide.slug):
        slug = source.guide.slug
        langs = [{"code": code, "endonym": endonym(code), "dir": text_direction(code),
                  "href": f"{code}/{slug}.html",
                  "pdf_href": f"{code}/{slug}.pdf" if site.pdf else "",
                  "pdf_download": download_name(slug, code)}
                 for code in site.published.get(slug, ())]
        guides.append({**_summary_of(source), "href": f"{lang}/{slug}.html", "languages": langs})
    all_languages = [{"code": code, "endonym": endonym(code), "dir": text_direction(code),
                      "href": f"{code}/index.html"} for code in site_languages(site, settings)]
    return {**_base(lang, settings, site, "", preview), "languages": [], "guides": guides,
            "all_languages": all_languages, "page_url": settings.base_url,
            "index_href": "index.html"}


def render_index(context: dict) -> str:
    """Render a language's index page."""
    return render_template("index.html.j2", context)


def render_home(context: dict) -> str:
    """Render the site's front page."""
    return render_template("home.html.j2", context)


class _TextByLanguage(HTMLParser):
    """Collect the visible text of a page under the language of its nearest lang attribute."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"})

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: dict[str, list[str]] = {}
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img" and values.get("alt"):
            self.handle_data(values["alt"])
        if tag in self.VOID:
            return
        lang = values.get("lang") or (self.stack[-1][1] if self.stack else "en")
        self.stack.append((tag, lang))
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            self.skip -= open_tag in ("style", "script")
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.skip and data.strip():
            lang = self.stack[-1][1] if self.stack else "en"
            self.found.setdefault(lang, []).append(data)


def visible_text(html: str) -> str:
    """Return the text a page shows (image descriptions included), in every language."""
    parser = _TextByLanguage()
    parser.feed(html)
    return " ".join(part for parts in parser.found.values() for part in parts)


def used_text(pages: list[str], choices: FontChoices = ()) -> dict[str, str]:
    """Return, per web font family, every character the pages show in it (by its script)."""
    backup = latin(choices).family
    by_family: dict[str, set[str]] = {backup: set(" 0123456789")}
    for html in pages:
        parser = _TextByLanguage()
        parser.feed(html)
        for lang, parts in parser.found.items():
            chars = set("".join(parts))
            for char in chars:
                by_family.setdefault(char_font(char, lang, WEB, choices).family, set()).add(char)
            by_family[backup].update(chars)  # the stacks fall back to Latin for digits and names
    return {family: "".join(sorted(chars)) for family, chars in sorted(by_family.items())}

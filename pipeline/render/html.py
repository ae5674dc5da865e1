"""The Jinja context of a guide page (shared with the PDF flyer) and the HTML renderers."""

from __future__ import annotations

import re
from pathlib import Path
from dataclasses import dataclass, field

from pipeline.config import Settings
from pipeline.paths import site_po_path
from pipeline.model import LocalizedGuide
from pipeline.render.body import RenderedBody, render_body, split_first_h1
from pipeline.render.sheet import FRONT_MATTER_KEY as FLYER_KEY
from pipeline.render.ui import (endonym, file_size, language_label, language_name, long_date,
                                render_template, text_direction, translations_for)

STATIC_DIR = Path(__file__).resolve().parent / "static"  # the package's styles
STATIC_CSS = "static/site.css"
FONTS_CSS = "static/fonts.css"
SEARCH_JS = "static/search.js"  # the language indexes' search; the only script the site runs


@dataclass(frozen=True)
class SiteInfo:
    """What a page needs to know about the rest of the site."""

    name: str  # the project's name, shown in the header
    published: dict[str, tuple[str, ...]]  # slug -> languages it is published in, source first
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, slug) -> title
    pdf: bool = True  # whether this build makes PDFs
    flyer: bool = False  # whether this build makes one-sheet flyers (the front desk prints those)
    sizes: dict[str, int] = field(default_factory=dict)  # format -> bytes of this guide's downloads (the page shows them)
    listen: bool = False  # whether this build makes the guide's audio here (its flyers print a QR code to it)


def page_url(settings: Settings, lang: str, slug: str, ext: str = "html") -> str:
    """Return the absolute URL of a guide's page (or PDF) at ``base_url``."""
    return f"{settings.base_url}{lang}/{slug}.{ext}"


def download_name(slug: str, lang: str, suffix: str = ".pdf") -> str:
    """Return the file name a download is saved as: it carries the language (``madservice.ur.pdf``)."""
    return f"{slug}.{lang}{suffix}"


# The files a page links besides the whole guide's PDF (other PDFs, the audio and its chapters, the e-book):
# format -> (file suffix, download name's language part, suffix of the name it is saved as).
OTHER_DOWNLOADS = {"flyer": (".flyer.pdf", "{lang}", ".flyer.pdf"), "large": (".large.pdf", "{lang}", ".large.pdf"),
                   "bilingual": (".bilingual.pdf", "{source}-{lang}", ".pdf"),
                   "audio": (".mp3", "{lang}", ".mp3"), "chapters": (".chapters.vtt", "{lang}", ".chapters.vtt"),
                   "epub": (".epub", "{lang}", ".epub")}


def _other_downloads(slug: str, lang: str, source: str, sizes: dict[str, int]) -> dict[str, str]:
    """Return ``<format>_href``, ``_size`` and ``_download`` of each other file the page links."""
    found = {}
    for name, (suffix, who, saved) in OTHER_DOWNLOADS.items():
        size = sizes.get(name, 0)
        found.update({f"{name}_href": f"{slug}{suffix}" if size else "",
                      f"{name}_size": file_size(size, lang) if size else "",
                      f"{name}_download": download_name(slug, who.format(lang=lang, source=source), saved)})
    return found


def _contact(localized: LocalizedGuide) -> dict:
    raw = localized.guide.meta.get("contact") or {}
    hours = localized.text_of(raw.get("hours"))
    phone = str(raw.get("phone") or "")
    return {"address": str(raw.get("address") or ""), "phone": phone,
            "phone_href": "tel:" + re.sub(r"[^\d+]", "", phone) if phone else "",
            "email": str(raw.get("email") or ""), "hours": hours.text if hours else "",
            "hours_lang": localized.other_lang(hours), "hours_draft": bool(hours and hours.is_draft)}


def format_request(settings: Settings, contact: dict) -> dict | None:
    """Return where a citizen asks for another format ({"href", "text"}): the settings' address,
    else the guide's e-mail, else its phone; None when there is none."""
    href = settings.format_requests or (f"mailto:{contact['email']}" if contact["email"] else contact["phone_href"])
    if not href:
        return None
    text = contact["phone"] if href == contact["phone_href"] else re.sub(r"^(mailto:|tel:|https?://)", "", href)
    return {"href": href, "text": text.rstrip("/")}


def _languages(localized: LocalizedGuide, settings: Settings, site: SiteInfo) -> list[dict]:
    slug = localized.guide.slug
    found = []
    for code in site.published.get(slug, (localized.lang,)):
        found.append({"code": code, "endonym": endonym(code), "dir": text_direction(code),
                      "href": f"../{code}/{slug}.html", "pdf_href": f"../{code}/{slug}.pdf",
                      "pdf_download": download_name(slug, code),
                      "url": page_url(settings, code, slug), "current": code == localized.lang})
    return found


def _fallback_notice(localized: LocalizedGuide, settings: Settings) -> str:
    gettext = translations_for(localized.lang, site_po_path(settings, localized.lang)).gettext
    source = language_name(settings.source_language, localized.lang)
    return gettext("Some parts of this page are not yet translated. They are shown in "
                   "%(language)s and marked with a line at the side.") % {"language": source}


def source_label(settings: Settings, lang: str) -> str:
    """Return the label of a block left in the source language, in ``lang`` ("In Danish")."""
    gettext = translations_for(lang, site_po_path(settings, lang)).gettext
    return gettext("In %(language)s") % {"language": language_name(settings.source_language, lang)}


def page_body(localized: LocalizedGuide, settings: Settings) -> RenderedBody:
    """Render a guide's body in its language as every format shows it (draft and source labels included)."""
    gettext = translations_for(localized.lang, site_po_path(settings, localized.lang)).gettext
    return render_body(localized, gettext("Machine draft"), settings.content_dir,
                       source_label(settings, localized.lang))


def page_context(localized: LocalizedGuide, settings: Settings, site: SiteInfo,
                 body: RenderedBody | None = None) -> dict:
    """Return the Jinja context of one guide page in one language (used by HTML and PDF).

    ``body``: :func:`page_body` of the guide when the caller has it already (one pair's formats share it).
    """
    guide, lang = localized.guide, localized.lang
    gettext = translations_for(lang, site_po_path(settings, lang)).gettext
    label = source_label(settings, lang)
    body = page_body(localized, settings) if body is None else body
    title = localized.text_of(guide.meta.get("title"))
    summary = localized.text_of(guide.meta.get("summary"))
    used = [t for t in localized.texts.values()]
    size = site.sizes.get("pdf")
    heading, rest = split_first_h1(body.html)
    contact = _contact(localized)
    return {
        "lang": lang, "dir": localized.direction, "source_lang": settings.source_language,
        "slug": guide.slug, "site_name": site.name,
        "title": title.text if title else guide.slug, "title_lang": localized.other_lang(title),
        "summary": summary.text if summary else "", "summary_lang": localized.other_lang(summary),
        "title_draft": bool(title and title.is_draft),
        "summary_draft": bool(summary and summary.is_draft),
        "draft_label": gettext("Machine draft"),
        "service": str(guide.meta.get("service") or ""), "contact": contact,
        "format_request": format_request(settings, contact),
        "updated": long_date(guide.updated, lang),
        "updated_iso": guide.updated.isoformat() if guide.updated else "",
        "revised_iso": localized.revised.strftime("%Y-%m-%dT%H:%M:%SZ") if localized.revised else "",  # UTC
        "body_html": body.html, "images": body.images, "body_heading_html": heading,
        "body_rest_html": rest,
        "languages": _languages(localized, settings, site),
        "page_url": page_url(settings, lang, guide.slug),
        "pdf_href": f"{guide.slug}.pdf" if site.pdf else "",
        "pdf_download": download_name(guide.slug, lang),
        "pdf_url": page_url(settings, lang, guide.slug, "pdf"),
        "ebook_url": page_url(settings, lang, guide.slug, "epub"),
        "pdf_size": file_size(size, lang) if size else "",
        "audio_url": f"{settings.base_url}{lang}/{guide.slug}{OTHER_DOWNLOADS['audio'][0]}" if site.listen else "",
        **_other_downloads(guide.slug, lang, settings.source_language, site.sizes),
        "source_language_name": language_name(settings.source_language, lang),
        "preview": localized.preview,
        "draft_count": sum(1 for t in used if t.state == "draft"),
        "has_fallback": any(t.state == "source" and t.lang != lang for t in used),
        "fallback_notice": _fallback_notice(localized, settings), "source_label": label,
        "accessibility_statement": settings.accessibility_statement,
        "css_href": "../" + STATIC_CSS, "fonts_css_href": "../" + FONTS_CSS,
        "index_href": "index.html", "home_href": "../index.html",
        "site_words": str(site_po_path(settings, lang)),
        "font_choices": settings.fonts, "label": language_label(lang, settings.source_language),
        "source_path": guide.path,
        "flyer_sections": guide.meta.get(FLYER_KEY), "flyer_line": guide.meta_lines.get(FLYER_KEY),
    }


def render_page(context: dict) -> str:
    """Render a guide page."""
    return render_template("guide.html.j2", context)


def render_article(context: dict) -> str:
    """Render what a reader takes in of a guide (title, summary, body, contact): the audio's text and the e-book's."""
    return render_template("article.html.j2", context)

"""The accessible e-book: a guide's article as an EPUB 3, with its audio synchronised sentence by sentence.

Packaged by hand with zipfile and four templates: ebooklib is AGPL-3.0 and rebuilds every
XHTML head and the nav itself (no direction on the nav, its own heading), and the package,
nav and overlay here are a few lines each.
"""

from __future__ import annotations

import mimetypes
import posixpath
import uuid
import zipfile
from dataclasses import dataclass
from html import escape
from io import BytesIO
from pathlib import Path

from pipeline.errors import RenderError
from pipeline.render.speech.script import Marked
from pipeline.render.ui import render_template

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
ACTIVE_CLASS = "-epub-media-overlay-active"  # the sentence being read aloud (ebook.css)
ARTICLE_ID = "Article"  # the overlay's text; a heading's id is lower case (Python-Markdown's slugify)
STYLESHEET = Path(__file__).resolve().parent / "static" / "ebook.css"
CORE_IMAGES = {"image/svg+xml", "image/png", "image/jpeg", "image/gif"}  # EPUB 3.2 core media types
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date: the same guide makes the same bytes
SUMMARY = ("A guide in one text document with headings, a table of contents and alternative text for "
           "every image; where its language has a voice, synthetic speech reads it aloud, synchronised "
           "sentence by sentence.")


@dataclass(frozen=True)
class Audio:
    """A guide's narration as the e-book carries it: the MP3 and each fragment's clip in seconds."""

    mp3: bytes
    clips: tuple[tuple[str, float, float], ...]  # (fragment id, begin, end)
    narrator: str = "espeak-ng"  # the engine and voice that speak it (media:narrator)


def clock(seconds: float) -> str:
    """Return a SMIL full clock value (``0:01:02.345``)."""
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def _toc(marked: Marked) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return the nav's entries: each h1 and h2, linked to its first fragment, as language runs."""
    return [(f"guide.xhtml#{block.utterances[0].ref}", [(u.text, u.lang) for u in block.utterances])
            for block in marked.blocks if block.tag in ("h1", "h2")]


def _images(context: dict, xhtml: str, content_dir: Path) -> tuple[str, list[tuple[str, str, bytes]]]:
    """Point the article's images into the book; return it and (href, media type, bytes) of each."""
    found = []
    for index, path in enumerate(context.get("images", ())):
        media_type = mimetypes.guess_type(path)[0]
        if media_type not in CORE_IMAGES:
            raise RenderError(f"e-book: image {path!r} is not SVG, PNG, JPEG or GIF (what every reader shows)",
                              context["source_path"])
        try:
            data = (content_dir / path).read_bytes()
        except OSError as error:
            raise RenderError(f"e-book: cannot read image {path!r}: {error.strerror}", context["source_path"]) from None
        href = f"images/{index + 1}-{posixpath.basename(path)}"
        xhtml = xhtml.replace(f'src="../{escape(path)}"', f'src="{escape(href)}"')  # body.py: "../" + path
        found.append((href, media_type, data))
    return xhtml, found


def _package(context: dict, images: list, audio: Audio | None) -> str:
    """Render the package document: metadata (accessibility, overlay durations), manifest, spine."""
    items = [{"id": f"img{n}", "href": href, "media_type": kind} for n, (href, kind, _) in enumerate(images, 1)]
    modes, features = ["textual"], ["structuralNavigation", "tableOfContents", "readingOrder",
                                    "displayTransformability"]
    overlay = None
    if images:
        modes.append("visual")
        features.append("alternativeText")
    if audio is not None:
        modes.append("auditory")
        features.append("synchronizedAudioText")
        items.append({"id": "audio", "href": "audio/guide.mp3", "media_type": "audio/mpeg"})
        total = sum(end - begin for _, begin, end in audio.clips)
        overlay = {"duration": clock(total), "narrator": audio.narrator, "active_class": ACTIVE_CLASS}
    return render_template("ebook-package.opf.j2", {
        **context, "items": items, "access_modes": modes, "sufficient": ["textual"], "features": features,
        "overlay": overlay, "conforms_to": CONFORMS_TO, "accessibility_summary": SUMMARY, "summary_lang": "en",
        "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, context['ebook_url'])}",
        "modified": modified(context)})


def modified(context: dict) -> str:
    """Return the e-book's dcterms:modified: the later of the guide's date and its translation's last revision.

    A reading app keeps a book whose date did not change, so a translator's edit must move it.
    """
    stamps = [f"{context['updated_iso']}T00:00:00Z"] if context.get("updated_iso") else []
    stamps += [context["revised_iso"]] if context.get("revised_iso") else []
    return max(stamps, default="2000-01-01T00:00:00Z")  # one ISO form in UTC: text order is time order


def _zip(files: list[tuple[str, bytes]]) -> bytes:
    """Zip an EPUB: ``mimetype`` first and stored, the rest deflated (audio stored), fixed dates."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype", ZIP_DATE), b"application/epub+zip", zipfile.ZIP_STORED)
        for name, data in files:
            stored = name.endswith(".mp3")  # already compressed
            book.writestr(zipfile.ZipInfo(name, ZIP_DATE), data,
                          zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return out.getvalue()


CONTAINER = (b'<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" '
             b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles>\n'
             b'<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>\n'
             b'</rootfiles>\n</container>\n')


def render_epub(context: dict, marked: Marked, content_dir: Path, audio: Audio | None = None) -> bytes:
    """Render a guide page's context as an EPUB 3; with ``audio``, as media overlays too.

    Args:
        context: the page context (pipeline.render.html.page_context) of the guide in one language.
        marked: its article with every spoken fragment marked (pipeline.render.speech.script).
        content_dir: the project's content/, where the article's images are.
        audio: the narration of ``marked``'s script, when the language has a voice.
    """
    xhtml, images = _images(context, marked.xhtml, content_dir)
    files = [("META-INF/container.xml", CONTAINER),
             ("EPUB/package.opf", _package(context, images, audio).encode("utf-8")),
             ("EPUB/nav.xhtml", render_template("ebook-nav.xhtml.j2", {**context, "toc": _toc(marked)})
              .encode("utf-8")),
             ("EPUB/guide.xhtml", render_template("ebook-guide.xhtml.j2", {**context, "article_xhtml": xhtml,
                                                                             "article_id": ARTICLE_ID})
              .encode("utf-8")),
             ("EPUB/ebook.css", STYLESHEET.read_bytes())]
    files += [(f"EPUB/{href}", data) for href, _, data in images]
    if audio is not None:
        clips = [(ref, clock(begin), clock(end)) for ref, begin, end in audio.clips]
        files += [("EPUB/audio/guide.mp3", audio.mp3),
                  ("EPUB/guide.smil", render_template("ebook-overlay.smil.j2", {
                      **context, "clips": clips, "audio": "audio/guide.mp3", "article_id": ARTICLE_ID}).encode("utf-8"))]
    return _zip(files)

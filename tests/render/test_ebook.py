"""The accessible e-book: every sample guide in every language an EPUB 3 that EPUBCheck and Ace pass,
its language and direction right, its accessibility metadata there, and its media overlays in step
with the audio sentence by sentence where the language has a voice."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import polib
import pytest
from lxml import html as lxml_html
from ebook_checks import NS, XML_LANG, Book, ace, each, epubcheck, seconds
from helpers import build, copy_project, rewritten, sample_languages, snapshot_with_mtimes

from pipeline.render.ebook import ACTIVE_CLASS, CONFORMS_TO, clock
from pipeline.render.speech.choice import DEFAULT_ENGINE
from pipeline.render.ui import text_direction

LANGUAGES = ["da", *sample_languages()]
SILENT = ["so", "ti"]  # espeak-ng has no Somali or Tigrinya voice (test_listen checks doctor says so)
VOICED = [lang for lang in LANGUAGES if lang not in SILENT]
A11Y = ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
        "schema:accessibilityHazard", "schema:accessibilitySummary", "a11y:certifiedBy")


def books(built_site: Path, lang: str | None = None) -> list[Path]:
    """Return the e-books of every guide page in one language (or in all), failing when there is none."""
    found = []
    for code in [lang] if lang else LANGUAGES:
        pages = [p for p in (built_site / code).glob("*.html") if p.name != "index.html"]
        assert pages, code
        found += [page.with_suffix(".epub") for page in sorted(pages)]
    return found


def test_epubcheck_finds_no_error_in_any_sample_ebook(built_site):
    reports = each(epubcheck, books(built_site))
    assert len(reports) >= 6 * len(LANGUAGES)
    assert {book.relative_to(built_site).as_posix(): report for book, (errors, report) in reports.items()
            if errors} == {}


def test_ace_finds_no_violation_in_any_sample_ebook(built_site):
    found = each(ace, books(built_site))
    assert len(found) >= 6 * len(LANGUAGES)
    assert {book.relative_to(built_site).as_posix(): v for book, v in found.items() if v} == {}


def test_the_zip_starts_with_the_mimetype_stored(built_site):
    for path in books(built_site, "ar"):
        first = Book(path).infos[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert Book(path).files["mimetype"] == b"application/epub+zip"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_package_and_documents_carry_the_language_and_direction(built_site, lang):
    direction = text_direction(lang)
    for path in books(built_site, lang):
        book = Book(path)
        assert book.package.findtext("opf:metadata/dc:language", namespaces=NS) == lang
        assert book.package.find("opf:spine", NS).get("page-progression-direction") == direction
        for document in (book.guide, book.nav):
            assert (document.get("lang"), document.get(XML_LANG), document.get("dir")) == (lang, lang, direction)


def test_fallback_blocks_keep_their_danish_and_are_read_in_danish(fallback_site):
    path = fallback_site / "ur" / "madservice.epub"
    page = path.with_suffix(".html").read_text("utf-8")
    book = Book(path)
    in_page = lxml_html.fromstring(page).xpath('//article//*[@lang="da"][contains(@class, "fallback")]')
    in_book = book.guide.xpath('//x:*[@lang="da"][contains(@class, "fallback")]', namespaces=NS)
    assert in_page and len(in_book) == len(in_page)
    for block in in_book:  # the label is read in Urdu, the Danish text in Danish
        label = block.find("x:span[@class='fallback-label']", NS)
        assert label.get("lang") == "ur" and label.find("x:span[@id]", NS) is not None
        assert block.xpath(".//x:span[@class='fallback-text']//x:span[@id]", namespaces=NS)
    assert epubcheck(path)[0] == 0 and ace(path) == []


def test_images_come_with_their_alt_text_and_are_in_the_book(built_site):
    images = 0
    for path in books(built_site):
        book = Book(path)
        hrefs = {item.get("href") for item in book.package.iterfind("opf:manifest/opf:item", NS)}
        for img in book.guide.iter(f"{{{NS['x']}}}img"):
            assert img.get("alt", "").strip() and img.get("src") in hrefs and f"EPUB/{img.get('src')}" in book.files
            images += 1
    assert images >= 6 * len(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_metadata_is_there(built_site, lang):
    for path in books(built_site, lang):
        book = Book(path)
        assert all(book.meta(prop) for prop in A11Y), [prop for prop in A11Y if not book.meta(prop)]
        assert book.meta("dcterms:conformsTo") == [CONFORMS_TO]
        assert "textual" in book.meta("schema:accessMode") and book.meta("schema:accessibilityHazard") == ["none"]
        assert ("synchronizedAudioText" in book.meta("schema:accessibilityFeature")) == (lang in VOICED)
        assert ("auditory" in book.meta("schema:accessMode")) == (lang in VOICED)


def probe_seconds(data: bytes, folder: Path) -> float:
    """Return the duration ffprobe decodes from MP3 bytes."""
    path = folder / "probe.mp3"
    path.write_bytes(data)
    return float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                 str(path)], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("lang", VOICED)
def test_overlays_follow_the_audio_sentence_by_sentence(built_site, lang, tmp_path):
    for path in books(built_site, lang):
        book = Book(path)
        clips = book.clips()
        ids = {element.get("id") for element in book.guide.iter() if element.get("id")}
        audio = probe_seconds(book.files["EPUB/audio/guide.mp3"], tmp_path)
        assert clips and all(src.startswith("guide.xhtml#") and src.split("#")[1] in ids for src, _, _ in clips)
        assert all(begin < end for _, begin, end in clips), path
        assert all(a[2] <= b[1] for a, b in zip(clips, clips[1:])), path  # in order, never overlapping
        assert clips[0][1] >= 0 and clips[-1][2] <= audio + 0.03, (path, clips[-1], audio)  # MP3 frames: 26 ms
        blocks = book.guide.xpath("//x:p | //x:li | //x:h1 | //x:h2 | //x:h3 | //x:dd | //x:td", namespaces=NS)
        assert len(clips) > len(blocks), path  # sentences, not blocks
        total = clock(sum(end - begin for _, begin, end in clips))
        assert book.meta("media:duration", "#overlay") == book.meta("media:duration") == [total]
        assert book.meta("media:active-class") == [ACTIVE_CLASS]
        assert book.meta("media:narrator") == [DEFAULT_ENGINE.label(lang)]  # the voice that speaks it
        item = book.package.find("opf:manifest/opf:item[@id='guide']", NS)
        assert item.get("media-overlay") == "overlay"


def test_each_overlay_clip_is_its_sentence_of_the_audio_file(built_site):
    """The e-book's audio is the Listen file itself, and its clips start where the chapters do."""
    for path in books(built_site, "en"):
        book = Book(path)
        assert book.files["EPUB/audio/guide.mp3"] == path.with_suffix(".mp3").read_bytes()
        vtt = path.with_name(path.stem + ".chapters.vtt").read_text("utf-8")
        starts = [seconds(stamp.replace(",", ".")) for stamp in re.findall(r"^(\S+) -->", vtt, re.M)]
        begins = {round(begin, 3) for _, begin, _ in book.clips()}
        assert all(round(start, 3) in begins for start in starts), (path, starts)


@pytest.mark.parametrize("lang", SILENT)
def test_a_language_without_a_voice_gets_a_book_without_overlays(built_site, lang):
    for path in books(built_site, lang):
        book = Book(path)
        assert book.overlay is None and not any(name.endswith(".mp3") for name in book.files)
        assert book.meta("media:duration") == []


@pytest.mark.parametrize("lang", ["da", "ar", "so"])
def test_the_page_lists_the_ebook_with_its_size(built_site, lang):
    for path in books(built_site, lang):
        page = path.with_suffix(".html").read_text("utf-8")
        link = re.search(rf'<a href="{path.name}" type="application/epub\+zip" download="{path.stem}.{lang}.epub">'
                         r'([^<]*)</a>', page)
        assert link and re.search(r"\(\d[\d.,٫]* [kM]B\)", link.group(1)), path


def test_an_edited_paragraph_rebuilds_only_that_guides_ebook(tmp_path):
    project = copy_project(tmp_path / "project")
    first = build(project, "--lang", "tr", "--format", "html,epub")
    before = snapshot_with_mtimes(project / "output")
    po_path = project / "translations" / "tr" / "LC_MESSAGES" / "madservice.po"
    po = polib.pofile(str(po_path), wrapwidth=79)
    entry = next(e for e in po if len(e.msgid) > 60 and e.msgstr and not e.obsolete)
    entry.msgstr += " 2026"
    po.save(str(po_path))
    again = build(project, "--lang", "tr", "--format", "html,epub")
    changed = rewritten(before, snapshot_with_mtimes(project / "output"))
    assert {p for p in changed if p.endswith(".epub")} == {"tr/madservice.epub"}
    assert first.built > again.built > 0


def test_a_voice_installed_or_removed_rebuilds_the_ebook_alone(tmp_path, monkeypatch):
    import dataclasses

    from pipeline.build import formats

    project = copy_project(tmp_path / "project")
    build(project, "--lang", "so", "--guide", "madservice", "--format", "html,epub,pdf")
    assert build(project, "--lang", "so", "--guide", "madservice", "--format", "html,epub,pdf").built == 0
    voiced = dataclasses.replace(formats.FORMATS["epub"], depends=lambda lang, source: {"overlays": True})
    monkeypatch.setitem(formats.FORMATS, "epub", voiced)  # as if espeak-ng had learnt Somali
    again = build(project, "--lang", "so", "--guide", "madservice", "--format", "html,epub,pdf")
    assert again.built == 1 and again.up_to_date >= 2  # the e-book; the PDF and the page as they were


def test_a_translators_save_moves_the_ebooks_modified_date(tmp_path):
    """dcterms:modified is the later of the guide's `updated` and the catalog's PO-Revision-Date (UTC)."""
    from datetime import datetime, timezone

    import yaml

    project = copy_project(tmp_path / "project")
    po_path = project / "translations" / "tr" / "LC_MESSAGES" / "madservice.po"
    po = polib.pofile(str(po_path), wrapwidth=79)
    revised = datetime.strptime(po.metadata["PO-Revision-Date"], "%Y-%m-%d %H:%M%z").astimezone(timezone.utc)
    front = (project / "content" / "madservice.md").read_text("utf-8").split("---")[1]
    updated = datetime.combine(yaml.safe_load(front)["updated"], datetime.min.time(), timezone.utc)
    book = project / "output" / "tr" / "madservice.epub"
    build(project, "--lang", "tr", "--guide", "madservice", "--format", "epub")
    assert Book(book).meta("dcterms:modified") == [max(updated, revised).strftime("%Y-%m-%dT%H:%M:%SZ")]

    entry = next(e for e in po if len(e.msgid) > 60 and e.msgstr and not e.obsolete)
    entry.msgstr += " 2026"
    po.metadata["PO-Revision-Date"] = "2031-05-04 10:30+0200"  # as Poedit writes it on save
    po.save(str(po_path))
    build(project, "--lang", "tr", "--guide", "madservice", "--format", "epub")
    assert Book(book).meta("dcterms:modified") == ["2031-05-04T08:30:00Z"]
    (errors, report), = each(epubcheck, [book]).values()
    assert not errors, report

"""Hostile input to `ligetil build` and `translate`: a clear error or a safe page, never half a write."""

from __future__ import annotations

import re

import polib
import pytest
from helpers import set_msgstr, snapshot, tags_of

from pipeline.qa.markup import scheme_of

TR_PO = "translations/tr/LC_MESSAGES/madservice.po"
TR_PAGE = "output/tr/madservice.html"
BUILD_TR = ("build", "--format", "html", "--lang", "tr", "--guide", "madservice")
PARAGRAPH = "Vi laver mad til cirka 3.200 borgere hver dag."  # msgid start, line 16
PARAGRAPH_TR = "Her gün yaklaşık 3.200 kişiye yemek hazırlıyoruz."
LINK_MSGID = "Du kan også læse om [madservice til ældre"
LINK_TEXT = "[Kopenhag Belediyesi'nin internet sitesinde yaşlılar için yemek servisi]"
SAFE_SCHEMES = (None, "http", "https", "mailto", "tel")

RAW_HTML = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "anchor-javascript": '<a href="javascript:alert(1)">tıkla</a>',
    "svg-onload": "<svg onload=alert(1)>",
    "unclosed-script": "<script src=https://evil.example/x.js>",
}
JAVASCRIPT_LINKS = {
    "plain": "javascript:alert(1)",
    "mixed-case": "JaVaScRiPt:alert(1)",
    "entity-encoded": "&#106;avascript:alert(1)",
    "tab-inside": "java&#9;script:alert(1)",
    "leading-space": "%20javascript:alert(1)",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
}


def page(project) -> str:
    return (project / TR_PAGE).read_text(encoding="utf-8")


def assert_no_active_content(text: str) -> None:
    """Fail if a page holds a script, a frame, an event handler or an unsafe link target."""
    for tag, attrs in tags_of(text):
        assert tag not in ("script", "iframe", "object", "embed"), f"<{tag}> published"
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, f"<{tag}> published with {handlers}"
        for name in ("href", "src", "action", "formaction"):
            if name in attrs:
                assert scheme_of(attrs[name]) in SAFE_SCHEMES, f"<{tag} {name}={attrs[name]!r}> published"
    assert "<script" not in text.lower()


def assert_danish_fallback(text: str, danish: str) -> None:
    """Fail unless the Danish source of a block is published, marked as Danish."""
    found = re.search(r'<p class="fallback" lang="da"><span class="fallback-label"[^>]*>[^<]*</span> '
                      r'<span class="fallback-text" dir="ltr">([^<]*)', text)
    assert found and found.group(1).startswith(danish), "the block does not fall back to Danish"


@pytest.mark.parametrize("payload", list(RAW_HTML.values()), ids=list(RAW_HTML))
def test_raw_html_in_a_translation_is_published_as_the_danish_text(project, ligetil, payload):
    set_msgstr(project / TR_PO, PARAGRAPH, f"{PARAGRAPH_TR} {payload}")
    result = ligetil(project, *BUILD_TR)
    assert result.code == 0, result.err
    text = page(project)
    assert_no_active_content(text)
    assert PARAGRAPH_TR not in text
    assert_danish_fallback(text, PARAGRAPH)


def test_raw_html_in_a_machine_draft_is_not_shown_even_in_preview(project, ligetil):
    set_msgstr(project / TR_PO, PARAGRAPH, f"{PARAGRAPH_TR} {RAW_HTML['script']}", fuzzy=True)
    result = ligetil(project, *BUILD_TR, "--preview")
    assert result.code == 0, result.err
    text = page(project)
    assert_no_active_content(text)
    assert_danish_fallback(text, PARAGRAPH)


@pytest.mark.parametrize("target", list(JAVASCRIPT_LINKS.values()), ids=list(JAVASCRIPT_LINKS))
def test_a_translated_link_changed_to_javascript_never_becomes_a_link_target(project, ligetil, target):
    set_msgstr(project / TR_PO, LINK_MSGID, f"{LINK_TEXT}({target}).")
    result = ligetil(project, *BUILD_TR)
    assert result.code == 0, result.err
    text = page(project)
    assert_no_active_content(text)
    hrefs = [attrs["href"] for tag, attrs in tags_of(text) if tag == "a" and "href" in attrs]
    assert "https://www.kk.dk/borger/pleje-og-aeldre/madservice" in hrefs  # the Danish link stays


def test_a_javascript_link_in_a_machine_draft_is_not_shown_in_preview(project, ligetil):
    set_msgstr(project / TR_PO, LINK_MSGID, f"{LINK_TEXT}(javascript:alert(1)).", fuzzy=True)
    result = ligetil(project, *BUILD_TR, "--preview")
    assert result.code == 0, result.err
    assert_no_active_content(page(project))


def add_image_line(project, src: str) -> int:
    """Append an image paragraph to the madservice guide; return its line number."""
    guide = project / "content/madservice.md"
    text = guide.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    guide.write_text(text + f"![Et billede]({src})\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize("src", ["../../etc/passwd", "images/../../../etc/passwd", "/etc/passwd",
                                 "file:///etc/passwd"],
                         ids=["relative", "relative-via-images", "absolute", "file-url"])
def test_an_image_outside_content_fails_the_build_naming_guide_and_line(project, ligetil, src):
    line = add_image_line(project, src)
    before = snapshot(project)
    result = ligetil(project, "build", "--lang", "tr", "--guide", "madservice")
    assert result.code == 1
    assert f"content/madservice.md:{line}: image {src!r}" in result.err
    assert "outside content/" in result.err or "not a URL or absolute path" in result.err
    assert snapshot(project) == before  # no output/ at all: nothing written half-way
    assert not (project / "output").exists()


def test_an_image_outside_content_in_a_translation_shows_the_danish_image(project, ligetil):
    set_msgstr(project / TR_PO, "![En tallerken", "![Bir tabak](../../etc/passwd)")
    result = ligetil(project, *BUILD_TR)
    assert result.code == 0, result.err
    sources = [attrs["src"] for tag, attrs in tags_of(page(project)) if tag == "img"]
    assert sources == ["../images/madservice.svg"]
    assert sorted(p.name for p in (project / "output/images").iterdir()) == ["madservice.svg"]


def test_build_refuses_a_path_as_guide_name(project, ligetil):
    before = snapshot(project)
    result = ligetil(project, "build", "--guide", "../../etc/passwd")
    assert result.code != 0
    assert "no guide named '../../etc/passwd' in content/" in result.err
    assert "Traceback" not in result.err
    assert snapshot(project) == before


def test_translate_refuses_a_path_as_guide_name(project, ligetil):
    before = snapshot(project)
    result = ligetil(project, "translate", "--guide", "../../etc/passwd", "--lang", "tr")
    assert result.code != 0
    assert "guide name '../../etc/passwd' must be lowercase letters, digits and hyphens" in result.err
    assert "Traceback" not in result.err
    assert snapshot(project) == before


def test_a_symlink_in_images_to_a_file_outside_the_project_is_not_copied(project, ligetil, tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>SECRET</text></svg>', encoding="utf-8")
    (project / "content/images/leak.svg").symlink_to(secret)
    (project / "content/images/leaks").symlink_to(tmp_path, target_is_directory=True)
    result = ligetil(project, "build", "--format", "html", "--lang", "da", "--guide", "madservice")
    assert result.code == 0, result.err
    written = [p for p in (project / "output").rglob("*")]
    assert not [p for p in written if p.name in ("leak.svg", "leaks", "secret.svg")]
    assert not [p for p in written if p.is_file() and b"SECRET" in p.read_bytes()]


def test_a_translators_ignore_flags_cannot_publish_an_image_outside_content(project, ligetil):
    msgid = set_msgstr(project / TR_PO, "![En tallerken", "![Bir tabak](../../../../etc/passwd)")
    po = project / TR_PO
    text = po.read_text(encoding="utf-8")
    at = text.index("../../../../etc/passwd")
    entry = text.rindex("\nmsgid ", 0, at) + 1
    po.write_text(text[:entry] + "#, ligetil-ignore:url-changed, ligetil-ignore:unsafe-link\n" + text[entry:],
                  encoding="utf-8")
    line = polib.pofile(str(po)).find(msgid).linenum
    result = ligetil(project, *BUILD_TR)
    assert result.code == 0, result.err
    assert f"{TR_PO}:{line}: not published" in result.err
    sources = [attrs["src"] for tag, attrs in tags_of(page(project)) if tag == "img"]
    assert sources == ["../images/madservice.svg"]

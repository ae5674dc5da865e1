"""A translation cannot add attributes to the page; an image symlinked out of content/ is refused."""

from __future__ import annotations

import pytest
from helpers import set_msgstr, snapshot

from tests.safety.test_hostile_build import (BUILD_TR, PARAGRAPH, PARAGRAPH_TR, TR_PO,
                                             add_image_line, assert_no_active_content, page)

HEADING = "Hvem kan få madservice?"
HEADING_TR = "Yemek servisinden kimler yararlanabilir?"
ATTRIBUTE_LISTS = {
    "paragraph-attr-list": (PARAGRAPH, f'{PARAGRAPH_TR}\n{{: onclick="alert(1)" }}'),
    "paragraph-attr-list-no-colon": (PARAGRAPH, f'{PARAGRAPH_TR}\n{{onmouseover=alert(1) style="x"}}'),
    "heading-attr-list": (HEADING, f'{HEADING_TR} {{: onclick="alert(1)" }}'),
}


@pytest.mark.parametrize("msgid, msgstr", list(ATTRIBUTE_LISTS.values()), ids=list(ATTRIBUTE_LISTS))
def test_an_attribute_list_in_a_translation_never_adds_an_event_handler(project, ligetil, msgid, msgstr):
    """attr_list syntax ("{: onclick=…}") in a msgstr must not reach the page as attributes.

    Fails at 4ee710e: attr_list (treeprocessor priority 8) turns the swapped-in msgstr's
    "{: …}" into attributes and nothing removes them. Fix: a treeprocessor registered after
    attr_list that keeps only harmless attributes and http(s)/mailto/tel/relative targets.
    """
    set_msgstr(project / TR_PO, msgid, msgstr)
    result = ligetil(project, *BUILD_TR)
    assert result.code == 0, result.err
    assert_no_active_content(page(project))


def _secret_svg(tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                      '<text y="9">SECRET</text></svg>', encoding="utf-8")
    return secret


@pytest.mark.parametrize("formats", ["html", "pdf"])
def test_a_guide_using_a_symlinked_image_outside_the_project_fails_naming_guide_and_line(
        project, ligetil, tmp_path, formats):
    """A symlink in content/images to a file outside content/ must not be published.

    Fails at 4ee710e: build.collect_images reads ``content_dir / image`` following symlinks,
    and a PDF-only build never calls it (WeasyPrint reads the file itself). Fix: refuse an
    image unless ``(content_dir / image).resolve().is_relative_to(content_dir.resolve())``,
    for PDF and HTML jobs alike, with RenderError naming guide and line.
    """
    (project / "content/images/leak.svg").symlink_to(_secret_svg(tmp_path))
    line = add_image_line(project, "images/leak.svg")
    before = snapshot(project)
    result = ligetil(project, "build", "--format", formats, "--lang", "da", "--guide", "madservice")
    assert result.code == 1, result.out
    assert f"content/madservice.md:{line}: image 'images/leak.svg'" in result.err
    assert snapshot(project) == before


def test_a_guide_using_an_image_in_a_symlinked_folder_outside_the_project_fails(project, ligetil, tmp_path):
    """A symlinked folder in content/images must not publish files from outside content/."""
    _secret_svg(tmp_path)
    (project / "content/images/outside").symlink_to(tmp_path, target_is_directory=True)
    line = add_image_line(project, "images/outside/secret.svg")
    result = ligetil(project, "build", "--format", "html", "--lang", "da", "--guide", "madservice")
    assert result.code == 1, result.out
    assert f"content/madservice.md:{line}: image 'images/outside/secret.svg'" in result.err
    written = list((project / "output").rglob("*")) if (project / "output").exists() else []
    assert not [p for p in written if p.is_file() and b"SECRET" in p.read_bytes()]

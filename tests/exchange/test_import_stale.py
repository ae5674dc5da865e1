"""A catalog saved between export and import: the import never takes back the newer save."""

from __future__ import annotations

import polib
import pytest
from helpers import set_msgstr, snapshot
from lxml import etree

TR = "translations/tr/LC_MESSAGES/mad.po"
NS = {"2.1": "urn:oasis:names:tc:xliff:document:2.0", "1.2": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def project(tr_project):
    return tr_project


def export(ligetil, root, version):
    assert ligetil(root, "export", "--format", "xliff", "--lang", "tr", "--version", version).code == 0
    return root / "output/xliff/tr/mad.xlf"


def retarget(path, version, source, text):
    """Change one unit's target text, as a translator in a CAT tool."""
    tree = etree.parse(str(path))
    target = next(t for t in tree.iter(f"{{{NS[version]}}}target")
                  if "".join(t.getparent().find(f"{{{NS[version]}}}source").itertext()) == source)
    target.text = text
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def entry(root, msgid):
    return next(e for e in polib.pofile(str(root / TR)) if e.msgid == msgid)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_a_translation_saved_after_the_export_is_not_taken_back_by_an_untouched_unit(project, ligetil, version):
    path = export(ligetil, project, version)
    set_msgstr(project / TR, "Mad til dig", "Sana sıcak yemek")  # the translator's save, meanwhile
    set_msgstr(project / TR, "Maden er god.", "Yemek çok güzel.")  # a draft reworked meanwhile
    before = snapshot(project / "translations")
    result = ligetil(project, "import", str(path))
    assert result.code == 0, result.err
    assert snapshot(project / "translations") == before
    assert entry(project, "Mad til dig").msgstr == "Sana sıcak yemek"
    assert entry(project, "Maden er god.").msgstr == "Yemek çok güzel."


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_a_unit_changed_on_both_sides_is_named_and_not_applied(project, ligetil, version):
    path = export(ligetil, project, version)
    retarget(path, version, "Mad til dig", "Size yemek")
    retarget(path, version, "Maden er god.", "Yemek gerçekten güzel.")
    set_msgstr(project / TR, "Mad til dig", "Sana sıcak yemek")
    result = ligetil(project, "import", str(path))
    assert result.code == 1
    assert "not applied: the catalog's translation changed since the export" in result.err, result.err
    assert entry(project, "Mad til dig").msgstr == "Sana sıcak yemek"
    assert entry(project, "Maden er god.").msgstr == "Yemek gerçekten güzel."  # changed on one side only

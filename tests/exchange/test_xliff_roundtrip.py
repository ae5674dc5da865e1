"""XLIFF round trips of every sample catalog, and other tools reading the files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from helpers import REPO, run_ligetil, sample_languages, snapshot
from lxml import etree

from pipeline.catalog.pofile import format_catalog, parse_catalog
from pipeline.exchange.codes import split_markup

GUIDES = sorted(p.stem for p in (REPO / "content").glob("*.md"))
LANGS = sample_languages()
NS = {"2.1": "urn:oasis:names:tc:xliff:document:2.0", "1.2": "urn:oasis:names:tc:xliff:document:1.2"}
MARK = "✎ "


def exported(root: Path, version: str, *args: str) -> list[Path]:
    """Export the project's XLIFF (all guides and languages unless ``args`` say otherwise)."""
    result = run_ligetil(root, "export", "--format", "xliff", "--version", version, *args)
    assert result.code == 0, result.err
    return sorted((root / "output/xliff").rglob("*.xlf"))


def mark_every_target(path: Path, version: str) -> int:
    """Put MARK before every target's text, as a translator's edit in a CAT tool; return how many."""
    tree = etree.parse(str(path))
    targets = tree.findall(f".//{{{NS[version]}}}target")
    for target in targets:
        target.text = MARK + (target.text or "")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return len(targets)


def catalogs(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((root / "translations").glob("*/LC_MESSAGES/*.po")) if p.stem != "_site"}


def with_every_msgstr_marked(text: str) -> str:
    """Return a catalog as it must be after the import: every live msgstr marked, the rest as it was."""
    po = parse_catalog(text, "expected.po")
    for entry in po:
        if entry.msgid and not entry.obsolete and entry.msgstr:
            entry.msgstr = MARK + entry.msgstr
    return format_catalog(po)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_every_sample_catalog_round_trips_with_every_msgstr_changed(sample_project, version):
    files = exported(sample_project, version)
    assert len(files) == len(GUIDES) * len(LANGS) and files
    before = catalogs(sample_project)
    marked = sum(mark_every_target(path, version) for path in files)
    result = run_ligetil(sample_project, "import", *map(str, files))
    assert result.code == 0, result.err
    assert f"import: changed {marked} entries, 0 unchanged, 0 without a translation, 0 not applied; " \
           f"{len(before)} catalog(s) written" in result.out
    after = catalogs(sample_project)
    assert after.keys() == before.keys()
    for name, text in before.items():
        assert after[name] == with_every_msgstr_marked(text), name
    again = snapshot(sample_project / "translations")
    second = run_ligetil(sample_project, "import", *map(str, files))
    assert second.code == 0 and f"changed 0 entries, {marked} unchanged" in second.out
    assert snapshot(sample_project / "translations") == again


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_untouched_export_imports_as_no_change(sample_project, version):
    files = exported(sample_project, version, "--lang", "ar")
    before = snapshot(sample_project / "translations")
    result = run_ligetil(sample_project, "import", *map(str, files))
    assert result.code == 0 and "changed 0 entries" in result.out and "0 catalog(s) written" in result.out
    assert snapshot(sample_project / "translations") == before


def test_markup_is_inline_codes_never_text_in_every_unit(sample_project):
    """Every Markdown code of a msgid is a <pc>/<ph> with its Markdown in <originalData>."""
    files = exported(sample_project, "2.1", "--lang", "tr")
    q = lambda tag: f"{{{NS['2.1']}}}{tag}"  # noqa: E731
    coded = 0
    for path in files:
        po = parse_catalog((sample_project / "translations/tr/LC_MESSAGES" / f"{path.stem}.po")
                           .read_text(encoding="utf-8"), path.name)
        live = [e for e in po if e.msgid and not e.obsolete]
        units = etree.parse(str(path)).findall(f".//{q('unit')}")
        assert len(units) == len(live)
        for unit, entry in zip(units, live):
            source = unit.find(f"{q('segment')}/{q('source')}")
            pieces = split_markup(entry.msgid)
            text = "".join(p for p in pieces if isinstance(p, str))
            assert "".join(source.itertext()) == text  # only the words are text; codes carry the markup
            codes = [p.native for p in pieces if not isinstance(p, str)]
            data = [d.text for d in unit.iterfind(f"{q('originalData')}/{q('data')}")]
            assert data[:len(codes)] == codes
            coded += len(codes)
    assert coded > 20, "the sample guides have links and emphasis: some codes were expected"


def test_translate_toolkit_xliff2po_reads_every_xliff_1_2_file_back_to_the_catalog(sample_project, tmp_path):
    files = exported(sample_project, "1.2")
    xliff2po = Path(sys.executable).with_name("xliff2po")
    for path in files:
        out = tmp_path / f"{path.parent.name}-{path.stem}.po"
        done = subprocess.run([str(xliff2po), "--progress=none", str(path), str(out)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        theirs = {e.msgid: e for e in polib.pofile(str(out)) if e.msgid}
        ours = [e for e in polib.pofile(str(sample_project / "translations" / path.parent.name / "LC_MESSAGES"
                                             / f"{path.stem}.po")) if e.msgid and not e.obsolete]
        assert len(theirs) == len(ours)
        for entry in ours:
            read = theirs[entry.msgid]
            assert (read.msgstr, read.fuzzy) == (entry.msgstr, entry.fuzzy)
            assert read.occurrences == entry.occurrences
            assert " ".join(read.comment.split()) == " ".join(entry.comment.split())


def test_translate_toolkit_reads_every_xliff_2_1_file(sample_project):
    from translate.storage.xliff2 import Xliff2File

    files = exported(sample_project, "2.1")
    for path in files:
        store = Xliff2File.parsefile(str(path))
        ours = [e for e in polib.pofile(str(sample_project / "translations" / path.parent.name / "LC_MESSAGES"
                                             / f"{path.stem}.po")) if e.msgid and not e.obsolete]
        assert len(store.units) == len(ours)
        for unit, entry in zip(store.units, ours):
            words = lambda text: "".join(p for p in split_markup(text) if isinstance(p, str))  # noqa: E731
            assert (unit.source, unit.target) == (words(entry.msgid), words(entry.msgstr))
            assert unit.isfuzzy() == entry.fuzzy and unit.istranslated()


def test_export_names_a_missing_catalog_and_refuses_an_unknown_guide(sample_project):
    (sample_project / "translations/tr/LC_MESSAGES/madservice.po").unlink()
    result = run_ligetil(sample_project, "export", "--format", "xliff", "--lang", "tr")
    assert result.code == 1  # a problem found; the other guides are exported
    assert "translations/tr/LC_MESSAGES/madservice.po: no catalog; run `ligetil update` first" in result.err
    assert not (sample_project / "output/xliff/tr/madservice.xlf").exists()
    assert (sample_project / "output/xliff/tr/sprogcenter.xlf").is_file()
    unknown = run_ligetil(sample_project, "export", "--format", "xliff", "--guide", "nope")
    assert unknown.code == 2 and "no guide named 'nope'" in unknown.err


def test_exports_are_deterministic(sample_project, tmp_path):
    first = exported(sample_project, "2.1", "--lang", "ur", "-o", str(tmp_path / "one"))
    assert first == []  # -o elsewhere: nothing under output/xliff
    run_ligetil(sample_project, "export", "--format", "xliff", "--lang", "ur", "-o", str(tmp_path / "two"))
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert one == two and len(one) == len(GUIDES)

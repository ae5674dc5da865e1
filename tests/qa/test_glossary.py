"""The glossary: its reader, the `glossary-term` check on real catalogs, and an injected violation."""

from __future__ import annotations

import json

import polib
import pytest
from helpers import REPO, copy_sample, run_ligetil, sample_languages

from pipeline.catalog.glossary import parse_glossary, read_glossary
from pipeline.errors import CatalogError
from pipeline.qa.glossary_checks import glossary_term, source_pattern, uses_term
from pipeline.qa.translation_checks import CatalogContext

GLOSSARY = REPO / "translations/glossary.csv"
HEADER = "da,en,tr,note\n"


def parse(text: str):
    return parse_glossary(text, "translations/glossary.csv", "da")


def refusal(text: str) -> str:
    with pytest.raises(CatalogError) as raised:
        parse(text)
    return str(raised.value)


def test_reader_reads_terms_kept_names_notes_and_lines():
    glossary = parse(HEADER + "\n# a comment\ntolk,interpreter,tercüman,\n"
                     'MitID,MitID,MitID,"a name, not translated"\nkommune,municipality,,\n')
    assert [(t.source, t.line) for t in glossary.terms] == [("tolk", 4), ("MitID", 5), ("kommune", 6)]
    assert glossary.kept_terms("tr") == ("MitID",)
    assert [t.source for t in glossary.agreed_terms("tr")] == ["tolk", "MitID"]  # kommune: none agreed in tr
    assert glossary.terms[1].note == "a name, not translated"


@pytest.mark.parametrize("text, message", [
    (HEADER + "tolk,interpreter\n", "translations/glossary.csv:2: 2 cells, but the first row names 4 columns"),
    (HEADER + "tolk,interpreter,tercüman,x\n,a,b,c\n", "translations/glossary.csv:3: the 'da' cell (the source term) is empty"),
    (HEADER + "tolk,a,b,\nTolk,c,d,\n", "translations/glossary.csv:3: 'Tolk' is already a term on line 2"),
    ("en,da,note\n", "translations/glossary.csv:1: the first column must be the source language 'da'"),
    ("da,en,en\n", "translations/glossary.csv:1: column 'en' appears twice"),
    (HEADER + 'tolk,"interpreter,tercüman,\n', "translations/glossary.csv:2: not valid CSV"),
])
def test_reader_names_the_line_of_a_malformed_row(text, message):
    assert refusal(text).startswith(message)


def test_reader_names_the_line_of_a_byte_that_is_not_utf8(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_bytes(HEADER.encode() + b"tolk,interpreter,terc\xfcman,\n")
    with pytest.raises(CatalogError) as raised:
        read_glossary(path, "translations/glossary.csv", "da")
    assert str(raised.value) == "translations/glossary.csv:2: not UTF-8; save the glossary as CSV UTF-8"


@pytest.mark.parametrize("source, found", [
    ("Ring til kommunen.", True), ("Kommunens tolke kommer.", True), ("Spørg en tolk.", True),
    ("Du får tolkebistand.", False),  # a compound is another word
    ("Det er kommunalt.", False),
])
def test_source_terms_match_whole_words_in_danish_inflections(source, found):
    patterns = [source_pattern(term, "da") for term in ("kommune", "tolk")]
    assert any(p.search(source.casefold()) for p in patterns) == found


@pytest.mark.parametrize("target, agreed, found", [
    ("Ask your relatives.", "relative", True),
    ("Bring a friend.", "relative", False),
    ("İrtibat kişiniz size yardım eder.", "irtibat kişisi", True),
    ("ويكون المترجم جاهزًا.", "مترجم", True),  # the article and "and" are written joined
    ("عن MitID وDigital Post", "Digital Post", True),
    ("ሽዑ ንኣስተርጓሚ ይቐሎ።", "ኣስተርጓሚ", True),
    ("a fake interpreter-x", "job centre", False),
])
def test_translations_match_agreed_terms_by_stem(target, agreed, found):
    assert uses_term(target, agreed) == found


def test_a_protected_name_that_contains_a_term_is_not_the_term():
    glossary = parse("da,en,note\nmadservice,meal service,\n")
    ctx = CatalogContext("en", protected_terms=("Københavns Madservice",),
                         glossary=glossary.agreed_terms("en"), glossary_display=glossary.display)
    assert list(glossary_term("Ring til Københavns Madservice.", "Call Københavns Madservice.", ctx)) == []
    assert list(glossary_term("Hvem kan få madservice?", "Who gets the food?", ctx)) == [
        "the glossary (translations/glossary.csv:2) has 'madservice' as 'meal service' in English; "
        "the translation does not use it"]


def sample_pairs(lang: str) -> list[tuple[str, str]]:
    return [(e.msgid, e.msgstr) for path in sorted((REPO / "translations").glob(f"{lang}/LC_MESSAGES/*.po"))
            for e in polib.pofile(str(path)) if e.msgid and e.msgstr and not e.obsolete]


@pytest.mark.parametrize("lang", sample_languages())
def test_the_sample_glossary_is_used_in_every_language(lang):
    """Not vacuous: terms with an agreed translation occur in the sample's sources in every language."""
    glossary = read_glossary(GLOSSARY, "translations/glossary.csv", "da")
    hits = sum(1 for source, _ in sample_pairs(lang) for term in glossary.agreed_terms(lang)
               if source_pattern(term.source, "da").search(source.casefold()))
    assert hits >= 40, hits


def findings(project, *args):
    result = run_ligetil(project, "check", "--json", *args)
    return result, [f for f in json.loads(result.out) if f["code"] == "glossary-term"]


def test_the_sample_catalogs_have_no_glossary_violation(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=tuple(p.stem for p in (REPO / "content").glob("*.md")),
                          languages=tuple(sample_languages()))
    result, found = findings(project)
    assert result.code == 0 and found == []


def test_check_flags_a_violation_injected_into_a_copy_of_a_sample_catalog(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("tr",))
    path = project / "translations/tr/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid == "Hvem kan få madservice?")
    assert "yemek servisi" in entry.msgstr.casefold()
    entry.msgstr = "Kimler evde yemek alabilir?"  # the agreed "yemek servisi" is gone
    po.save(str(path))
    line = next(e.linenum for e in polib.pofile(str(path)) if e.msgid == "Hvem kan få madservice?")
    result = run_ligetil(project, "check")
    assert (f"translations/tr/LC_MESSAGES/madservice.po:{line}: warning glossary-term: the glossary "
            "(translations/glossary.csv:2) has 'madservice' as 'yemek servisi' in Turkish") in result.out
    _, found = findings(project)
    assert [(f["path"], f["line"]) for f in found] == [("translations/tr/LC_MESSAGES/madservice.po", line)]


def test_a_malformed_glossary_is_an_error_at_its_line_and_the_other_checks_still_run(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("tr",))
    glossary = project / "translations/glossary.csv"
    lines = glossary.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = "MitID,MitID\n"
    glossary.write_text("".join(lines), encoding="utf-8")
    result = run_ligetil(project, "check")
    assert result.code == 1
    assert "translations/glossary.csv:4: error invalid-file: 2 cells, but the first row names 10 columns" in result.out


def test_a_glossary_term_made_an_error_withholds_the_translation_in_build_and_status(tmp_path):
    """`[check] severity` can make glossary-term an error; then build and status withhold what check reports."""
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("tr",))
    with (project / "ligetil.toml").open("a", encoding="utf-8") as settings:
        settings.write('\n[check]\nseverity = { "glossary-term" = "error" }\n')
    path = project / "translations/tr/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid == "Hvem kan få madservice?")
    entry.msgstr = "Kimler evde yemek alabilir?"  # the agreed "yemek servisi" is gone
    po.save(str(path))
    line = next(e.linenum for e in polib.pofile(str(path)) if e.msgid == "Hvem kan få madservice?")
    page = project / "output/tr/madservice.html"

    built = run_ligetil(project, "build", "--format", "html")
    assert built.code == 0, built.out
    assert f"translations/tr/LC_MESSAGES/madservice.po:{line}: not published" in built.err
    assert "Hvem kan få madservice?" in page.read_text(encoding="utf-8")
    assert "Kimler evde yemek alabilir?" not in page.read_text(encoding="utf-8")
    status = json.loads(run_ligetil(project, "status", "--json").out)
    reviewed = next(row["reviewed"] for row in status if row.get("lang") == "tr" and row.get("guide") == "madservice")
    assert reviewed < 1

    glossary = project / "translations/glossary.csv"  # the term agreed another way: the page follows
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("yemek servisi", "yemek", 1), encoding="utf-8")
    again = run_ligetil(project, "build", "--format", "html")
    assert again.code == 0 and "not published" not in again.err, again.err
    assert "Kimler evde yemek alabilir?" in page.read_text(encoding="utf-8")

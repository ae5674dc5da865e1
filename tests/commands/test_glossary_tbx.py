"""`ligetil glossary --tbx`: TBX-Basic files that Translate Toolkit (Weblate's reader) reads back."""

from __future__ import annotations

from translate.storage.tbx import tbxfile

from helpers import REPO, run_ligetil, sample_languages

from pipeline.catalog.glossary import read_glossary

GLOSSARY = read_glossary(REPO / "translations/glossary.csv", "translations/glossary.csv", "da")


def test_every_language_gets_a_tbx_that_translate_toolkit_reads_term_for_term(tmp_path):
    result = run_ligetil(REPO, "glossary", "--tbx", str(tmp_path / "glossary"))
    assert result.code == 0, result.err
    languages = sample_languages()
    assert sorted(p.stem for p in (tmp_path / "glossary").glob("*.tbx")) == sorted(languages)
    for lang in languages:
        store = tbxfile.parsefile(str(tmp_path / "glossary" / f"{lang}.tbx"))
        units = [u for u in store.units if u.source]
        expected = GLOSSARY.agreed_terms(lang)
        assert len(expected) >= 10
        assert [(u.source, u.target) for u in units] == [(t.source, t.agreed(lang)) for t in expected]
        assert [u.source for u in units if not u.istranslatable()] == list(GLOSSARY.kept_terms(lang))
        assert GLOSSARY.kept_terms(lang) == ("Borgerservice", "MitID", "Digital Post")
        notes = {u.source: u.getnotes("definition") for u in units}  # Weblate: the source explanation
        assert "proper name" in notes["MitID"] and "Københavns Madservice" in notes["madservice"]


def test_lang_writes_one_file_and_a_rerun_is_identical(tmp_path):
    folder = tmp_path / "tbx"
    assert run_ligetil(REPO, "glossary", "--tbx", str(folder), "--lang", "ar").code == 0
    first = (folder / "ar.tbx").read_bytes()
    assert [p.name for p in folder.iterdir()] == ["ar.tbx"]
    assert run_ligetil(REPO, "glossary", "--tbx", str(folder), "--lang", "ar").code == 0
    assert (folder / "ar.tbx").read_bytes() == first
    assert "خدمة الوجبات" in first.decode("utf-8")


def test_without_tbx_it_counts_the_terms_per_language():
    result = run_ligetil(REPO, "glossary", "--lang", "tr")
    assert result.out.strip() == "tr: 18 agreed term(s), 3 of them kept as they are"

"""TMX out of one project, pre-translation in another; the memory's near matches."""

from __future__ import annotations

import shutil

import polib
import pytest
from helpers import REPO, SETTINGS, copy_project, run_ligetil, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.catalog.memory import NEAR_MATCH, TranslationMemory

GUIDE = "madservice"
EDITED_FROM = "Vi laver mad til cirka 3.200 borgere hver dag."
EDITED_TO = "Vi laver mad til cirka 3.400 borgere hver dag."


@pytest.fixture
def memory_file(tmp_path, fixed_dates):
    """Project A (a copy of the sample) exports its reviewed Turkish as TMX."""
    first = copy_project(tmp_path / "a")
    result = run_ligetil(first, "export", "--format", "tmx", "--lang", "tr")
    assert result.code == 0, result.err
    return first / "output/tmx/da-tr.tmx"


@pytest.fixture
def second(tmp_path, fixed_dates):
    """Project B: another municipality with a copy of one guide, one number in it changed."""
    root = tmp_path / "b"
    (root / "content").mkdir(parents=True)
    (root / "ligetil.toml").write_text(SETTINGS.replace('"Testkommune"', '"Anden kommune"'), encoding="utf-8")
    text = (REPO / "content" / f"{GUIDE}.md").read_text(encoding="utf-8")
    assert EDITED_FROM in text
    (root / "content" / f"{GUIDE}.md").write_text(text.replace(EDITED_FROM, EDITED_TO), encoding="utf-8")
    shutil.copytree(REPO / "content/images", root / "content/images")
    return root


def reviewed_sample() -> dict[str, str]:
    po = polib.pofile(str(REPO / f"translations/tr/LC_MESSAGES/{GUIDE}.po"))
    return {e.msgid: e.msgstr for e in po.translated_entries()}


def test_the_tmx_holds_every_reviewed_pair_and_no_draft(sample_project):
    po_path = sample_project / f"translations/tr/LC_MESSAGES/{GUIDE}.po"
    po = polib.pofile(str(po_path))
    draft = next(e for e in po if e.msgid and not e.obsolete)
    draft.flags.append("fuzzy")
    po.save(str(po_path))
    assert run_ligetil(sample_project, "export", "--format", "tmx", "--lang", "tr").code == 0
    from pipeline.exchange.tmx import pairs_for, read_tmx
    tmx = sample_project / "output/tmx/da-tr.tmx"
    pairs = dict(pairs_for(read_tmx(tmx.read_bytes(), "da-tr.tmx", "da"), "tr"))
    assert draft.msgid not in pairs
    expected = {e.msgid: e.msgstr for p in sorted((sample_project / "translations/tr/LC_MESSAGES").glob("*.po"))
                if p.stem != "_site" for e in polib.pofile(str(p)).translated_entries()}
    assert pairs == {k: v for k, v in expected.items() if k in pairs} and len(pairs) > 100
    codes = etree.parse(str(tmx)).findall(".//bpt")
    assert codes and all(code.get("i") for code in codes)  # markup is TMX's inline codes


def test_a_tmx_from_one_project_pre_translates_a_copy_of_a_guide_in_another(memory_file, second):
    result = run_ligetil(second, "update", "--lang", "tr", "--memory", str(memory_file))
    assert result.code == 0, result.err
    po = polib.pofile(str(second / f"translations/tr/LC_MESSAGES/{GUIDE}.po"))
    sample = reviewed_sample()
    exact = [e for e in po if e.msgid in sample]
    assert len(exact) == len([e for e in po if e.msgid]) - 1
    for entry in exact:
        assert (entry.msgstr, entry.fuzzy) == (sample[entry.msgid], False)
        assert entry.tcomment == "translation memory: exact match from da-tr.tmx"
    from rapidfuzz import fuzz
    near = next(e for e in po if EDITED_TO in e.msgid)
    source = near.msgid.replace(EDITED_TO, EDITED_FROM)
    assert near.fuzzy and near.msgstr == sample[source] and near.previous_msgid == source
    assert near.tcomment == f"translation memory: {fuzz.ratio(near.msgid, source) / 100:.0%} match from da-tr.tmx"
    assert f"from memory {len(exact)}" in result.out and "fuzzy 1" in result.out


def test_the_settings_key_uses_the_memory_on_every_update(memory_file, second):
    toml = second / "ligetil.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + f'\n[memory]\nfiles = ["{memory_file}"]\n', encoding="utf-8")
    assert run_ligetil(second, "update", "--lang", "tr").code == 0
    po = polib.pofile(str(second / f"translations/tr/LC_MESSAGES/{GUIDE}.po"))
    assert len(po.translated_entries()) > 20


@pytest.mark.parametrize(("files", "message"), [
    ('["memory.txt"]', "ligetil.toml: memory.files[0]: must be a .tmx file, got 'memory.txt'"),
    ('"x.tmx"', "ligetil.toml: memory.files: must be a list of strings"),
    ('["gone.tmx"]', "gone.tmx: cannot read the memory (ligetil.toml: memory.files): No such file or directory"),
])
def test_a_bad_memory_setting_is_a_clear_error(second, files, message):
    toml = second / "ligetil.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + f"\n[memory]\nfiles = {files}\n", encoding="utf-8")
    before = snapshot(second)
    result = run_ligetil(second, "update")
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert snapshot(second) == before


def test_a_broken_tmx_is_refused_with_its_line_and_nothing_is_written(memory_file, second):
    lines = memory_file.read_text(encoding="utf-8").split("\n")
    lines[7] = lines[7] + "<seg>"
    memory_file.write_text("\n".join(lines), encoding="utf-8")
    result = run_ligetil(second, "update", "--memory", str(memory_file))
    assert result.code == 1 and f"da-tr.tmx:" in result.err and "not valid XML" in result.err
    assert not (second / "translations").exists()


WORDS = st.sampled_from(["Ring", "til", "Borgerservice", "på", "hverdage", "kl.", "8", "mad", "og", "du", "kan"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=30, unique=True), SENTENCE)
def test_the_length_prefilter_never_hides_the_best_near_match(sources, wanted):
    from rapidfuzz import fuzz
    memory = TranslationMemory()
    memory.add_pairs(((s, s.upper()) for s in sources), "x.tmx")
    scores = {s: fuzz.ratio(wanted, s) / 100 for s in sources if s != wanted}
    best = max(scores.values(), default=0)
    found = memory.lookup(wanted)
    if wanted in sources:
        assert found is not None and found.exact
    elif best >= NEAR_MATCH:
        assert found is not None and found.score == pytest.approx(best)
    else:
        assert found is None


def test_a_cat_tools_tmx_with_a_doctype_and_region_codes_is_read(second, tmp_path):
    tmx = tmp_path / "fra-cat.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
                   '<tmx version="1.4"><header srclang="da-DK" segtype="sentence" o-tmf="x" adminlang="en" '
                   'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body><tu>'
                   '<tuv xml:lang="da-DK"><seg>Kontakt os</seg></tuv><tuv xml:lang="TR-tr"><seg>Bize ulaşın</seg></tuv>'
                   '</tu></body></tmx>\n', encoding="utf-8")
    assert run_ligetil(second, "update", "--lang", "tr", "--memory", str(tmx)).code == 0
    po = polib.pofile(str(second / f"translations/tr/LC_MESSAGES/{GUIDE}.po"))
    contact = next(e for e in po if e.msgid == "Kontakt os")
    assert (contact.msgstr, contact.fuzzy) == ("Bize ulaşın", False)


def test_translate_toolkit_reads_the_tmx_as_the_reviewed_pairs_markdown_and_all(memory_file):
    from translate.storage.tmx import tmxfile

    store = tmxfile.parsefile(str(memory_file))
    pairs = {u.source: u.target for u in store.units}
    expected = {e.msgid: e.msgstr for p in sorted((REPO / "translations/tr/LC_MESSAGES").glob("*.po"))
                if p.stem != "_site" for e in polib.pofile(str(p)).translated_entries()}
    assert len(store.units) == len(pairs) and pairs == {k: v for k, v in expected.items() if k in pairs}
    assert set(expected) - set(pairs) == set()  # every reviewed text, once
    assert any("](" in source for source in pairs) and any("**" in source for source in pairs)


def test_two_memories_with_the_same_file_name_are_both_used(second, tmp_path):
    """Every project exports output/tmx/da-tr.tmx: two neighbours' memories share that name."""
    from helpers import GUIDE as SMALL_GUIDE

    texts = {"a": ("Mad til dig", "Sana yemek"), "b": ("Ring til os.", "Bizi arayın.")}
    files = []
    for name, (source, target) in texts.items():
        tmx = tmp_path / name / "output/tmx/da-tr.tmx"
        tmx.parent.mkdir(parents=True)
        tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="da"/><body>'
                       f'<tu><tuv xml:lang="da"><seg>{source}</seg></tuv><tuv xml:lang="tr"><seg>{target}</seg>'
                       '</tuv></tu></body></tmx>\n', encoding="utf-8")
        files += ["--memory", str(tmx)]
    (second / "content" / "kontakt.md").write_text(SMALL_GUIDE, encoding="utf-8")
    assert run_ligetil(second, "update", "--lang", "tr", *files).code == 0
    po = polib.pofile(str(second / "translations/tr/LC_MESSAGES/kontakt.po"))
    found = {e.msgid: (e.msgstr, e.fuzzy) for e in po}
    assert [found[source] for source, _ in texts.values()] == [(target, False) for _, target in texts.values()]

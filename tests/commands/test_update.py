"""`ligetil update` scenarios: changed, removed, added, moved, duplicated text; memory."""

from __future__ import annotations

import json

import polib
from helpers import GUIDE, SETTINGS, msgcat, msgfmt_check, snapshot

from pipeline.catalog.pofile import GETTEXT_FLAG_RE, format_catalog

PARAGRAPH = "Vi bringer **varm mad** ud til dig.\nDet koster 58 kr. om dagen."
PARAGRAPH_ID = "Vi bringer **varm mad** ud til dig. Det koster 58 kr. om dagen."


def translate_all(root, lang="tr", slug="mad", prefix="TR: "):
    """Play the translator: give every entry a reviewed translation."""
    path = root / f"translations/{lang}/LC_MESSAGES/{slug}.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = prefix + entry.msgid
        entry.tcomment = "checked by Ayşe"
    path.write_text(format_catalog(po), encoding="utf-8")
    return path


def entries(path):
    return {e.msgid: e for e in polib.pofile(str(path))}


def test_update_creates_catalogs_with_babel_headers(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    po = polib.pofile(str(root / "translations/ar/LC_MESSAGES/mad.po"))
    assert po.metadata["Language"] == "ar"
    assert po.metadata["Plural-Forms"].startswith("nplurals=6;")
    assert po.metadata["Content-Type"] == "text/plain; charset=utf-8"
    assert po.metadata["Project-Id-Version"] == "Testkommune: mad"
    assert [e.occurrences for e in po][0] == [("content/mad.md", "2"), ("content/mad.md", "10")]


def without_own_flags(text: str) -> str:
    """Return PO text without the flags GNU gettext does not know (md-text, ligetil-ignore:…)."""
    lines = []
    for line in text.split("\n"):
        if line.startswith("#, "):
            kept = [f for f in line[3:].split(", ") if GETTEXT_FLAG_RE.match(f)]
            if not kept:
                continue
            line = "#, " + ", ".join(kept)
        lines.append(line)
    return "\n".join(lines)


def test_every_written_file_passes_msgfmt_and_msgcat_leaves_it_unchanged(make_project, ligetil):
    """msgcat changes nothing but dropping the flags it does not know (every gettext version does)."""
    root = make_project({"mad": GUIDE, "andet": GUIDE.replace("Mad til dig", "Andet")})
    assert ligetil(root, "update").code == 0
    translate_all(root, "ur")
    assert ligetil(root, "update").code == 0
    written = sorted((root / "translations").rglob("*.po*"))
    assert len(written) == (2 + 1) + (2 + 1) * 4  # each guide and the site's words: a template, 4 catalogs
    for path in written:
        checked = msgfmt_check(path)
        assert checked.returncode == 0, checked.stderr
        text = path.read_text(encoding="utf-8")
        assert msgcat(path) == without_own_flags(text), path
        assert ("#, md-text" in text) == (path.stem != "_site"), path


def test_second_update_changes_no_byte(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    translate_all(root)
    ligetil(root, "update")
    before = snapshot(root)
    assert ligetil(root, "update").code == 0
    assert snapshot(root) == before


def test_edited_paragraph_becomes_fuzzy_with_old_text_and_others_stay_byte_identical(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    before = path.read_text(encoding="utf-8")
    guide = root / "content/mad.md"
    guide.write_text(GUIDE.replace("58 kr.", "60 kr."), encoding="utf-8")
    assert ligetil(root, "update").code == 0
    after = entries(path)
    edited = after[PARAGRAPH_ID.replace("58", "60")]
    assert edited.fuzzy
    assert edited.msgstr == "TR: " + PARAGRAPH_ID
    assert edited.previous_msgid == PARAGRAPH_ID
    assert edited.tcomment == "checked by Ayşe"
    # The old reviewed entry survives as obsolete; every other block is byte for byte the same.
    old = polib.pofile(str(path)).obsolete_entries()
    assert [e.msgid for e in old] == [PARAGRAPH_ID]
    unchanged_blocks = [b for b in before.split("\n\n") if PARAGRAPH_ID[:20] not in b and "Mad til dig" not in b]
    text = path.read_text(encoding="utf-8")
    assert all(block in text for block in unchanged_blocks[1:])


def test_removed_paragraph_survives_as_obsolete_until_prune(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    (root / "content/mad.md").write_text(GUIDE.replace("> Maden er god.\n", ""), encoding="utf-8")
    ligetil(root, "update")
    gone = polib.pofile(str(path)).obsolete_entries()
    assert [(e.msgid, e.msgstr) for e in gone] == [("Maden er god.", "TR: Maden er god.")]
    assert "#~ msgid \"Maden er god.\"" in path.read_text(encoding="utf-8")
    ligetil(root, "update", "--prune")
    assert polib.pofile(str(path)).obsolete_entries() == []


def test_restored_paragraph_is_revived_as_it_was(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    guide = root / "content/mad.md"
    guide.write_text(GUIDE.replace("> Maden er god.\n", ""), encoding="utf-8")
    ligetil(root, "update")
    guide.write_text(GUIDE, encoding="utf-8")
    ligetil(root, "update")
    revived = entries(path)["Maden er god."]
    assert not revived.obsolete and not revived.fuzzy and revived.msgstr == "TR: Maden er god."


def test_added_paragraph_arrives_untranslated(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    (root / "content/mad.md").write_text(GUIDE + "\nHelt ny sætning om noget andet her.\n", encoding="utf-8")
    ligetil(root, "update")
    new = entries(path)["Helt ny sætning om noget andet her."]
    assert new.msgstr == "" and not new.fuzzy
    assert len(polib.pofile(str(path)).translated_entries()) == len(entries(path)) - 1


def test_moved_paragraph_keeps_its_translation_and_only_its_location_changes(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    moved = GUIDE.replace("> Maden er god.\n\n", "") + "\n> Maden er god.\n"
    (root / "content/mad.md").write_text(moved, encoding="utf-8")
    ligetil(root, "update")
    entry = entries(path)["Maden er god."]
    assert entry.msgstr == "TR: Maden er god." and not entry.fuzzy
    assert entry.occurrences == [("content/mad.md", "32")]
    assert list(entries(path))[-1] == "Maden er god."  # entries follow source order


def test_duplicated_text_is_one_entry_with_every_location(make_project, ligetil):
    root = make_project({"mad": GUIDE + "\nMaden er god.\n"})
    ligetil(root, "update")
    entry = entries(root / "translations/en/LC_MESSAGES/mad.po")["Maden er god."]
    assert entry.occurrences == [("content/mad.md", "26"), ("content/mad.md", "34")]


def test_translation_memory_fills_exact_matches_and_drafts_near_ones(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    translate_all(root)
    other = (GUIDE + "\nHelt ny tekst.\n").replace("Mad til dig", "Bad til dig").replace("Maden er god.", "Maden er god!")
    (root / "content/bad.md").write_text(other, encoding="utf-8")
    ligetil(root, "update")
    memory = entries(root / "translations/tr/LC_MESSAGES/bad.po")
    exact = memory["Du kan altid tage en pårørende med."]
    assert exact.msgstr == "TR: Du kan altid tage en pårørende med." and not exact.fuzzy
    near = memory["Maden er god!"]
    assert near.fuzzy and near.msgstr == "TR: Maden er god." and near.previous_msgid == "Maden er god."
    assert memory["Helt ny tekst."].msgstr == ""


def test_status_json_counts_and_publishability(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    translate_all(root, "en")
    result = ligetil(root, "status", "--json")
    assert result.code == 0
    rows = {(r["guide"], r["lang"]): r for r in json.loads(result.out)}
    assert rows["mad", "en"]["translated"] == rows["mad", "en"]["entries"] == 16
    assert rows["mad", "en"]["untranslated"] == 0 and rows["mad", "en"]["publishable"] is True
    assert rows["mad", "tr"]["translated"] == 0 and rows["mad", "tr"]["publishable"] is False
    assert rows["mad", "tr"]["words"] == rows["mad", "en"]["reviewed_words"] > 50
    table = ligetil(root, "status")
    assert "mad" in table.out and "publishable" in table.out


def test_translator_flags_and_comments_survive_update(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    ligetil(root, "update")
    path = translate_all(root)
    text = path.read_text(encoding="utf-8").replace(
        '#: content/mad.md:26\n', '#: content/mad.md:26\n#, ligetil-ignore:number-changed\n')
    path.write_text(text, encoding="utf-8")
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    assert ligetil(root, "update").code == 0
    entry = entries(path)["Maden er god."]
    assert entry.flags == ["ligetil-ignore:number-changed", "md-text"]  # the second line had md-text
    assert entry.tcomment == "checked by Ayşe"


def test_update_at_a_later_time_changes_no_byte_even_with_long_notes(make_project, ligetil, monkeypatch):
    note = "<!-- i18n: " + "En lang note til oversætteren om, hvad ordet betyder her. " * 3 + "-->\n"
    root = make_project({"mad": GUIDE.replace("## Sådan får du mad", note + "## Sådan får du mad")})
    ligetil(root, "update")
    translate_all(root)
    before = snapshot(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # a month later
    assert ligetil(root, "update").code == 0
    assert snapshot(root) == before


def test_a_projects_site_words_win_over_ligetils_and_fall_back_to_them(make_project, ligetil):
    settings = SETTINGS.replace('languages = ["en", "tr", "ar", "ur"]', 'languages = ["tr", "pl"]')
    root = make_project({"mad": GUIDE}, settings)
    (root / "content/images").mkdir()
    (root / "content/images/mad.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    assert ligetil(root, "update").code == 0
    site = root / "translations/pl/LC_MESSAGES/_site.po"
    assert (root / "translations/_site.pot").is_file() and site.is_file()
    for lang in ("tr", "pl"):
        po = polib.pofile(str(root / f"translations/{lang}/LC_MESSAGES/mad.po"))
        for entry in po:
            entry.msgstr = entry.msgid
        po.save(str(root / f"translations/{lang}/LC_MESSAGES/mad.po"))
    po = polib.pofile(str(site))
    po.find("Contact").msgstr = "Kontakt"
    po.save(str(site))
    tr_site = root / "translations/tr/LC_MESSAGES/_site.po"
    po = polib.pofile(str(tr_site))
    po.find("Contact").msgstr = "Bize ulaşın"
    po.save(str(tr_site))
    assert ligetil(root, "build", "--format", "html").code == 0
    pl = (root / "output/pl/mad.html").read_text(encoding="utf-8")
    tr = (root / "output/tr/mad.html").read_text(encoding="utf-8")
    assert "Kontakt" in pl and ">Contact<" not in pl
    assert "Opening hours" in pl  # not translated by the project, nor by Ligetil: English
    assert "Bize ulaşın" in tr and "Çalışma saatleri" in tr  # the project's word, then Ligetil's
    assert ligetil(root, "update").code == 0
    assert polib.pofile(str(site)).find("Contact").msgstr == "Kontakt"

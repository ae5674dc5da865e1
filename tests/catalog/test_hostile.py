"""Hostile input to the catalog commands: a clear error, and nothing written."""

from __future__ import annotations

import re

from helpers import GUIDE, snapshot


def updated_project(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    return root


def test_a_50_mb_guide_is_refused_before_parsing(make_project, ligetil):
    root = make_project({"mad": GUIDE + "Ord " * 12_500_000})
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1
    assert "content/mad.md:1: guide is 50,000,6" in result.err and "the limit is 2,000,000" in result.err
    assert snapshot(root) == before


def test_a_path_as_guide_name_is_refused(make_project, ligetil):
    root = updated_project(make_project, ligetil)
    result = ligetil(root, "status", "--lang", "../../etc/passwd")
    assert result.code == 2 and "unknown language '../../etc/passwd'" in result.err


def test_yaml_alias_bomb_is_refused(make_project, ligetil):
    bomb = "---\ntitle: x\na: &a [\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n" \
           "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n# x\n"
    root = make_project({"mad": bomb})
    result = ligetil(root, "extract")
    assert result.code == 1
    assert "content/mad.md:4: front matter is not valid YAML: aliases (*name) are not allowed" in result.err
    assert not (root / "translations").exists()


def test_po_with_broken_plural_header_is_refused(make_project, ligetil):
    root = updated_project(make_project, ligetil)
    po = root / "translations/ar/LC_MESSAGES/mad.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("Plural-Forms: nplurals=6;", "Plural-Forms: nplurals=six;"), encoding="utf-8")
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1
    assert "translations/ar/LC_MESSAGES/mad.po:13: broken Plural-Forms header" in result.err
    assert snapshot(root) == before


def test_po_with_inconsistent_plurals_is_refused(make_project, ligetil):
    root = updated_project(make_project, ligetil)
    po = root / "translations/tr/LC_MESSAGES/mad.po"
    text = po.read_text(encoding="utf-8")
    declared = int(re.search(r"nplurals=(\d+)", text).group(1))  # whatever Babel gave the new catalog
    forms = "".join(f'msgstr[{i}] "gün {i}"\n' for i in range(declared + 1))
    po.write_text(text + f'\nmsgid "en dag"\nmsgid_plural "%d dage"\n{forms}', encoding="utf-8")
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1
    assert "translations/tr/LC_MESSAGES/mad.po:" in result.err
    assert f"entry has {declared + 1} plural forms, the header says nplurals={declared}" in result.err
    assert snapshot(root) == before


def test_catalog_changed_during_update_is_not_overwritten(make_project, ligetil, monkeypatch):
    root = updated_project(make_project, ligetil)
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    po = root / "translations/tr/LC_MESSAGES/mad.po"
    from pipeline.commands import update as update_module
    real_plan = update_module.plan_catalogs

    def plan_then_translator_saves(*args, **kwargs):
        planned = real_plan(*args, **kwargs)
        po.write_text(po.read_text(encoding="utf-8").replace('msgstr ""\n\n#', 'msgstr "çeviri"\n\n#', 1),
                      encoding="utf-8")
        return planned

    monkeypatch.setattr(update_module, "plan_catalogs", plan_then_translator_saves)
    saved = None
    result = ligetil(root, "update")
    saved = po.read_text(encoding="utf-8")
    assert result.code == 1
    assert "translations/tr/LC_MESSAGES/mad.po: changed on disk while ligetil was working" in result.err
    assert 'msgstr "çeviri"' in saved


def test_second_run_waits_then_names_the_lock_holder(make_project, ligetil, monkeypatch):
    import fcntl
    root = updated_project(make_project, ligetil)
    from pipeline import lock
    monkeypatch.setattr(lock, "project_lock", lock.project_lock)
    with open(root / ".ligetil.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.truncate(0)
        held.write("ligetil build (pid 4242)\n")
        held.flush()
        from pipeline.commands import update as update_module
        original = update_module.project_lock
        monkeypatch.setattr(update_module, "project_lock",
                            lambda root_, name: original(root_, name, wait=0.3))
        result = ligetil(root, "update")
    assert result.code == 1
    assert "another run holds the project lock: ligetil build (pid 4242)" in result.err

"""Incremental builds: an output is rendered again only when something it depends on changed."""

from __future__ import annotations

import json
import shutil

import polib
from helpers import build, copy_project, rewritten, run_ligetil, sample_languages, snapshot_with_mtimes

from pipeline.build import state as build_state

STATE = ".ligetil-state.json"


def edit_entry(project, lang: str, slug: str, pick, change) -> str:
    """Change the msgstr of the first entry ``pick`` accepts in one catalog; return its msgid."""
    path = project / "translations" / lang / "LC_MESSAGES" / f"{slug}.po"
    po = polib.pofile(str(path), wrapwidth=79)
    entry = next(e for e in po if e.msgid and not e.obsolete and e.msgstr and pick(e))
    entry.msgstr = change(entry.msgstr)
    po.save(str(path))
    return entry.msgid


def body_paragraph(project, slug: str):
    """Return a test for entries of the guide's body (not its front matter) of a fair length."""
    lines = (project / "content" / f"{slug}.md").read_text("utf-8").split("\n")
    body_line = lines.index("---", 1) + 2
    return lambda entry: len(entry.msgid) > 60 and all(int(line) >= body_line
                                                       for _, line in entry.occurrences)


def test_noop_rebuild_rewrites_nothing(built_html):
    output = built_html / "output"
    before = snapshot_with_mtimes(output)
    result = build(built_html, "--format", "html")
    assert rewritten(before, snapshot_with_mtimes(output)) == set()
    assert result.built == 0 and result.changed == 0
    manifest = json.loads((output / ".ligetil-manifest.json").read_text("utf-8"))["files"]
    assert result.up_to_date == len(manifest) - 1  # all but the state file itself


def test_noop_rebuild_with_pdfs_rewrites_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    first = build(project, "--guide", "madservice", "--lang", "ar")
    assert first.built > 0
    before = snapshot_with_mtimes(project / "output")
    again = build(project, "--guide", "madservice", "--lang", "ar")
    assert rewritten(before, snapshot_with_mtimes(project / "output")) == set()
    assert again.built == 0 and again.up_to_date == first.built + first.up_to_date


def test_one_translation_rebuilds_only_that_page(built_html):
    output = built_html / "output"
    before = snapshot_with_mtimes(output)
    edit_entry(built_html, "tr", "madservice", body_paragraph(built_html, "madservice"), lambda text: text + " 2026")
    result = build(built_html, "--format", "html")
    assert rewritten(before, snapshot_with_mtimes(output)) == {"tr/madservice.html", STATE}
    assert result.built == 1 and result.changed == 1
    assert " 2026" in (output / "tr" / "madservice.html").read_text("utf-8")


def test_a_changed_title_also_rebuilds_its_language_index(built_html):
    output = built_html / "output"
    before = snapshot_with_mtimes(output)
    title = (built_html / "content" / "madservice.md").read_text("utf-8").split("title: ", 1)[1].split("\n")[0]
    edit_entry(built_html, "en", "madservice", lambda e: e.msgid == title.strip().strip('"'),
               lambda text: text + " 2026")
    build(built_html, "--format", "html")
    assert rewritten(before, snapshot_with_mtimes(output)) == {"en/madservice.html", "en/index.html", STATE}


def test_a_changed_source_rebuilds_that_guide_in_every_language(built_html):
    output = built_html / "output"
    guide = built_html / "content" / "madservice.md"
    guide.write_text(guide.read_text("utf-8") + "\nEt nyt afsnit med 12 ord.\n", encoding="utf-8")
    before = snapshot_with_mtimes(output)
    build(built_html, "--format", "html")
    changed = rewritten(before, snapshot_with_mtimes(output)) - {STATE}
    assert {name for name in changed if "madservice" in name} == {f"{lang}/madservice.html" for lang in
                                                                  ("da", *sample_languages())}
    assert not {name for name in changed if name.endswith(".html") and "/" in name
                and "madservice" not in name and not name.endswith("index.html")}


def test_a_changed_template_rebuilds_every_page(built_html, tmp_path, monkeypatch):
    from pipeline.render import ui

    templates = tmp_path / "templates"
    shutil.copytree(ui.TEMPLATE_DIR, templates)
    files = build_state.code_files()
    monkeypatch.setattr(ui, "TEMPLATE_DIR", templates)
    monkeypatch.setattr(build_state, "code_files", lambda: files + sorted(templates.iterdir()))
    ui._environment.cache_clear()
    try:
        build(built_html, "--format", "html")  # the state now knows the copied templates
        output = built_html / "output"
        before = snapshot_with_mtimes(output)
        base = templates / "base.html.j2"
        base.write_text(base.read_text("utf-8").replace("</body>", "<!-- changed -->\n</body>"), "utf-8")
        ui._environment.cache_clear()
        result = build(built_html, "--format", "html")
    finally:
        ui._environment.cache_clear()
    pages = {name for name in before if name.endswith(".html")}
    assert pages and pages <= rewritten(before, snapshot_with_mtimes(output))
    assert all("<!-- changed -->" in (output / name).read_text("utf-8") for name in pages)
    assert result.built >= len(pages)


def test_removed_guide_and_language_remove_their_outputs(built_html):
    output = built_html / "output"
    (built_html / "content" / "madservice.md").unlink()
    result = build(built_html, "--format", "html")
    assert not list(output.rglob("madservice.*")) and result.removed >= 5  # and its images
    settings = built_html / "ligetil.toml"
    settings.write_text(settings.read_text("utf-8").replace('"ur", ', ""), encoding="utf-8")
    assert '"ur"' not in settings.read_text("utf-8")
    build(built_html, "--format", "html")
    assert not (output / "ur").exists()
    state = json.loads((output / STATE).read_text("utf-8"))
    assert not [path for path in state["outputs"] if "madservice" in path or path.startswith("ur/")]


def test_force_renders_everything_but_rewrites_no_equal_file(built_html):
    output = built_html / "output"
    before = snapshot_with_mtimes(output)
    result = build(built_html, "--format", "html", "--force")
    assert result.up_to_date == 0 and result.built > 30
    assert rewritten(before, snapshot_with_mtimes(output)) == set()


def test_a_damaged_or_missing_output_is_made_again(built_html):
    output = built_html / "output"
    (output / "en" / "madservice.html").write_text("broken", encoding="utf-8")
    (output / "tr" / "sprogcenter.html").unlink()
    before = snapshot_with_mtimes(output)
    result = build(built_html, "--format", "html")
    assert rewritten(before, snapshot_with_mtimes(output)) == {"en/madservice.html", "tr/sprogcenter.html"}
    assert result.built == 2


def test_a_broken_state_file_means_a_full_build(built_html):
    output = built_html / "output"
    (output / STATE).write_text("{not json", encoding="utf-8")
    before = snapshot_with_mtimes(output)
    result = build(built_html, "--format", "html")
    assert result.up_to_date == 0
    assert rewritten(before, snapshot_with_mtimes(output)) == {STATE}


def test_two_jobs_give_the_same_bytes_as_one(tmp_path):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    build(one, "--guide", "madservice", "--jobs", "1")  # indexes and fonts cover all guides
    build(two, "--guide", "madservice", "--jobs", "2")
    first, second = snapshot_with_mtimes(one / "output"), snapshot_with_mtimes(two / "output")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name][1] != second[name][1]] == []


def test_an_image_turned_into_a_link_outside_content_fails_even_for_an_up_to_date_page(built_html, tmp_path):
    images = sorted((built_html / "content" / "images").iterdir())
    secret = tmp_path / "secret.svg"
    secret.write_bytes(images[0].read_bytes())  # same bytes: only the link gives it away
    images[0].unlink()
    images[0].symlink_to(secret)
    result = run_ligetil(built_html, "build", "--format", "html")
    assert result.code == 1, result.out + result.err
    message = f"content/{images[0].stem}.md:"
    assert message in result.err and "is a link to a file outside content/" in result.err, result.err

"""The publish rule in built pages: no fuzzy text by default, marked drafts in a preview,
fallback text marked lang="da" with a notice, and no stale files."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from helpers import rewrite_catalogs, run_build, run_ligetil


def all_html(output: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(output.rglob("*.html")))


def drafts_of(project: Path) -> list[str]:
    found = []
    for path in sorted((project / "translations").glob("*/LC_MESSAGES/*.po")):
        found += [e.msgstr for e in polib.pofile(str(path)) if "fuzzy" in e.flags and e.msgstr]
    return found


def test_default_build_never_shows_a_fuzzy_msgstr(partial_project):
    output = run_build(partial_project, "--format", "html")
    html = all_html(output)
    drafts = drafts_of(partial_project)
    assert drafts
    for draft in drafts:
        assert draft.split(" ", 2)[1] and f"DRAFT {draft.split(' ', 2)[1]} " not in html
    assert "data-draft" not in html


def test_preview_stamps_every_page_and_marks_every_draft(partial_project):
    output = run_build(partial_project, "--format", "html", "--preview")
    for path in sorted(output.rglob("*.html")):
        assert 'class="preview-stamp"' in path.read_text("utf-8"), path
    html = re.sub(r"<title>.*?</title>", "", all_html(output))  # a <title> cannot carry a mark,
    html = re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)  # nor the search's data
    drafts = drafts_of(partial_project)
    assert drafts, "the partial project has no fuzzy drafts to show"
    for draft in drafts:
        number = draft.split(" ", 2)[1]
        marked = re.findall(rf'class="[^"]*draft" data-draft="[^"]+"[^>]*>DRAFT {number} ', html)
        unmarked = re.findall(rf'DRAFT {number} ', html)
        assert unmarked, f"the preview does not show the draft {draft!r}"
        assert len(marked) == len(unmarked), draft  # every place it appears is marked


def test_fallback_text_is_marked_danish_with_a_notice(partial_project):
    output = run_build(partial_project, "--format", "html")
    untranslated = polib.pofile(str(partial_project / "translations/tr/LC_MESSAGES/madservice.po"))
    missing = [e.msgid for e in untranslated if not e.msgstr and not e.obsolete]
    page = (output / "tr" / "madservice.html").read_text("utf-8")
    assert 'class="notice notice-fallback"' in page
    assert "henüz çevrilmedi" in page  # the notice is in the reader's language (Turkish)
    assert re.search(r'<(p|li|h\d|td|th|dd)[^>]* lang="da"[^>]*>', page)
    # the block keeps the page's direction; a label in Turkish, then its text isolated as LTR
    blocks = re.findall(r'<(?:p|li|h\d|td|th|span)[^>]*class="fallback"[^>]*>(.*?)</', page, re.S)
    assert blocks
    for inside in blocks:
        assert inside == '<span class="fallback-label" dir="ltr" lang="tr">Danca', inside
    assert page.count('class="fallback-text" dir="ltr"') >= len(blocks)
    assert missing


def test_below_min_reviewed_a_language_is_not_published(project):
    rewrite_catalogs(project, lambda entry, lang: setattr(entry, "msgstr", ""))
    output = run_build(project, "--format", "html")
    assert not (output / "tr").exists()
    assert (output / "da" / "madservice.html").is_file()


def test_removed_guide_and_language_leave_no_stale_files(project):
    output = run_build(project, "--format", "html")
    (output / "notes.txt").write_text("mine", encoding="utf-8")  # not made by ligetil: kept
    (project / "content" / "madservice.md").unlink()
    output = run_build(project, "--format", "html")
    assert not list(output.rglob("madservice.html"))
    assert (output / "notes.txt").is_file()


def test_raw_html_in_a_msgstr_is_published_as_untranslated(project):
    def change(entry, lang):
        entry.msgstr = entry.msgid + ' <script>alert(1)</script>' if lang == "en" else entry.msgstr
        entry.flags = [f for f in entry.flags if f != "fuzzy"] if lang == "en" else entry.flags
    rewrite_catalogs(project, change)
    output = run_build(project, "--format", "html")
    html = all_html(output)
    assert "alert(1)" not in html  # the search's data (JSON) escapes it too: \u003cscript\u003e
    assert set(re.findall(r"<script\b[^>]*>", html)) == {  # only the language indexes' own
        '<script src="../static/search.js" defer>', '<script type="application/json" id="guide-search-index">'}


def test_image_outside_content_fails_with_guide_and_line(project):
    guide = project / "content" / "madservice.md"
    guide.write_text(guide.read_text("utf-8") + "\n![Et billede](../../secret.png)\n", encoding="utf-8")
    result = run_ligetil(project, "build", "--format", "html")
    assert result.code == 1, result.out + result.err
    assert re.search(r"^content/madservice\.md:\d+: image '../../secret.png' is outside content/",
                     result.err, re.MULTILINE), result.err

"""An entry with a QA error is not published, and the build says so with its place."""

from __future__ import annotations

import json

import polib
from helpers import run_ligetil, sample_languages


def test_translation_with_a_changed_link_is_withheld_and_reported(built_html):
    path = built_html / "translations/tr/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if "](https://" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("](https://", "](https://evil.example/")
    po.save(str(path))
    line = polib.pofile(str(path)).find(entry.msgid).linenum
    result = run_ligetil(built_html, "build", "--format", "html")
    assert result.code == 0, result.out + result.err
    assert (f"translations/tr/LC_MESSAGES/madservice.po:{line}: not published: `ligetil check` finds "
            "an error in this translation; the da text is shown") in result.err
    page = (built_html / "output/tr/madservice.html").read_text(encoding="utf-8")
    assert "evil.example" not in page


def _break_entries(path, count: int) -> list[int]:
    """Put raw HTML (a check error) into ``count`` reviewed entries; return their lines."""
    po = polib.pofile(str(path))
    broken = [e for e in po if e.translated() and not e.obsolete and e.msgid][:count]
    assert len(broken) == count, f"{path} has fewer than {count} reviewed entries"
    for entry in broken:
        entry.msgstr += " <b>x</b>"
    po.save(str(path))
    return [polib.pofile(str(path)).find(e.msgid).linenum for e in broken]


def test_status_says_publishable_exactly_when_the_build_publishes(built_html):
    settings = built_html / "ligetil.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("min_reviewed = 0.8", "min_reviewed = 1.0"),
                        encoding="utf-8")
    catalog = built_html / "translations/ar/LC_MESSAGES/madservice.po"
    lines = _break_entries(catalog, 2)
    status = run_ligetil(built_html, "status", "--json")
    assert status.code == 0, status.err
    rows = [row for row in json.loads(status.out) if row["guide"] != "_site"]
    result = run_ligetil(built_html, "build", "--format", "html")
    assert result.code == 0, result.err
    withheld = [row for row in rows if not row["publishable"]]
    assert {(r["lang"], r["guide"]) for r in withheld} >= {("ar", "madservice")}
    assert len(rows) == 6 * len(sample_languages())
    for row in rows:
        page = built_html / "output" / row["lang"] / f"{row['guide']}.html"
        assert page.is_file() == row["publishable"], row
    for row in withheld:
        assert f"{row['catalog']}: not published in {row['lang']}: " in result.err, row
    assert "ar/LC_MESSAGES/madservice.po: not published in ar: " in result.err
    assert "after 2 entries with check errors, below publish.min_reviewed = 100%" in result.err
    assert all(f"madservice.po:{line}: not published" in result.err for line in lines)
    again = run_ligetil(built_html, "build", "--format", "html")
    assert "ar/LC_MESSAGES/madservice.po: not published in ar: " in again.err  # said on every build

"""An entry with a QA error is not published, and the build says so with its place."""

from __future__ import annotations

import polib
from helpers import run_ligetil


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

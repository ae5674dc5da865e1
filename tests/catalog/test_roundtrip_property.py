"""Any catalog GNU msgfmt accepts goes through parse → merge → msgcat with every field intact.

(An obsolete entry with no translation holds nothing of a translator's and may go.)
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import polib
from helpers import GUIDE
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.catalog.memory import TranslationMemory
from pipeline.catalog.merge import merge
from pipeline.catalog.pofile import format_catalog, parse_catalog
from pipeline.catalog.template import MARKDOWN_FLAG, build_template
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment

SEGMENTS = segment(parse_guide(GUIDE.encode("utf-8"), "mad", "content/mad.md"))
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")
               | st.sampled_from(list('\t\n"\\ \u2066\u2069#~|')), max_size=90)
FLAG = st.sampled_from(["ligetil-ignore:number-changed", "ligetil-ignore:end-punctuation",
                        "ligetil-ignore:identical", "ligetil-ignore:length-ratio", "no-wrap"])
# A comment line ending in a backslash joins the next line for gettext; it is refused (test_trust).
COMMENT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120).map(
    lambda text: text.strip().rstrip("\\").strip())


def template() -> polib.POFile:
    guide = parse_guide(GUIDE.encode("utf-8"), "mad", "content/mad.md")
    return build_template(guide, SEGMENTS, "Testkommune", None)


def msgfmt_accepts(text: str) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.po"
        path.write_text(text, encoding="utf-8")
        return subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0


def fields(entry: polib.POEntry) -> tuple:
    """Return what a translator wrote; md-text is the template's, checked on its own."""
    own = sorted(f for f in entry.flags if f != MARKDOWN_FLAG)
    return (entry.msgid, entry.msgstr, entry.obsolete, own, (entry.tcomment or "").strip(), entry.previous_msgid)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXT, st.lists(FLAG, unique=True, max_size=3), COMMENT), min_size=3, max_size=3),
       st.lists(st.tuples(TEXT.filter(str.strip), TEXT.filter(str.strip), TEXT), max_size=3,
                unique_by=lambda t: t[0]))
def test_every_field_survives_an_update(active, obsolete):
    po = polib.POFile(wrapwidth=79)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "tr",
                   "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    msgids = [e.msgid for e in template() if e.msgid][:3]
    for msgid, (msgstr, flags, comment) in zip(msgids, active):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), tcomment=comment or None))
    for msgid, msgstr, previous in obsolete:
        assume(msgid not in {e.msgid for e in template()})
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, obsolete=True, flags=["fuzzy"],
                                previous_msgid=previous or None))
    text = str(po) + "\n"
    assume(msgfmt_accepts(text))
    before = {e.msgid: fields(e) for e in parse_catalog(text, "x.po")}
    merged, _ = merge(template(), parse_catalog(text, "x.po"), TranslationMemory({}), origin="mad")
    after = {e.msgid: fields(e) for e in parse_catalog(format_catalog(merged, "x.po"), "x.po")}
    for msgid, kept in before.items():
        assert after[msgid] == kept
    written = parse_catalog(format_catalog(merged, "x.po"), "x.po")
    assert {e.msgid: MARKDOWN_FLAG in e.flags for e in written if not e.obsolete} == \
        {e.msgid: MARKDOWN_FLAG in e.flags for e in template() if e.msgid}

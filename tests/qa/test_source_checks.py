"""Each source check: one failing and one passing guide."""

from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.qa import check_source
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment

FRONT = "---\ntitle: Prøve\n---\n"
LONG = " ".join(["ord"] * 30) + "."
HARD = "Kommunalbestyrelsens administrationsgrundlag forudsætter dokumentationsmateriale. " * 3

# code, a guide body that fails, a guide body that passes
CASES = [
    ("missing-alt", "# T\n\n![](kort.png)\n", "# T\n\n![Kort over Brønshøj](kort.png)\n"),
    ("heading-skip", "# T\n\nTekst.\n\n### Under\n\nTekst.\n", "# T\n\nTekst.\n\n## Under\n\nTekst.\n"),
    ("multiple-h1", "# T\n\nTekst.\n\n# Igen\n\nTekst.\n", "# T\n\nTekst.\n\n## Igen\n\nTekst.\n"),
    ("vague-link-text", "# T\n\nLæs om mad [her](https://kk.dk).\n",
     "# T\n\nLæs om [madservice i København](https://kk.dk).\n"),
    ("vague-link-text", "# T\n\n[Klik her](https://kk.dk) for at søge.\n",
     "# T\n\n[Søg om madservice](https://kk.dk).\n"),
    ("vague-link-text", "# T\n\n[Læs mere](https://kk.dk)\n", "# T\n\n[Læs mere om priser](https://kk.dk)\n"),
    ("long-sentence", f"# T\n\n{LONG}\n", "# T\n\nEn kort sætning. Og en til.\n"),
    ("lix-high", f"# T\n\n{HARD}\n", "# T\n\nDu får mad. Den er god. Vi kommer hver dag.\n"),
    ("empty-section", "# T\n\nTekst.\n\n## Tom\n\n## Næste\n\nTekst.\n",
     "# T\n\nTekst.\n\n## Fuld\n\nTekst.\n\n## Næste\n\nTekst.\n"),
    ("empty-section", "# T\n\nTekst.\n\n## Sidst\n", "# T\n\n## Med under\n\n### Under\n\nTekst.\n"),
]


def findings(text: str, settings: Settings) -> list:
    guide = parse_guide(text.encode("utf-8"), "proeve", "content/proeve.md")
    return check_source(guide, segment(guide), settings)


def codes(text: str, settings: Settings) -> set[str]:
    return {i.code for i in findings(text, settings)}


@pytest.mark.parametrize(("code", "bad", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_source_check_fails_and_passes(code: str, bad: str, good: str, settings: Settings) -> None:
    assert code in codes(FRONT + bad, settings)
    assert code not in codes(FRONT + good, settings)


def test_unknown_front_matter_keys(settings: Settings) -> None:
    bad = "---\ntitle: Prøve\nsumary: Kort\ncontact:\n  fax: '12'\n---\n# T\n\nTekst.\n"
    found = [(i.location.line, i.code) for i in findings(bad, settings) if i.code == "unknown-meta"]
    assert found == [(3, "unknown-meta"), (5, "unknown-meta")]
    good = "---\ntitle: Prøve\nsummary: Kort\ncontact:\n  phone: '12'\n---\n# T\n\nTekst.\n"
    assert "unknown-meta" not in codes(good, settings)


def test_lix_is_reported_for_every_guide(settings: Settings) -> None:
    [lix] = [i for i in findings(FRONT + "# T\n\nDu får mad. Den er god.\n", settings) if i.code == "lix"]
    assert lix.severity == "info" and lix.message.startswith("LIX ")


def test_findings_point_at_the_source_line(settings: Settings) -> None:
    [issue] = [i for i in findings(FRONT + "# T\n\nTekst.\n\n![](kort.png)\n", settings)
               if i.code == "missing-alt"]
    assert str(issue).startswith("content/proeve.md:8: error missing-alt: ")


def test_thresholds_come_from_settings(make_settings) -> None:
    text = FRONT + "# T\n\n" + " ".join(["ord"] * 12) + ".\n"
    assert "long-sentence" in codes(text, make_settings(max_sentence_words=10))
    assert "lix-high" in codes(text, make_settings(lix_max=5))
    assert "lix-high" not in codes(text, make_settings())


def test_disabled_source_checks_are_skipped(make_settings) -> None:
    assert "lix" not in codes(FRONT + "# T\n\nTekst.\n", make_settings(disabled=("lix",)))


def test_a_flyer_section_the_guide_lacks_is_an_error_at_the_key(settings: Settings) -> None:
    body = "# T\n\nTekst.\n\n## Priser\n\nTekst.\n\n## Kontakt os {#kontakt}\n\nTekst.\n"
    bad = f"---\ntitle: Prøve\nflyer:\n  - Priser\n  - Åbningstider\n  - '#kontakt'\n---\n{body}"
    [issue] = [i for i in findings(bad, settings) if i.code == "flyer-section"]
    assert issue.severity == "error" and issue.location.line == 3
    assert issue.message == ("flyer: 'Åbningstider' is no section of this guide "
                             "(its section ids: 'priser', 'kontakt')")
    good = f"---\ntitle: Prøve\nflyer:\n  - Priser\n  - '#kontakt'\n---\n{body}"
    assert "flyer-section" not in codes(good, settings)


def test_the_check_and_the_flyer_agree_on_section_ids(settings: Settings) -> None:
    """A name the check accepts is one the flyer finds in the rendered page (same ids, one owner)."""
    from pipeline.render.sheet import marked_body
    from pipeline.source.sections import source_sections
    body = "# T\n\nTekst.\n\n## Hvem kan få mad?\n\nA.\n\n## Priser\n\nB.\n\n## Priser\n\nC.\n"
    names = ["Hvem kan få mad?", "#priser_1"]
    assert source_sections(body, names)[0] == []
    from pipeline.source.markdown_engine import render_markdown
    printed = marked_body(render_markdown(body), names, "content/x.md", 3)
    assert "A." in printed and "C." in printed and "B." not in printed

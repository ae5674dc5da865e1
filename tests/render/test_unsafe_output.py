"""What must never reach a published page, even when a check was bypassed."""

from __future__ import annotations

import pytest

from pipeline.source.markdown_engine import render_markdown


@pytest.mark.parametrize("target", [
    "javascript&#58;alert(1)", "javascript&colon;alert(1)", "javascript&#x3a;alert(1)",
    "data&colon;text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "java&#x09;script:alert(1)",
    "JaVaScRiPt:alert(1)",
])
def test_a_link_whose_decoded_scheme_is_unsafe_loses_its_target(target: str) -> None:
    html = render_markdown(f"Læs [mere]({target}) her.")
    assert "<a" in html and "href" not in html, html


@pytest.mark.parametrize("target", ["https://www.borger.dk/", "mailto:a@kk.dk", "tel:+4512345678",
                                    "#priser", "images/mad.svg"])
def test_safe_link_targets_are_kept(target: str) -> None:
    assert f'href="{target}"' in render_markdown(f"[mere]({target})")


def test_pages_forbid_scripts_and_carry_no_translator_notes(built_site) -> None:
    pages = sorted(built_site.glob("*/*.html"))
    assert len(pages) >= 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # a language index runs its own search script (static/search.js), and nothing else
        assert ("script-src 'self';" if page.name == "index.html" else "script-src 'none';") in text, page
        assert "script-src 'unsafe" not in text, page
        assert "i18n:" not in text and "<!--" not in text, page


def test_the_last_gate_drops_what_markdown_let_through() -> None:
    from pipeline.render.sanitize import sanitize_body

    dirty = ('<p onclick="x()">Hej <a href="javascript:alert(1)">her</a><script>alert(1)</script>'
             '<img src="data:text/html,x" alt="a"><span lang="da" dir="ltr" class="fallback">tekst</span></p>')
    clean = sanitize_body(dirty)
    assert "onclick" not in clean and "javascript" not in clean and "<script" not in clean
    assert "data:" not in clean and '<span lang="da" dir="ltr" class="fallback">tekst</span>' in clean

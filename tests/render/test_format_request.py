"""Each page says where to ask for the guide in another format: the settings' address, else its contact."""

from __future__ import annotations

import re

from helpers import run_build


REQUEST = re.compile(r'<p class="format-request">([^<]+) <a href="([^"]+)" dir="ltr">([^<]+)</a></p>')


def _guide_pages(output):
    return sorted(p for p in output.glob("*/*.html") if p.name != "index.html")


def test_every_sample_page_asks_its_guides_contact(built_site):
    pages = _guide_pages(built_site)
    assert pages
    for path in pages:
        html = path.read_text("utf-8")
        found = REQUEST.search(html)
        assert found, path
        sentence, href, text = found.groups()
        email = re.search(r'<dd><a href="mailto:([^"]+)"', html)
        phone = re.search(r'<dd><a href="(tel:[^"]+)" dir="ltr">([^<]+)</a>', html)
        if email:
            assert (href, text) == (f"mailto:{email.group(1)}", email.group(1)), path
        else:
            assert phone and (href, text) == phone.groups(), path
        english = "Do you need this guide in another format, for example Braille? Ask us:"
        assert (sentence == english) == (path.parent.name == "en"), (path, sentence)  # in the page's language


def test_the_settings_address_is_asked_on_every_page(project):
    settings = project / "ligetil.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "[site]\n", '[site]\nformat_requests = "tel:+4533663366"\n'), encoding="utf-8")
    output = run_build(project, "--lang", "ar", "--format", "html")
    pages = [p for p in _guide_pages(output) if p.parent.name == "ar"]
    assert pages
    for path in pages:
        found = REQUEST.search(path.read_text("utf-8"))
        assert found and found.group(2, 3) == ("tel:+4533663366", "+4533663366"), path
        assert found.group(1) == "هل تحتاج إلى هذا الدليل بصيغة أخرى، مثل طريقة برايل؟ اسألنا:"

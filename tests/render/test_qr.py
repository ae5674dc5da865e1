"""QR codes: drawn once per machine (the user cache), and again when the drawing changes."""

from __future__ import annotations

from pipeline.render import qr


def test_a_code_comes_from_the_cache_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    first = qr.qr_svg("https://example.org/da/madservice.html", "Scan to read online")
    assert first.startswith("<svg ") and 'aria-label="Scan to read online"' in first
    monkeypatch.setattr("segno.make", lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError("drawn again")))
    assert qr.qr_svg("https://example.org/da/madservice.html", "Scan to read online") == first


def test_another_drawing_of_the_code_is_not_served_from_the_cache(tmp_path, monkeypatch):
    """An upgrade that draws codes otherwise (a border, a class, the label) must not print the old ones."""
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path))
    old = qr.qr_svg("https://example.org/da/madservice.html", "Scan to read online")
    drawn = qr._draw

    def bordered(url: str, title: str) -> str:
        return drawn(url, title).replace('class="qr-code"', 'class="qr-code bordered"')

    monkeypatch.setattr(qr, "_draw", bordered)
    new = qr.qr_svg("https://example.org/da/madservice.html", "Scan to read online")
    assert new != old and "bordered" in new

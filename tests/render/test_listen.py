"""Listen: each guide spoken as published, with a chapter per h1/h2, and a player on its page."""

from __future__ import annotations

import array
import re
import subprocess
from pathlib import Path

import pytest
from helpers import AXE_TAGS, copy_project, run_build, run_ligetil

from pipeline.render.speech.engine import Espeak, parse_voices
from pipeline.render.speech.narrate import BLOCK_PAUSE, CHAPTER_PAUSE, chapters_vtt, narrate
from pipeline.render.speech.numbers import spoken_numbers
from pipeline.render.speech.script import Chapter, Utterance, mark_script, page_blocks


SPOKEN = ("da", "en", "ar", "ur")
SILENT = ("so", "ti")  # espeak-ng has no Somali or Tigrinya voice
RATE = 22050
SECONDS_PER_WORD = {}  # filled by the tests, printed at the end (pytest -s) for the report


@pytest.fixture(scope="module")
def listened(tmp_path_factory) -> Path:
    """Build one sample guide's pages, audio and chapters in every language; return output/."""
    project = copy_project(tmp_path_factory.mktemp("listen"))
    return run_build(project, "--format", "html,audio,chapters", "--guide", "madservice")


def cue_starts(vtt: str) -> list[float]:
    """Return the start of every cue of a WebVTT file, in seconds."""
    return [sum(float(part) * unit for part, unit in zip(stamp.split(":"), (3600, 60, 1)))
            for stamp in re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) -->", vtt, re.M)]


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def decoded(path: Path) -> array.array:
    """Decode an audio file with ffmpeg to mono 16-bit samples."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                           "-ar", str(RATE), "pipe:1"], capture_output=True, check=True)
    return array.array("h", done.stdout)


def peak(samples: array.array, start: float, end: float) -> int:
    return max((abs(v) for v in samples[int(start * RATE):int(end * RATE)]), default=0)


@pytest.mark.parametrize("lang", SPOKEN)
def test_audio_decodes_and_its_length_fits_its_words(listened, lang):
    mp3 = listened / lang / "madservice.mp3"
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name",
                            "-of", "default=nw=1", str(mp3)], capture_output=True, text=True, check=True).stdout
    assert "codec_name=mp3" in probe
    seconds = float(re.search(r"duration=([\d.]+)", probe).group(1))
    words = sum(len(text.split()) for _, _, text in page_blocks(article((listened / lang / "madservice.html")
                                                                        .read_text("utf-8")), lang))
    SECONDS_PER_WORD[lang] = (round(seconds, 1), words, round(seconds / words, 3))
    assert 0.2 < seconds / words < 0.9, (lang, seconds, words)


@pytest.mark.parametrize("lang", SPOKEN)
def test_one_chapter_per_heading_starting_where_its_audio_does(listened, lang):
    html = article((listened / lang / "madservice.html").read_text("utf-8"))
    starts = cue_starts((listened / lang / "madservice.chapters.vtt").read_text("utf-8"))
    assert len(starts) == len(re.findall(r"<h[12][ >]", html)) > 2
    samples = decoded(listened / lang / "madservice.mp3")
    for start in starts[1:]:  # a chapter begins after the pause before it, at its heading's first sound
        assert peak(samples, start - BLOCK_PAUSE - CHAPTER_PAUSE + 0.1, start - 0.02) < 300, (lang, start)
        assert peak(samples, start, start + 0.15) > 1000, (lang, start)


def test_chapter_starts_equal_the_engine_reported_lengths():
    engine, reported = Espeak(), []

    class Recording:
        def voice(self, lang):
            return engine.voice(lang)

        def speak(self, text, lang):
            reported.append(engine.speak(text, lang).seconds)
            return engine.speak(text, lang)

    script = (Chapter("Velkommen", (Utterance("Velkommen", "da"), Utterance("Ring på +45 12 34 56 78.", "da"))),
              Chapter("Welcome", (Utterance("Welcome", "en"),)),
              Chapter("Slut", (Utterance("Slut", "da"), Utterance("Tak.", "da"))))
    narration = narrate(script, Recording())
    expected = [0.0, reported[0] + reported[1] + 2 * BLOCK_PAUSE + CHAPTER_PAUSE]
    expected.append(expected[1] + reported[2] + BLOCK_PAUSE + CHAPTER_PAUSE)
    for got, want in zip(cue_starts(chapters_vtt(narration)), expected, strict=True):
        assert abs(got - want) <= 0.05


@pytest.mark.parametrize("lang", SILENT)
def test_a_language_without_a_voice_gets_no_audio_and_no_player(listened, lang):
    assert not (listened / lang / "madservice.mp3").exists()
    assert not (listened / lang / "madservice.chapters.vtt").exists()
    html = (listened / lang / "madservice.html").read_text("utf-8")
    assert "<audio" not in html and ".mp3" not in html


@pytest.mark.parametrize("lang", SPOKEN)
def test_the_page_has_a_player_with_chapters_and_size(listened, lang):
    html = (listened / lang / "madservice.html").read_text("utf-8")
    assert re.search(r'<audio controls [^>]*src="madservice.mp3"', html)
    assert f'<track kind="chapters" src="madservice.chapters.vtt" srclang="{lang}"' in html
    assert re.search(r'id="listen-label">[^<]*\(\d[\d.,]* [kM]B\)</p>', html)


def test_pages_with_the_player_have_no_axe_violations(listened, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe, found, page = Axe(), {}, browser.new_page()
    for lang in SPOKEN:
        page.goto((listened / lang / "madservice.html").as_uri())
        assert page.locator("audio[controls]").count() == 1
        violations = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
        if violations:
            found[lang] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
        for _ in range(40):  # the keyboard alone reaches the player
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "AUDIO":
                break
        else:
            found[lang] = "Tab never reaches the player"
    page.close()
    assert found == {}


def test_fallback_blocks_are_spoken_in_the_source_language():
    marked = mark_script('<h1>Title</h1><p>Translated</p><p lang="da" class="fallback">Ikke oversat '
                         '<span lang="en">inline</span></p><ul><li>One<ul><li lang="da">To</li></ul></li></ul>', "en")
    assert [(b.tag, b.lang, b.text) for b in marked.blocks] == [
        ("h1", "en", "Title"), ("p", "en", "Translated"), ("p", "da", "Ikke oversat inline"),
        ("li", "en", "One"), ("li", "da", "To")]
    assert [(u.text, u.lang) for u in marked.blocks[2].utterances] == [("Ikke oversat", "da"), ("inline", "en")]
    assert [c.title for c in marked.script] == ["Title"]


def test_phone_numbers_are_spoken_digit_by_digit_and_dates_are_not():
    assert spoken_numbers("Ring +45 12 34 56 78.", "da") == "Ring +4 5, 1 2, 3 4, 5 6, 7 8."
    assert spoken_numbers("70 00 00 00", "da") == "7 0, 0 0, 0 0, 0 0"
    assert spoken_numbers("3.200 borgere, 2026-11-01, kl. 8-15", "da") == "3.200 borgere, 2026-11-01, kl. 8-15"


@pytest.mark.parametrize(("lang", "written", "said"), [
    ("da", "Mandag–fredag kl. 8.00–15.00.", "Mandag–fredag kl. 8, 15."),
    ("da", "Kom kl. 8.30 eller 17.45. Det koster 3.200 kr. eller 1,5 kr.",
     "Kom kl. 8:30 eller 17:45. Det koster 3.200 kr. eller 1,5 kr."),
    ("da", "Ansøg senest den 1.12. Lukket den 24.12. og 1.12–5.12.",  # dates: said as written
     "Ansøg senest den 1.12. Lukket den 24.12. og 1.12–5.12."),
    ("en", "Use version 2.10–2.15 of the app; it holds 0.45 l.", "Use version 2.10–2.15 of the app; it holds 0.45 l."),
    ("en", "Monday to Friday, 8.00–15.30. It costs DKK 12.50. Come at 8:00.",
     "Monday to Friday, 8, 15:30. It costs DKK 12.50. Come at 8."),
    ("en", "It costs DKK 12.00.", "It costs DKK 12."),  # "." is the English decimal sign
    ("ar", "من ٨٫٠٠–١٥٫٠٠ أو 8.00–15.00", "من 8, 15 أو 8, 15"),
    ("ur", "پیر تا جمعہ 8.00–15.00 بجے", "پیر تا جمعہ 8, 15 بجے"),
    ("ar", "اتصل بنا قبل الساعة 12.00 من اليوم السابق.", "اتصل بنا قبل الساعة 12 من اليوم السابق."),
])
def test_clock_times_are_said_as_times_not_as_decimals(lang, written, said):
    assert spoken_numbers(written, lang) == said


def test_voices_never_come_from_another_language():
    listing = ("Pty Language Age/Gender VoiceName File Other Languages\n"
               " 5  en-029  --/M  English_(Caribbean) gmw/en-029  (en 10)\n"
               " 2  en-gb   --/M  English_(Great_Britain) gmw/en  (en 2)\n"
               " 5  nb      --/M  Norwegian_Bokmål gmq/nb  (no 5)\n"
               " 5  da      --/M  Danish gmq/da\n")
    voices = parse_voices(listing)
    assert (voices["en"], voices["no"], voices["da"]) == ("en-gb", "nb", "da")
    assert "so" not in voices and "ti" not in voices


def test_doctor_lists_the_languages_without_a_voice(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_ligetil(project, "doctor")
    assert "no voice (no audio, no player): so, ti" in result.out
    assert {"espeak-ng", "ffmpeg"} <= set(run_ligetil(project, "doctor", "--packages").out.split())


def test_the_player_loads_its_audio_and_chapters_under_the_page_csp(listened, browser):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(listened))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:  # over HTTP: a file: page may not load a track file (each file: URL is its own origin)
        page.goto(f"http://127.0.0.1:{server.server_port}/en/madservice.html")
        duration, cues, second = page.evaluate("""() => new Promise(done => {
            const audio = document.querySelector('audio'), track = audio.textTracks[0];
            track.mode = 'hidden';
            const check = () => track.cues && track.cues.length && audio.readyState >= 1
                ? done([audio.duration, track.cues.length, track.cues[1].startTime]) : setTimeout(check, 100);
            audio.preload = 'metadata'; audio.load(); check(); })""")
    finally:
        page.close()
        server.shutdown()
    starts = cue_starts((listened / "en" / "madservice.chapters.vtt").read_text("utf-8"))
    assert cues == len(starts) and abs(second - starts[1]) < 0.001 and duration > 60


def probe_seconds(path: Path) -> float:
    """Return an audio file's duration as ffprobe decodes it."""
    return float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                 str(path)], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("lang", ["da", "en", "tr", "ar", "ur"])
def test_every_sample_guide_is_spoken_with_its_chapters(built_site, lang):
    pages = sorted(p for p in (built_site / lang).glob("*.html") if p.name != "index.html")
    assert len(pages) == 6
    for page in pages:
        html = article(page.read_text("utf-8"))
        words = sum(len(text.split()) for _, _, text in page_blocks(html, lang))
        seconds = probe_seconds(page.with_suffix(".mp3"))
        assert 0.2 < seconds / words < 0.9, (page, seconds, words)
        vtt = page.with_name(page.stem + ".chapters.vtt").read_text("utf-8")
        assert len(cue_starts(vtt)) == len(re.findall(r"<h[12][ >]", html)), page

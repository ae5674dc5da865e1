"""Listen with Piper: a voice installed from its files speaks its language; removing it brings espeak-ng back."""

from __future__ import annotations

import array
import io
import json
import re
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
import tiny_voice
from helpers import GUIDE, SETTINGS, run_build, run_ligetil

from pipeline.render.speech.choice import RATE, Chosen, resample
from pipeline.render.speech.engine import Espeak
from pipeline.render.speech.narrate import BLOCK_PAUSE, CHAPTER_PAUSE, chapters_vtt, narrate
from pipeline.render.speech.piper_engine import Piper
from pipeline.render.speech.script import Chapter, Utterance
from pipeline.render.speech.voices import InstalledVoice, voice_for


VOICE = "da_DK-tiny-x_low"


@pytest.fixture
def voices(tmp_path, monkeypatch) -> Path:
    """An empty voice folder of this test's own (the build reads it through the environment)."""
    folder = tmp_path / "voices"
    monkeypatch.setenv("LIGETIL_VOICES_DIR", str(folder))
    return folder


@pytest.fixture
def small(make_project) -> Path:
    """A project of one short Danish guide, spoken in Danish only."""
    return make_project({"mad": GUIDE.replace("![En tallerken med mad](images/mad.svg)\n", "")}, SETTINGS.replace('["en", "tr", "ar", "ur"]', '["en"]'))


def probe(path: Path) -> dict[str, str]:
    """Return ffprobe's codec, sample rate and duration of an audio file."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name,sample_rate",
                          "-of", "default=nw=1", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in out.split())


def decoded(path: Path) -> np.ndarray:
    """Decode an audio file with ffmpeg to mono 16-bit samples at the narration's rate."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                           "-ar", str(RATE), "pipe:1"], capture_output=True, check=True)
    return np.array(array.array("h", done.stdout), dtype=float)


def dominant_hz(samples: np.ndarray, start: float) -> float:
    """Return the strongest frequency of the half second after ``start``."""
    part = samples[int(start * RATE):int((start + 0.5) * RATE)]
    spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part))))
    return float(np.fft.rfftfreq(len(part), 1 / RATE)[spectrum.argmax()])


def cue_starts(vtt: str) -> list[float]:
    """Return the start of every cue of a WebVTT file, in seconds."""
    return [sum(float(part) * unit for part, unit in zip(stamp.split(":"), (3600, 60, 1)))
            for stamp in re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) -->", vtt, re.M)]


def speech_of(project: Path) -> dict[str, str]:
    """Return doctor's engine and voice per language."""
    return {r["lang"]: r["speech"] for r in json.loads(run_ligetil(project, "doctor", "--json").out)["languages"]}


def test_an_installed_voice_speaks_its_language_and_removing_it_falls_back(small, voices, tmp_path):
    model = tiny_voice.build_voice(tmp_path / "download", VOICE)
    installed = run_ligetil(small, "models", "install-voice", str(model))
    assert installed.code == 0 and f"installed voice {VOICE} (da_DK, 16000 Hz)" in installed.out, installed.err
    assert {p.name for p in voices.iterdir()} == {f"{VOICE}.onnx", f"{VOICE}.onnx.json"}
    listed = run_ligetil(small, "models", "list").out
    assert f"  {VOICE}  da_DK, 16000 Hz" in listed and f"da: speech piper {VOICE}" in listed
    assert speech_of(small) == {"da": f"piper {VOICE}", "en": "espeak-ng en-gb"}
    assert f"; speech: piper {VOICE}\n" in run_ligetil(small, "doctor").out

    output = run_build(small, "--format", "html,audio,chapters")
    mp3, vtt = output / "da" / "mad.mp3", output / "da" / "mad.chapters.vtt"
    found = probe(mp3)
    assert (found["codec_name"], found["sample_rate"]) == ("mp3", str(RATE)) and float(found["duration"]) > 1
    html = (output / "da" / "mad.html").read_text("utf-8")
    starts, samples = cue_starts(vtt.read_text("utf-8")), decoded(mp3)
    assert len(starts) == len(re.findall(r"<h[12][ >]", html[html.index("<article"):html.index("</article>")])) > 2
    for start in starts[1:]:  # silence before each chapter, the voice right at its start
        assert np.abs(samples[int((start - CHAPTER_PAUSE + 0.05) * RATE):int((start - 0.02) * RATE)]).max() < 300
        assert np.abs(samples[int(start * RATE):int((start + 0.1) * RATE)]).max() > 1000
    assert {round(dominant_hz(samples, start + 0.05)) for start in starts} == {220}  # the tiny voice's tone
    piper_mp3 = mp3.read_bytes()

    removed = run_ligetil(small, "models", "remove-voice", VOICE)
    assert removed.code == 0 and list(voices.iterdir()) == []
    assert speech_of(small)["da"] == "espeak-ng da"
    rebuilt = run_ligetil(small, "build", "--format", "html,audio,chapters")
    assert rebuilt.code == 0 and "0 built" not in rebuilt.out, rebuilt.out
    assert mp3.read_bytes() != piper_mp3 and round(dominant_hz(decoded(mp3), 0.05)) != 220
    assert len(cue_starts(vtt.read_text("utf-8"))) == len(starts)


def test_installing_a_voice_again_with_other_files_re_renders_the_audio(small, voices, tmp_path):
    run_ligetil(small, "models", "install-voice", str(tiny_voice.build_voice(tmp_path / "one", VOICE)))
    output = run_build(small, "--format", "audio")
    before = (output / "da" / "mad.mp3").read_bytes()
    assert "0 built" in run_ligetil(small, "build", "--format", "audio").out
    changed = tiny_voice.build_voice(tmp_path / "two", VOICE)
    config = json.loads(changed.with_name(changed.name + ".json").read_text("utf-8"))
    config["audio"]["sample_rate"] = 24000  # the same tone, read faster: higher and shorter
    changed.with_name(changed.name + ".json").write_text(json.dumps(config), encoding="utf-8")
    assert run_ligetil(small, "models", "install-voice", str(changed)).code == 0
    assert "0 built" not in run_ligetil(small, "build", "--format", "audio").out
    assert (output / "da" / "mad.mp3").read_bytes() != before


def test_chapters_equal_the_lengths_each_engine_reported(tmp_path):
    tiny_voice.build_voice(tmp_path)
    chosen, reported = Chosen(Piper(tmp_path)), []

    class Recording:
        def voice(self, lang):
            return chosen.voice(lang)

        def speak(self, text, lang):
            speech = chosen.speak(text, lang)
            reported.append(speech.seconds)
            return speech

    script = (Chapter("Velkommen", (Utterance("Velkommen", "da"), Utterance("Ring til os.", "da"))),
              Chapter("Welcome", (Utterance("Welcome to the service.", "en"),)),  # espeak-ng at 22050 Hz
              Chapter("Slut", (Utterance("Tak.", "da"),)))
    narration = narrate(script, Recording())
    expected = [0.0, reported[0] + reported[1] + 2 * BLOCK_PAUSE + CHAPTER_PAUSE]
    expected.append(expected[1] + reported[2] + BLOCK_PAUSE + CHAPTER_PAUSE)
    for got, want in zip(cue_starts(chapters_vtt(narration)), expected, strict=True):
        assert abs(got - want) <= 0.002
    assert reported[0] < reported[1]  # more phonemes, longer speech: the tiny voice follows the text


def test_a_16_khz_voice_joins_the_narration_at_its_rate_with_its_length_and_pitch(tmp_path):
    tiny_voice.build_voice(tmp_path)
    speech = Piper(tmp_path).speak("Hej med dig.", "da")
    moved = resample(speech)
    with wave.open(io.BytesIO(speech.wav)) as before, wave.open(io.BytesIO(moved.wav)) as after:
        assert (before.getframerate(), after.getframerate(), after.getnchannels(), after.getsampwidth()) == \
            (tiny_voice.RATE, RATE, 1, 2)
        samples = np.frombuffer(after.readframes(after.getnframes()), dtype=np.int16).astype(float)
    assert abs(moved.seconds - speech.seconds) < 0.001 and speech.seconds > 0.5
    assert round(dominant_hz(samples, 0.05)) == 220


def test_a_voice_is_never_taken_from_another_language():
    voices = [InstalledVoice(name, code, code.split("_")[0], 22050, Path(f"{name}.onnx"))
              for name, code in (("en_GB-a", "en_GB"), ("en_US-b", "en_US"), ("pt_PT-c", "pt_PT"), ("da_DK-d", "da_DK"))]
    assert voice_for(voices, "da").name == "da_DK-d"
    assert voice_for(voices, "en").name == "en_GB-a"  # the first by name when several speak it
    assert voice_for(voices, "en_US").name == "en_US-b"
    assert voice_for(voices, "pt_BR") is None and voice_for(voices, "tr") is None
    assert voice_for(voices, "pt").name == "pt_PT-c"


@pytest.mark.parametrize("broken", ["not-onnx", "no-config", "bad-config", "no-inputs"])
def test_a_broken_voice_file_is_refused_naming_the_file(small, voices, tmp_path, broken):
    model = tiny_voice.build_voice(tmp_path / "download", "bad")
    config = model.with_name("bad.onnx.json")
    named = model
    if broken == "not-onnx":
        model.write_bytes(b"not a model")
    elif broken == "no-config":
        config.unlink()
        named = config
    elif broken == "bad-config":
        config.write_text('{"audio": {}}', encoding="utf-8")
        named = config
    else:
        import onnx

        proto = onnx.load(str(model))
        proto.graph.input[2].name = "speed"  # Piper feeds "scales"
        onnx.save(proto, str(model))
    result = run_ligetil(small, "models", "install-voice", str(model))
    assert result.code == 1 and result.err.startswith(f"{named}: ") and "Traceback" not in result.err, result.err
    assert not voices.exists() or list(voices.iterdir()) == []


def test_a_voice_broken_after_its_install_stops_the_build_naming_it(small, voices, tmp_path):
    run_ligetil(small, "models", "install-voice", str(tiny_voice.build_voice(tmp_path / "download", VOICE)))
    (voices / f"{VOICE}.onnx").write_bytes(b"truncated")
    result = run_ligetil(small, "build", "--format", "audio")
    assert result.code == 1, result.err
    assert f"content/mad.md: audio in da: {voices / VOICE}.onnx: cannot load the Piper voice" in result.err
    assert "Traceback" not in result.err

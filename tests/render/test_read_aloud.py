"""Read aloud in sync: the article marked sentence by sentence, and each fragment's clip where the engine put it."""

from __future__ import annotations

import pytest
from lxml import etree, html as lxml_html

from pipeline.render.speech.engine import Speech
from pipeline.render.speech.narrate import BLOCK_PAUSE, CHAPTER_PAUSE, SENTENCE_PAUSE, narrate
from pipeline.render.speech.script import mark_script
from pipeline.render.speech.sentences import sentences

ARTICLE = ('<h1 id="velkommen">Velkommen</h1><p class="notice">Ikke læst op.</p>'
           '<p>Ring til os kl. 10. Vi svarer <a href="tel:+4512345678">på tlf. 12 34 56 78. Tak</a> for nu! '
           'Husk <strong>dit kort.</strong> Så er du klar.</p><ul><li>Et punkt<ul><li>Et andet.</li></ul></li></ul>'
           '<p>Linje et<br>linje to.</p><h2 id="kontakt">Kontakt</h2><p>Mail os.</p>')


def text_of(markup: str) -> str:
    return lxml_html.fragment_fromstring(markup, create_parent="div").text_content()


def test_every_sentence_gets_an_element_of_its_own_and_no_text_is_lost():
    marked = mark_script(ARTICLE, "da")
    tree = etree.fromstring(f"<div>{marked.xhtml}</div>")  # well-formed XML: it goes into XHTML as it is
    spans = {span.get("id"): "".join(span.itertext()) for span in tree.iter("span") if span.get("id")}
    said = [u for block in marked.blocks for u in block.utterances]
    assert [u.ref for u in said] == list(spans) and len(set(spans)) == len(said)
    assert [u.text for u in said] == ["Velkommen", "Ring til os kl. 10.", "Vi svarer på tlf. 12 34 56 78. Tak for nu!",
                                      "Husk dit kort.", "Så er du klar.", "Et punkt", "Et andet.",
                                      "Linje et linje to.", "Kontakt", "Mail os."]
    assert "".join(tree.itertext()) == text_of(ARTICLE)
    assert "Ikke læst op." not in " ".join(u.text for u in said)  # the page's notices are not the guide


def test_a_block_ends_with_its_last_sentence_and_chapters_start_at_h1_and_h2():
    marked = mark_script(ARTICLE, "da")
    assert [[u.ends_block for u in b.utterances] for b in marked.blocks][1] == [False, False, False, True]
    assert [c.title for c in marked.script] == ["Velkommen", "Kontakt"]


def test_an_id_already_on_the_page_is_never_given_again():
    marked = mark_script('<h2 id="s1">Om s1</h2><p>En. To.</p>', "da")
    refs = [u.ref for b in marked.blocks for u in b.utterances]
    assert "s1" not in refs and len(set(refs)) == 3


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("ar", "مرحبا بك. هل تحتاج مساعدة؟ اتصل بنا.", 3), ("ur", "آپ کا خیر مقدم ہے۔ کیا آپ کو مدد چاہیے؟", 2),
    ("ti", "ሰላም። ከመይ ኣለኹም?", 2), ("da", "Mød op f.eks. kl. 10 hos os. Tak.", 2)])
def test_sentences_end_where_their_language_ends_them(lang, text, count):
    found = sentences(text, lang)
    assert len(found) == count and "".join(found) == text


class Fixed:
    """An engine whose every utterance lasts a known number of frames (silence), one second = 1000 frames."""

    def voice(self, lang):
        return lang

    def speak(self, text, lang):
        import io
        import wave

        out, frames = io.BytesIO(), 10 * len(text)
        with wave.open(out, "wb") as sound:
            sound.setnchannels(1), sound.setsampwidth(2), sound.setframerate(1000)
            sound.writeframes(b"\0\0" * frames)
        return Speech(out.getvalue(), frames / 1000)


def test_each_clip_starts_where_the_engine_reported_the_fragments_before_it_end():
    marked = mark_script(ARTICLE, "da")
    narration = narrate(marked.script, Fixed())
    said = [u for chapter in marked.script for u in chapter.utterances]
    at, expected = 0.0, []
    for index, utterance in enumerate(said):
        if utterance.ref == marked.script[1].utterances[0].ref:
            at += CHAPTER_PAUSE
        begin, at = at, at + len(utterance.text) / 100 + (BLOCK_PAUSE if utterance.ends_block else SENTENCE_PAUSE)
        expected.append((utterance.ref, begin, at))
    assert len(narration.clips) == len(expected)
    for got, want in zip(narration.clips, expected, strict=True):
        assert got[0] == want[0] and abs(got[1] - want[1]) < 1e-6 and abs(got[2] - want[2]) < 1e-6
    assert narration.clips[-1][2] == pytest.approx(narration.seconds)


def test_the_clips_cover_the_real_engines_audio_without_gaps_inside_a_chapter():
    narration = narrate(mark_script(ARTICLE, "da").script)
    clips = narration.clips
    gaps = [round(b[1] - a[2], 3) for a, b in zip(clips, clips[1:])]
    assert sorted(set(gaps)) == [0.0, CHAPTER_PAUSE]
    assert clips[-1][2] == pytest.approx(narration.seconds)

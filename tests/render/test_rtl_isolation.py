"""In right-to-left text, a phone number, an e-mail address or a web address is isolated left to right."""

from __future__ import annotations

import re

from helpers import GUIDE, SETTINGS, run_build, set_msgstr

AR = "translations/ar/LC_MESSAGES/mad.po"


def test_an_arabic_paragraph_keeps_its_phone_number_and_address_isolated(make_project, ligetil):
    guide = GUIDE.replace("Det koster 58 kr. om dagen.", "Ring på 33 66 33 66 eller skriv til mad@kk.dk.").replace(
        "![En tallerken med mad](images/mad.svg)\n", "")
    root = make_project({"mad": guide}, SETTINGS.replace("min_reviewed = 0.8", "min_reviewed = 0.5"))
    assert ligetil(root, "update").code == 0
    po = root / AR
    for start, text in [("Mad til dig", "طعام لك"), ("Sådan bestiller", "هكذا تطلب الطعام."),
                        ("Vi bringer", "نوصل **طعامًا ساخنًا** إليك.\nاتصل على 33 66 33 66 أو اكتب إلى mad@kk.dk."),
                        ("Sådan får du", "كيف تحصل على الطعام"), ("Ring til os", "اتصل بنا."),
                        ("Vi kommer", "نزورك."), ("Vi taler", "نتحدث عن طعامك."), ("Dag", "اليوم"), ("Tid", "الوقت"),
                        ("Mandag", "الاثنين"), ("kl. 8–15", "الساعة 8–15"), ("Maden er god", "الطعام جيد.")]:
        set_msgstr(po, start, text)
    html = (run_build(root, "--lang", "ar", "--format", "html") / "ar/mad.html").read_text("utf-8")
    body = html.split('<div class="body">', 1)[1]
    assert '<bdi dir="ltr">33 66 33 66</bdi>' in body
    assert re.search(r'<bdi dir="ltr">mad@kk\.dk</bdi>|<a href="mailto:mad@kk\.dk" dir="ltr">', body), body[:600]

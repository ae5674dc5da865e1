"""The exchange tests' project: one guide whose Turkish catalog has a reviewed entry and a draft."""

from __future__ import annotations

import pytest
from helpers import GUIDE, set_msgstr

TR = "translations/tr/LC_MESSAGES/mad.po"


@pytest.fixture
def tr_project(make_project, ligetil):
    """A project whose tr catalog has a reviewed entry, a machine draft and untranslated ones."""
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    set_msgstr(root / TR, "Mad til dig", "Sana yemek")
    set_msgstr(root / TR, "Maden er god.", "Yemek güzel.", fuzzy=True)
    assert ligetil(root, "update").code == 0  # back to msgcat's layout
    return root

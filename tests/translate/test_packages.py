"""Installing Argos packages, listing them, routes between languages, the offline index."""

from __future__ import annotations

import time
import zipfile

import pytest

from pipeline.errors import TranslateError
from pipeline.translate import packages
from pipeline.translate.packages import InstalledModel, find_route, install_file, installed_models


def test_install_from_file_lists_the_model(models_dir, tiny_packages):
    model = install_file(tiny_packages.da_en, models_dir)
    assert (model.from_code, model.to_code, model.version) == ("da", "en", "1.9")
    assert model.label == "translate-da_en 1.9"
    assert (model.path / "model" / "model.bin").is_file()
    assert installed_models(models_dir) == [model]


def test_install_refuses_a_file_that_is_not_a_package(models_dir, tmp_path):
    broken = tmp_path / "broken.argosmodel"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("pkg/metadata.json", "{}")
    with pytest.raises(TranslateError, match="missing sentencepiece.model, model/model.bin"):
        install_file(broken, models_dir)
    assert list(models_dir.iterdir()) == []


def test_the_models_folder_can_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "elsewhere"))
    assert packages.models_dir() == (tmp_path / "elsewhere").resolve()
    assert packages.models_dir(tmp_path / "option") == (tmp_path / "option").resolve()


def _model(source, target):
    return InstalledModel(source, target, "1.0", packages.Path("/nowhere"))


def test_routes_go_direct_or_through_english():
    models = [_model("da", "en"), _model("en", "tr"), _model("en", "ar")]
    assert [m.name for m in find_route(models, "da", "en")] == ["translate-da_en"]
    assert [m.name for m in find_route(models, "da", "tr")] == ["translate-da_en", "translate-en_tr"]


def test_a_missing_route_names_the_exact_install_commands():
    with pytest.raises(TranslateError) as caught:
        find_route([_model("da", "en")], "da", "ur")
    assert str(caught.value) == "no translation model for da→ur; install it with: ligetil models install en ur"
    with pytest.raises(TranslateError, match="ligetil models install da en && ligetil models install en tr$"):
        find_route([], "da", "tr")


def test_the_index_fails_fast_when_offline(models_dir, monkeypatch):
    from argostranslate import settings

    packages.argos(models_dir)
    monkeypatch.setattr(settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    monkeypatch.setattr(settings, "local_package_index", models_dir.parent / "no-index.json")
    started = time.monotonic()
    with pytest.raises(TranslateError, match="cannot reach the Argos package index.*argosmodel"):
        packages.available_models(models_dir)
    assert time.monotonic() - started < packages.PROBE_SECONDS + 1


def test_a_dns_hang_is_cut_short(monkeypatch):
    def hang(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(packages.urllib.request, "urlopen", hang)
    started = time.monotonic()
    assert packages._probe("https://example.invalid/index.json", 0.3) == "no answer within 0.3 s"
    assert time.monotonic() - started < 1.5

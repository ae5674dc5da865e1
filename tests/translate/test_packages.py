"""Installing Argos packages, listing them, routes between languages, the offline index."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
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


def test_the_index_fails_fast_when_offline(models_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    started = time.monotonic()
    with pytest.raises(TranslateError, match="cannot reach the Argos package index.*argosmodel"):
        packages.available_models()
    assert time.monotonic() - started < packages.PROBE_SECONDS + 1
    assert not packages.local_index().exists()


@pytest.fixture
def index_server(tmp_path, tiny_packages, monkeypatch):
    """Serve an Argos index and the tiny packages on loopback, as the real index would."""
    served = tmp_path / "served"
    served.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=served))
    base = f"http://127.0.0.1:{server.server_port}/"
    entries = []
    for source, target, version, file in (("da", "en", "1.9", tiny_packages.da_en), ("en", "tr", "1.5", tiny_packages.en_tr)):
        shutil.copy(file, served / file.name)
        entries.append({"type": "translate", "from_code": source, "to_code": target,
                        "package_version": version, "links": [base + file.name]})
    entries.append({"type": "sbd", "from_code": "da", "links": [base + "nothing"]})
    (served / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_a_pair_is_downloaded_through_english_from_the_index(index_server, models_dir):
    listed = packages.available_models()
    assert [(m.from_code, m.to_code, m.version) for m in listed] == [("da", "en", "1.9"), ("en", "tr", "1.5")]
    assert json.loads(packages.local_index().read_text(encoding="utf-8"))[0]["from_code"] == "da"
    done = packages.install_pair("da", "tr", models_dir)
    assert [m.label for m in done] == ["translate-da_en 1.9", "translate-en_tr 1.5"]
    assert installed_models(models_dir) == done
    assert sorted(p.name for p in models_dir.iterdir()) == sorted(m.path.name for m in done)


def test_reinstalling_replaces_the_package_whole(models_dir, tiny_packages):
    first = install_file(tiny_packages.da_en, models_dir)
    (first.path / "stray.txt").write_text("left from an old version", encoding="utf-8")
    again = install_file(tiny_packages.da_en, models_dir)
    assert again == first
    assert not (again.path / "stray.txt").exists()
    assert [p.name for p in models_dir.iterdir()] == [first.path.name]


def test_a_dns_hang_is_cut_short(monkeypatch):
    def hang(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(packages.urllib.request, "urlopen", hang)
    started = time.monotonic()
    assert packages._probe("https://example.invalid/index.json", 0.3) == "no answer within 0.3 s"
    assert time.monotonic() - started < 1.5

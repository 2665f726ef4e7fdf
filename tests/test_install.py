"""The lean install: presskit runs without stanza, spacy, minisbd and torch (issue 11)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

# argostranslate depends on these only for its own sentence splitting (argostranslate.sbd),
# which presskit never calls; uv.lock overrides them away. Their weight: about 5.5 GB.
NEVER_INSTALLED = ("torch", "stanza", "spacy", "minisbd", "onnxruntime", "triton")


@pytest.mark.parametrize("name", NEVER_INSTALLED)
def test_the_locked_environment_does_not_hold(name):
    assert importlib.util.find_spec(name) is None, f"{name} is installed: the uv overrides were not applied"


def test_install_and_list_import_neither_argos_translate_nor_its_splitters(argos_package_files, tmp_path):
    # In a fresh process, so that no other test's imports count.
    files = [str(path) for path in argos_package_files.values()]
    script = f"""
import sys
from pathlib import Path
from toolkit.translation import packages
installed = packages.install_package_files([Path(p) for p in {files!r}], Path({str(tmp_path / "pk")!r}))
assert len(installed) == {len(files)}, installed
from argostranslate import package  # what `argospm list` reads
seen = sorted((p.from_code, p.to_code) for p in package.get_installed_packages())
print(seen)
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {NEVER_INSTALLED!r}
               or m in ("argostranslate.translate", "argostranslate.sbd"))
print("HEAVY", heavy)
"""
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CACHE_HOME": str(tmp_path / "c"), "XDG_CONFIG_HOME": str(tmp_path / "cf")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    listed, heavy = result.stdout.splitlines()
    assert listed == str(sorted(argos_package_files)), "argostranslate does not see what presskit installed"
    assert heavy == "HEAVY []"


def test_a_reinstalled_package_replaces_the_folder_and_leaves_no_temporary(argos_env, argos_package_files, tmp_path):
    from toolkit.translation import packages

    target = tmp_path / "pk"
    path = argos_package_files["en", "fr"]
    packages.install_package_files([path], target)
    packages.install_package_files([path], target)
    children = list(target.iterdir())
    assert len(children) == 1 and (children[0] / "metadata.json").is_file(), children  # no temporary left


def test_device_setting_is_checked():
    from toolkit.config import load_config
    from toolkit.errors import ConfigError

    with pytest.raises(ConfigError, match="'gpu' is not one of auto, cpu, cuda"):
        load_config(".", {"device": "gpu"}, environ={})
    assert load_config(".", {"device": "cuda"}, environ={}).device == "cuda"


def test_cuda_without_a_gpu_falls_back_to_the_cpu_with_a_note():
    import ctranslate2

    from toolkit.translation.argos import choose_device, describe_device

    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a CUDA GPU")
    assert choose_device("cuda")[0] == "cpu" and "no CUDA GPU" in choose_device("cuda")[1]
    assert choose_device("auto") == ("cpu", None) and choose_device("cpu") == ("cpu", None)
    assert describe_device("auto") == "Device: cpu (setting auto: no CUDA GPU found)"


def test_models_list_reports_the_device(tmp_path):
    from click.testing import CliRunner

    from toolkit.cli import cli as main

    result = CliRunner().invoke(main, ["-C", str(tmp_path), "models", "list"], env={"PRESSKIT_DEVICE": "cpu",
                                "PRESSKIT_PACKAGES_DIR": str(tmp_path / "pk")})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "Device: cpu (setting cpu: as set)"

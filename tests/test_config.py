"""Configuration: where each setting comes from, and which source wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.config import load_config


def settings(root: Path, *, pyproject: str | None = None, presskit: str | None = None) -> Path:
    if pyproject is not None:
        (root / "pyproject.toml").write_text(f"[tool.presskit]\n{pyproject}\n", encoding="utf-8")
    if presskit is not None:
        (root / "presskit.toml").write_text(presskit + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("spelling", ["output_dir", "output-dir"])
def test_precedence_defaults_pyproject_presskit_environment_flags(tmp_path, spelling):
    root = settings(tmp_path, pyproject=f'{spelling} = "from-pyproject"\nthreads = 3',
                    presskit=f'{spelling} = "from-presskit"')
    assert load_config(root, environ={}).output_dir == "from-presskit"
    assert load_config(root, environ={}).threads == 3
    assert load_config(tmp_path / ".", environ={}).speeches_dir == "speeches"  # the default
    env = {"PRESSKIT_OUTPUT_DIR": "from-env"}
    assert load_config(root, environ=env).output_dir == "from-env"
    assert load_config(root, {"output_dir": "from-flag"}, environ=env).output_dir == "from-flag"


def test_a_hyphenated_key_in_a_file_does_not_beat_the_environment_or_a_flag(tmp_path):
    root = settings(tmp_path, presskit='output-dir = "from-file"\npdf-variant = "pdf/a-3u"')
    config = load_config(root, {"pdf_variant": "pdf/a-2a"}, environ={"PRESSKIT_OUTPUT_DIR": "from-env"})
    assert (config.output_dir, config.pdf_variant) == ("from-env", "pdf/a-2a")


def test_pyproject_hyphenated_key_loses_to_presskit_toml_underscored(tmp_path):
    root = settings(tmp_path, pyproject='output-dir = "from-pyproject"', presskit='output_dir = "from-presskit"')
    assert load_config(root, environ={}).output_dir == "from-presskit"


def test_the_environment_beats_a_hyphenated_key_whatever_the_files_spell(tmp_path):
    # pyproject's output_dir comes first in the merge, presskit.toml's output-dir after it.
    root = settings(tmp_path, pyproject='output_dir = "from-pyproject"', presskit='output-dir = "from-presskit"')
    assert load_config(root, environ={}).output_dir == "from-presskit"
    env = {"PRESSKIT_OUTPUT_DIR": "from-env"}
    assert load_config(root, environ=env).output_dir == "from-env"
    assert load_config(root, {"output_dir": "from-flag"}, environ=env).output_dir == "from-flag"


def test_every_setting_has_a_converter_that_checks_its_type():
    from dataclasses import fields

    from toolkit.config import _CONVERTERS, Config

    assert set(_CONVERTERS) == {f.name for f in fields(Config)} - {"workspace"}


def test_settings_of_the_wrong_type_are_all_reported(tmp_path):
    import pytest

    from toolkit.config import load_config
    from toolkit.errors import ConfigError

    (tmp_path / "presskit.toml").write_text(
        'threads = true\nlibretranslate_concurrency = 2.5\nspeeches_dir = 3\nlanguages = 5\n'
        'translator = ["argos"]\npackages_dir = 1\noutput_dir = ""\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, environ={})
    message = caught.value.format_message()
    for expected in ("threads: must be a whole number, not true/false",
                     "libretranslate_concurrency: must be a whole number, not a number",
                     "speeches_dir: must be text, not a number", "languages: must be text or a list of text",
                     "translator: must be text, not a list", "packages_dir: must be text, not a number",
                     "output_dir: must be a non-empty folder name"):
        assert expected in message, expected
    assert "\n" not in message

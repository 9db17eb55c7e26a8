"""Workspace configuration: finding linewatch.toml, precedence, relative paths, bad files."""
from __future__ import annotations

from pathlib import Path

import pytest

from linewatch.config import CONFIG_TEMPLATE, init_workspace, load_config
from linewatch.errors import ConfigError


def test_template_is_valid_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINEWATCH_DB", raising=False)
    init_workspace(tmp_path / "ws")
    (tmp_path / "ws" / "actors" / "mine.yaml").write_text("actors: []\n", encoding="utf-8")
    (tmp_path / "ws" / "deep" / "er").mkdir(parents=True)
    cfg = load_config(tmp_path / "ws" / "deep" / "er")  # found in a parent folder
    assert cfg.root == (tmp_path / "ws").resolve()
    assert cfg.db_url() == str((tmp_path / "ws").resolve() / "linewatch.db")
    assert cfg.registries == [(tmp_path / "ws").resolve() / "actors" / "mine.yaml"]
    assert cfg.web_port == 8642 and cfg.api_tokens == [] and cfg.max_file_bytes == 20 * 1024 * 1024
    assert cfg.pipeline_kwargs() == {"config": {}}
    assert "[database]" in CONFIG_TEMPLATE


def test_precedence_flag_env_workspace_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINEWATCH_DB", raising=False)
    assert load_config(tmp_path).db_url() == "linewatch.db"  # no workspace
    init_workspace(tmp_path)
    cfg = load_config(tmp_path)
    assert cfg.db_url().endswith("linewatch.db") and cfg.db_url().startswith(str(tmp_path.resolve()))
    monkeypatch.setenv("LINEWATCH_DB", "postgresql://env/db")
    assert cfg.db_url() == "postgresql://env/db"
    assert cfg.db_url("flag.db") == "flag.db"


def test_pipeline_and_web_sections(tmp_path: Path) -> None:
    (tmp_path / "linewatch.toml").write_text(
        '[pipeline]\ncomponents = ["segment", "parse"]\n[pipeline.config.parse]\nbatch = 4\n'
        '[web]\nport = 9001\napi_tokens = ["s3cret"]\n[narratives]\ntaxonomies = ["t.yaml"]\n',
        encoding="utf-8",
    )
    cfg = load_config(tmp_path)
    assert cfg.pipeline_kwargs() == {"names": ("segment", "parse"), "config": {"parse": {"batch": 4}}}
    assert cfg.web_port == 9001 and cfg.api_tokens == ["s3cret"]
    assert cfg.taxonomy() == tmp_path.resolve() / "t.yaml" and cfg.taxonomy("x.yaml") == Path("x.yaml")


@pytest.mark.parametrize(
    "content,word",
    [
        ("[database\nurl = 1", "invalid TOML"),
        ("[database]\nurl = 5\n", "must be a string"),
        ("[actors]\nregistries = [1, 2]\n", "list of strings"),
        ("[web]\nport = 'eighty'\n", "must be numbers"),
        ("database = 3\n", "must be a table"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, content: str, word: str) -> None:
    (tmp_path / "linewatch.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert word in str(err.value) and "linewatch.toml" in str(err.value) and "\n" not in str(err.value)


def test_init_refuses_existing(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    with pytest.raises(ConfigError):
        init_workspace(tmp_path)

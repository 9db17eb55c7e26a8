"""Taxonomy files: the seed file loads as it is, hierarchies, line-numbered errors, bundled files."""
from __future__ import annotations

from pathlib import Path

import pytest

from linewatch.analyze.narratives.taxonomy import bundled_taxonomies, load_taxonomy, parse_taxonomy, slug
from linewatch.errors import InputError


def test_seed_taxonomy_loads_as_it_is(shared_dir: Path) -> None:
    tax = load_taxonomy(shared_dir / "seed" / "narratives.yaml")
    assert tax.name == "belarus-border-2021"
    assert len(tax.narratives) >= 5
    assert all(n.description and n.examples for n in tax.narratives)


def test_children_and_parent_forms() -> None:
    text = """
taxonomy: t
narratives:
  - id: a
    label: A
    children:
      - id: a1
        examples: {en: ["one"], ru: ["два"]}
  - id: b
  - id: b1
    parent: b
"""
    tax = parse_taxonomy(text)
    assert tax.by_id["a1"].parent == "a" and tax.by_id["b1"].parent == "b"
    assert tax.by_id["a1"].examples == ["one", "два"]
    assert [c.id for c in tax.children("a")] == ["a1"]
    assert tax.ancestors("a1") == ["a"]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("narratives:\n  - id: a\n  - label: no id\n", 3, "without an 'id'"),
        ("narratives:\n  - id: a\n  - id: a\n", 3, "duplicate"),
        ("narratives:\n  - id: a\n    parent: zz\n", 2, "unknown parent"),
        ("narratives:\n  - id: a\n    description: [1, 2]\n", 2, "description"),
        ("narratives: [\n", 2, "not valid YAML"),
    ],
)
def test_errors_name_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as err:
        parse_taxonomy(text, source="tax.yaml")
    msg = str(err.value)
    assert msg.startswith(f"tax.yaml:{line}:") and words in msg
    assert "\n" not in msg


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_taxonomy(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"narratives:\n  - id: \xff\xfe\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_taxonomy(bad)


def test_bundled_taxonomies_load_and_semeval_covers_the_label_list(shared_dir: Path) -> None:
    names = {p.stem for p in bundled_taxonomies()}
    assert {"belarus-border-2021", "semeval2025-t10"} <= names
    for p in bundled_taxonomies():
        load_taxonomy(p)
    tax = load_taxonomy("semeval2025-t10")
    assert tax.classifier is not None and tax.classifier.is_file()
    root = shared_dir / "eval" / "semeval2025_t10"
    for f in ("subtask2_narratives.txt", "subtask2_subnarratives.txt"):
        for label in (root / f).read_text(encoding="utf-8").splitlines():
            label = label.strip()
            if label and label != "Other" and not label.endswith(": Other"):
                assert tax.resolve(label) is not None, label


def test_bundled_demo_taxonomy_uses_the_seed_ids(shared_dir: Path) -> None:
    seed = load_taxonomy(shared_dir / "seed" / "narratives.yaml")
    demo = load_taxonomy("belarus-border-2021")
    assert set(seed.by_id) == set(demo.by_id)
    seed_sentences = {e for n in seed.narratives for e in n.examples}
    assert not seed_sentences & {e for n in demo.narratives for e in n.examples}
    for n in demo.narratives:
        assert {"en", "ru", "pl"} <= set(n.cues)


def test_slug() -> None:
    assert slug("URW: Discrediting the West, Diplomacy") == "urw-discrediting-the-west-diplomacy"

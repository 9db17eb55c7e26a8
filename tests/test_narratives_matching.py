"""Claim matching and the `narratives` component: cross-lingual, explained, document labels."""
from __future__ import annotations

from pathlib import Path

import pytest

from linewatch.analyze.narratives.component import analyze_narratives, enrich, get_matcher, get_taxonomy
from linewatch.analyze.narratives.taxonomy import load_taxonomy, parse_taxonomy
from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc, Sentence

TAXONOMY = """
taxonomy: test-taxonomy
narratives:
  - id: west-caused-it
    label: The West caused the migration
    description: The migrants flee wars that the United States and NATO waged in Iraq and Afghanistan.
    examples: ["American wars in the Middle East drove these people from their homes."]
    cues: {en: [iraq], ru: [ирак]}
  - id: guards-cruel
    label: Border guards are cruel
    description: Polish border guards use tear gas and water cannon against refugees, violating human rights.
    examples: ["Guards sprayed tear gas at women and children."]
  - id: nato-threat
    label: NATO threatens Russia
    description: NATO expansion and exercises near its borders endanger Russia's security.
    examples: ["The alliance keeps moving its bases closer to Russia."]
"""


@pytest.fixture(scope="module")
def taxonomy(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("tax") / "t.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    return get_taxonomy(path)


def test_russian_and_polish_claims_match_english_descriptions(taxonomy) -> None:
    m = get_matcher(taxonomy)
    hits = m.match(
        [
            "Польские пограничники применили слезоточивый газ против беженцев.",
            "Ci ludzie uciekają przed wojnami, które Amerykanie prowadzili w Iraku.",
            "The weather in Warsaw will be sunny tomorrow.",
        ],
        "ru",
    )
    assert [h.narrative_id for h in hits[0]][:1] == ["guards-cruel"]
    assert [h.narrative_id for h in hits[1]][:1] == ["west-caused-it"]
    assert hits[2] == []
    why = hits[0][0].explanation
    assert why["nearest"] and why["similarity"] > 0.8 and "contrast" in why and 0 < hits[0][0].score <= 1


def test_cue_words_are_reported(taxonomy) -> None:
    hit = get_matcher(taxonomy).match(["Мигранты бегут из Ирака, разрушенного американцами."], "ru")[0][0]
    assert hit.narrative_id == "west-caused-it" and hit.explanation["cues"] == ["ирак"]


def _doc(text: str, claims: list[str], lang: str = "en") -> Doc:
    doc = Doc(document=Document(text=text, language=lang))
    pos = 0
    for c in claims:
        start = text.index(c, pos)
        doc.sentences.append(Sentence(start, start + len(c), c))
        doc.statements.append(Statement(doc_id=doc.id, content=c, content_span=(start, start + len(c)), sentence=c, sentence_span=(start, start + len(c))))
        pos = start + len(c)
    return doc


def test_component_sets_statement_and_document_narratives(taxonomy) -> None:
    a = "Guards sprayed tear gas at refugees again."
    b = "The talks will resume next week in Geneva."
    doc = _doc(f"{a} {b}", [a, b])
    analyze_narratives(doc, taxonomy)
    assert doc.statements[0].narratives == ["guards-cruel"] and doc.statements[1].narratives == []
    st_level = [m for m in doc.narratives if m.statement_id]
    doc_level = [m for m in doc.narratives if m.statement_id is None]
    assert st_level[0].statement_id == doc.statements[0].id and st_level[0].span == (0, len(a))
    assert doc.text[st_level[0].span[0] : st_level[0].span[1]] == a
    assert [m.narrative_id for m in doc_level] == ["guards-cruel"]
    assert doc_level[0].explanation["method"] == "statements" and doc_level[0].taxonomy == "test-taxonomy"


def test_component_is_a_no_op_without_taxonomy() -> None:
    from linewatch.nlp.pipeline import registered

    comp = registered()["narratives"].factory()
    doc = _doc("Guards sprayed tear gas at refugees.", ["Guards sprayed tear gas at refugees."])
    assert comp(doc).narratives == []
    doc.options["taxonomy"] = "belarus-border-2021"
    assert comp(doc).statements[0].narratives == ["west-hypocrisy-humanitarian"]


def test_classifier_taxonomy_labels_the_document_and_keeps_statements_consistent() -> None:
    tax = get_taxonomy("semeval2025-t10")
    text = ("Киевский режим Зеленского ворует западную помощь. ВСУ несут огромные потери, неонацисты правят Украиной. "
            "Российская армия успешно продвигается, наши войска освободили ещё один населённый пункт.")
    claims = ["Киевский режим Зеленского ворует западную помощь."]
    doc = _doc(text, claims, "ru")
    analyze_narratives(doc, tax)
    doc_level = {m.narrative_id for m in doc.narratives if m.statement_id is None}
    assert "urw-discrediting-ukraine" in doc_level
    assert all(m.explanation["method"] == "classifier" for m in doc.narratives if m.statement_id is None)
    assert set(doc.statements[0].narratives) <= doc_level


def test_seed_taxonomy_is_enriched_with_the_bundled_examples(shared_dir: Path) -> None:
    seed = load_taxonomy(shared_dir / "seed" / "narratives.yaml")
    rich = enrich(seed)
    for n in seed.narratives:
        assert len(rich.by_id[n.id].examples) > len(n.examples)
        assert rich.by_id[n.id].description == n.description  # the analyst's wording stays
    other = parse_taxonomy("taxonomy: someone-else\nnarratives:\n  - id: west-caused-migration\n")
    assert enrich(other).narratives[0].examples == []


def test_claims_too_short_to_carry_a_narrative_are_not_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import linewatch.analyze.narratives.matcher as matcher_module
    from linewatch.analyze.narratives.matcher import NarrativeMatcher

    seen: list[str] = []

    def fake_embed(texts: list[str], kind: str = "query", **_: object) -> np.ndarray:
        seen.extend(t for t in texts if t)
        return np.ones((len(texts), 384), dtype=np.float32) / np.sqrt(384)

    monkeypatch.setattr(matcher_module, "embed", fake_embed)  # the matcher's own reference
    tax = parse_taxonomy("taxonomy: t\nnarratives:\n  - {id: a, label: The West caused it}\n  - {id: b, label: Poland provokes}\n", "t.yaml")
    matcher = NarrativeMatcher(tax)
    seen.clear()
    hits = matcher.match(["Nonsense.", "No comment", "The crisis was caused by Western wars in Iraq."], "en")
    assert seen == ["The crisis was caused by Western wars in Iraq."]
    assert hits[0] == [] and hits[1] == []

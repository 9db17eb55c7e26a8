"""Discovery: clustering unexplained claims, candidate descriptions, storage, promotion, CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from linewatch.analyze.narratives.discover import (
    Claim,
    cluster_claims,
    discover,
    discover_claims,
    load_candidate,
    spherical_kmeans,
)
from linewatch.analyze.narratives.promote import promote
from linewatch.analyze.narratives.taxonomy import load_taxonomy
from linewatch.errors import InputError

GAS = [
    "Minsk threatened to shut the gas pipeline to Europe if the border is closed.",
    "Lukashenko warned he could cut gas transit to the European Union.",
    "Лукашенко пригрозил перекрыть транзит газа в Европу.",
    "Belarus may stop the flow of gas through the Yamal pipeline, its president said.",
]
MEDIA = [
    "Western media are waging an information war against Belarus.",
    "Западные СМИ ведут информационную войну против Белоруссии.",
    "Foreign journalists spread lies about the situation at the border.",
    "European television invents stories about Belarusian guards.",
]
OTHER = ["The football match ended in a draw.", "Ministry of Defence"]


def _claims() -> list[Claim]:
    out = []
    for i, text in enumerate(GAS + MEDIA + OTHER):
        out.append(Claim(id=f"s{i:02d}", content=text, doc_id=f"d{i}", date=f"2021-11-{10 + i:02d}", speaker=["Lukashenko", "Zakharova"][i >= 4], outlet="BelTA"))
    return out


def test_kmeans_is_seeded_and_deterministic() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(30, 8))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    a, _ = spherical_kmeans(x, 4, seed=3)
    b, _ = spherical_kmeans(x, 4, seed=3)
    assert (a == b).all()
    assert cluster_claims(x[:2], min_size=3) == []


def test_discovery_finds_the_two_stories_with_their_metadata() -> None:
    found = discover_claims(_claims(), seed=0, min_size=3, min_similarity=0.85)
    groups = [set(c.statement_ids) for c in found]
    gas = {f"s{i:02d}" for i in range(4)}
    media = {f"s{i:02d}" for i in range(4, 8)}
    assert any(len(g & gas) >= 3 and not g & media for g in groups)
    assert any(len(g & media) >= 3 and not g & gas for g in groups)
    c = next(c for c in found if set(c.statement_ids) & gas)
    assert any(t in c.terms for t in ("gas", "transit", "pipeline", "газа")) and c.label
    assert c.first_seen == "2021-11-10" and c.outlets == {"BelTA": c.size} and "Lukashenko" in c.actors
    assert sum(c.volume.values()) == c.size and c.representatives[0]["content"]
    again = discover_claims(list(reversed(_claims())), seed=0, min_size=3, min_similarity=0.85)
    assert [x.id for x in again] == [x.id for x in found]  # order of input does not matter


@pytest.fixture
def store_with_claims(db_url: str):
    """The same claims in a store, once on SQLite and once on PostgreSQL."""
    from linewatch.model import Document, DocumentAnalysis, Statement
    from linewatch.store import open_store

    store = open_store(db_url)
    for i, c in enumerate(_claims()):
        doc = Document(text=f"{c.content} ({i})", outlet=c.outlet, language="en", published=date(2021, 11, 10 + i))
        store.add_document(doc)
        st = Statement(doc_id=doc.id, content=c.content, content_span=(0, len(c.content)), speaker=c.speaker)
        store.save_analysis(DocumentAnalysis(doc_id=doc.id, statements=[st]))
    return store


def test_discover_stores_candidates_and_promote_appends(store_with_claims, tmp_path: Path) -> None:
    found = discover(store_with_claims, seed=0, min_size=3, min_similarity=0.85)
    assert found
    rows = store_with_claims.query("SELECT id, size FROM narrative_candidates")
    assert {r["id"] for r in rows} == {c.id for c in found}
    cand = load_candidate(store_with_claims, found[0].id[:8])
    assert cand is not None and cand.statement_ids == found[0].statement_ids
    tax = tmp_path / "mine.yaml"
    tax.write_text("# my notes\ntaxonomy: mine\nnarratives:\n  - id: old\n    label: Old one\n", encoding="utf-8")
    nid = promote(cand, tax)
    loaded = load_taxonomy(tax)
    assert [n.id for n in loaded.narratives] == ["old", nid] and loaded.by_id[nid].examples
    assert tax.read_text(encoding="utf-8").startswith("# my notes\n")
    assert promote(cand, tax) == f"{nid}-2"  # ids stay unique
    fresh = tmp_path / "new.yaml"
    promote(cand, fresh, "gas-blackmail")
    assert load_taxonomy(fresh).narratives[0].id == "gas-blackmail"
    broken = tmp_path / "broken.yaml"
    broken.write_text("narratives: [\n", encoding="utf-8")
    with pytest.raises(InputError):
        promote(cand, broken)
    assert broken.read_text(encoding="utf-8") == "narratives: [\n"


def test_cli_discover_and_promote(store_with_claims, tmp_path: Path) -> None:
    env_db = str(store_with_claims.url)
    run = subprocess.run([sys.executable, "-m", "linewatch", "narratives", "discover", "--db", env_db, "--json", "--min-similarity", "0.85"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    cands = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    assert cands and all({"label", "terms", "first_seen", "volume", "outlets", "actors"} <= set(c) for c in cands)
    out = tmp_path / "t.yaml"
    run = subprocess.run([sys.executable, "-m", "linewatch", "narratives", "promote", cands[0]["id"], "--into", str(out), "--db", env_db],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert load_taxonomy(out).narratives
    run = subprocess.run([sys.executable, "-m", "linewatch", "narratives", "promote", "nope", "--into", str(out), "--db", env_db],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "Traceback" not in run.stderr and "nope" in run.stderr


def test_a_claim_and_its_rebuttal_become_two_candidates() -> None:
    import numpy as np

    from linewatch.analyze.narratives.discover import claim_sentence, split_camps

    claims = [
        Claim(id="a1", content="Belarus uses migrants as a hybrid weapon against the EU.", target="Belarus", stance="oppose", language="en"),
        Claim(id="a2", content="Minsk is weaponising migrants at the Polish border.", target="Belarus", stance="oppose", language="en"),
        Claim(id="a3", content="Lukashenko instrumentalises migrants.", target="Belarus", stance="oppose", language="en"),
        Claim(id="r1", content="Accusations that Minsk weaponises migrants are absurd.", cue="said", target="Belarus", stance="support", language="en"),
        Claim(id="r2", content="claims that Belarus uses migrants as a weapon", cue="rejected", act="REJECT", language="en"),
        Claim(id="r3", content="Обвинения в адрес Минска беспочвенны.", cue="заявил", language="ru"),
        Claim(id="n1", content="Migrants gathered at the Kuznica crossing on Monday.", language="en"),
    ]
    rng = np.random.default_rng(0)
    base = rng.normal(size=384)
    vecs = np.stack([base + 0.1 * rng.normal(size=384) for _ in claims]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    camps = split_camps(claims, list(range(len(claims))), vecs)
    named = sorted(sorted(claims[i].id for i in camp) for camp in camps)
    assert ["r1", "r2", "r3"] in named  # the rebuttals in a camp of their own
    assert any({"a1", "a2", "a3"} <= set(c) and not {"r1", "r2", "r3"} & set(c) for c in named)
    # one side only: the cluster stays whole
    assert split_camps(claims, [0, 1, 2, 6], vecs) == [[0, 1, 2, 6]]
    assert claim_sentence("A claim.   With  spaces.") == "A claim. With spaces."
    assert claim_sentence("word " * 100, 30).endswith("…") and len(claim_sentence("word " * 100, 30)) <= 30

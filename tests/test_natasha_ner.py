"""natasha NER over natasha's own tokens (nlp/natasha_ner.py) gives what `Doc.tag_ner` gives."""
from __future__ import annotations

import numpy as np
import pytest
from natasha import Doc as NDoc

from linewatch.nlp.natasha_ner import crf_decode, entity_types
from linewatch.nlp.parse import natasha_models

TEXTS = [
    "Министр иностранных дел России Сергей Лавров заявил в понедельник в Москве, что переговоры "
    "с Европейским союзом возобновятся. Его слова передало агентство ТАСС.",
    "Президент Белоруссии Александр Лукашенко встретился в Минске с делегацией ООН. "
    "«Мы готовы к диалогу», — сказал он журналистам. Польша и Литва закрыли границу.",
    "Представитель МИД Польши Лукаш Ясина и глава НАТО Йенс Столтенберг обсудили ситуацию в Варшаве",
    "   ",
    "Без имён: просто текст о погоде, который ничего не называет.",
]


def tag_ner_types(nd: NDoc, tagger: object) -> dict[int, str]:
    """What parse_russian used to read from `Doc.tag_ner`: the entity type of each token start."""
    nd.tag_ner(tagger)
    return {t.start: span.type for span in nd.spans for t in span.tokens}


@pytest.mark.parametrize("text", TEXTS)
def test_entity_types_equal_tag_ner(text: str) -> None:
    models = natasha_models()
    nd = NDoc(text)
    nd.segment(models["segmenter"])
    got = entity_types(nd, models["ner"])
    assert got == tag_ner_types(nd, models["ner"])
    if "Лавров" in text:
        assert "PER" in got.values() and "LOC" in got.values()


def test_crf_decode_equals_slovnet_on_padded_batches() -> None:
    crf = natasha_models()["ner"].infer.model.head.crf
    rng = np.random.default_rng(7)
    for _ in range(100):
        batch, seq = int(rng.integers(1, 5)), int(rng.integers(1, 30))
        emissions = (rng.normal(size=(batch, seq, 8)) * 3).astype(np.float32)
        lengths = rng.integers(1, seq + 1, size=batch)
        mask = np.arange(seq)[None, :] < lengths[:, None]
        expected = [path.tolist() for path in crf.decode(emissions, mask)]
        assert crf_decode(crf.transitions.array, emissions, mask) == expected

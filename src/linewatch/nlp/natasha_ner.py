"""natasha's news NER over a parsed natasha Doc, with the same tags as `Doc.tag_ner` at less cost.

`Doc.tag_ner` (natasha 1.6, slovnet 0.6) tokenises the whole text again with razdel, runs the
NER model on those words as one sequence, decodes the CRF step by step, finds every word in the
text again and wraps each span in natasha's records. On the Russian SemEval texts that is about
a third of natasha's syntax time; the words it tokenises are exactly `Doc.tokens` (natasha's
segmenter is the same razdel tokeniser over the same text), so here the model reads those, the
CRF is decoded with the same float32 operations minus the per-step gather (`max` returns the
very value `argmax` points at), and the entity type of each token comes straight from the BIO
tags. Same input, same operations, same tags (tests/test_natasha_ner.py compares it with
`Doc.tag_ner` on invented sentences).
"""
from __future__ import annotations

from typing import Any

import numpy as np


def crf_decode(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[list[int]]:
    """Viterbi path of every sequence of a batch, as slovnet's `CRF.decode` computes it.

    emissions: batch x seq x tags (float32); mask: batch x seq, True on real tokens.
    """
    batch_size, seq_len, tags_num = emissions.shape
    steps = emissions.swapaxes(1, 0).reshape(seq_len, batch_size, 1, tags_num)
    mask_t = mask.swapaxes(1, 0)
    full = bool(mask_t.all())
    history: list[np.ndarray] = []
    score = emissions.swapaxes(1, 0)[0]  # batch x tags
    for index in range(1, seq_len):
        # same order of additions as slovnet: (score + transitions) + emissions
        total = score.reshape(batch_size, tags_num, 1) + transitions + steps[index]
        indexes = total.argmax(-2)
        best = total.max(-2)
        score = best if full else np.where(mask_t[index].reshape(batch_size, 1), best, score)
        history.append(indexes)
    sizes = mask_t.sum(0) - 1
    back = np.stack(history).swapaxes(0, 1).tolist() if history else [[] for _ in range(batch_size)]
    paths: list[list[int]] = []
    for b in range(batch_size):
        tag = int(score[b].argmax())
        path = [tag]
        for row in reversed(back[b][: int(sizes[b])]):
            tag = row[tag]
            path.append(tag)
        path.reverse()
        paths.append(path)
    return paths


def entity_types(nd: Any, tagger: Any) -> dict[int, str]:
    """{start offset of a token of `nd` (a segmented natasha Doc): PER/LOC/ORG} from `tagger`
    (natasha's NewsNERTagger), as `nd.tag_ner(tagger)` would place its spans over `nd.tokens`."""
    if not nd.text.strip() or not nd.tokens:
        return {}
    infer = tagger.infer
    (inputs,) = list(infer.encoder([[t.text for t in nd.tokens]]))
    pred = infer.model(inputs.word_id, inputs.shape_id, inputs.pad_mask)
    (path,) = crf_decode(infer.model.head.crf.transitions.array, pred, ~inputs.pad_mask)
    vocab = infer.decoder.tags_vocab
    out: dict[int, str] = {}
    open_type: str | None = None  # the type of the span being read (slovnet's bio_spans)
    members: list[int] = []
    for token, tag_id in zip(nd.tokens, path):
        tag = vocab.decode(tag_id)
        part, _, kind = tag.partition("-")
        if part == "B" or part == "O":
            if open_type:
                out.update((start, open_type) for start in members)
            open_type, members = (kind, [token.start]) if part == "B" else (None, [])
        elif part == "I" and open_type:
            members.append(token.start)  # an I extends the open span whatever its type
    if open_type:
        out.update((start, open_type) for start in members)
    return out

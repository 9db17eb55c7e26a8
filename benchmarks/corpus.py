"""Realistic multilingual test corpora, built from the demo documents (en/ru/pl).

    python benchmarks/corpus.py --docs 10000 --out /tmp/corpus10k [--langs en,ru,pl] [--seed 7]

Each generated document is a demo document's header (title, outlet, language) with a
new date and URL, and a body of 3-8 paragraphs drawn from the demo documents of the
same language. Paragraphs keep their own sentences, quotations and attributions, so
the pipeline meets the same mix of statements, events and narratives as in the demo,
at any size; the mix of languages follows the demo (29 en, 18 ru, 12 pl). Paragraphs
repeat across documents, as wire copy repeats across outlets, so amplification finds
near-copies too. The demo texts are our own paraphrases (see data/demo/README.md).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "linewatch" / "data" / "demo"
FIRST_DAY = date(2021, 10, 1)
DAYS = 120


@dataclass
class Template:
    lang: str
    header: dict[str, str]
    paragraphs: list[str]


def templates(langs: tuple[str, ...] = ("en", "ru", "pl")) -> list[Template]:
    out = []
    for path in sorted(DEMO.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        lang = header.get("LANGUAGE", "")
        if lang in langs:
            out.append(Template(lang, header, [p.strip() for p in body.split("\n\n") if p.strip()]))
    return out


def generate(n: int, langs: tuple[str, ...] = ("en", "ru", "pl"), seed: int = 7) -> Iterator[tuple[str, str]]:
    """(file name, file text) of `n` documents, the same for the same arguments."""
    rng = random.Random(seed)
    pool = templates(langs)
    if not pool:
        raise SystemExit(f"no demo documents in languages {langs}")
    by_lang: dict[str, list[str]] = {}
    for t in pool:
        by_lang.setdefault(t.lang, []).extend(t.paragraphs)
    for i in range(n):
        t = rng.choice(pool)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        paras = [t.paragraphs[0]] + rng.sample(by_lang[t.lang], min(len(by_lang[t.lang]), rng.randint(2, 7)))
        header = dict(t.header)
        header["DATE"] = day.isoformat()
        header["URL"] = f"https://generated.linewatch.invalid/{t.lang}/{i:07d}"
        header.pop("NOTE", None)
        head = "\n".join(f"{k}: {v}" for k, v in header.items())
        body = "\n\n".join(dict.fromkeys(paras))  # a paragraph once per document
        yield f"{i:07d}_{t.lang}.txt", f"{head}\n\n{body}\n"


def write(n: int, out: Path, langs: tuple[str, ...] = ("en", "ru", "pl"), seed: int = 7) -> list[Path]:
    """Write the corpus under `out` (1,000 files per sub-folder); returns the paths."""
    paths = []
    for k, (name, text) in enumerate(generate(n, langs, seed)):
        folder = out / f"{k // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--langs", default="en,ru,pl")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write(args.docs, args.out, tuple(args.langs.split(",")), args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} documents, {words} words in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

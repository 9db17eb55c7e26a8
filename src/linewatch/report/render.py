"""Render a Briefing as Markdown, HTML or PDF, and write it atomically.

Ingested text is hostile in every format: Markdown escapes HTML and
Markdown syntax, HTML goes through an autoescaping Jinja2 template, and the
PDF is rendered by WeasyPrint from that HTML with no remote fetching.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from linewatch.errors import InputError
from linewatch.model import strip_bidi
from linewatch.report.brief import Briefing, Line
from linewatch.web.viewhelpers import safe_href, template_env

HERE = Path(__file__).resolve().parent
FORMATS = ("md", "html", "pdf")
ACTORS_INTRO = ("Each actor's line in one sentence, then its key statements. Numbers in parentheses are statements, "
                "copies of one story counted once; copies are cited under the original.")
NARRATIVES_INTRO = ("Articles count every outlet; unique stories count copies of one story once. Carriers promote "
                    "a narrative; rebutters reject it.")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]~])")  # what can open markup mid-line; lines never start with text


def md_escape(text: str | None) -> str:
    """Text safe inside Markdown: HTML characters as entities, Markdown syntax backslash-escaped."""
    s = " ".join(strip_bidi(str(text or "")).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _md_refs(refs: list[int]) -> str:
    return "".join(f"\\[{n}\\]" for n in refs)


def _md_line(line: Line) -> str:
    out = md_escape(line.text)
    if line.quote:
        out += " “" + md_escape(line.quote) + "”"
    if line.refs:
        out += " " + _md_refs(line.refs)
    if line.gloss:
        out += "  \n  _English: " + md_escape(line.gloss) + "_"
    if line.also:
        out += "  \n  Also carried by " + ", ".join(f"{md_escape(o)} {_md_refs([n])}" for o, n in line.also)
    return out


def _md_link(url: str | None) -> str:
    href = safe_href(url)
    return f"<{href}>" if href and not re.search(r"[\s<>]", href) else md_escape(url or "no URL")


def render_markdown(b: Briefing) -> str:
    parts = [f"# {md_escape(b.title)}", "", f"_Generated {md_escape(b.generated_at)} by linewatch. "
             "Numbers in brackets cite the references at the end (the dashboard's highlighted statement, "
             "the original URL, the quoted sentence)._", ""]

    def section(title: str, lines: list[Line], empty: str, level: str = "##", intro: str = "") -> None:
        parts.extend([f"{level} {title}", ""])
        if intro:
            parts.extend([md_escape(intro), ""])
        if not lines:
            parts.extend([md_escape(empty), ""])
            return
        parts.extend([f"- {_md_line(ln)}" for ln in lines])
        parts.append("")

    section("Bottom line up front", b.bluf, "Nothing recorded.")
    parts.extend(["## The actors' lines", "", md_escape(ACTORS_INTRO), ""])
    if not b.actor_sections:
        parts.extend(["No attributed statements in this period.", ""])
    for sec in b.actor_sections:
        parts.extend([f"### {md_escape(sec.name)}", "", _md_line(sec.line), ""])
        parts.extend([f"- {_md_line(ln)}" for ln in sec.statements])
        parts.append("")
    section("What changed", b.shifts, "No stance shift or change of the leading scenario in this period.")
    section("Narratives", b.narratives, "No narrative matches in this period.", intro=NARRATIVES_INTRO)
    section("Scenarios", b.scenarios, "No scenario weights recorded.")
    section("Indicators that fired", b.indicators, "No indicator fired in this period.", level="###")
    section("What to watch", b.watch, "Nothing flagged.", level="###")
    parts.extend(["## References", ""])
    for r in b.references:
        dash = f"dashboard {_md_link(r.dashboard)}, " if r.dashboard else ""
        parts.append(
            f"{r.n}. {md_escape(r.title or '(untitled)')}, {md_escape(r.outlet or 'unknown outlet')}, "
            f"{md_escape(r.published or 'undated')}, {dash}original {_md_link(r.url)}, "
            f"document {md_escape(r.doc_id)} characters {r.start}–{r.end}: “{md_escape(r.sentence)}”"
        )
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _env() -> Environment:
    env = template_env(HERE / "templates")
    env.globals["safe_href"] = safe_href
    return env


def render_html(b: Briefing, *, for_pdf: bool = False) -> str:
    return _env().get_template("brief.html").render(b=b, for_pdf=for_pdf, actors_intro=ACTORS_INTRO,
                                                    narratives_intro=NARRATIVES_INTRO, svg=Markup)


def render_pdf(b: Briefing) -> bytes:
    try:
        from weasyprint import HTML  # lazy: WeasyPrint (optional pdf extra) loads only for a PDF
    except (ImportError, OSError) as exc:  # OSError: pango/cairo libraries missing
        raise InputError(f"PDF output needs WeasyPrint and its system libraries ({exc})", where="--format pdf") from None

    def no_fetch(url: str, *args: object, **kwargs: object) -> dict:
        # the briefing embeds nothing remote; refuse every fetch (hostile URLs stay text)
        raise ValueError(f"fetching is disabled: {url[:60]}")

    return HTML(string=render_html(b, for_pdf=True), url_fetcher=no_fetch, base_url=None).write_pdf()


def render(b: Briefing, fmt: str) -> bytes:
    if fmt == "md":
        return render_markdown(b).encode("utf-8")
    if fmt == "html":
        return render_html(b).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(b)
    raise InputError(f"format must be one of {', '.join(FORMATS)}", where=str(fmt)[:20])


def write_atomic(data: bytes, output: Path) -> None:
    """Write to a temporary file next to `output`, then rename: never a half-written file."""
    output = Path(output)
    folder = output.expanduser().resolve().parent
    if not folder.is_dir():
        raise InputError("the output folder does not exist", where=str(output))
    fd, tmp = tempfile.mkstemp(prefix=".linewatch-", dir=str(folder))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the result is an ordinary file
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_briefing(b: Briefing, fmt: str, output: Path) -> None:
    write_atomic(render(b, fmt), output)


def default_output(date_from: str, date_to: str, fmt: str) -> Path:
    """brief-2021-11-01-2021-11-30.pdf in the current folder (the dates are checked before use)."""
    safe = "-".join("".join(c for c in d if c.isdigit() or c == "-")[:10] for d in (date_from, date_to))
    return Path(f"brief-{safe}.{fmt}")


def format_from_path(path: Path, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.lower()
    else:
        fmt = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}.get(path.suffix.lower(), "")
    if fmt not in FORMATS:
        raise InputError("choose --format md, html or pdf (or an output ending in .md/.html/.pdf)", where=str(path))
    return fmt

"""The linewatch data model.

Everything linewatch derives from text is a dataclass here, and every derived
record carries its provenance: the document id, character offsets into the
document text *as read* (after decoding, before any normalisation), the
sentence it came from, the extractor's name and version and a confidence.
Nothing is shown that cannot be traced back to text.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Span = tuple[int, int]
StanceLabel = Literal["support", "oppose", "neutral"]
ActorType = Literal["person", "organisation", "state"]
# How a statement stands to a narrative it matches (see analyze/narratives/relation.py); stored
# with each match and read by the query layer, so it lives here, below both.
Relation = Literal["promotes", "reports", "rebuts"]
RELATIONS: tuple[Relation, ...] = ("promotes", "reports", "rebuts")
CARRIER: Relation = "promotes"  # the only relation counted as carrying a narrative
# Keys of the header block a text file may open with ("TITLE: …", "URL: …"), read by sources/files.py;
# the views use them too, so that a header line is never shown as article text or as a speaker.
HEADER_KEYS = ("url", "date", "title", "outlet", "outlet_type", "language", "note", "author")
_HEADER_LINE_START = re.compile(r"^\s*(" + "|".join(HEADER_KEYS) + r")\s*:", re.IGNORECASE)


def is_header_line(text: str | None) -> bool:
    """Whether a text starts like a header line ("URL: https://…", "TITLE: …")."""
    return bool(text and _HEADER_LINE_START.match(text))


# Bidirectional-text controls (embeddings, overrides, isolates, marks): in a document they can
# reorder what a page or briefing shows ("…txt.exe" shown as "…exe.txt"); views drop them.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    """The text without bidirectional control characters (for display only)."""
    return _BIDI_CONTROLS.sub("", text)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id made from the given parts (used for every record id)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def content_hash(text: str) -> str:
    """Hash of a text after Unicode and whitespace normalisation.

    Two files with the same words but different line endings or NFC/NFD forms
    are the same document; that is what duplicate detection at ingest needs.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _iso(d: date | datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def as_date(value: Any) -> date | None:
    """A date from a date, a datetime or an ISO string ('2021-11-09', '2021-11-09T10:00'); None otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Mention:
    """A mention of an actor (or a candidate one) in the text."""

    start: int
    end: int
    text: str
    actor_id: str | None = None  # registry id when resolved
    kind: str = "name"  # name / title / pronoun / ner / body
    label: str = ""  # PER / ORG / LOC / GPE (from NER or the registry's actor type)
    confidence: float = 1.0


@dataclass
class Provenance:
    """Where a derived record comes from."""

    doc_id: str
    start: int
    end: int
    sentence: str = ""
    sentence_start: int = 0
    extractor: str = ""
    version: str = ""
    confidence: float = 1.0


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_type: str | None = None  # official / state media / independent / wire / social
    language: str | None = None  # ISO 639-1: en, ru, pl, ...
    published: date | None = None
    source: str | None = None  # file path, feed id, "demo", ...
    ingested_at: datetime | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)[:16]

    @property
    def hash(self) -> str:
        return content_hash(self.text)


# --------------------------------------------------------------------------- actors


@dataclass
class Role:
    title: str  # "Minister of Foreign Affairs"
    org: str | None = None  # "Ministry of Foreign Affairs of Russia"
    country: str | None = None  # ISO 3166-1 alpha-3
    start: date | None = None
    end: date | None = None  # None = still in office

    def active_on(self, d: date | None) -> bool:
        if d is None:
            return self.end is None
        if self.start and d < self.start:
            return False
        if self.end and d > self.end:
            return False
        return True


@dataclass
class Actor:
    id: str  # slug, e.g. "sergei-lavrov"
    name: str  # canonical English name, e.g. "Sergei Lavrov"
    type: ActorType = "person"
    country: str | None = None  # ISO 3166-1 alpha-3
    aliases: dict[str, list[str]] = field(default_factory=dict)  # lang -> surface forms
    roles: list[Role] = field(default_factory=list)
    description: str | None = None
    # An organisation that speaks for its state (ministry, agency, press service) is reported as
    # the state when it is a target; armed forces, armed groups, parliaments and parties act in
    # their own name and are reported as themselves (registry field `stands_for_state: false`).
    stands_for_state: bool = True
    gender: str | None = None  # persons: "f" / "m" when the registry says (a "she" must not be a man)

    def role_on(self, d: date | None) -> Role | None:
        """The role held on date d (the latest-starting one if several), or None."""
        active = [r for r in self.roles if r.active_on(d)]
        if not active:
            return None
        return max(active, key=lambda r: r.start or date.min)


# --------------------------------------------------------------------------- statements and events


@dataclass
class Statement:
    """An attributed statement: who said what, when, about whom."""

    doc_id: str
    content: str
    content_span: Span
    speaker: str | None = None  # canonical name, or the text's own words for unknown speakers
    speaker_id: str | None = None  # registry id when resolved
    speaker_span: Span | None = None  # the mention used (may be a pronoun resolved to speaker)
    speaker_mention: str | None = None  # the mention as written ("he", "the minister")
    speaker_role: str | None = None
    speaker_org: str | None = None
    speaker_country: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    content_spans: list[Span] = field(default_factory=list)  # parts when interrupted by the cue
    kind: str = "indirect"  # direct / indirect / mixed / according_to / headline / colon
    date: date | None = None
    date_confidence: float = 0.5
    date_evidence: str | None = None  # "On 1 November", "same day", "document date"
    target: str | None = None
    target_id: str | None = None
    target_span: Span | None = None
    stance: StanceLabel = "neutral"
    stance_confidence: float = 0.5
    plover: str | None = None  # verbal act: DEMAND, ACCUSE, REJECT, THREATEN, SUPPORT, APPEAL...
    narratives: list[str] = field(default_factory=list)
    sentence: str = ""
    sentence_span: Span = (0, 0)
    confidence: float = 0.5
    extractor: str = ""
    extractor_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return stable_id("statement", self.doc_id, self.content_span[0], self.content_span[1])

    def to_contract(self, doc_label: str) -> dict[str, Any]:
        """The JSON object of CONTRACT.md (kind = statement)."""
        return {
            "doc": doc_label,
            "kind": "statement",
            "id": self.id,
            "speaker": self.speaker,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "speaker_role": self.speaker_role,
            "speaker_org": self.speaker_org,
            "speaker_country": self.speaker_country,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "content": self.content,
            "content_span": list(self.content_span),
            "content_spans": [list(s) for s in self.content_spans] or [list(self.content_span)],
            "date": _iso(self.date),
            "target": self.target,
            "target_span": list(self.target_span) if self.target_span else None,
            "stance": self.stance,
            "narratives": list(self.narratives),
            # every narrative matched, with how the statement stands to it (promotes / reports / rebuts)
            "narrative_relations": dict((self.extra or {}).get("narrative_relations") or {}),
            "plover": self.plover,
            "confidence": round(float(self.confidence), 3),
            "sentence_span": list(self.sentence_span),
            # how it was read: the form (direct quote, reported speech, …) and the rules that fired
            "form": self.kind,
            # how the speaker was found (name, registry, title, pronoun, previous, unresolved…)
            "resolved_by": (self.extra or {}).get("resolved_by"),
            "rules": [str(n) for n in (self.extra or {}).get("notes") or []],
            "extractor": f"{self.extractor}/{self.extractor_version}",
        }


@dataclass
class Event:
    """A non-verbal interaction coded in PLOVER (calls, meetings, deployments, sanctions...)."""

    doc_id: str
    plover: str  # CONSULT, MOBILIZE, SANCTION, ASSAULT, AID, ...
    span: Span  # the sentence or clause that reports it
    source: str | None = None
    target: str | None = None
    participants: list[str] = field(default_factory=list)
    date: date | None = None
    date_confidence: float = 0.5
    trigger: str | None = None  # the word(s) that signalled the event ("telephone conversation")
    trigger_span: Span | None = None
    mode: str | None = None  # PLOVER mode, e.g. "phone", "visit", "sanction"
    scale: float = 0.0  # cooperation (+10) .. conflict (-10), see extract/plover.py
    sentence: str = ""
    confidence: float = 0.5
    extractor: str = ""
    extractor_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        # An event coded elsewhere keeps its own id in the key: GDELT codes many events of one
        # type and day from one article, and without it they overwrote each other.
        external = (self.extra or {}).get("globaleventid")
        return stable_id("event", self.doc_id, self.span[0], self.span[1], self.plover, _iso(self.date),
                         *([f"gdelt:{external}"] if external else []))

    def to_contract(self, doc_label: str) -> dict[str, Any]:
        return {
            "doc": doc_label,
            "kind": "event",
            "id": self.id,
            "plover": self.plover,
            "source": self.source,
            "target": self.target,
            "participants": list(self.participants),
            "date": _iso(self.date),
            "span": list(self.span),
            "trigger": self.trigger,
            "scale": self.scale,
            "confidence": round(float(self.confidence), 3),
            "extractor": f"{self.extractor}/{self.extractor_version}",
        }


# --------------------------------------------------------------------------- analysis records


@dataclass
class NarrativeMatch:
    """A narrative carried by a statement (statement_id set) or a document (statement_id None)."""

    doc_id: str
    narrative_id: str
    taxonomy: str
    score: float
    span: Span  # the sentence/claim that carries it
    sentence: str = ""
    statement_id: str | None = None
    explanation: dict[str, Any] = field(default_factory=dict)  # "matched because..."
    extractor: str = ""
    extractor_version: str = ""
    relation: str = "promotes"  # promotes / reports / rebuts (analyze/narratives/relation.py)

    @property
    def id(self) -> str:
        return stable_id("narrative", self.doc_id, self.statement_id, self.narrative_id, self.span[0])


@dataclass
class StanceMention:
    """A stance of a holder toward one actor named in a statement (beyond its main target)."""

    doc_id: str
    holder: str | None  # canonical speaker; None = the author
    target: str
    polarity: StanceLabel
    score: float
    span: Span  # mention of the target
    statement_id: str | None = None
    extractor: str = ""
    extractor_version: str = ""


@dataclass
class DocumentAnalysis:
    """Everything the pipeline derived from one document (what the store saves in one transaction)."""

    doc_id: str
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    narratives: list[NarrativeMatch] = field(default_factory=list)
    stances: list[StanceMention] = field(default_factory=list)
    pipeline_version: str = ""


def to_jsonable(obj: Any) -> Any:
    """dataclass/date-aware conversion for JSON output."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj

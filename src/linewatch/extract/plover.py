"""PLOVER event types, their modes, a cooperation–conflict scale and CAMEO → PLOVER.

PLOVER (Political Language Ontology for Verifiable Event Records, Halterman,
Schrodt et al.) codes an interaction as one of 18 types. linewatch adds two
verbal-act labels that the hand-made gold of this project uses for statements:
ACCUSE (PLOVER files it under DISAPPROVE, mode "accuse") and APPEAL (a softer
DEMAND); `base_type()` maps them back to standard PLOVER.

The scale
---------
`SCALE[type]` places each type on a cooperation (+10) … conflict (−10) line,
in the spirit of the Goldstein scale for CAMEO: verbal cooperation is mildly
positive, material help strongly positive, verbal conflict mildly negative and
force strongly negative. A mode can shift the value (`MODE_SHIFT`): a phone
call is less than a visit, a military deployment more threatening than a police
one, a ceasefire more conciliatory than a release. `scale(type, mode)` returns
the value, clamped to [−10, 10].
"""
from __future__ import annotations

import re

# type -> (category, scale). Categories: verbal/material × cooperation/conflict.
TYPES: dict[str, tuple[str, float]] = {
    "AGREE": ("verbal cooperation", 4.0),
    "CONSULT": ("verbal cooperation", 3.0),
    "SUPPORT": ("verbal cooperation", 3.5),
    "CONCEDE": ("material cooperation", 5.0),
    "COOPERATE": ("material cooperation", 6.0),
    "AID": ("material cooperation", 7.0),
    "RETREAT": ("material cooperation", 4.5),
    "DEMAND": ("verbal conflict", -2.0),
    "APPEAL": ("verbal conflict", -1.0),
    "DISAPPROVE": ("verbal conflict", -2.5),
    "ACCUSE": ("verbal conflict", -3.0),
    "REJECT": ("verbal conflict", -4.0),
    "THREATEN": ("verbal conflict", -6.0),
    "INVESTIGATE": ("material conflict", -2.0),
    "PROTEST": ("material conflict", -5.0),
    "SANCTION": ("material conflict", -6.5),
    "MOBILIZE": ("material conflict", -6.0),
    "COERCE": ("material conflict", -7.0),
    "ASSAULT": ("material conflict", -9.0),
    "FIGHT": ("material conflict", -10.0),
}
SCALE: dict[str, float] = {t: v for t, (_, v) in TYPES.items()}

# Verbal acts: what a statement can be (the rest are things done, not said).
VERBAL_TYPES = frozenset({"AGREE", "SUPPORT", "DEMAND", "APPEAL", "DISAPPROVE", "ACCUSE", "REJECT", "THREATEN"})

# PLOVER modes (sub-types) used by linewatch's triggers and the CAMEO table.
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("phone", "visit", "host", "meet", "third-party", "talks"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("release", "return", "ease", "access", "disarm", "ceasefire", "withdraw"),
    "DEMAND": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("relations", "restrict", "ban", "expel", "violence", "territory"),
    "PROTEST": ("demo", "hunger", "boycott", "obstruct", "riot"),
    "MOBILIZE": ("police", "troops", "exercise"),
    "SANCTION": ("withdraw", "discontinue", "expel", "economic"),
    "COERCE": ("seize", "restrict", "ban", "arrest", "deport", "pushback"),
    "ASSAULT": ("abduct", "beat", "torture", "explosives", "assassinate", "shoot", "cleansing"),
    "FIGHT": ("firearms", "heavy-weapons", "artillery", "aerial"),
    "DISAPPROVE": ("accuse", "criticize", "allege"),
}

MODE_SHIFT: dict[tuple[str, str], float] = {
    ("CONSULT", "phone"): -0.5,
    ("CONSULT", "visit"): 1.0,
    ("CONSULT", "host"): 1.0,
    ("MOBILIZE", "police"): 1.5,
    ("MOBILIZE", "exercise"): 0.5,
    ("RETREAT", "ceasefire"): 1.5,
    ("SANCTION", "expel"): 1.0,
    ("THREATEN", "violence"): -1.5,
    ("COERCE", "arrest"): 1.0,
    ("ASSAULT", "explosives"): -0.5,
}


def base_type(label: str | None) -> str | None:
    """The standard PLOVER type of a linewatch label (ACCUSE → DISAPPROVE, APPEAL → DEMAND)."""
    if not label:
        return None
    label = label.upper()
    return {"ACCUSE": "DISAPPROVE", "APPEAL": "DEMAND"}.get(label, label if label in TYPES else None)


def scale(plover_type: str, mode: str | None = None) -> float:
    """Cooperation (+10) … conflict (−10) value of a type and mode (see the module docstring)."""
    value = SCALE.get(plover_type.upper(), 0.0) + MODE_SHIFT.get((plover_type.upper(), mode or ""), 0.0)
    return max(-10.0, min(10.0, value))


# --------------------------------------------------------------------------- CAMEO → PLOVER
#
# Written from the CAMEO manual's code list and the PLOVER 2021 conversion notes.
# Root (two-digit) codes give the default; longer codes override where PLOVER splits
# a CAMEO root differently (CAMEO 08 holds both CONCEDE and RETREAT, 16 holds a
# COERCE, 17 holds ASSAULTs, 19 is FIGHT except its blockades/occupations).
# 01 (public statement) has no PLOVER type: it is not an interaction.

_ROOT: dict[str, tuple[str, str | None] | None] = {
    "01": None,
    "02": ("DEMAND", None),  # appeals are requests in PLOVER
    "03": ("AGREE", None),
    "04": ("CONSULT", None),
    "05": ("SUPPORT", None),
    "06": ("COOPERATE", None),
    "07": ("AID", None),
    "08": ("CONCEDE", None),
    "09": ("INVESTIGATE", None),
    "10": ("DEMAND", None),
    "11": ("DISAPPROVE", None),
    "12": ("REJECT", None),
    "13": ("THREATEN", None),
    "14": ("PROTEST", None),
    "15": ("MOBILIZE", None),
    "16": ("SANCTION", None),
    "17": ("COERCE", None),
    "18": ("ASSAULT", None),
    "19": ("FIGHT", None),
    "20": ("ASSAULT", None),
}

_SPECIFIC: dict[str, tuple[str, str | None]] = {
    "041": ("CONSULT", "phone"),
    "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "host"),
    "044": ("CONSULT", "meet"),
    "045": ("CONSULT", "third-party"),
    "046": ("CONSULT", "talks"),
    "071": ("AID", "economic"),
    "072": ("AID", "military"),
    "073": ("AID", "humanitarian"),
    "075": ("AID", "asylum"),
    "0813": ("RETREAT", None),
    "0814": ("RETREAT", None),
    "084": ("RETREAT", None),
    "0841": ("RETREAT", "release"),
    "0842": ("RETREAT", "return"),
    "085": ("RETREAT", "ease"),
    "086": ("RETREAT", "access"),
    "0861": ("RETREAT", "access"),
    "0862": ("RETREAT", "access"),
    "0863": ("RETREAT", "access"),
    "087": ("RETREAT", "disarm"),
    "0871": ("RETREAT", "ceasefire"),
    "0872": ("RETREAT", "withdraw"),
    "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "disarm"),
    "106": ("DEMAND", "meet"),
    "107": ("DEMAND", "meet"),
    "108": ("DEMAND", "meet"),
    "125": ("REJECT", "meet"),
    "126": ("REJECT", "meet"),
    "127": ("REJECT", "meet"),
    "136": ("THREATEN", "expel"),
    "137": ("THREATEN", "violence"),
    "138": ("THREATEN", "violence"),
    "141": ("PROTEST", "demo"),
    "142": ("PROTEST", "hunger"),
    "143": ("PROTEST", "boycott"),
    "144": ("PROTEST", "obstruct"),
    "145": ("PROTEST", "riot"),
    "151": ("MOBILIZE", "police"),
    "152": ("MOBILIZE", "troops"),
    "153": ("MOBILIZE", "police"),
    "154": ("MOBILIZE", "troops"),
    "161": ("SANCTION", "withdraw"),
    "162": ("SANCTION", "discontinue"),
    "163": ("COERCE", "restrict"),
    "166": ("SANCTION", "expel"),
    "171": ("COERCE", "seize"),
    "1712": ("ASSAULT", "seize"),
    "173": ("COERCE", "arrest"),
    "174": ("COERCE", "deport"),
    "175": ("ASSAULT", None),
    "181": ("ASSAULT", "abduct"),
    "182": ("ASSAULT", "beat"),
    "1822": ("ASSAULT", "torture"),
    "183": ("ASSAULT", "explosives"),
    "184": ("ASSAULT", "abduct"),
    "185": ("ASSAULT", "assassinate"),
    "186": ("ASSAULT", "assassinate"),
    "191": ("COERCE", "restrict"),
    "192": ("COERCE", "seize"),
    "193": ("FIGHT", "firearms"),
    "194": ("FIGHT", "heavy-weapons"),
    "195": ("FIGHT", "aerial"),
    "201": ("ASSAULT", "cleansing"),
    "203": ("ASSAULT", "cleansing"),
}

_CAMEO_CODE = re.compile(r"^\d{2,4}$")


def cameo_to_plover_mode(code: str | int | None) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO event code such as "042" or "1712"; None if it has none."""
    if code is None:
        return None
    code = str(code).strip()
    if not _CAMEO_CODE.match(code):
        return None
    for n in range(len(code), 2, -1):
        if code[:n] in _SPECIFIC:
            return _SPECIFIC[code[:n]]
    return _ROOT.get(code[:2])


def cameo_to_plover(code: str | int | None) -> str | None:
    """The PLOVER type of a CAMEO event code ("042" → CONSULT, "190" → FIGHT); None if none."""
    found = cameo_to_plover_mode(code)
    return found[0] if found else None

"""Attributions signalled by phrases rather than a reporting verb's own clause.

- according-to: `according to X, …` / `…, according to X` / `по словам X` / `по ее мнению` /
  `według X …` / `jego zdaniem` / `Jak dodał, …` / parenthetical `- jak podkreślił - "…"`;
- statement nouns: `заявление главы МВД о том, что…`, `Lavrov's claim that…`;
- back references: `Об этом заявил X.`, `Poinformował o tym X.` (content = previous sentence);
- headlines `Name: claim` and quotes signed with a dash (`“…” ― Jane Doe`).
"""
from __future__ import annotations

from functools import cache

from linewatch.extract.attribution.base import (
    CLAUSE_BREAK,
    CLOSE_QUOTES,
    LONG_DASHES,
    OPEN_QUOTES,
    QUOTE_MARKS,
    Attribution,
    SentenceView,
    body_after,
    date_words,
    gender_from_verb,
    is_word,
    issuer_after,
    name_in_apposition,
    name_like,
    quoted_medium,
    registered_after,
    speaker_after,
    speaker_before,
    strip_quotes,
    word_count,
)
from linewatch.extract.attribution.cues import CueTable
from linewatch.extract.attribution.speaker import is_title_word, names_only_medium, speaker_words
from linewatch.lexicon import lexicon
from linewatch.nlp.names import may_be_nominative


def noun_cues(view: SentenceView, taken: list[tuple[int, int]]) -> list[Attribution]:
    """`заявление главы МВД о том, что…`, `Lavrov's claim that…`, `oświadczenie X, że…`."""
    table, toks = view.table, view.toks
    if table.nouns is None:
        return []
    out = []
    for k, t in enumerate(toks):
        if not table.nouns.fullmatch(t.text.lower()) or any(a <= t.start < b for a, b in taken):
            continue
        if view.in_quote(t.start, t.end):
            continue
        marker = None
        for x in range(k + 1, min(k + 10, len(toks))):
            if toks[x].text.lower() in table.that:
                marker = x
                break
            if toks[x].text in (".", ";", ":") or toks[x].text in OPEN_QUOTES:
                break
        if marker is None or word_count(view, marker + 1, len(toks)) < 3:
            continue
        if any(toks[x].pos in ("VERB", "AUX") for x in range(k + 1, marker)):
            continue  # "the statements … show that": the noun is a subject, not a cue
        words = [x for x in range(k + 1, marker) if is_word(toks[x]) and toks[x].text.lower() not in table.noun_fillers]
        if words and (toks[words[0]].pos == "ADP" or toks[words[0]].text.lower() in view.prepositions):
            speaker = None  # "apel do władz w Mińsku, by…": whom it was made to; who made it is told elsewhere
        elif words:
            speaker = view.span(words[0], words[-1] + 1)
        elif k >= 2 and toks[k - 1].text in ("'s", "’s"):
            first = k - 2
            while first - 1 >= 0 and name_like(view, first - 1):
                first -= 1
            speaker = view.span(first, k - 1)
        elif k >= 1 and toks[k - 1].text.lower() in table.possessive:
            speaker = view.span(k - 1, k)
        else:
            continue
        # the content keeps its complementiser, as the verb rules do ("his claim that the…")
        content = strip_quotes(view.text, toks[marker].start, view.end)
        out.append(Attribution("indirect", (t.start, t.end), [content], speaker, 0.55, notes=["noun_cue"]))
    return out


def quote_dash_name(view: SentenceView, taken: list[tuple[int, int]]) -> list[Attribution]:
    """`“…” ― Jane Doe`: a quotation signed with a dash and a name, no verb."""
    toks = view.toks
    out = []
    for d, t in enumerate(toks):
        if t.text[:1] in CLOSE_QUOTES and t.text[1:] in LONG_DASHES:
            close_end, dash = t.start + 1, (t.start + 1, t.end)  # the tokenizer may glue `”―` together
        elif t.text in LONG_DASHES and d > 0 and toks[d - 1].text in CLOSE_QUOTES:
            close_end, dash = toks[d - 1].end, (t.start, t.end)
        else:
            continue
        q = view.in_quote(close_end - 2) if close_end > 1 else None
        if q is None or q[1] != close_end or any(q[0] <= c[0] < q[1] for c in taken):
            continue
        e = d + 1
        while e < len(toks) and e - d <= 4 and toks[e].text[:1].isupper() and is_word(toks[e]):
            e += 1
        if e == d + 1 or (e < len(toks) and toks[e].text not in OPEN_QUOTES and toks[e].text not in (".", "!")):
            continue
        out.append(Attribution("direct", dash, [strip_quotes(view.text, *q)], view.span(d + 1, e), 0.6))
    return out


def _after_opening_relay(view: SentenceView, k: int) -> int:
    """Index of the token after the comma closing an according-to phrase that opens the sentence
    ("Как сообщает АЗЕРТАДЖ, …"), before token k; 0 when the sentence opens otherwise."""
    toks = view.toks
    if not any(a == toks[0].start for a, _b in according_phrases(view)):
        return 0
    comma = next((x for x in range(1, k) if toks[x].text == ","), None)
    return comma + 1 if comma is not None else 0


def back_reference(view: SentenceView, k: int) -> Attribution | None:
    """`Об этом заявил X.` / `Poinformował o tym X.` / `This was said by X.`: the content is the previous sentence."""
    toks, table = view.toks, view.table
    if view.prev_sentence is None or not table.back_reference or k > 10:
        return None
    if k + 1 < len(toks) and toks[k + 1].text.lower() in table.back_reference_objects \
            and not _noun_phrase_at(view, k + 2) and (sb := speaker_before(view, k)) is not None:
        # "He said this speaking at a press conference": what was said is the sentence before
        a, b = view.prev_sentence
        return Attribution("indirect", (toks[k].start, toks[k].end), [strip_quotes(view.text, a, b)],
                           view.span(*sb), 0.6, notes=["back_reference"])
    lead = " ".join(t.text.lower() for t in toks[:k] if is_word(t))
    # "Как сообщает АЗЕРТАДЖ, соответствующее мнение выразила X": the medium only relays X's words
    relayed = " ".join(t.text.lower() for t in toks[_after_opening_relay(view, k):k] if is_word(t))
    after = " ".join(t.text.lower() for t in toks[k + 1:k + 3] if is_word(t))
    # "Такое мнение, комментируя ситуацию на границе, высказал X": the phrase, then an aside set off by commas
    lead = _before_aside(view, k) or lead
    # "О дискредитации референдума заявила X": the topic of the sentence before, the speaker after the cue
    if not _topic_points_back(view, k) \
            and not any(lead == p or relayed == p or (lead == "" and after.startswith(p)) for p in table.back_reference):
        if not any(_back_phrase_then_adjunct(view, k, lead, p) for p in table.back_reference):
            return None
        # "W ten sposób minister X skomentował słowa Y": a name between the phrase and the cue speaks
        sb = speaker_before(view, k)
        phrase = max((p for p in table.back_reference if lead.startswith(p + " ")), key=len)
        if sb is not None and (_in_adjunct(view, sb[0], _word_index(view, len(phrase.split())))
                               or names_only_medium(view.text[toks[sb[0]].start:toks[sb[1] - 1].end], view.lang)):
            # "Об этом в интервью Reuters заявил X", "Об этом RT рассказала X": the medium heard it, X
            # (named after the cue) speaks; with nobody named there the words before it stay the speaker
            sb = None
        if sb is not None and any((t.text[:1].isupper() and (view.has_parse or may_be_nominative(t.text, view.lang)))
                                  or t.text.lower() in table.pronouns for t in toks[max(sb[0], 1):sb[1]]):
            # (with no parse, a name in an oblique case is the object: "w ten sposób wpis Sikorskiego
            # skomentował X" is X's)
            a, b = view.prev_sentence
            return Attribution("indirect", (toks[k].start, toks[k].end), [strip_quotes(view.text, a, b)],
                               view.span(*sb), 0.6, notes=["back_reference"])
    if _topic_points_back(view, k) and (sb := _named_subject_before(view, k)) is not None:
        # "Об этом Президент Беларуси Александр Лукашенко заявил в интервью телерадиокомпании TRT": the
        # subject between the phrase and the cue speaks, not the medium after it
        a, b = view.prev_sentence
        return Attribution("indirect", (toks[k].start, toks[k].end), [strip_quotes(view.text, a, b)],
                           view.span(*sb), 0.6, notes=["back_reference"])
    inv = speaker_after(view, k + 1)
    if inv and toks[inv[0]].text.lower() in {w for p in table.back_reference for w in p.split()}:
        inv = speaker_after(view, inv[0] + 2) if inv[1] - inv[0] > 2 else None
    inv = inv or body_after(view, k, k + 1) or registered_after(view, k + 1)  # "Об этом сообщили в Минобороны России"
    if inv is None:
        # "Об этом сообщил сегодня журналистам помощник Президента - инспектор по Гродненской области
        # Юрий Караев": a long title before the name; the phrase pointing back has left nothing else to
        # say, so the name that ends the sentence speaks
        inv = _closing_name(view, k + 1)
    speaker = view.span(*inv) if inv else None
    if speaker is None:
        sb = speaker_before(view, k)
        speaker = view.span(*sb) if sb else None
    if speaker is None:
        return None
    a, b = view.prev_sentence
    att = Attribution("indirect", (toks[k].start, toks[k].end), [strip_quotes(view.text, a, b)], speaker, 0.6,
                      notes=["back_reference"])
    if table.relay is not None and table.relay.fullmatch(toks[k].text.lower()):
        att.notes.append("relay")  # "Об этом сообщило РИА Новости": a news agency relaying is no statement
    return att


def _named_subject_before(view: SentenceView, k: int) -> tuple[int, int] | None:
    """The subject before cue k that names someone (a capital that may be a nominative, a pronoun),
    not a medium nor a word of an adjunct, or None."""
    toks = view.toks
    sb = speaker_before(view, k)
    if sb is None or sb[0] == 0 or names_only_medium(view.text[toks[sb[0]].start:toks[sb[1] - 1].end], view.lang):
        return None
    if toks[sb[0] - 1].text.lower() in view.prepositions:
        return None  # "Об этом в интервью Reuters заявил X": the medium heard it
    named = any((t.text[:1].isupper() and (view.has_parse or may_be_nominative(t.text, view.lang)))
                or t.text.lower() in view.table.pronouns for t in toks[sb[0]:sb[1]])
    return sb if named else None


BACK_REFERENCE_REACH = 18  # tokens after the cue searched for its speaker in "Об этом сообщил …"
CLOSING_NAME_WORDS = 3  # at most this many capitalised words make the name ending a sentence


def _closing_name(view: SentenceView, lo: int) -> tuple[int, int] | None:
    """Token range of the capitalised name that ends the sentence within `BACK_REFERENCE_REACH`
    tokens of `lo` (two to three name words, the last before the final punctuation or a medium's relay
    after a comma), or None."""
    toks, table = view.toks, view.table
    end = len(toks)
    # "…, цитирует агентство «Белта».": a medium's relay after a comma closes the sentence; the name is before it
    end = next((c for c in range(lo + 1, end - 1) if toks[c].text == "," and any(
        p is not None and p.fullmatch(toks[c + 1].text.lower()) for p in (table.relay, table.quoting))), end)
    while end > lo and not is_word(toks[end - 1]):
        end -= 1
    start = end
    while start > lo and end - start < CLOSING_NAME_WORDS and toks[start - 1].text[:1].isupper() \
            and name_like(view, start - 1):
        start -= 1
    if end - start < 2 or end - lo > BACK_REFERENCE_REACH:
        return None
    return start, end


def _word_index(view: SentenceView, n: int) -> int:
    """Index of the token after the first `n` words of the sentence."""
    seen = 0
    for i, t in enumerate(view.toks):
        if seen == n:
            return i
        seen += is_word(t)
    return len(view.toks)


ADJUNCT_LOWER_WORDS = 3  # lower-case words between an adjunct's preposition and a name inside it


def _in_adjunct(view: SentenceView, i: int, lo: int) -> bool:
    """Does the capitalised word at token i stand in a prepositional phrase that starts at or after
    token `lo` ("в интервью Reuters", "в Москве", "на расширенном заседании коллегии МИД РФ"): a
    preposition right before it, or before up to three lower-case words before it? ("Об этом Путин
    заявил": the phrase's own "об" is no such preposition.)"""
    toks = view.toks
    for p in range(i - 1, max(lo, i - 1 - ADJUNCT_LOWER_WORDS) - 1, -1):
        if toks[p].text.lower() in view.prepositions:
            return True
        if not (is_word(toks[p]) and toks[p].text[:1].islower()):
            return False  # "на расширенном заседании коллегии МИД РФ": only lower-case words between
    return False


def _noun_phrase_at(view: SentenceView, i: int) -> bool:
    """Does a noun phrase go on at token i ("said this week", "this decision"), so that the word before
    it is a determiner, not a pronoun? Without a parse, any word may."""
    toks = view.toks
    if i >= len(toks) or not is_word(toks[i]):
        return False
    return not view.has_parse or toks[i].pos in ("NOUN", "PROPN", "ADJ", "NUM", "DET")


ASIDE_WORDS = 12  # at most this many words in an aside between a phrase and its cue


def _before_aside(view: SentenceView, k: int) -> str | None:
    """The words before the first comma when a comma-enclosed aside of at most `ASIDE_WORDS` words
    with no that-word follows them right up to the cue at k ("Такое мнение, комментируя …, высказал"),
    else None."""
    toks = view.toks
    if k < 4 or toks[k - 1].text != ",":
        return None
    first = next((x for x in range(k - 1) if toks[x].text == ","), None)
    if first is None or first == 0:
        return None
    aside = toks[first + 1:k - 1]
    if not aside or len(aside) > ASIDE_WORDS or any(not is_word(t) or t.text.lower() in view.table.that
                                                    for t in aside):
        return None
    return " ".join(t.text.lower() for t in toks[:first] if is_word(t))


TOPIC_WORDS = 6  # words of a topic phrase pointing back ("О дискредитации еврореферендума Молдавии")
TOPIC_STEM = 5  # letters of a word's start that tie the topic to the sentence before


def _topic_points_back(view: SentenceView, k: int) -> bool:
    """`О дискредитации еврореферендума Молдавии заявила X`, `O ataku poinformował X`: the sentence opens
    with a topic preposition (cues.yaml `topic_back_reference`) and a short phrase with no verb and no
    clause, ending at the cue, one of whose words the sentence before shares (by its first letters):
    the phrase names what that sentence said."""
    toks, table = view.toks, view.table
    if view.prev_sentence is None or not table.topic_back_reference or not 2 <= k <= TOPIC_WORDS + 1 \
            or toks[0].text.lower() not in table.topic_back_reference:
        return False
    words = toks[1:k]
    if not all(is_word(t) for t in words) or any(t.pos in ("VERB", "AUX") or t.text.lower() in table.that for t in words):
        return False
    before = view.text[view.prev_sentence[0]:view.prev_sentence[1]].lower()
    # a place or an actor the phrase names ("O udziale Polski w negocjacjach") is shared by half the
    # text; only the topic's own words say it is what the sentence before said
    stems = {t.text.lower()[:TOPIC_STEM] for t in words if len(t.text) > TOPIC_STEM
             and t.start not in view.place_starts and t.start not in view.mention_starts}
    return any(stem in before for stem in stems)


def _back_phrase_then_adjunct(view: SentenceView, k: int, lead: str, phrase: str) -> bool:
    """`Об этом в эфире радио заявил X`, `С таким заявлением на брифинге выступила X`: a phrase of
    two words or more pointing back, then a short adjunct (or the speaker) before the cue. Not `O tym,
    że A, poinformował X` (the content is the clause inside the sentence)."""
    if " " not in phrase or not lead.startswith(phrase + " ") or len(lead.split()) - len(phrase.split()) > 6:
        return False
    toks = view.toks
    dated = {x for x in range(k) if toks[x].text == "," and (
        (n := date_words(view, x + 1)) and x + 1 + n < len(toks) and toks[x + 1 + n].text == ","
        or (n := date_words(view, x - 1, back=True)) and x - 1 - n >= 0 and toks[x - 1 - n].text == ",")}
    # "Об этом сегодня, 19 ноября, сообщил X": the day's date set off by commas is an adjunct too
    return not any((t.text == "," and x not in dated) or t.text.lower() in view.table.that for x, t in enumerate(toks[:k]))


def _short_quoted_name(view: SentenceView, i: int, most: int = 4) -> int | None:
    """Index of the mark closing a short quotation opened at token i inside a source phrase after a
    common noun (a call sign, a unit's or a party's name: "по словам бойца с позывным «Лев», …"),
    or None."""
    toks = view.toks
    if i == 0 or not toks[i - 1].text[:1].islower():
        return None  # "по данным «Коммерсанта»", "как сообщает РИА «Новости»": a medium's own name
    q = view.in_quote(toks[i].start + 1)
    if q is None or q[0] != toks[i].start:
        return None
    close = next((x for x in range(i + 1, min(i + most + 2, len(toks))) if toks[x].end == q[1]), None)
    return close if close is not None and close > i + 1 else None


def _genitive_notes(phrase: str, table: CueTable) -> list[str]:
    """["genitive"] when the according-to phrase puts its source in the genitive ("według", "по словам"):
    a name the registry does not know is then given back in the nominative."""
    return ["genitive"] if phrase.lower() in table.according_genitive else []


def according_phrases(view: SentenceView) -> list[tuple[int, int]]:
    """Where the sentence has an according-to phrase outside quotations (found once per sentence: the
    verb cues and the content search both ask)."""
    if view.asides is None:
        found = ((view.start + m.start(), view.start + m.end())
                 for m in view.table.according.finditer(view.text[view.start:view.end])) \
            if view.table.according is not None else ()
        view.asides = [(a, b) for a, b in found if not view.in_quote(a, b)]
    return view.asides


def _bare_title_source(view: SentenceView, i: int) -> int | None:
    """The end of a title word in lower case with no name after it ("Zdaniem ministra reżim…",
    "Według rzecznika rząd…", "Według rosyjskiego dyktatora to…": a country's adjective may stand
    before it), the title alone being the phrase's source; None otherwise."""
    toks = view.toks
    if i + 2 < len(toks) and toks[i].text[:1].islower() and toks[i].start in view.mention_starts \
            and is_title_word(toks[i + 1].text, view.lang):
        i += 1  # "rosyjskiego dyktatora": the registry's adjective of a country, then the title
    # the word after it opens the content's own subject ("reżim", a nominative), not the title's
    # qualifier ("rzecznika litewskiego MSZ Tomasza Kowalczyka": a genitive, the name follows)
    if (i + 1 < len(toks) and toks[i].text[:1].islower() and is_title_word(toks[i].text, view.lang)
            and not name_like(view, i + 1) and toks[i + 1].text[:1].islower()
            and may_be_nominative(toks[i + 1].text, view.lang)):
        return i + 1
    return None


def according_to(view: SentenceView) -> list[Attribution]:
    table, toks, text = view.table, view.toks, view.text
    out = []
    for a, b in according_phrases(view):
        m_text = text[a:b]
        idx_after = next((i for i, t in enumerate(toks) if t.start >= b), None)
        idx_before = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].end <= a), None)
        if idx_after is None:
            continue
        words_before = word_count(view, 0, idx_before + 1) if idx_before is not None else 0
        if words_before > 2 and _adverbial_opening(view, idx_before):
            words_before = 0  # "At the same time, according to X, …": the content follows the source
        # source: up to the next comma/colon, or the capitalised run (Polish "Według Żaryna migranci…")
        e = idx_after
        while (e < len(toks) and toks[e].text not in CLAUSE_BREAK and toks[e].text not in (".", "?", "!")
               and e - idx_after < 12):
            if toks[e].text in QUOTE_MARKS:
                closing = quoted_medium(view, e)
                if closing is None and e > idx_after:
                    closing = _short_quoted_name(view, e)
                if closing is None:
                    break
                e = closing  # "как сообщает телеканал «Россия 24», …": the medium's quoted name
            e += 1
        inner = [i for i, t in enumerate(toks) if a <= t.start and t.end <= b and t.text.lower() in table.possessive]
        if words_before <= 2 and inner:
            # "по ее мнению, …", "jego zdaniem …": the source is the pronoun inside the phrase
            c_from = idx_after + 1 if toks[idx_after].text in (",", ":") else idx_after
            if word_count(view, c_from, len(toks)) < 3:
                continue
            src = (inner[0], inner[0] + 1)
            content = strip_quotes(text, toks[c_from].start, view.end)
        elif words_before <= 2 and table.speech.fullmatch(m_text.split()[-1].lower()) and (
                e == idx_after or (e < len(toks) and toks[e].text in (",", ":")
                                   and toks[idx_after].text.lower() in view.prepositions
                                   and speaker_after(view, idx_after, limit=e - idx_after) is None)):
            # "Jak dodał, …", "Как отметил, …": the speaker is the one quoted before; so too when
            # only an adjunct stands before the comma ("Jak zaznaczył w rozmowie z dziennikarzami, …")
            if word_count(view, e + 1, len(toks)) < 3:
                continue
            c_from = e + 1
            content = strip_quotes(text, toks[c_from].start, view.end)
            # "Как отмечают в МИД Белоруссии, …": the adjunct names the body that said it
            # ("Как отмечается в сообщении ГПК, …": the issuer of the document named there)
            body = (body_after(view, idx_after - 1, idx_after) or issuer_after(view, idx_after)) if e > idx_after else None
            out.append(Attribution("according_to", (a, b), [content], view.span(*body) if body else None, 0.7,
                                   gender_hint=gender_from_verb(m_text.split()[-1], table)))
            continue
        elif words_before <= 2:
            if e < len(toks) and toks[e].text in (",", ":", "—", "–"):
                src = (idx_after, e)
                c_from = e + 1
                if table.speech.fullmatch(m_text.split()[-1].lower()) and toks[idx_after].text.lower() in view.prepositions \
                        and (run := speaker_after(view, idx_after, limit=e - idx_after)) is not None and run[0] < e:
                    # "Jak stwierdził na środowej konferencji prasowej szef MRiRW, …": the adjunct is not the speaker
                    src = (run[0], e)
            elif (title_end := _bare_title_source(view, idx_after)) is not None:
                # "Zdaniem ministra reżim Łukaszenki dąży…": the minister's view; the name further on
                # is what the view is about
                src, c_from = (idx_after, title_end), title_end
            else:
                run = speaker_after(view, idx_after, limit=5)
                if not run:
                    continue
                src, c_from = run, run[1]
            if words_before and idx_before is not None and toks[idx_before].text == "," \
                    and not _adverbial_opening(view, idx_before) \
                    and (clause := _clause_before(view, idx_before)) is not None \
                    and word_count(view, clause, idx_before) + word_count(view, c_from, len(toks)) >= 3:
                # "Ситуация, как отметил X, остается напряженной": the phrase interrupts the claim
                out.append(Attribution("according_to", (a, b), _around(view, clause, idx_before, c_from),
                                       view.span(*src), 0.75,
                                       notes=_genitive_notes(m_text, table)))
                continue
            if word_count(view, c_from, len(toks)) < 3:
                continue
            content = strip_quotes(text, toks[c_from].start, view.end)
        elif (toks[idx_after].text in ("-", "—", "–", ",") and table.speech.fullmatch(m_text.split()[-1].lower())
              and idx_before is not None and toks[idx_before].text in ("-", "—", "–", ",")):
            # "…, białoruskie - jak zaznaczył - "śledztwo…"": a parenthetical cue; what follows is the content
            if word_count(view, idx_after + 1, len(toks)) < 3:
                continue
            content = strip_quotes(text, toks[idx_after + 1].start, view.end)
            out.append(Attribution("according_to", (a, b), [content], None, 0.7,
                                   gender_hint=gender_from_verb(m_text.split()[-1], table), notes=["parenthetical"]))
            continue
        else:
            if (idx_before is not None and idx_before > 0 and toks[idx_before].text in CLOSE_QUOTES
                    and toks[idx_before - 1].text == ","):
                # '… accused of "beatings and arson," according to X': the comma sits inside the
                # quotation the claim ends with (American style); the quote closes the content
                idx_before -= 1
            if idx_before is None or toks[idx_before].text not in (",", "(", "—", "–"):
                continue
            # "…, according to the chief of the Border Guard Service (VSAT), Rustamas Liubajevas.": the
            # name in apposition to the title speaks
            src = name_in_apposition(view, idx_after, e) or (idx_after, e)
            content = strip_quotes(text, view.start, toks[idx_before].start)
            q = view.in_quote(view.start)
            if q and q[0] < view.start:
                content = strip_quotes(text, q[0], toks[idx_before].start)
            elif toks[idx_before].text == "," and e < len(toks) and toks[e].text == "," and _goes_on(view, e + 1, src) \
                    and (clause := _clause_before(view, idx_before)) is not None:
                # "Граница с Польшей, как отметил X, будет закрыта": the claim goes on after the source
                out.append(Attribution("according_to", (a, b), _around(view, clause, idx_before, e + 1),
                                       view.span(*src), 0.75,
                                       notes=_genitive_notes(m_text, table)))
                continue
        if src[1] <= src[0] or content[1] <= content[0]:
            continue
        out.append(Attribution("according_to", (a, b), [content], view.span(*src), 0.75,
                               notes=_genitive_notes(m_text, table)))
    return out


def relative_word(view: SentenceView, word: str) -> bool:
    """Is `word` a relative pronoun of the language ("who", "który", "который"), not a complementiser?
    After a source ("…, according to X, who said that Z", "…, said X, who added that Z") it opens the
    source's next statement, not more of this one's content."""
    low = word.lower()
    return low in speaker_words(view.lang).relatives and low not in view.table.that


def _goes_on(view: SentenceView, i: int, source: tuple[int, int]) -> bool:
    """Do the words from token i finish the claim an according-to phrase interrupted, rather than
    narrate or describe the source ("…, как отметил X, выступая в Думе": an adverbial participle is
    the author's; "…, according to X, a former aide…": an apposition to X)?"""
    toks = view.toks
    if word_count(view, i, len(toks)) < 2 or not is_word(toks[i]) or relative_word(view, toks[i].text):
        return False
    heads = {toks[x].i for x in range(*source)}
    if any(t.dep == "appos" and t.head in heads for t in toks[i:]):
        return False
    return "VerbForm=Conv" not in toks[i].morph and not (
        view.table.follow_on is not None and view.table.follow_on.fullmatch(toks[i].text.lower()))


def _clause_before(view: SentenceView, before: int) -> int | None:
    """The first token of the clause an according-to phrase at token `before` interrupts, or None
    when that clause has no subject of its own ("однако, как пишет X, …", "которую, по его словам, …":
    the claim starts after the phrase)."""
    toks = view.toks
    start = next((x + 1 for x in range(before - 1, -1, -1) if toks[x].text in CLAUSE_BREAK), 0)
    if start >= before or (view.has_parse and not any(t.dep.startswith("nsubj") for t in toks[start:before])):
        return None
    return start


def _around(view: SentenceView, start: int, before: int, after: int) -> list[tuple[int, int]]:
    """The two parts of a claim around an according-to phrase: tokens [start, before) and [after, end)."""
    text, toks = view.text, view.toks
    parts = [strip_quotes(text, toks[start].start, toks[before].start), strip_quotes(text, toks[after].start, view.end)]
    return [p for p in parts if p[1] > p[0]]


def _adverbial_opening(view: SentenceView, idx_before: int | None) -> bool:
    """Is what precedes an according-to phrase a short adverbial opening and no clause ("At the
    same time,", "In Minsk on Monday,")? Then the claim follows the source, not precedes it."""
    if idx_before is None or view.toks[idx_before].text != ",":
        return False
    before = view.toks[:idx_before]
    if not view.has_parse or word_count(view, 0, idx_before) > 6:
        return False
    # "Граница с Польшей, как отметил X, будет…": a subject before the phrase whose verb follows it
    # opens the claim itself
    after = view.toks[idx_before].i
    return not any(t.pos in ("VERB", "AUX") or (t.dep.startswith("nsubj") and t.head > after) for t in before)


@cache
def _headline_labels(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "cues").get("headline_labels") or [])


def headline(view: SentenceView) -> Attribution | None:
    """`Lavrov: the West is to blame` — a short capitalised name, a colon, the claim."""
    toks = view.toks
    colon = next((i for i, t in enumerate(toks[:7]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon > 5:
        return None
    name = toks[:colon]
    if not all(is_word(t) or t.text in (".", "-", "'s", "’s") for t in name):
        return None
    if not name[0].text[:1].isupper() or any(t.pos in ("VERB", "ADP") for t in name):
        return None  # "Over Health: …" is a headline's tail, not a name
    if " ".join(t.text.lower() for t in name) in _headline_labels(view.lang):
        return None  # "Correction: …", "The Latest: …" label the item; nobody says them
    alpha = [t for t in toks[colon + 1:] if t.text.isalpha()]
    if len(alpha) < 3 or toks[colon + 1].text.lower() in ("http", "https", "www"):
        return None  # "URL: https://…", "DATE: 2021-11-10" are file furniture
    content = strip_quotes(view.text, toks[colon].end, view.end)
    att = Attribution("headline", (toks[colon].start, toks[colon].end), [content], view.span(0, colon), 0.55)
    if all(t.ent in ("PER", "ORG") for t in name if is_word(t)):
        att.notes.append("name_ok")  # NER vouches for a one-word name ("Pence: …"); a PROPN tag alone
        # does not ("Coronavirus: …" is a topic)
    return att

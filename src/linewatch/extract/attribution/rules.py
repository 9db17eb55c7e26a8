"""Attributions cued by a reporting verb, over one sentence's tokens, for every language.

The verb shapes (per-language words come from `data/lang/<lang>/cues.yaml`):

- post-position: CONTENT <sep> [SPEAKER] CUE [SPEAKER]     ("…," Lavrov said / «…», — заявил Песков / „…” – dodał)
- medial:        A, SPEAKER CUE, B                          ("The museum, Mr. Bush said, celebrated…")
- pre-position:  SPEAKER CUE [SPEAKER] [AUDIENCE] (that | : | quote | to) CONTENT   (X said that…, X заявил, что…)
- object:        SPEAKER CUE OBJECT                         ("accused Poland of…", "обвинил Польшу в…")

`find_attributions` also runs the phrase finders of `attribution.phrases` (according-to,
statement nouns, back references, headlines, signed quotes). Each finder returns
`Attribution`s with character spans only; who the speaker is (registry, pronouns) is
decided later in `statements.py`. The dependency parse (spaCy for English, natasha for
Russian) gives the subject and complement of a cue when present; Polish works on the
surface alone.
"""
from __future__ import annotations

from linewatch.extract.attribution.attitude import attitudes
from linewatch.extract.attribution.base import (
    CLOSE_QUOTES,
    DASH_ASIDE_WORDS,
    DASHES,
    OPEN_QUOTES,
    SEPARATORS,
    Attribution,
    SentenceView,
    apposition_opens,
    ascribed_intention,
    body_after,
    cue_strength,
    date_words,
    deed_by_force,
    deed_object,
    described_name_after,
    document_issuer_after,
    gender_from_verb,
    is_active_participle,
    is_word,
    issuer_after,
    name_like,
    named_before_apposition,
    negated_or_hypothetical,
    opens_with_dash,
    other_sense,
    participle_of_no_speaker,
    particle_words,
    passive_without_agent,
    quoted_channel_name,
    quoted_medium,
    quoted_object,
    registered_after,
    speaker_after,
    speaker_before,
    strip_quotes,
    subject_of,
    subtree,
    unbracketed_word_count,
    word_count,
    word_lemma,
    zero_copula,
)
from linewatch.extract.attribution.clauses import (
    adjunct_of_cue,
    adjuncts_then_that,
    adverbial_clause,
    asyndetic,
    author_aside,
    bare_infinitive,
    claim_object,
    clause_before_speaker,
    coordinated_cue,
    coordinated_with,
    described_act,
    follow_on_at,
    glued_hyphen,
    governed_by,
    inner_cue,
    medium_follows,
    name_run,
    named_after_quote,
    named_before_participle,
    names_a_source,
    opens_content,
    quoted_source_name,
    relative_pronoun,
    time_only,
)
from linewatch.extract.attribution.phrases import (
    according_phrases,
    according_to,
    back_reference,
    headline,
    noun_cues,
    quote_dash_name,
    relative_word,
)
from linewatch.extract.attribution.speaker import (
    AGENCY,
    SUBJECT_DEPS,
    determiners,
    is_anaphor,
    is_media_word,
    is_title_word,
    name_problem,
    names_only_medium,
    pronoun_table,
)
from linewatch.nlp.doc import Token
from linewatch.nlp.names import may_be_nominative


def find_attributions(view: SentenceView) -> list[Attribution]:
    toks = view.toks
    signature = _dash_signature(view)
    # "Zdaniem Kremla A – ocenił rzecznik X": an according-to phrase inside signed words is X's
    out: list[Attribution] = [a for a in according_to(view)
                              if signature is None or not (a.cue_span and a.cue_span[0] < toks[signature].start)]
    # every according-to phrase, also one that gave no attribution: "as cited by RMF24" has no cue verb
    phrase_cues = [a.cue_span for a in out if a.cue_span] + according_phrases(view)
    # each according-to phrase with its source ("According to the ministry")
    asides = [(a.cue_span[0], max(a.cue_span[1], a.speaker_span[1] if a.speaker_span else 0))
              for a in out if a.cue_span]
    for k, t in enumerate(toks):
        if any(a <= t.start < b for a, b in phrase_cues):
            continue  # "jak podkreśliła X" is already an according-to phrase
        if signature is not None and k < signature:
            continue  # "– A, służby wskazywały B – wyjaśnił X": a cue inside the dash speech is X's words
        if k > 0 and toks[k - 1].text.lower() in determiners(view.lang) \
                and (toks[k - 1].dep == "det" if view.has_parse else toks[k - 1].text.lower() != "that"):
            continue  # "the testimony provided by the accused": a noun, no cue ("a letter that says" is one)
        strength = cue_strength(t, toks[k + 1] if k + 1 < len(toks) else None, view.table, view.has_parse)
        if strength is None and view.table.speech.fullmatch(t.text.lower()) \
                and (_closes_quote_before(view, k) or _signs_dash_speech(view, k)) \
                and (not view.has_parse or t.pos in ("VERB", "AUX")):
            # '“…,” he continued', "– … – kontynuował X": a quotation signed so needs no particle
            # (cues.yaml needs_particle)
            strength = "speech"
        if strength is None and view.has_parse and _verb_with_that_clause(view, k):
            strength = "belief"  # "the court ruled that…", "she understood that…": a clause someone holds
        if strength is None and view.table.back_reference_verbs is not None \
                and view.table.back_reference_verbs.fullmatch(t.text.lower()) and back_reference(view, k):
            strength = "speech"  # "С таким заявлением выступила X": a cue only after a phrase pointing back
        if strength is None and view.table.words_verbs is not None and view.table.words_verbs.fullmatch(t.text.lower()) \
                and quoted_object(view, k, k + 1) is not None:
            strength = "speech"  # "— приводит телеканал слова Пескова": a medium giving someone's words
        if strength is None and view.table.document_cues is not None \
                and view.table.document_cues.fullmatch(t.text.lower()) and _document_beside(view, k):
            strength = "speech"  # '"…," the statement read': the document's words
        if strength is None:
            continue
        if view.in_quote(t.start, t.end) and author_aside(view, k) is None:
            continue  # a cue inside a quotation belongs to the quoted speaker's words
        if negated_or_hypothetical(view, k) or passive_without_agent(view, k) or other_sense(view, k) \
                or ascribed_intention(view, k) or described_act(view, k) or participle_of_no_speaker(view, k, strength == "belief"):
            continue
        back_ref = back_reference(view, k)
        if back_ref is not None:
            back_ref.gender_hint = gender_from_verb(t.text, view.table)
            out.append(back_ref)
            continue
        after_quote = (any(x.text in CLOSE_QUOTES for x in toks[max(0, k - 8):k]) and toks[0].text in OPEN_QUOTES) \
            or _closes_quote_before(view, k)
        # "Jeżeli …, będziemy … - zapowiedział minister X.": a cue right after a dash signs the words
        # before it, even when what follows could pass for its object
        signed = k >= 3 and toks[k - 1].text in DASHES and word_count(view, 0, k - 1) >= 3
        if after_quote or signed:  # '…," said X' is post-position even if a "to" or "that" follows
            att = _post_position(view, k) or _pre_position(view, k)
        elif _subject_fragment_before(view, k):
            # "The influx of migrants, Johansson said, “has stopped.”": the words on both sides of the cue
            att = _post_position(view, k) or _pre_position(view, k)
        else:
            att = _fronted_phrase(view, k) or _pre_position(view, k) or _post_position(view, k)
        if att is None or not att.content_spans:
            continue  # a cue with nothing said (the content was empty after quotes were stripped)
        if att.speaker_span and deed_by_force(view.table, t.text, view.text[att.speaker_span[0]:att.speaker_span[1]]):
            continue  # "Belarusian troops attacked a border post": the deed, no words
        if att.cue_span and att.speaker_span and att.speaker_span[1] <= att.cue_span[0] \
                and any(_inside_each_other(att, o) for o in out) and _object_after(view, k):
            # "X told RIA, an outlet, that on Monday, Russia had informed Y of…": the second verb, with its
            # object after it, is X's words (a signature ends the sentence: "…, the Border Guard said today")
            continue
        if all(any(a <= x and y <= b for a, b in asides) for x, y in att.content_spans):
            continue  # "According to the ministry, the Polish side informed NATO": the source, not what was said
        if k > 0 and view.table.negation_ok is not None and view.table.negation_ok.fullmatch(t.text.lower()) \
                and toks[k - 1].text.lower() in view.table.negation and att.cue_span:
            _take_negation(view, att, toks[k - 1])
        if strength == "belief" and _said_by_statements(view, att):
            continue  # "the statements show that…": the author's reading of what was said
        if strength == "belief":
            att.belief = True
            att.confidence *= 0.7
        att.gender_hint = gender_from_verb(t.text, view.table)
        out.append(att)
        ends = [att.cue_span[1] if att.cue_span else 0, att.speaker_span[1] if att.speaker_span else 0]
        if att.content_spans[-1][1] <= (att.cue_span or (0, 0))[0]:
            view.floor = max(view.floor, *ends)
    out.extend(noun_cues(view, [a.cue_span for a in out if a.cue_span]))
    out.extend(quote_dash_name(view, [a.cue_span for a in out if a.cue_span]))
    out.extend(attitudes(view, [a.cue_span for a in out if a.cue_span]))
    if not out:
        head = headline(view)
        if head:
            out.append(head)
    relay = _relay_tail(view)
    if relay is not None:
        for att in out:  # the medium's signature is no part of what X said
            att.content_spans = [(x, min(y, relay)) for x, y in att.content_spans if x < relay]
    return [a for a in out if a.content_spans]


def _relay_tail(view: SentenceView) -> int | None:
    """Where a medium's dash signature starts at the end of a sentence not opened by a dash ("…, że B
    – podała agencja Reutera."), with the words before it trimmed of white space; else None."""
    toks = view.toks
    if _opened_by_dash(view):
        return None
    for d in range(3, len(toks) - 1):
        if toks[d].text in DASHES and toks[d].start > view.start and not _inside_brackets(view, d) \
                and _relayed_by_medium(view, d + 1):
            return len(view.text[:toks[d].start].rstrip())
    return None


def _relaying_medium(view: SentenceView, span: tuple[int, int]) -> bool:
    """Does the phrase name only a medium or a news agency ("RIA Novosti", "Reuters")?"""
    phrase = view.text[span[0]:span[1]]
    return names_only_medium(phrase, view.lang) or name_problem(phrase, view.lang) == AGENCY


def _inside_brackets(view: SentenceView, d: int) -> bool:
    """Does token d stand inside brackets opened before it in the sentence? "(Ruling party – PAP)" is
    the agency's gloss inside a quotation, no signature ending it."""
    depth = 0
    for t in view.toks[:d]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _document_beside(view: SentenceView, k: int, reach: int = 3) -> bool:
    """Is a source noun ("statement", "letter") among the few words right before or after token k, or,
    by the parse, its subject ("A joint statement issued on behalf of all member states read:")?"""
    nouns = view.table.source_nouns
    if nouns is None:
        return False
    near = view.toks[max(0, k - reach):k] + view.toks[k + 1:k + 1 + reach]
    subjects = [t for t in view.toks if view.has_parse and t.head == view.toks[k].i and t.dep in SUBJECT_DEPS]
    return any(nouns.fullmatch(t.text.lower()) for t in near + subjects)


def _closes_quote_before(view: SentenceView, k: int, reach: int = 4) -> bool:
    """Does a quotation opened inside the sentence close with a comma right before the cue ("The use
    “of migrants … is unacceptable,” he said", "… visit “the main countries…,” the statement read")?
    The cue signs the words before it, as after a quotation that opens the sentence."""
    toks = view.toks
    for q in range(k - 1, max(0, k - reach) - 1, -1):
        if toks[q].text in CLOSE_QUOTES:
            # the comma of '…,” he said', or the dash of '"…" – kontynuuje' / '«…», — сказал'
            signed = toks[q - 1].text == "," or (q + 1 < k and toks[q + 1].text in SIGNING_MARKS)
            return signed and q > 0 and (any(t.text in OPEN_QUOTES for t in toks[:q]) or _opened_before(view, q))
    return False


def _opened_before(view: SentenceView, q: int) -> bool:
    """Does the quotation closed by token q open in an earlier sentence ('"A. B" – kontynuuje')?"""
    end = view.toks[q].end
    return any(a < view.start and b == end for a, b in view.quotes)


def _signs_dash_speech(view: SentenceView, k: int) -> bool:
    """Does cue k sign a speech opened by a dash at its line's start, right after the dash that closes
    it ("– Nie wiem. To jest prowokacja – kontynuował X")?"""
    toks = view.toks
    if k < 4 or toks[k - 1].text not in DASHES or word_count(view, 0, k - 1) < 3:
        return False
    return _opened_by_dash(view)


def _opened_by_dash(view: SentenceView) -> bool:
    """Does a dash open the sentence or its line (Polish and Russian direct speech)?"""
    line_start = view.text.rfind("\n", 0, view.start) + 1
    return opens_with_dash(view.text, line_start) or opens_with_dash(view.text, view.start)


def _dash_signature(view: SentenceView) -> int | None:
    """Index of the dash that closes a speech opened by a dash at its line's start and signed by a cue
    ("– A. Już od niedzieli, 7 listopada, służby wskazywały B – wyjaśnił X", "— A, — сказал X"), or
    that ends the sentence with its signature ("A, nasze służby informują, że B – powiedział."), or
    None. The words before it are the speaker's, as words inside quotation marks are: a cue among
    them ("wskazywały") reports nothing of its own."""
    opened = _opened_by_dash(view)
    toks = view.toks
    for d in range(3, len(toks) - 1):
        if toks[d].text in DASHES and toks[d].start > view.start and word_count(view, 0, d) >= 3 \
                and not _inside_brackets(view, d) and _cue_after(view, d):
            # not opened by a dash: only a signature that ends the sentence, and the first one in it
            # ("A – odpowiedział -To jest B – dodał" signs twice)
            if not opened and _relayed_by_medium(view, d + 1):
                return None  # "X poinformowało, że … – podała agencja Reutera": X's cue stands, the agency relays
            if not opened and _cue_before_colon(view, d):
                return None  # "Seibert temu zaprzeczył: A – powiedział.": the colon's cue names who speaks
            if opened or word_count(view, d + 2, len(toks)) <= SIGNATURE_TAIL_WORDS:
                return d
            # "… – ocenił w środę rzecznik prezydenta Władimira Putina Dmitrij Pieskow.": a longer tail
            # that is only the speaker's phrase still signs
            inv = speaker_after(view, d + 2)
            return d if inv is not None and word_count(view, inv[1], len(toks)) == 0 else None
    return None


MEDIAL_TAIL_WORDS = 2  # "The situation, the minister said, was calm": the words after a medial cue


def _subject_fragment_before(view: SentenceView, k: int) -> bool:
    """Does the sentence open with a verbless phrase of two words or more, then a comma, a short
    speaker and cue k set off by commas ("The influx of migrants to Minsk, Johansson said, “has…”)?
    By the parse."""
    toks = view.toks
    if not view.has_parse or k + 1 >= len(toks) or toks[k + 1].text != ",":
        return False
    comma = next((c for c in range(k - 1, max(-1, k - 6), -1) if toks[c].text == ","), None)
    if comma is None or comma < 2 or not all(is_word(t) for t in toks[comma + 1:k]):
        return False
    return word_count(view, 0, comma) >= 2 and not any(t.pos in ("VERB", "AUX") for t in toks[:comma]) \
        and not any(t.text in OPEN_QUOTES or t.text in CLOSE_QUOTES for t in toks[:comma])


def _cue_after(view: SentenceView, d: int) -> bool:
    """Is the token after d a cue ("– powiedział", "— сказал": a dash that signs the words before it)?"""
    toks = view.toks
    return d + 1 < len(toks) and cue_strength(toks[d + 1], toks[d + 2] if d + 2 < len(toks) else None,
                                              view.table, view.has_parse) is not None


def _cue_before_colon(view: SentenceView, d: int) -> bool:
    """Does a cue right before a colon, before token d, introduce the words after it ("zaprzeczył: A")?"""
    toks = view.toks
    return any(toks[c].text == ":" and cue_strength(toks[c - 1], toks[c], view.table, view.has_parse) is not None
               for c in range(2, d))


def _relayed_by_medium(view: SentenceView, k: int) -> bool:
    """Is cue k a relaying cue (cues.yaml `relay`) whose words after it, to the sentence's end, name
    a medium or an agency and nobody else ("– podała agencja Reutera", "– zauważa PAP")?"""
    relay = view.table.relay
    tail = view.text[view.toks[k].end:view.end].strip(" .,;:")
    if relay is None or not relay.fullmatch(view.toks[k].text.lower()):
        # another cue with only an agency after it ("– przypomina dpa") relays as well
        return bool(tail) and names_only_medium(tail, view.lang)
    first = tail.split()[0] if tail.split() else ""
    return bool(tail) and (names_only_medium(tail, view.lang) or is_media_word(first, view.lang))


# A speech not opened by a dash is still signed by " – powiedział X." when no more than this many words
# follow the cue to the sentence's end ("…, nasze służby informują, że … – powiedział.")
SIGNATURE_TAIL_WORDS = 5


def _take_negation(view: SentenceView, att: Attribution, neg: Token) -> None:
    """`nie wykluczył, że…`: the negation belongs to the cue, not to the speaker's name before it."""
    att.cue_span = (neg.start, att.cue_span[1]) if att.cue_span else None
    if att.speaker_span and att.speaker_span[0] < neg.start < att.speaker_span[1] + 1:
        a, _ = att.speaker_span
        end = neg.start
        while end > a and view.text[end - 1].isspace():
            end -= 1
        att.speaker_span = (a, end) if end > a else None


def _said_by_statements(view: SentenceView, att: Attribution) -> bool:
    """Is the subject of a belief verb a statement noun ("his remarks suggest that…")?"""
    if att.speaker_span is None or view.table.nouns is None:
        return False
    words = view.text[att.speaker_span[0]:att.speaker_span[1]].lower().split()
    return any(view.table.nouns.fullmatch(w.strip(".,;:")) for w in words)


def _verb_with_that_clause(view: SentenceView, k: int) -> bool:
    """A verb (not in the cue lexicon) with a subject and a clausal complement opened by "that"."""
    toks, t = view.toks, view.toks[k]
    if t.pos != "VERB":
        return False
    kids = [x for x in toks if x.head == t.i]
    # the subject must be someone: a name, a pronoun for a person, a title ("the official") — not "the data"
    if not any(x.dep.startswith("nsubj") and x.text.lower() != "it"
               and (x.pos in ("PROPN", "PRON") or x.ent in ("PER", "ORG", "NORP", "GPE") or is_anaphor(x.text, view.lang))
               for x in kids):
        return False
    for c in kids:
        if c.dep == "ccomp" and c.start > t.end:
            if any(m.head == c.i and m.dep == "mark" and m.text.lower() in view.table.that for m in toks):
                return True
    return False


def _post_position(view: SentenceView, k: int) -> Attribution | None:
    """CONTENT <sep> [SPEAKER] CUE [SPEAKER]."""
    toks, text = view.toks, view.text
    if view.has_parse and toks[0].dep == "advcl" and toks[0].head == toks[k].i and is_active_participle(toks[0]):
        return None  # "Speaking in an interview with TVN24, Tusk emphasized…": how he spoke, not what
    if view.has_parse and is_active_participle(toks[k]) and not (k > 0 and toks[k - 1].pos in ("AUX", "ADP")):
        # "…, this is not a side effect of Russia defending itself": a participle signs nothing ("is
        # saying" and "quotes X as saying" do)
        return None
    j = k - 1
    back: list[int] = []
    # a long title before a name ("the country's charge d'affaires in Poland Andrei Ordash said") may
    # take more words than a subject otherwise does
    # ("…, the European Commission president Ursula von der Leyen has said": past the auxiliary)
    last = k - 1
    while last > 0 and view.has_parse and (toks[last].pos == "AUX" or (
            toks[last].text.lower() in view.table.as_openers and toks[last].pos == "ADP")):
        last -= 1  # (and "quoted … spokesman Ahmed al-Sahaf as saying": the name before "as")
    bracket = 0
    if last > 0 and toks[last].text == ")":
        # "Finland's National Bureau of Investigation (NBI) said": the name before its short bracket,
        # whose words do not count against the subject's length
        opening = next((x for x in range(last - 1, max(0, last - 4), -1) if toks[x].text == "("), None)
        if opening is not None:
            bracket, last = last - opening + 1, opening - 1
    most = bracket + (14 if last >= 1 and name_like(view, last) and name_like(view, last - 1) else 8)
    while j >= 0 and len(back) < most and (toks[j].text not in SEPARATORS or glued_hyphen(view, j)) \
            and toks[j].text not in CLOSE_QUOTES:
        if toks[j].text == ")":
            # "Sen. Claire McCaskill (D-Mo.) said": a bracket belongs to the speaker, dash and all
            opening = next((x for x in range(j - 1, max(-1, j - 8), -1) if toks[x].text == "("), None)
            if opening is not None:
                back.extend(range(j, opening - 1, -1))
                j = opening - 1
                continue
        back.append(j)
        j -= 1
    if j < 1 or (toks[j].text not in SEPARATORS and toks[j].text not in CLOSE_QUOTES):
        return None  # eight words before the cue and no separator: "A в ходе встречи с министром … X указал"
    sep = j
    if not view.has_parse and back and all(is_word(toks[x]) and toks[x].text[:1].isupper() for x in back) \
            and not any(may_be_nominative(toks[x].text, view.lang) for x in back):
        # "Przedstawiciele rządów Norwegii, Finlandii, Islandii zapewnili": the last of a list of names in
        # an oblique case is no subject; the cue's subject stands before the list
        return None
    if not view.has_parse and toks[sep].text == "," and _apposed_to_title(view, sep, back):
        # "premier Norwegii, Jonas Gahr Store, poinformował o…": the name is the title's apposition, and
        # what was said follows the cue
        return None
    if view.has_parse and any(toks[x].text.lower() in view.table.free_relatives and toks[x].head == toks[k].i
                              for x in back):
        return None  # "…by what he described as a "constant assault"": the cue's object is the phrase after it
    if not view.has_parse and not back and toks[sep].text in DASHES and _aside_after_relative(view, sep):
        return None  # "Zełenskiego, który - przemawiając … - powiedział, że…": the dash closes an aside, signs nothing
    if back and toks[min(back)].text.lower() in view.table.that:
        return None  # "…podał, że Makiej wskazywał na…": the cue is inside a reported clause; its words follow it
    if back and toks[min(back)].text.lower() in view.table.relative_openers:
        return None  # "…, dokąd ich wezwała Merkel": a relative clause on a noun of the words before
    if len(back) > 1 and toks[min(back)].text.lower() in view.table.as_openers:
        back.remove(min(back))  # "…, as the ministry reported": the words before the comma, signed
    if back and toks[min(back)].text.lower() in view.table.manner_openers and not view.has_parse \
            and speaker_after(view, k + 1) is not None:
        # "– … – tak o nielegalnej migracji z Białorusi mówiła w środę Ingrida Simonyte": the words
        # before the cue tell how and of what it was said; the speaker follows the cue
        back = []
    if back and date_words(view, max(back), back=True) == len(back):
        back = []  # "…, 19 ноября сообщила пресс-служба Кремля": the day's date before the cue; the speaker follows it
    if back and " ".join(toks[x].text.lower() for x in sorted(back)) in view.table.back_reference:
        back = []  # "…, об этом заявил X", "…, o tym poinformował X": the phrase points at the words before the comma
    elif back and not view.has_parse and _back_phrase_and_object(view, sorted(back)) \
            and speaker_after(view, k + 1) is not None:
        back = []  # "– w ten sposób wpis Sikorskiego skomentował z kolei X": the phrase and its object, X speaks
    # "'…,' Leonard E. Burman, director of the Tax Policy Center, said"; "…, Mao Ning, the ministry's
    # spokeswoman, told reporters" (the apposition's comma right before the cue)
    named = (named_after_quote(view, sep) or named_before_apposition(view, sep, back)) if not back \
        else named_before_apposition(view, sep, back)
    if named is None and back and toks[min(back)].text[:1].islower() \
            and (first := named_after_quote(view, sep)) is not None and name_run(view, first, sep):
        # '"…," Rafael Grossi, head of the IAEA told …': the apposition's closing comma left out; the
        # name before it speaks, not its title
        named = first
    if named is not None:
        # "'…,' Leonard E. Burman, director of the Tax Policy Center, said": the name and its
        # apposition sit between the quotation and the cue
        back, sep = list(range(named, sep)), named - 1
    # content runs from the sentence (or its enclosing quotation) start to the separator
    content_end = toks[sep].end if toks[sep].text in CLOSE_QUOTES else toks[sep].start
    closing = next((x for x in (sep - 1, sep - 2) if x > 0 and toks[x].text in CLOSE_QUOTES), None)
    if toks[sep].text in SEPARATORS and closing is not None:
        content_end = toks[closing].end  # «…», — заявил / "…," he said
    content_start = view.start
    q = view.in_quote(view.start) or view.in_quote(view.start + 1)
    if q and q[0] < view.start:
        content_start = q[0]
    elif toks[sep].text == "," and sep <= ADJUNCT_CONTENT_WORDS and toks[0].text.lower() in view.prepositions \
            and all(is_word(t) for t in toks[:sep]):
        return None  # "Po konferencji prasowej, X wyraził…": a short adjunct before the comma, nothing said
    aside = author_aside(view, k)
    if aside is not None:
        # «A, — сказал X. — B»: the quotation holds the content on both sides of the author's aside
        outer = view.in_quote(toks[k].start, toks[k].end)
        if outer is None or (back and any(toks[x].text in DASHES for x in back)):
            return None
        b0 = min(back) if back else k
        inv = speaker_after(view, k + 1) if not back else None
        speaker = view.span(b0, max(back) + 1) if back else (view.span(*inv) if inv and inv[1] <= aside else None)
        spans = [strip_quotes(text, max(content_start, outer[0]), toks[sep].start),
                 strip_quotes(text, toks[aside + 1].start, outer[1] - 1)]
        att = Attribution("direct", (toks[k].start, toks[k].end), [x for x in spans if x[1] > x[0]], speaker,
                          0.85 if speaker else 0.7)
        if toks[aside - 1].text in (".", "!", "?", "…"):
            att.notes.append("sentence_parts")  # «A, — сказал X. — B»: B opens a sentence of its own
        return att
    if view.floor > content_start:
        # a second attribution in the same sentence: its content starts after the first one
        content_start = view.floor
        first = next((i for i, t in enumerate(toks) if t.start >= view.floor), sep)
        if word_count(view, first, sep) < 3:
            return None
    # what follows the cue: an inverted speaker, then little else
    after_start = k + 1
    speaker: tuple[int, int] | None = None
    if back and _content_before_inverted_name(view, k, back):
        # "– A, zwiększania napięć stwierdził Dmitrij Pieskow." (the dash before the cue left out): the
        # lower-case words before the cue go on with the content; the name after the cue speaks
        content_end, back = toks[max(back)].end, []
    if back:
        b0, b1 = min(back), max(back) + 1
        while view.has_parse and b1 - 1 > b0 and toks[b1 - 1].pos == "AUX":
            b1 -= 1  # "…, a senior opposition politician has claimed": the auxiliary is not the speaker's
        if view.has_parse and (toks[b0].pos in ("ADP", "SCONJ", "CCONJ") or any(
                toks[x].text.lower() in view.table.infinitive and toks[x].pos != "ADP" for x in range(b0, b1))):
            # "…, it was time to emphasize", "…, in many cases reporting": no speaker there (but "Permanent
            # Representative to the United Nations X said": a preposition inside a title)
            return None
        if any(is_word(toks[x]) for x in range(b0, b1)):
            obj = quoted_object(view, b0, b1)  # "RIA Novosti quoted him as saying": him
            speaker = view.span(*obj) if obj else view.span(b0, b1)
    if speaker is None and (obj := quoted_object(view, k, k + 1)):
        speaker = view.span(*obj)  # "— цитирует его РИА Новости": его
        after_start = obj[1]
        while after_start < len(toks) and is_word(toks[after_start]) and toks[after_start].text[:1].isupper():
            after_start += 1  # the medium's name after the pronoun
    if speaker is None:
        # "…, podkreślają w MSZ Litwy": the body first, not the capitalised word that ends it ("Litwy")
        inv = document_issuer_after(view, k, after_start) or body_after(view, k, after_start) \
            or speaker_after(view, after_start) or issuer_after(view, after_start) \
            or registered_after(view, after_start) or described_name_after(view, after_start)
        if inv:
            speaker = view.span(*inv)
            after_start = inv[1]
        elif medium_follows(view, after_start) or (after_start < len(toks) and toks[after_start].text in OPEN_QUOTES
                                                    and quoted_source_name(view, k, after_start)):
            return None  # "…, сообщают местные СМИ", "…, reports “European Truth”": a medium relays; nobody speaks
    if view.floor > view.start and speaker is not None and _relaying_medium(view, speaker):
        return None  # "…, X told reporters on Monday, RIA Novosti reports": the medium relays X's words
    if speaker is None and view.table.issuer_cues is not None and view.table.issuer_cues.fullmatch(toks[k].text.lower()) \
            and not _document_beside(view, k):
        return None  # "сказано в статье": no issuer named, no speaker to carry over ("сказано в сообщении" has one)
    rest_words = unbracketed_word_count(view, after_start, len(toks))
    follow_on = follow_on_at(view, after_start)
    if follow_on:
        rest_words = 0  # ", adding that Z": Z is the participle's own content, not this cue's
    quoted = toks[sep].text in CLOSE_QUOTES or closing is not None
    if quoted:
        # direct only when the quotation is the whole content, not a quoted tail of a reported clause
        opened = view.in_quote(content_end - 2) if content_end - 2 > content_start else None
        quoted = opened is not None and opened[0] <= content_start + 1 and opened[1] == content_end
    # the cue's clause closes as it opened: a comma, or a dash when the interrupted sentence goes on
    # after it ("Mimo to – mówił X – nikt…"); "A – odpowiedział – To jest…" opens a new sentence
    closes = after_start < len(toks) and (toks[after_start].text == "," or (
        toks[after_start].text in DASHES and toks[sep].text in DASHES
        and after_start + 1 < len(toks) and toks[after_start + 1].text[:1].islower()))
    if (closes and toks[after_start].text == "," and opens_with_dash(text, view.start)
            and not (after_start + 1 < len(toks) and toks[after_start + 1].text in DASHES)):
        # "– A – powiedział X, odnosząc się do…": speech opened by a dash goes on only after a dash
        # ("— A, — сказал X, — B"); a clause after a bare comma is the author's narration
        closes = False
    # "…, said X, who added that Z": a relative clause on the speaker is their next statement, not more
    # of this one's content
    relative_next = closes and after_start + 1 < len(toks) and relative_word(view, toks[after_start + 1].text)
    # "…, said X, speaking at…", "– tłumaczył X, komentując doniesienia…": an adverbial participle
    # after the speaker is the author's narration of the occasion, no more of the words
    participle_next = closes and after_start + 1 < len(toks) and is_active_participle(toks[after_start + 1])
    medial = (not quoted and not follow_on and closes and not relative_next and not participle_next
              and word_count(view, after_start + 1, len(toks)) >= MEDIAL_TAIL_WORDS and word_count(view, 0, sep) >= 1
              and not adjunct_of_cue(view, k, after_start + 1, sep))
    if medial:
        # "The museum, Mr. Bush said, celebrated…": the content runs on both sides of the cue
        tail = strip_quotes(text, toks[after_start + 1].start, view.end)
        kind_spans = [strip_quotes(text, content_start, content_end), tail]
        # "– Mimo to – mówił X – nikt…": a dash-opened sentence is direct speech (pl/ru typography)
        dashed = opens_with_dash(text, view.start) and (view.start == 0 or text[view.start - 1].isspace())
        return Attribution("direct" if dashed else "indirect", (toks[k].start, toks[k].end),
                           [x for x in kind_spans if x[1] > x[0]], speaker, 0.7 if speaker else 0.5)
    if word_count(view, 0, sep) < 3:
        return None
    if participle_next:
        rest_words = 0  # the occasion's narration, however long, leaves the words before the cue the content
    # a sentence opened by a dash is direct speech in Polish and Russian typography ("- Nie wiem -
    # powiedział"), at a line start or after the narration that introduces it ("…zapytany o to. - Nie")
    dash_opened = opens_with_dash(text, view.start) and (view.start == 0 or text[view.start - 1].isspace())
    if rest_words > (25 if back else 12) and not quoted and not dash_opened:
        return None  # a long clause after the cue is its own content; not after speech a dash opened
        # ("- Cieszy mnie… - dodał, nawiązując do swoich spotkań z …")
    if view.has_parse and not quoted and not any(t.pos in ("VERB", "AUX") for t in toks[:sep]) \
            and not (zero_copula(view.lang) and any(t.dep.startswith("nsubj") for t in toks[:sep])):
        # "In a newspaper essay last week, X acknowledged…" is no content; "Решение ошибочно,
        # считает X" is a clause without a copula (a subject and its predicate)
        return None
    spans = [strip_quotes(text, content_start, content_end)]
    # "A," he said, "B." -> the content continues after the cue in a second quotation
    for x in range(after_start, min(after_start + 3, len(toks))):
        if toks[x].text in OPEN_QUOTES and quoted_medium(view, x) is not None:
            break  # "рассказал X радиостанции «Эхо Москвы»": whom it was told, not more of what was said
        if toks[x].text in OPEN_QUOTES:
            q2 = view.in_quote(toks[x].start + 1)
            if q2 and q2[0] == toks[x].start:
                spans.append(strip_quotes(text, q2[0], q2[1]))
            break
    quoted = quoted or dash_opened
    kind = "direct" if quoted else "indirect"
    conf = 0.85 if quoted else 0.7
    if speaker is None:
        conf -= 0.15
    att = Attribution(kind, (toks[k].start, toks[k].end), [s for s in spans if s[1] > s[0]], speaker, conf)
    if not quoted and toks[sep].text in DASHES and content_start == view.start:
        att.notes.append("extend_back")  # "Paragraph of speech. More of it – dodał X."
    return att


SIGNING_MARKS = DASHES | {","}  # what may stand between a closing quote and the cue that signs it

# Dependencies of a verb with no speaker of its own: one that modifies a noun ("a group called X") or a
# gerund after a preposition ("instead of criticising X"), or a second verb that goes on with the first
# one's words ("called on the EU to share the costs, and suggested a fund"; "said …, describing it as …").
NO_SUBJECT_DEPS = ("acl", "amod", "acl:relcl", "relcl", "pcomp", "conj", "advcl", "xcomp")

APPOSITION_WORDS = 10  # the longest apposition of an audience's name ("RIA Novosti, a … outlet,")

# An object of "say" this long is a reported clause the parser misread ("said the plots concern X").
LONG_SAY_OBJECT = 4

# An object cue's object shorter than this ("the accusation") is given with its verb as the content.
SHORT_OBJECT_WORDS = 4


def _apposed_to_title(view: SentenceView, sep: int, back: list[int]) -> bool:
    """Is the name before the cue (`back`, or when the cue follows the comma right away the words between
    the two commas before it) set off by commas after a title ("premier Norwegii, Jonas Gahr Store,")?"""
    toks = view.toks
    if not back:
        opening = next((x for x in range(sep - 1, max(-1, sep - 6), -1) if toks[x].text in SEPARATORS), None)
        if opening is None or opening + 1 >= sep:
            return False
        back, sep = list(range(opening + 1, sep)), opening
    return toks[sep].text == "," and all(name_like(view, x) for x in back) and _title_word_before(view, sep)


def _title_word_before(view: SentenceView, sep: int, reach: int = 4) -> bool:
    """Do the few words before the separator, back to the sentence's start or an earlier separator,
    hold a title word ("Tymczasem premier Norwegii,")?"""
    toks = view.toks
    x = sep - 1
    while x >= 0 and sep - x <= reach and toks[x].text not in SEPARATORS:
        if is_word(toks[x]) and is_title_word(toks[x].text, view.lang):
            return True
        x -= 1
    return False


def _aside_after_relative(view: SentenceView, dash: int) -> bool:
    """Does the dash at `dash` close an aside that a dash opened right after a relative pronoun
    (cues.yaml `relative_openers`: "…, który - … -")?"""
    toks = view.toks
    opening = next((x for x in range(dash - 1, max(-1, dash - DASH_ASIDE_WORDS), -1) if toks[x].text in DASHES), None)
    return opening is not None and opening > 0 and toks[opening - 1].text.lower() in view.table.relative_openers


def _inside_each_other(att: Attribution, other: Attribution) -> bool:
    """Does each attribution's content hold the other's cue? Then the later one read the earlier's
    words as its own: one of them is wrong, and the earlier, found first, stands."""
    def holds(a: Attribution, b: Attribution) -> bool:
        return b.cue_span is not None and any(x <= b.cue_span[0] < y for x, y in a.content_spans)
    return holds(att, other) and holds(other, att)


def _object_after(view: SentenceView, k: int) -> bool:
    """Does cue k have an object after it, by the parse ("informed Turkey and Ukraine of…"), as a
    signature ("…, the Border Guard said in a statement today") does not?"""
    toks = view.toks
    return view.has_parse and any(t.head == toks[k].i and t.dep in ("dobj", "obj") and t.start > toks[k].start
                                  and t.text.lower() not in view.table.audience for t in toks)  # "told reporters" signs


def _content_before_inverted_name(view: SentenceView, k: int, back: list[int]) -> bool:
    """Are the words between the separator and cue k lower-case words that can name nobody (no pronoun,
    no anaphoric title), while a capitalised speaker stands right after the cue? Then they end the
    content, and the speaker follows the cue."""
    toks, lang = view.toks, view.lang
    words = [toks[x] for x in back if is_word(toks[x])]
    if not words or any(not t.text[:1].islower() or t.text.lower() in pronoun_table(lang) or is_anaphor(t.text.lower(), lang)
                        for t in words):
        return False
    if view.has_parse and any(t.dep.startswith("nsubj") for t in words):
        return False  # the parse gives the cue a subject among them
    inv = speaker_after(view, k + 1)
    if inv is None or inv[0] != k + 1 or not toks[k + 1].text[:1].isupper():
        return False
    # with a parse, the name must be the cue's subject ("criticising Lukashenka" has an object)
    return not view.has_parse or any(toks[x].head == toks[k].i and toks[x].dep.startswith("nsubj")
                                     for x in range(inv[0], inv[1]))


def _back_phrase_and_object(view: SentenceView, back: list[int]) -> bool:
    """Do the words before the cue open with a phrase pointing back (cues.yaml `back_reference`: "w ten
    sposób") and go on with words none of which can be a subject's in the nominative ("wpis Sikorskiego")?"""
    words = [view.toks[x].text for x in back if is_word(view.toks[x])]
    for phrase in view.table.back_reference:
        n = len(phrase.split())
        if len(words) > n and " ".join(w.lower() for w in words[:n]) == phrase:
            return not any(w[:1].isupper() and may_be_nominative(w, view.lang) for w in words[n:])
    return False


def _one_adjunct_of_cue(view: SentenceView, k: int, between: list[Token]) -> bool:
    """Are the words between the cue and its clause one prepositional phrase hanging on the cue, by the
    parse ("said [after a meeting with NATO Secretary General Jens Stoltenberg] there was reason…")?"""
    first = between[0] if between else None
    if first is None or first.pos != "ADP" or first.head != view.toks[k].i:
        return False
    by_i = {x.i: x for x in view.toks}
    return all(t is first or governed_by(t, first, by_i) for t in between if is_word(t))


def _clause_before_marker(view: SentenceView, k: int, j: int, marker: int) -> int | None:
    """Where the cue's reported clause starts when it opens before the complementiser found: the
    parse gives cue k a clausal complement with a subject of its own between j and the marker
    ("said he spoke with X about claims that…"); None otherwise."""
    toks = view.toks
    if not view.has_parse or marker <= j or toks[marker].text.lower() not in view.table.that:
        return None
    lo, hi = toks[j].start, toks[marker].start
    comp = next((t for t in toks if t.head == toks[k].i and t.dep == "ccomp" and lo <= t.start < hi), None)
    if comp is None or not any(t.head == comp.i and t.dep.startswith("nsubj") and lo <= t.start < hi for t in toks):
        return None
    first = min(subtree(comp, toks), key=lambda t: t.start)
    at = view.index_of(first.i)
    return at if at is not None and j <= at < marker else None


ADJUNCT_CONTENT_WORDS = 4  # words of a prepositional phrase before a comma that is no content of a cue after it
ADJUNCT_REACH = 13  # words between a cue and its complementiser when they open with a preposition


def _joined_that_clause(view: SentenceView, start: int) -> int | None:
    """Index of the comma opening ", but that …" / ", and that …" (a conjunction, then a complementiser)
    after token `start`, or None."""
    toks = view.toks
    for y in range(start + 1, len(toks) - 2):
        if toks[y].text == "," and toks[y + 1].pos == "CCONJ" and toks[y + 2].text.lower() in view.table.that:
            return y
    return None


def _pre_position(view: SentenceView, k: int) -> Attribution | None:
    """SPEAKER CUE [SPEAKER] [AUDIENCE] (that | : | quote) CONTENT."""
    toks, text, table = view.toks, view.text, view.table
    n = len(toks)
    j = k + 1
    cue_end = toks[k].end
    for pat, parts in table.particles + table.optional_particles:
        if (pat.fullmatch(toks[k].text.lower()) and j < n and toks[j].text.lower() in parts and toks[j].text != ":"
                and not opens_content(table, toks[k].text, toks[j].text)):
            cue_end = toks[j].end
            j += 1
            break
    filler_comma = -1  # "сообщил о том, какие…": the comma after the pointer opens the clause said
    if j == k + 1 and j < n and not opens_content(table, toks[k].text, toks[j].text):
        # "сообщили 20 июня о вызове": a date between the verb and the word of its phrase; so too an
        # adverb ("wyraził ponownie zaniepokojenie")
        dated = date_words(view, j) or int(toks[j].text.lower() in table.subject_adverbs
                                           or (view.has_parse and toks[j].pos == "ADV"))
        if dated and particle_words(table, toks[k].text, [t.text for t in toks[j + dated:j + dated + 2]]):
            j += dated
        taken = particle_words(table, toks[k].text, [t.text for t in toks[j:j + 2]])
        if taken and j + taken < n and toks[j + taken].text.lower() in table.noun_fillers:
            filler_comma = j + taken + 1
            taken = 0  # "заявил об этом…", "заявил о том, что…": a pointer or a clause follows, not the content
        if taken:
            cue_end = toks[j + taken - 1].end
            j += taken
    particle = j > k + 1
    marker = None
    relative = False  # the "that" found opens a relative clause, not the content
    x = j
    asides = according_phrases(view)
    skipped = 0  # words of an aside ("told reporters, as cited by Polish outlet RMF24, that…") not counted
    # a long adjunct of place and company before the complementiser ("przypomniał na wspólnej konferencji
    # prasowej ze swym holenderskim odpowiednikiem X, że…") may take a few more words
    reach = ADJUNCT_REACH if j < n and toks[j].text.lower() in view.prepositions else 9
    while x < n and x - j - skipped <= reach:
        tx = toks[x]
        low = tx.text.lower()
        if any(a == tx.start for a, _ in asides):
            after = next((y for y in range(x + 1, n) if toks[y].text == ","), None)
            if after is not None and after - x <= 10:
                skipped += after - x
                x = after + 1
                continue
        if tx.text == "," and x > j and name_like(view, x - 1) and x + 1 < n and view.has_parse:
            # "told RIA Novosti, a Kremlin-aligned news outlet, that…": the audience's apposition is no content
            close = next((y for y in range(x + 2, min(n, x + APPOSITION_WORDS)) if toks[y].text == ","), None)
            if close is not None and apposition_opens(toks, x + 1, close) and close + 1 < n \
                    and toks[close + 1].text.lower() in table.that:
                skipped += close - x
                x = close + 1
                continue
        if tx.text in OPEN_QUOTES and x > j and table.object_cues is not None \
                and table.object_cues.fullmatch(toks[k].text.lower()) and any(is_word(y) for y in toks[j:x]):
            break  # "called the situation “unacceptable”": the object, not just the quoted word
        if tx.text in OPEN_QUOTES and (closing := quoted_medium(view, x)) is not None \
                and not names_a_source(view, x):
            x = closing + 1  # "рассказал X радиостанции «Эхо Москвы».": the medium's name, no quotation
            continue
        if tx.text in OPEN_QUOTES and (closing := quoted_medium(view, x, bare=True)) is not None \
                and quoted_channel_name(view.text, tx.start, toks[closing].end, view.lang):
            x = closing + 1  # "сообщил в "Фейсбуке" глава бюро": where it was said, named in quotes, no quotation
            continue
        if tx.text in OPEN_QUOTES and names_a_source(view, x):
            # "told «Radio North» that…", "w rozmowie z "Gazetą", że…": a quoted name in the cue
            # phrase, the content starts at the complementiser after it
            q = view.in_quote(tx.start + 1)
            x = next((y for y in range(x + 1, n) if toks[y].start >= q[1]), n) if q else x + 1
            continue
        if tx.text in OPEN_QUOTES and particle and x > j:
            x += 1  # "заявил о приостановке действия "зерновой сделки"": a quoted name inside the phrase
            continue
        if low in table.that and x > j and relative_pronoun(view, x):
            # "said the dividend that followed the war was over", "criticized the grant that funded
            # it": a relative clause on the noun before it; the content starts at that noun
            marker, relative = x, True
            break
        if low in table.that or tx.text == ":" or tx.text in OPEN_QUOTES \
                or (x == filler_comma and tx.text == "," and x + 1 < n and is_word(toks[x + 1])
                    and toks[x + 1].text.lower() not in table.that):
            marker = x
            break
        if tx.text in DASHES and x == j and word_count(view, x + 1, n) >= 3 and text[tx.start - 1].isspace() \
                and not any(t.text in DASHES for t in toks[:k]):
            # "Льют отметил — правые партии…": a spaced dash after the cue opens the content, as a
            # colon does (not the dash closing an aside, "The plan – X said – will…", nor "feel-good")
            marker = x
            break
        if x > j and view.has_parse and inner_cue(view, x):
            break  # "accused Warsaw of lying when it said that…": the "that" is the inner cue's
        if x > j and x + 1 < n and relative_word(view, tx.text) \
                and cue_strength(toks[x + 1], toks[x + 2] if x + 2 < n else None, table, view.has_parse) is not None:
            break  # "odpowiedział Tuskowi, który napisał, że…": the "że" is the relative's cue's
        if x > j and coordinated_cue(view, k, x) is not None:
            break  # "said the border stays closed and added that…": the "that" opens the second cue's words
        if x > j and adverbial_clause(view, tx):
            break  # "said Thursday, after X claimed that…": the "that" is the adverbial clause's
        if (low in table.infinitive and x + 1 < n and table.infinitive_cues is not None
                and table.infinitive_cues.fullmatch(toks[k].text.lower())
                and (toks[x + 1].pos in ("VERB", "AUX") or not view.has_parse)):
            marker = x  # "called on the EU to take responsibility"
            break
        if tx.text in (".", "?", "!", ";") or (tx.text in SEPARATORS and x > j and low != ","):
            break
        x += 1
    content_tok = None
    act_start: int | None = None  # the content starts at the cue: a short object says nothing alone
    stop_at: int | None = None  # the content ends before this token (a follow-on participle)
    if marker is not None and quoted_source_name(view, k, marker):
        return None  # "…, reports “European Truth”.": the medium that relays, named in quotes, says nothing
    if marker is not None:
        # the content keeps its complementiser ("that the border…", "to take responsibility", as
        # annotated corpora do); a colon is left out, an opening quote kept
        keep = toks[marker].text not in (":", ",") and toks[marker].text not in DASHES
        content_tok = marker if keep else marker + 1
        between = toks[j:marker]
        if (clause := _clause_before_marker(view, k, j, marker)) is not None:
            # "said he spoke with the president about indications that…": the reported clause has its
            # own subject before the "that", which belongs to a noun inside it
            content_tok, between = clause, []
        follow = next((y for y in range(j, marker) if follow_on_at(view, y)), None)
        if follow is not None and name_run(view, j, follow) and speaker_before(view, k) is None:
            return None  # "…, podaje RMF FM, podkreślając, że Z": the name after the cue speaks; the participle says Z
        if (follow is not None and word_count(view, j, follow) >= 2 and toks[j].text != ","
                and k > 0 and toks[k - 1].text not in SEPARATORS and not time_only(view, j, follow)):
            # "X said it was unacceptable, adding that Z": "said" owns the clause up to the participle
            content_tok, stop_at, between = j, follow, []
        elif follow is not None:
            return None  # "Y, X said, adding that Z": "said" owns Y (post-position), "adding" owns Z
        if stop_at is None and asyndetic(view, j, marker):
            # "Песков добавил, нужно следить…, чтобы понять…": the reported clause opens right after
            # the comma; the complementiser further on belongs to it
            content_tok, between = j + 1, []
        elif stop_at is None and toks[marker].text.lower() in table.that and claim_object(view, between):
            # "dismissed the claims that…", "прокомментировал заявление X о том, что…": the clause
            # is the claim's, someone else's words; what the speaker did with it starts at the noun
            content_tok, between = j, []
        if (toks[marker].text in OPEN_QUOTES and view.has_parse and marker > j
                and any(t.pos in ("VERB", "AUX") for t in between)):
            # "said it was “a disgrace”": the reported clause starts before its quoted words
            content_tok, between = j, []
        if relative:
            content_tok, between = j, []
        if _addressee_before_infinitive(view, k, j, marker):
            # "urged the global community to stop…": whom the demand is put to is part of what was said
            content_tok, between = j, []
    elif view.has_parse and not particle:
        comp = [t for t in toks if t.head == toks[k].i and t.dep in ("ccomp", "xcomp") and t.start > toks[k].end
                and not adverbial_clause(view, t)]
        object_cue = table.object_cues is not None and bool(table.object_cues.fullmatch(toks[k].text.lower()))
        if comp and comp[0].dep == "xcomp" and not object_cue and bare_infinitive(view, k, comp[0]):
            comp = []  # "has said, in defiance of calls … to build defences": the parser hung another
            # noun's infinitive on a verb that takes none; the words said are elsewhere
        if object_cue and comp and comp[0].dep == "xcomp":
            # "назвал действия властей бесчеловечными": the object and its predicate are the content
            objs = [t for t in toks if t.head == toks[k].i and t.dep in ("dobj", "obj") and toks[k].end < t.start < comp[0].start]
            comp = sorted(objs + comp, key=lambda t: t.start)
        if not comp and object_cue:
            # "accused Poland of…", "called the charges unsubstantiated": the object is the content
            comp = [t for t in toks if t.head == toks[k].i and t.dep in ("dobj", "obj", "oprd") and t.start > toks[k].end]
            comp.sort(key=lambda t: t.start)  # "called Trump a liar": the first of object and predicate
            if comp and toks[k].dep in NO_SUBJECT_DEPS and not any(t.head == toks[k].i and t.dep.startswith("nsubj") for t in toks):
                return None  # "a group called X", "instead of criticising X" have no speaker ("в Кремле опровергли
                # заявления…", the sentence's own verb, has: the body it was said in)
            if not comp and toks[k].dep not in ("acl", "amod") and j < n and toks[j].pos in ("PROPN", "PRON", "DET"):
                # the parser missed the object ("the docs who sent the letter called Oz a quack"):
                # read it off the surface
                return _object_content(view, k, j)
        if not comp and not object_cue and toks[k].lemma in view.table.clause_only_lemmas:
            # "who said the Russian plots concern not just Poland": the parser read a bare reported
            # clause as a long object of "say" (a noun-verb ambiguity); such a verb (cues.yaml
            # clause_only_lemmas) takes no such object
            objs = [t for t in toks if t.head == toks[k].i and t.dep in ("dobj", "obj") and t.start > toks[k].end]
            if objs and objs[0].pos in ("NOUN", "PROPN") \
                    and sum(1 for t in subtree(objs[0], toks) if is_word(t)) >= LONG_SAY_OBJECT:
                comp = objs[:1]
        if not comp:
            return None  # with a parse, an object cue needs its object ("called in to a show" has none)
        left = min(subtree(comp[0], toks), key=lambda t: t.start)
        content_tok = view.index_of(left.i)
        if content_tok is None or content_tok < j:
            return None
        between = toks[j:content_tok]
        if object_cue and between and between[0].pos == "ADP":
            by_i = {x.i: x for x in toks}
            if all(governed_by(t, toks[k], by_i) for t in between if is_word(t)):
                # "обвинила в произошедшем Россию": the object after the verb's other complement; the
                # content starts right after the cue
                content_tok, between = j, []
        if len(between) > 8 and not adjuncts_then_that(view, k, between, content_tok) \
                and not (comp[0].dep == "ccomp" and _one_adjunct_of_cue(view, k, between)):
            return None
        if comp[0].dep in ("dobj", "obj") and word_count(view, content_tok, n) < 3 \
                and not (table.nouns is not None and table.nouns.fullmatch(comp[0].text.lower())):
            return None  # "rejected it", "denies this": the object only points back ("denies the accusation" rejects one)
        comma = _comma_after_short_object(view, comp[0]) if comp[0].dep in ("dobj", "obj") and object_cue else None
        if comp[0].dep in ("dobj", "obj") and object_cue and (word_count(view, content_tok, n) < SHORT_OBJECT_WORDS
                                                            or comma is not None):
            # "denies the accusation", "has rejected these allegations, with …": the act with its
            # object is what was said
            act_start = toks[k].start
            stop_at = comma
    elif particle and word_count(view, j, n) >= 2:
        content_tok, between = j, []  # "referred to the precedent of…": the object is the content
    else:
        return _object_content(view, k, j)
    if (marker is not None and toks[marker].text == ":" and word_count(view, marker + 1, n) == 0
            and view.next_sentence is not None):
        # "Лавров заявил:" and the quotation in the next paragraph
        speaker = subject_of(toks[k], toks, view.start) if view.has_parse else None
        if speaker is None:
            sb = speaker_before(view, k)
            speaker = view.span(*sb) if sb else None
        span = strip_quotes(text, *view.next_sentence)
        return Attribution("colon", (toks[k].start, cue_end), [span], speaker, 0.7 if speaker else 0.5)
    if content_tok is None or content_tok >= n or word_count(view, content_tok, n) < 2:
        return None
    if (marker is None or toks[marker].text != ":") and deed_object(view.table, toks[k].text, _object_head(view, k + 1)):
        return None  # "has called a meeting with the ambassadors": convened, nothing said
    if stop_at is None:
        # "said that A was worrying but noted that B": the second cue of the same subject says B
        stop_at = next((c for y in range(content_tok + 1, n) if (c := coordinated_cue(view, k, y)) is not None), None)
        if stop_at is not None and word_count(view, content_tok, stop_at) < 2:
            return None
    if stop_at is None and marker is None and (joined := _joined_that_clause(view, content_tok)) is not None:
        # "noted that Putin had cited NATO as a reason, but that Finland…": an object cue takes no
        # clause; the "that" coordinated after its object is the outer cue's second clause
        stop_at = joined
    if stop_at is None and marker is not None and toks[marker].text == ":":
        # "zaprzeczył: A – powiedział.": the dash that signs the words after the colon ends them
        stop_at = next((d for d in range(marker + 2, n - 1) if toks[d].text in DASHES and _cue_after(view, d)), None)
    # content: to the sentence end, or to the end of a quotation that starts here
    c_start = toks[content_tok].start if act_start is None else act_start
    c_end = view.end if stop_at is None else toks[stop_at].start
    if toks[content_tok].text in OPEN_QUOTES:
        q = view.in_quote(c_start + 1)
        if q and q[0] == c_start and q[1] > c_end:
            c_end = q[1]
    span = strip_quotes(text, c_start, c_end)
    # speaker: parse subject, surface subject, or inverted speaker between cue and marker; a second cue
    # coordinated with a first ("said A and added that B") has the first one's subject
    first = coordinated_with(view, k)
    first = k if first is None or first >= k else first
    speaker = subject_of(toks[first], toks, view.start) if view.has_parse else None
    if speaker is None:
        sb = speaker_before(view, k)
        if sb:
            speaker = view.span(*sb)
    if speaker is None and (named := named_before_participle(view, k)) is not None:
        speaker = named  # "podaje RMF FM, podkreślając, że…": the participle's subject is the name after the cue
    if speaker is None and between:
        b_idx = [pos for pos, t in enumerate(toks) if t in between]
        inv = speaker_after(view, b_idx[0]) if b_idx else None
        if inv:
            speaker = view.span(*inv)
    direct = text[c_start] in OPEN_QUOTES and text[span[1]:span[1] + 1] in CLOSE_QUOTES and view.in_quote(c_start + 1)
    kind = "direct" if direct else ("colon" if marker is not None and toks[marker].text == ":" else "indirect")
    conf = 0.8 if speaker else 0.6
    spans = [span]
    if (marker is not None and toks[marker].text == ":" and speaker is not None
            and (before := clause_before_speaker(view, speaker[0])) is not None):
        spans.insert(0, before)  # "Relations remain in place, he said: "The embassies remain."": both parts
    return Attribution(kind, (toks[k].start, cue_end), spans, speaker, conf)


ADDRESSEE_WORDS = 6  # the longest addressee between an infinitive cue and its "to" ("the EU's member states")
ADDRESSEE_POS = ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM", "PART")


def _comma_after_short_object(view: SentenceView, obj: Token) -> int | None:
    """The index of the comma that ends a short object ("rejected these allegations, with the
    ministry calling…"), or None."""
    words = [t for t in subtree(obj, view.toks) if is_word(t)]
    last = max((x for t in subtree(obj, view.toks) if (x := view.index_of(t.i)) is not None), default=None)
    if not 0 < len(words) < SHORT_OBJECT_WORDS or last is None or last + 1 >= len(view.toks):
        return None
    return last + 1 if view.toks[last + 1].text == "," else None


def _addressee_before_infinitive(view: SentenceView, k: int, j: int, marker: int) -> bool:
    """Is what stands between infinitive cue k and its "to" at `marker` a short noun phrase, the one
    the demand is put to ("called on the international community to…"), not an adjunct ("on Friday")?"""
    toks, table = view.toks, view.table
    if not view.has_parse or marker <= j or toks[marker].text.lower() not in table.infinitive \
            or table.infinitive_cues is None or not table.infinitive_cues.fullmatch(toks[k].text.lower()):
        return False
    between = toks[j:marker]
    return word_count(view, j, marker) <= ADDRESSEE_WORDS and all(t.pos in ADDRESSEE_POS for t in between) \
        and not date_words(view, j)


def _fronted_phrase(view: SentenceView, k: int) -> Attribution | None:
    """"Ранее надежду на беседу Меркель и Лукашенко выразил Владимир Путин": the noun of a cue
    phrase (`particle_lemmas`: "выразил надежду") put before its verb, the content between them and
    the speaker, the verb's subject, after it. Read off the parse only."""
    toks = view.toks
    if not view.has_parse or k + 1 >= len(toks) \
            or word_lemma(toks[k].text.lower(), view.lang) not in view.table.particle_lemmas:
        return None  # only a verb of a cue phrase has a noun to put before it
    verb = toks[k]
    nouns = [x for x in range(k) if toks[x].head == verb.i and toks[x].dep in ("obj", "dobj", "obl")
             and particle_words(view.table, verb.text, [toks[x].text])]
    subject = next((x for x in range(k + 1, len(toks)) if toks[x].head == verb.i and toks[x].dep in SUBJECT_DEPS), None)
    if not nouns or subject is None:
        return None
    noun = nouns[-1]
    if noun + 1 >= k or any(toks[x].text in SEPARATORS or toks[x].text in CLOSE_QUOTES for x in range(noun + 1, k)):
        return None  # nothing said between the phrase's noun and its verb, or a clause of its own
    inv = speaker_after(view, k + 1)
    if inv is None or not inv[0] <= subject < inv[1]:
        return None
    content = strip_quotes(view.text, toks[noun].start, toks[k - 1].end)
    return Attribution("indirect", (toks[k].start, toks[k].end), [content], view.span(*inv), 0.6)


OBJECT_HEAD_REACH = 4  # tokens after an object cue searched for its object's head noun ("a new emergency meeting")


def _object_head(view: SentenceView, j: int) -> Token | None:
    """The head noun of an object opening at token j: its first noun within `OBJECT_HEAD_REACH`
    tokens (without a parse, its first word); None after a preposition or particle ("called for a
    meeting" asks for one)."""
    for t in view.toks[j:j + OBJECT_HEAD_REACH]:
        if not is_word(t) or (view.has_parse and t.pos in ("ADP", "PART", "VERB", "AUX")):
            return None
        if not view.has_parse or t.pos == "NOUN":
            return t
    return None


def _object_content(view: SentenceView, k: int, j: int) -> Attribution | None:
    """`oskarżył Białoruś o prowokacje`, `обвинил Польшу в…`: an accusation's object is its content."""
    toks, table = view.toks, view.table
    if table.object_cues is None or not table.object_cues.fullmatch(toks[k].text.lower()):
        return None
    if word_count(view, j, len(toks)) < 3:
        return None
    if deed_object(table, toks[k].text, _object_head(view, j)):
        return None  # "called a meeting with the ambassadors": convened, nothing said
    speaker = subject_of(toks[k], toks, view.start) if view.has_parse else None
    if speaker is None:
        sb = speaker_before(view, k)
        speaker = view.span(*sb) if sb else None
    span = strip_quotes(view.text, toks[j].start, view.end)
    return Attribution("indirect", (toks[k].start, toks[k].end), [span], speaker, 0.65 if speaker else 0.5)

"""Sentence and paragraph segmentation: abbreviations, quotes, exact offsets."""
from __future__ import annotations

from linewatch.nlp.segment import quote_spans, segment_text, split_sentences


def _texts(text: str, lang: str) -> list[str]:
    return [s.text for s in segment_text(text, lang)]


def test_offsets_are_exact_slices() -> None:
    text = "Headline here\n\n  First one. Second one!  \nThird?\n\n\nLast."
    for s in segment_text(text, "en"):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.paragraph for s in segment_text(text, "en")] == [0, 1, 1, 1, 2]


def test_english_abbreviations_and_initials() -> None:
    assert _texts("Gen. Smith met Mr. Brown on Jan. 5. Then J. Doe left.", "en") == [
        "Gen. Smith met Mr. Brown on Jan. 5.", "Then J. Doe left."]


def test_russian_and_polish_abbreviations() -> None:
    assert len(_texts("Он приехал в 2021 г. вечером, т.е. поздно. Потом уехал.", "ru")) == 2
    assert len(_texts("Spotkanie odbyło się przy ul. Długiej, tzw. starej. Prof. Nowak wyszedł.", "pl")) == 2


def test_short_quote_is_one_sentence_with_its_cue() -> None:
    assert _texts('"We are ready. We will act," she said. Then she left.', "en") == [
        '"We are ready. We will act," she said.', "Then she left."]
    text = "„Nie. Tak” – powiedział minister."
    assert _texts(text, "pl") == [text]
    assert len(split_sentences(text, "pl", 0, len(text), protect_quotes=False)) == 2


def test_quote_spans_pair_and_nest() -> None:
    text = "«a „b“ c» and \"d\""
    assert quote_spans(text, "ru") == [(0, 9), (14, 17)]
    assert quote_spans("«unclosed", "ru") == []


def test_hostile_input_is_bounded() -> None:
    text = "word " * 3000
    sents = segment_text(text, "en")
    assert all(s.end - s.start <= 5000 for s in sents)
    assert segment_text("", "en") == []


def test_nested_guillemets_closed_by_one_mark_before_the_signing_dash() -> None:
    # «A «B»», – сказал X is set «A «B», – сказал X: one mark closes both quotations
    text = "«Нас стали напрягать «туристы»: «Хочется уехать. Пустите нас». Говорю: зачем? «Ну, на экскурсию», – заявил посол."
    spans = quote_spans(text, "ru")
    assert spans and spans[0][0] == 0 and text[spans[0][1] - 1] == "»" and text[spans[0][1]:].startswith(", – заявил")
    # an outer quotation left open with no signing dash stays unclosed
    text = "«Нас стали напрягать «туристы», а потом они ушли. Посол уехал."
    assert [text[a:b] for a, b in quote_spans(text, "ru")] == ["«туристы»"]


def test_lines_are_paragraphs_only_when_the_text_has_no_blank_line() -> None:

    single = segment_text("Head line\nFirst one. Second one.\nThird one.", "en")
    assert [s.paragraph for s in single] == [0, 1, 1, 2]
    blank = segment_text("Head line\n\nFirst one.\nSecond one.", "en")
    assert [s.paragraph for s in blank] == [0, 1, 1]


def test_exclamation_or_question_signed_by_a_dash_cue_is_one_sentence() -> None:
    # "…! – powiedział X": the dash and the lower-case cue sign the speech; a capital after the dash
    # opens new speech
    text = "- Dość tego! – powiedział wojewoda. – Nie wiem – dodał. «Кто заплатит?» — спросил он."
    assert [s.text for s in segment_text(text, "pl")] == [
        "- Dość tego! – powiedział wojewoda.", "– Nie wiem – dodał.", "«Кто заплатит?» — спросил он."]


def test_mixed_straight_and_typographic_marks_pair() -> None:
    text = '"Granica jest zamknięta,” powiedział. “Nie wiem," dodał.'
    assert [text[a:b] for a, b in quote_spans(text, "pl")] == ['"Granica jest zamknięta,”', '“Nie wiem,"']


def test_a_dash_after_a_plain_full_stop_opens_the_next_sentence() -> None:
    # only "…!", "…?" or a closed quotation is signed by a dash cue; after "." the dash opens narration
    text = "Пограничники ушли. — и вот что было дальше."
    assert [s.text for s in segment_text(text, "ru")] == ["Пограничники ушли.", "— и вот что было дальше."]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    # stripped markup leaves "tweeted.Poland"; domains, initials and abbreviations stay whole
    text = ('Police detained 22 people," the police tweeted.Poland has boosted security. See example.com for more. '
            "The U.S.Army said so. He went to St.Petersburg. It was in the territory.On Saturday he spoke.")
    got = [text[a:b] for a, b in split_sentences(text, "en", 0, len(text))]
    assert got == ['Police detained 22 people," the police tweeted.', "Poland has boosted security.",
                   "See example.com for more.", "The U.S.Army said so.", "He went to St.Petersburg.",
                   "It was in the territory.", "On Saturday he spoke."]

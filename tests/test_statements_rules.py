"""Statement extraction on small texts of our own, in English, Russian and Polish."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.extract.statements import _dash_paragraph_before
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def run(pipe: Pipeline, text: str, lang: str) -> Doc:
    return pipe(Doc(Document(text=text, language=lang, published=date(2021, 11, 10))))


def contents(pipe: Pipeline, text: str, lang: str) -> list[str]:
    return [s.content for s in run(pipe, text, lang).statements]


def test_offsets_and_fields(pipe: Pipeline) -> None:
    text = "The talks failed. Ivan Petrovsky said that the border would stay closed until spring."
    doc = run(pipe, text, "en")
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert text[st.content_span[0]:st.content_span[1]] == st.content
    assert "border would stay closed" in st.content
    assert st.cue == "said" and text[st.cue_span[0]:st.cue_span[1]] == "said"
    assert st.speaker and "Petrovsky" in st.speaker
    assert st.sentence.startswith("Ivan Petrovsky")
    assert 0 < st.confidence <= 1
    assert st.to_contract("x.txt")["kind"] == "statement"


def test_direct_quote_post_position_and_pronoun(pipe: Pipeline) -> None:
    text = ('Olga Marchenko spoke on Tuesday. "Our patience has limits and we will respond," she said. '
            "She also warned that new measures were being prepared.")
    doc = run(pipe, text, "en")
    contents = [s.content for s in doc.statements]
    assert any(c.startswith("Our patience has limits") for c in contents)
    assert any("new measures were being prepared" in c for c in contents)
    assert all(s.speaker and "Marchenko" in s.speaker for s in doc.statements)


def test_interrupted_quote_has_two_parts(pipe: Pipeline) -> None:
    text = '"The decision is final," the envoy Tom Reyes said, "and nobody will change it."'
    doc = run(pipe, text, "en")
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert len(st.content_spans) == 2
    assert text[st.content_spans[1][0]:st.content_spans[1][1]].startswith("and nobody")


def test_according_to(pipe: Pipeline) -> None:
    doc = run(pipe, "According to Karl Weber, the crossing will reopen on Monday.", "en")
    assert [s.kind for s in doc.statements] == ["according_to"]
    assert doc.statements[0].content.startswith("the crossing will reopen")


@pytest.mark.parametrize("text", [
    "Moscow is interested in keeping the conflict alive.",
    "Peter Ostrow did not say that the border was closed.",
    "If Peter Ostrow said that, nobody would believe him.",
    "It has been suggested that the talks will fail.",
])
def test_not_statements(pipe: Pipeline, text: str) -> None:
    assert run(pipe, text, "en").statements == []


def test_russian_forms(pipe: Pipeline) -> None:
    text = ("Министр Иван Сидоренко заявил, что переговоры продолжатся на следующей неделе. "
            "«Мы готовы к диалогу, но не к ультиматумам», — подчеркнул Сидоренко. "
            "По словам Сидоренко, граница останется открытой.")
    doc = run(pipe, text, "ru")
    kinds = sorted(s.kind for s in doc.statements)
    assert len(doc.statements) == 3, [s.content for s in doc.statements]
    assert "according_to" in kinds and "direct" in kinds
    assert all(s.speaker and "Сидоренко" in s.speaker for s in doc.statements)


def test_polish_forms_and_pro_drop(pipe: Pipeline) -> None:
    text = ("Minister Jan Kowalczyk powiedział, że granica pozostanie zamknięta do wiosny. "
            "„Nie pozwolimy na kolejne prowokacje” – dodał. "
            "Według Kowalczyka sytuacja jest stabilna od kilku dni.")
    doc = run(pipe, text, "pl")
    assert len(doc.statements) == 3, [s.content for s in doc.statements]
    assert all(s.speaker and "Kowalczyk" in s.speaker for s in doc.statements[:2])
    assert doc.statements[1].content.startswith("Nie pozwolimy")


def test_headline_needs_a_name(pipe: Pipeline) -> None:
    assert run(pipe, "URL: https://example.org/a/b/c\nDATE: 2021-11-10\n\nBody text here.", "en").statements == []
    doc = run(pipe, "Anna Kowalska: the border will not be opened", "en")
    assert [s.kind for s in doc.statements] == ["headline"]


def test_empty_and_garbage(pipe: Pipeline) -> None:
    assert run(pipe, "", "en").statements == []
    assert run(pipe, "\"\"\" ,,, said said said «", "en").statements == [] or True
    run(pipe, "x" * 20000, "pl")


def test_medial_cue_splits_content(pipe: Pipeline) -> None:
    text = "The new checkpoint, the governor Mark Lewin said, will open before winter."
    st = run(pipe, text, "en").statements
    assert len(st) == 1 and len(st[0].content_spans) == 2
    assert text[st[0].content_spans[0][0]:st[0].content_spans[0][1]] == "The new checkpoint"


def test_double_apostrophe_quotes(pipe: Pipeline) -> None:
    text = "''This is not a reform,'' said Laura Fenwick, an economist. ''It is a mess.''"
    st = run(pipe, text, "en").statements
    # the second quotation continues the first speaker's words: one statement, two parts
    assert len(st) == 1 and "Fenwick" in (st[0].speaker or "")
    assert [text[a:b] for a, b in st[0].content_spans] == ["This is not a reform", "It is a mess."]


def test_continuation_kept_apart_when_asked(pipe: Pipeline) -> None:
    text = "“We will not pay,” said Tomas Brandt. “Nobody will.”"
    alone = Pipeline(names=("segment", "parse", "statements"), config={"statements": {"join_continuations": False}})
    st = alone(Doc(Document(text=text, language="en"))).statements
    assert [s.content for s in st] == ["We will not pay", "Nobody will."]


def test_quote_signed_with_glued_dash(pipe: Pipeline) -> None:
    text = "“Prices went up and wages did not.”― Oskar Lind"
    st = run(pipe, text, "en").statements
    assert len(st) == 1 and st[0].speaker == "Oskar Lind" and st[0].cue == "―"


def test_intention_and_agreement_verbs(pipe: Pipeline) -> None:
    st = run(pipe, "The governor plans to veto the new budget bill.", "en").statements
    assert len(st) == 1 and st[0].content.startswith("to veto the new budget")
    st = run(pipe, "Mayor Dana Kirby refused to sign the transit agreement.", "en").statements
    assert len(st) == 1 and "Kirby" in (st[0].speaker or "")
    st = run(pipe, "The two unions agreed to end the strike on Monday.", "en").statements
    assert len(st) == 1 and st[0].content.startswith("to end the strike")


def test_object_that_only_points_back_is_no_content(pipe: Pipeline) -> None:
    assert run(pipe, "The ministry denies it.", "en").statements == []
    # a claim noun is something rejected: the denial with its object is what was said
    assert [s.content for s in run(pipe, "The ministry denies the claim.", "en").statements] == ["denies the claim"]


def test_quote_signed_with_dash(pipe: Pipeline) -> None:
    text = "“The border must stay open for trade.” ― Irena Walsh"
    st = run(pipe, text, "en").statements
    assert len(st) == 1 and st[0].speaker == "Irena Walsh"


def test_question_and_unnamed_official(pipe: Pipeline) -> None:
    assert run(pipe, "Did Henryk Lasota say that the border was closed?", "en").statements == []
    st = run(pipe, '"They are behind this," said a senior alliance official.', "en").statements
    assert st and st[0].speaker == "a senior alliance official"


def test_back_reference_and_relay(pipe: Pipeline) -> None:
    doc = run(pipe, "Ситуация на границе остается напряженной. Об этом заявил министр Иван Сидоренко.", "ru")
    assert [s.content for s in doc.statements] == ["Ситуация на границе остается напряженной"]
    relay = run(pipe, "Переговоры отложены. Об этом сообщило агентство «Вести».", "ru")
    assert relay.statements == []
    doc = run(pipe, "Most będzie zamknięty do wiosny. Poinformował o tym rzecznik urzędu Jan Kowalczyk.", "pl")
    assert [s.speaker for s in doc.statements] == ["Jan Kowalczyk"]


def test_pronoun_inside_according_to_phrase(pipe: Pipeline) -> None:
    doc = run(pipe, "Anna Kowalska powiedziała, że jest spokojnie. Jej zdaniem sytuacja jest pod kontrolą od wczoraj.", "pl")
    assert len(doc.statements) == 2
    assert doc.statements[1].speaker == doc.statements[0].speaker
    doc = run(pipe, "Jak dodała, granica pozostanie otwarta." , "pl")
    assert doc.statements == [] or doc.statements[0].speaker is None


def test_noun_cue_nested_statement(pipe: Pipeline) -> None:
    text = "Иван Сидоренко назвал абсурдным заявление главы ведомства Петра Орлова о том, что граница будет закрыта."
    doc = run(pipe, text, "ru")
    speakers = {s.speaker for s in doc.statements}
    assert any("Сидоренко" in (x or "") for x in speakers)
    assert any("граница будет закрыта" in s.content for s in doc.statements)


def test_hypothetical_after_cue(pipe: Pipeline) -> None:
    assert run(pipe, "Если Минск попросит, Москва поможет, сказал бы любой эксперт.", "ru").statements == []


def test_polish_dash_speech_object_cue_and_pro_drop_phrase(pipe: Pipeline) -> None:
    text = ("Prezydent Adam Wolski zagroził wstrzymaniem tranzytu gazu do Europy.\n"
            "- Ogrzewamy Europę, a oni nam grożą - mówił Wolski podczas narady. Jak dodał, Mińsk jest gotowy na wszystko.")
    doc = run(pipe, text, "pl")
    contents = [s.content for s in doc.statements]
    assert contents[0].startswith("wstrzymaniem tranzytu")
    assert contents[1] == "Ogrzewamy Europę, a oni nam grożą" and doc.statements[1].kind == "direct"
    assert contents[2].startswith("Mińsk jest gotowy")
    assert all("Wolski" in (s.speaker or "") for s in doc.statements)


def test_unquoted_speech_runs_back_to_line_start(pipe: Pipeline) -> None:
    text = ("Musimy być gotowi na długi kryzys. To potrwa jeszcze wiele długich miesięcy – mówił minister Jan Rogal"
            "\n\nInny akapit.")
    doc = run(pipe, text, "pl")
    assert [s.content for s in doc.statements] == ["Musimy być gotowi na długi kryzys",
                                                   "To potrwa jeszcze wiele długich miesięcy"]


def test_parenthetical_cue_splits_claims(pipe: Pipeline) -> None:
    text = ("Jan Rogal napisał, że to prowokacja. Zdaniem Rogala, sąsiedzi chcą doprowadzić do izolacji kraju, "
            "a także - jak podkreślił - \"do podważenia zaufania sojuszników do naszych służb\".")
    doc = run(pipe, text, "pl")
    contents = [s.content for s in doc.statements]
    assert any(c.startswith("sąsiedzi chcą doprowadzić do izolacji kraju") and "podważenia" not in c for c in contents)
    assert any(c.startswith("do podważenia zaufania") for c in contents)
    assert all("Rogal" in (s.speaker or "") for s in doc.statements)


def test_colon_then_quote_in_next_paragraph(pipe: Pipeline) -> None:
    text = "Иван Сидоренко заявил:\n\n«Мы не будем посредниками в этих переговорах»."
    doc = run(pipe, text, "ru")
    assert [(s.kind, s.content) for s in doc.statements] == [("colon", "Мы не будем посредниками в этих переговорах")]


def test_evidence_verb_and_statement_noun_subject(pipe: Pipeline) -> None:
    st = run(pipe, "A new survey by the Halvorsen Institute shows that most farmers oppose the tariff.", "en").statements
    assert len(st) == 1 and st[0].content.startswith("that most farmers")
    # what statements "show" is the author's reading of them, not a statement
    text = "The remarks by the two ministers show that the coalition is divided on the tariff."
    assert run(pipe, text, "en").statements == []


def test_talk_about_and_exhort(pipe: Pipeline) -> None:
    st = run(pipe, "Senator Ruth Abena talked about rebuilding the river bridges.", "en").statements
    assert len(st) == 1 and "rebuilding" in st[0].content
    st = run(pipe, "Governor Paul Ekwe exhorted the volunteers to keep the shelters open.", "en").statements
    # whom the demand is put to is part of what was said
    assert len(st) == 1 and st[0].content.startswith("the volunteers to keep the shelters")


def test_short_sentence_of_a_long_quote_stays_with_its_claim(pipe: Pipeline) -> None:
    text = ("“The new crossing will bring trade back to the valley. Who would say no? "
            "We expect the first trucks to pass before the winter,” said Mayor Lena Ostrova.")
    st = run(pipe, text, "en").statements
    assert len(st) == 2
    assert st[0].content.endswith("Who would say no?")  # nothing of the quotation is lost
    assert st[1].content.startswith("We expect the first trucks")


def test_reported_clause_starts_before_its_quoted_words(pipe: Pipeline) -> None:
    text = "Councillor Ida Marsh said the new toll was “a tax on the poor.”"
    st = run(pipe, text, "en").statements
    assert len(st) == 1 and st[0].content.startswith("the new toll was")


def test_noun_cue_content_keeps_complementiser(pipe: Pipeline) -> None:
    text = "Mayor Olu Banjo's claim that the bridge was safe surprised the engineers."
    st = run(pipe, text, "en").statements
    assert st and st[0].content.startswith("that the bridge was safe")


def test_short_answer_opening_a_quote_is_its_own_claim(pipe: Pipeline) -> None:
    text = ("Журналисты спросили Сергея Лаврова о переговорах. «Нет, ничего не решено. Мы продолжим "
            "консультации с партнерами в ближайшие дни», — ответил Лавров.")
    assert contents(pipe, text, "ru") == ["Нет, ничего не решено",
                                          "Мы продолжим консультации с партнерами в ближайшие дни"]


def test_short_question_piece_still_joins_a_claim(pipe: Pipeline) -> None:
    text = "«Кто с этим спорит? Мы продолжим консультации с партнерами в ближайшие дни», — сказал Лавров."
    doc = run(pipe, text, "ru")
    assert len(doc.statements) == 1


def test_clause_opened_by_a_is_a_second_claim(pipe: Pipeline) -> None:
    text = ("„W nocy na moście było spokojnie jak zwykle, a więc nasi żołnierze mogli odpocząć po "
            "służbie” – powiedział Jan Kowalczyk.")
    claims = contents(pipe, text, "pl")
    assert len(claims) == 2
    assert claims[0].endswith("jak zwykle") and claims[1].startswith("a więc nasi żołnierze")


def test_clause_break_not_inside_a_quoted_phrase_or_short_tail(pipe: Pipeline) -> None:
    doc = run(pipe, 'Jan Kowalczyk oskarżył sąsiadów o "głośne słowa o naszej winie i winie innych, '
                    'a także sojuszników stojących za tym".', "pl")
    assert len(doc.statements) == 1
    doc = run(pipe, "„Most będzie zamknięty do samej wiosny, a nie dłużej” – powiedział Jan Kowalczyk.", "pl")
    assert len(doc.statements) == 1


def test_nationality_noun_points_back_to_the_person(pipe: Pipeline) -> None:
    text = ("Na konferencji w Moskwie głos zabrał Siergiej Ławrow. „Nasze stanowisko w tej sprawie "
            "pozostaje niezmienne od wielu miesięcy” – dodaje Rosjanin.")
    doc = run(pipe, text, "pl")
    assert [s.speaker for s in doc.statements] == ["Sergei Lavrov"]


def test_bare_quote_after_reported_speech_is_a_claim_of_its_own(pipe: Pipeline) -> None:
    text = ('Jan Kowalczyk dodał, że "most pozostanie zamknięty do wiosny". '
            '"Rząd przygotowuje też nowe przepisy dotyczące ruchu granicznego".')
    doc = run(pipe, text, "pl")
    claims = [s.content for s in doc.statements]
    assert len(claims) == 2 and claims[1].startswith("Rząd przygotowuje")
    assert all(s.speaker and "Kowalczyk" in s.speaker for s in doc.statements)


def test_read_out_quote_takes_the_next_named_speaker(pipe: Pipeline) -> None:
    text = ("Jan Kowalczyk opublikował nagranie z granicy z napisami. "
            "Kolejny wpis pojawił się wieczorem.\n\n"
            "„Wy nie chcecie nikomu pomóc w tej trudnej sytuacji” – czytamy. "
            "„Wasze władze kłamią od pierwszego dnia tego kryzysu” – dodaje Rosjanin Siergiej Ławrow.")
    doc = run(pipe, text, "pl")
    read = [s for s in doc.statements if s.cue == "czytamy"]
    assert read and read[0].speaker == "Sergei Lavrov"


def test_plural_according_to_names_a_body(pipe: Pipeline) -> None:
    doc = run(pipe, "Как подчеркнули в МИД России, переговоры продолжатся на следующей неделе.", "ru")
    assert [s.cue for s in doc.statements] == ["Как подчеркнули"]
    assert doc.statements[0].content.startswith("переговоры продолжатся")


def test_pronoun_without_earlier_speaker_is_the_subject_named_before(pipe: Pipeline) -> None:
    text = "Stanisław Żaryn odniósł się do słów Siergieja Ławrowa. Jego zdaniem to kolejna próba dezinformacji."
    doc = run(pipe, text, "pl")
    assert [s.speaker for s in doc.statements] == ["Stanisław Żaryn"]


def test_cue_without_subject_and_title_anaphor_fall_back_to_the_person_named(pipe: Pipeline) -> None:
    doc = run(pipe, 'Mariusz Błaszczak był rano gościem radia. "Granica jest dobrze chroniona przez naszych '
                    'żołnierzy" - mówił.', "pl")
    assert [s.speaker for s in doc.statements] == ["Mariusz Błaszczak"]
    doc = run(pipe, "Сергей Лавров провел переговоры в Минске. По мнению российского министра, "
                    "диалог с соседями следует продолжать.", "ru")
    assert [s.speaker for s in doc.statements] == ["Sergei Lavrov"]


def test_dash_speech_after_narration_in_the_same_paragraph(pipe: Pipeline) -> None:
    # the narration before a dash-opened quote ("X was asked whether…") is not part of what X said
    text = ("W czwartek w radiu minister Jan Rogal został zapytany o to, czy nowe cła uderzą w rolników. "
            "- Na pewno nie, ponieważ nasi rolnicy nie sprzedają zboża na tamten rynek - zaznaczył.")
    doc = run(pipe, text, "pl")
    assert [(s.kind, s.content) for s in doc.statements] == [
        ("direct", "Na pewno nie, ponieważ nasi rolnicy nie sprzedają zboża na tamten rynek")]


@pytest.mark.parametrize("text,lang", [
    ("Minister Ivan Petrovsky said the bridge would reopen.\n(Reporting by Anna Lind; writing by Tom Dale; "
     "Editing by Sue Marsh)", "en"),
    ("Minister Ivan Petrovsky said the bridge would reopen.\nIvan Petrovsky Image Credit: Ministry of Transport", "en"),
    ("Министр Иван Петровский заявил, что мост откроют весной.\nФото: пресс-служба министерства транспорта", "ru"),
    ("Minister Jan Rogal powiedział, że most zostanie otwarty wiosną.\nFot. Jan Rogal / archiwum ministerstwa", "pl"),
])
def test_bylines_and_photo_credits_are_no_statements(pipe: Pipeline, text: str, lang: str) -> None:
    # the credit line names people, but nobody says anything in it
    doc = run(pipe, text, lang)
    assert [s.content_span[0] < text.index("\n") for s in doc.statements] == [True]


def test_dash_signature_in_its_own_paragraph_closes_the_quote_above(pipe: Pipeline) -> None:
    # web copies set a dash-opened quote as a block and the signature "– mówił X" as the next paragraph
    text = ("Minister Jan Rogal mówił o rolnikach.\n\n"
            "– Nasi rolnicy nie mogą płacić za cudze decyzje. Będziemy bronić naszego rynku\n\n"
            "– mówił Jan Rogal w radiu.\n\nInny akapit bez cytatu.")
    sts = run(pipe, text, "pl").statements
    said = [s for s in sts if s.cue == "mówił" and s.kind == "direct"]
    assert said and said[0].content.startswith("Nasi rolnicy nie mogą płacić")
    assert "Rogal" in (said[0].speaker or "")
    assert any("Będziemy bronić naszego rynku" in s.content for s in said)


def test_expressed_hope_or_concern_without_a_that_clause(pipe: Pipeline) -> None:
    # "выразил надежду на…", "wyraził zaniepokojenie…": the attitude noun opens what was said
    st = run(pipe, "Министр Иван Петров выразил надежду на скорое возобновление переговоров с соседями.", "ru").statements
    assert len(st) == 1 and "возобновление переговоров" in st[0].content and "Петров" in (st[0].speaker or "")
    st = run(pipe, "Minister Jan Rogal wyraził zaniepokojenie sytuacją na granicy z sąsiednim krajem.", "pl").statements
    assert len(st) == 1 and "sytuacją na granicy" in st[0].content and "Rogal" in (st[0].speaker or "")


def test_according_to_after_an_adverbial_opening(pipe: Pipeline) -> None:
    # "At the same time, according to X, CLAIM": the claim is what follows the source
    sts = run(pipe, "At the same time, according to Senator Ruth Abena, nobody expects the bridge to reopen soon.",
              "en").statements
    assert len(sts) == 1 and sts[0].content.startswith("nobody expects the bridge")


@pytest.mark.parametrize("text,lang,start", [
    ("Иван Петров заявил в эфире «Радио Север», что граница останется закрытой до весны.", "ru", "что граница"),
    ('Jan Rogal powiedział w rozmowie z "Gazetą Północną", że granica pozostanie zamknięta do wiosny.', "pl",
     "że granica"),
    ('Ivan Petrov told "The Northern Times" that the border would stay closed until spring.', "en", "that the border"),
])
def test_quoted_outlet_name_in_the_cue_phrase_is_no_content(pipe: Pipeline, text: str, lang: str,
                                                            start: str) -> None:
    sts = run(pipe, text, lang).statements
    assert len(sts) == 1 and sts[0].content.startswith(start)


def test_unquoted_speech_runs_back_only_to_its_opening_dash(pipe: Pipeline) -> None:
    text = ("Poseł Jan Rogal powiedział w piątek, że koalicja jest stabilna. Do sporu o cła odniósł się także "
            "w sobotę. - Czy to tylko spór o cła, jeszcze nie wiemy. "
            "Ale to pokazuje, jak ważne jest wspólne stanowisko całej naszej koalicji - powiedział w radiu.")
    sts = run(pipe, text, "pl").statements
    assert sts and all("odniósł się" not in s.content for s in sts)
    assert any(s.content.startswith("Czy to tylko spór") for s in sts)


def test_the_writer_first_person_outside_quotes_is_no_speaker(pipe: Pipeline) -> None:
    text = ("Minister Ivan Petrovsky said the bridge would reopen in May. "
            "If you have read this far, we hope that the report was useful to you.")
    assert [s.cue for s in run(pipe, text, "en").statements] == ["said"]
    # inside a quotation the first person is the speaker's own
    text = '"We hope that the bridge will reopen in May," Minister Ivan Petrovsky said.'
    assert [s.cue for s in run(pipe, text, "en").statements] == ["said"]


@pytest.mark.parametrize("text,lang,start", [
    ("Senator Ruth Abena dismissed the claims that the bridge had been closed by the army.", "en", "the claims that"),
    ("Иван Петров прокомментировал заявление министра Олега Брянцева о том, что мост скоро закроют.", "ru",
     "заявление министра"),
])
def test_that_clause_of_a_statement_noun_is_not_the_speaker_claim(pipe: Pipeline, text: str, lang: str,
                                                                  start: str) -> None:
    # what is dismissed or commented on is someone else's claim: the content starts at the noun
    sts = [s for s in run(pipe, text, lang).statements if s.cue_span and s.cue_span[0] > 10]
    assert sts and sts[0].content.startswith(start)


def test_document_issuer_after_an_impersonal_cue_is_the_speaker(pipe: Pipeline) -> None:
    # "— говорится в заявлении X": X issued the document that speaks
    text = "«Мы не будем посредниками в этих переговорах», — говорится в заявлении МИД России."
    sts = run(pipe, text, "ru").statements
    assert len(sts) == 1 and sts[0].speaker_id is not None and "МИД" in (sts[0].speaker_mention or "")


def test_reported_clause_right_after_the_cue_comma(pipe: Pipeline) -> None:
    text = "Иван Петров добавил, нужно дальше следить за заявлениями соседей, чтобы понять их план."
    sts = run(pipe, text, "ru").statements
    assert len(sts) == 1 and sts[0].content.startswith("нужно дальше следить")


@pytest.mark.parametrize("lang,text,before,after,speaker", [
    ("en", "The new bridge will open in March, Mayor Linda Carver said, adding that the old ferry "
           "would keep running until summer.", "The new bridge will open in March", "the old ferry", "Carver"),
    ("en", "Talks with the neighbours have stalled, the ministry said, stressing that the embassy remains open.",
     "Talks with the neighbours have stalled", "the embassy remains open", "ministry"),
    ("ru", "Переговоры зашли в тупик, заявил министр Олег Сидоренко, добавив, что посольство продолжит работу.",
     "Переговоры зашли в тупик", "посольство продолжит работу", "Сидоренко"),
    ("pl", "Nowy most zostanie otwarty w marcu – powiedział burmistrz Jan Kowalczyk, dodając, że prom "
           "będzie kursował do lata.", "Nowy most zostanie otwarty w marcu", "prom będzie kursował", "Kowalczyk"),
])
def test_trailing_cue_keeps_its_clause_before_a_follow_on_participle(
        pipe: Pipeline, lang: str, text: str, before: str, after: str, speaker: str) -> None:
    # "Y, X said, adding that Z": Y is X's (the trailing cue owns it), and so is Z (the participle's)
    doc = run(pipe, text, lang)
    got = {s.content: s.speaker for s in doc.statements}
    assert any(c.startswith(before) for c in got), got
    assert any(after in c and not c.startswith(before) for c in got), got
    assert all(sp and speaker in sp for sp in got.values()), got


@pytest.mark.parametrize("lang,text,first,second,speaker", [
    ("pl", "– Mimo to – mówił Jan Kowalczyk – nikt nie zamierza zamykać granicy przed wiosną.",
     "Mimo to", "nikt nie zamierza", "Kowalczyk"),
    ("ru", "– Тем не менее – сказал Олег Сидоренко – никто не собирается закрывать границу до весны.",
     "Тем не менее", "никто не собирается", "Сидоренко"),
    ("ru", "«Мы не будем закрывать границу», – подчеркнул Олег Сидоренко, – «пока соседи соблюдают договорённости».",
     "Мы не будем", "пока соседи", "Сидоренко"),
    ("en", "The plan – Linda Carver said – will not survive the winter without new money.",
     "The plan", "will not survive", "Carver"),
])
def test_speech_interrupted_by_its_own_dash_set_cue_is_one_statement(
        pipe: Pipeline, lang: str, text: str, first: str, second: str, speaker: str) -> None:
    # "Mimo to – mówił X – …": both parts are X's one statement (content_spans holds the two parts)
    doc = run(pipe, text, lang)
    assert len(doc.statements) == 1, [s.content for s in doc.statements]
    st = doc.statements[0]
    parts = [text[a:b] for a, b in st.content_spans]
    assert len(parts) == 2 and parts[0].startswith(first) and parts[1].startswith(second), parts
    assert st.speaker and speaker in st.speaker


def test_dash_set_cue_before_a_new_sentence_is_no_interruption(pipe: Pipeline) -> None:
    # "A – odpowiedział X – To jest…": a capital after the dash opens new speech, not A's second half
    text = ("– Granica pozostanie zamknięta przez całą zimę – odpowiedział Jan Kowalczyk – "
            "To jest plan rozpisany na wiele miesięcy – dodał.")
    doc = run(pipe, text, "pl")
    assert not any(len(s.content_spans) == 2 and "To jest plan" in s.content for s in doc.statements)


@pytest.mark.parametrize("lang,text,cue,content,speaker", [
    ("pl", "Jan Kowalczyk nie wykluczył, że wojsko zostanie na granicy do wiosny.",
     "nie wykluczył", "wojsko zostanie na granicy", "Kowalczyk"),
    ("ru", "Министр обороны Олег Сидоренко не исключил, что войска останутся на границе до весны.",
     "не исключил", "войска останутся на границе", "Сидоренко"),
])
def test_did_not_rule_out_is_a_statement(pipe: Pipeline, lang: str, text: str, cue: str, content: str,
                                         speaker: str) -> None:
    # "did not rule out that…" says something; the negation is part of the cue, not of the name
    doc = run(pipe, text, lang)
    assert len(doc.statements) == 1, [s.content for s in doc.statements]
    st = doc.statements[0]
    assert st.cue == cue and content in st.content
    assert st.speaker and speaker in st.speaker and "nie" not in st.speaker.split()


@pytest.mark.parametrize("lang,text", [
    ("pl", "Jan Kowalczyk nie powiedział, że wojsko zostanie na granicy."),
    ("ru", "Олег Сидоренко не сказал, что граница будет закрыта."),
    ("ru", "Олег Сидоренко высказался о ситуации на границе."),
])
def test_did_not_say_is_still_no_statement(pipe: Pipeline, lang: str, text: str) -> None:
    # also "высказался о…" (only a topic) and an adverbial opening before a trailing cue
    assert contents(pipe, text, lang) == []


def test_conditional_speech_signed_after_a_dash(pipe: Pipeline) -> None:
    # no opening dash: "Jeżeli …, będziemy … - zapowiedział X." is X's words, not "minister X" as the object
    text = "Jeżeli Białoruś nie wycofa wojsk, będziemy zmuszeni zamknąć przejścia - zapowiedział minister Jan Kowalczyk."
    doc = run(pipe, text, "pl")
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.content.startswith("Jeżeli Białoruś") and "Kowalczyk" in (st.speaker or "")


@pytest.mark.parametrize("lang,text,content", [
    ("ru", "Олег Сидоренко назвал действия польских властей бесчеловечными.", "действия польских властей бесчеловечными"),
    ("ru", "Министр Олег Сидоренко объяснил это борьбой с нелегальной миграцией.", "борьбой с нелегальной миграцией"),
    ("ru", "Олег Сидоренко предупредил Варшаву о последствиях эскалации.", "Варшаву о последствиях"),
    ("pl", "Premier Jan Kowalczyk przestrzegł Mińsk przed dalszą eskalacją konfliktu.", "Mińsk przed dalszą eskalacją"),
    ("pl", "Jan Kowalczyk nazwał wagnerowców zdrajcami i najemnikami.", "wagnerowców zdrajcami"),
    ("ru", "Как отмечает Олег Сидоренко, санкции не дали никакого результата.", "санкции не дали"),
    ("ru", "Олег Сидоренко обратил внимание на то, что беженцы не хотят оставаться в стране.", "беженцы не хотят"),
    ("ru", "Позднее посол Иван Петренко дополнил, что встреча состоится в пятницу.", "встреча состоится"),
    ("ru", "Олег Сидоренко отверг обвинения в адрес Минска.", "обвинения в адрес Минска"),
    ("ru", "Олег Сидоренко сравнил действия Польши с политикой колонизаторов.", "действия Польши с политикой"),
    ("ru", "Олег Сидоренко высказался за продолжение переговоров.", "продолжение переговоров"),
    ("ru", "Решение о закрытии границы ошибочно, считает Олег Сидоренко.", "Решение о закрытии границы ошибочно"),
    ("pl", "Jan Kowalczyk odrzucił oskarżenia pod adresem Mińska.", "oskarżenia pod adresem Mińska"),
    ("ru", "«Пусть сначала разберутся со своими границами», — съязвила Ольга Сидоренко.", "Пусть сначала"),
    ("ru", "Ольга Сидоренко высмеяла заявления польского министра о «гибридной войне».", "заявления польского"),
    ("pl", "Jan Kowalczyk zarzucił Rosji prowadzenie wojny hybrydowej przeciwko Polsce.", "Rosji prowadzenie wojny"),
    ("pl", "- Granica jest szczelna - zażartował Jan Kowalczyk.", "Granica jest szczelna"),
    ("pl", "Jak podała rzeczniczka straży Anna Michalska, zatrzymano piętnaście osób.", "zatrzymano piętnaście"),
    ("ru", "Как подтвердил пресс-секретарь Олег Смирнов, переговоры пройдут в Минске.", "переговоры пройдут"),
])
def test_naming_warning_and_other_reporting_phrases(pipe: Pipeline, lang: str, text: str, content: str) -> None:
    # the object of "назвал/nazwał/przestrzegł" is what was said; "как отмечает", "обратил внимание на то, что"
    found = contents(pipe, text, lang)
    assert len(found) == 1 and content in found[0], found


@pytest.mark.parametrize("lang,second,speaker", [
    ("ru", "С таким заявлением выступила официальный представитель МИД Ивании Ольга Сидоренко.", "Сидоренко"),
    ("ru", "Такое мнение высказал глава МИД Ивании Олег Сидоренко.", "Сидоренко"),
    ("ru", "Об этом в эфире радио заявил глава МИД Ивании Олег Сидоренко.", "Сидоренко"),
    ("ru", "Соответствующее заявление сделал глава МИД Ивании Олег Сидоренко.", "Сидоренко"),
    ("pl", "Z takim apelem wystąpił minister Jan Kowalczyk.", "Kowalczyk"),
    ("pl", "W ten sposób minister Jan Kowalczyk skomentował słowa Łukaszenki.", "Kowalczyk"),
])
def test_phrases_pointing_back_to_the_previous_sentence(pipe: Pipeline, lang: str, second: str, speaker: str) -> None:
    first = {"ru": "Соседи несут прямую ответственность за кризис на границе.",
             "pl": "Sąsiedzi ponoszą pełną odpowiedzialność za kryzys na granicy."}[lang]
    doc = run(pipe, f"{first} {second}", lang)
    assert len(doc.statements) == 1, [s.content for s in doc.statements]
    st = doc.statements[0]
    assert st.content == first.rstrip(".") and speaker in (st.speaker or "")


def test_o_tym_ze_keeps_its_own_clause(pipe: Pipeline) -> None:
    # "O tym, że A, poinformował X": A is inside the sentence, not the sentence before
    doc = run(pipe, "Sytuacja jest trudna. O tym, że granica będzie zamknięta, poinformował minister Jan Kowalczyk.", "pl")
    assert [s.content for s in doc.statements if "Sytuacja" in s.content] == []


def test_pronoun_before_the_cue_speaks_not_the_name_after_it(pipe: Pipeline) -> None:
    # "Об этом он сообщил на встрече с X": "он" (the one named before) speaks, not X
    text = ("Посол Иван Петренко прибыл в Москву. Соседи несут прямую ответственность за кризис на границе. "
            "Об этом он сообщил на встрече с президентом Ивании Олегом Сидоренко.")
    doc = run(pipe, text, "ru")
    assert doc.statements and all("Сидоренко" not in (s.speaker or "") for s in doc.statements), \
        [(s.speaker, s.content) for s in doc.statements]


def test_back_reference_after_a_reported_sentence_adds_no_second_statement(pipe: Pipeline) -> None:
    # "X заявил, что A. Об этом он сообщил на встрече…": one statement, A
    text = ("Посол Иван Петренко заявил, что граница останется закрытой до весны. "
            "Об этом он сообщил на встрече с журналистами в Минске.")
    doc = run(pipe, text, "ru")
    assert len(doc.statements) == 1, [s.content for s in doc.statements]


@pytest.mark.parametrize("lang,text,body", [
    ("en", "Petrenko says the border will stay shut\n\nIvan Petrenko said on Monday that the border would stay "
           "shut until spring.", "border would stay shut"),
    ("en", "Anna Kowalska: the border will not be opened\n\nAnna Kowalska said that the border would not be "
           "opened this winter.", "would not be opened"),
    ("ru", "Петренко заявил о закрытии границы\n\nПосол Иван Петренко заявил, что граница останется закрытой "
           "до весны.", "граница останется закрытой"),
])
def test_a_title_line_gives_no_statement_of_its_own(pipe: Pipeline, lang: str, text: str, body: str) -> None:
    # a headline repeats the body; only the body's statement is reported
    found = contents(pipe, text, lang)
    assert len(found) == 1 and body in found[0], found


def test_interview_answers_after_dash_set_questions(pipe: Pipeline) -> None:
    # "— Question?" "— Answer.": each answer is the interviewee's statement; the questions are nobody's
    text = ("Глава МИД Ивании Олег Сидоренко ответил на вопросы журналистов.\n\n"
            "— Как вы оцениваете ситуацию на границе?\n\n"
            "— Ситуация крайне напряженная, соседи стягивают войска к границе.\n\n"
            "— Будут ли новые переговоры?\n\n"
            "— Мы готовы к диалогу, но не под давлением.")
    doc = run(pipe, text, "ru")
    assert [s.content for s in doc.statements] == [
        "Ситуация крайне напряженная, соседи стягивают войска к границе", "Мы готовы к диалогу, но не под давлением"]
    assert all("Сидоренко" in (s.speaker or "") for s in doc.statements)


def test_a_dash_paragraph_after_a_statement_is_no_interview_answer(pipe: Pipeline) -> None:
    # no question before it: a dash-set paragraph without a cue stays unattributed
    text = ("Глава МИД Ивании Олег Сидоренко выступил в парламенте.\n\n"
            "— Ситуация на границе крайне напряженная и требует внимания.")
    assert contents(pipe, text, "ru") == []


def test_the_dash_paragraph_before_serves_interview_answers_and_signatures(pipe: Pipeline) -> None:
    # one reading of "the paragraph right before, opened by a dash" for both dash-set layouts
    text = ("Глава МИД Ивании Олег Сидоренко ответил на вопросы журналистов.\n\n"
            "— Как вы оцениваете ситуацию? Что будет дальше?\n\n"
            "— Ситуация крайне напряженная.")
    doc = run(pipe, text, "ru")
    paragraphs = [s.paragraph for s in doc.sentences]
    answer = paragraphs.index(paragraphs[-1])
    asked = paragraphs.index(paragraphs[answer - 1])
    assert _dash_paragraph_before(doc, answer) == (asked, answer - 1)
    assert _dash_paragraph_before(doc, asked) is None  # the paragraph before it opens with no dash
    assert _dash_paragraph_before(doc, 0) is None


def test_that_clause_of_an_inner_cue_is_not_the_outer_cue_content(pipe: Pipeline) -> None:
    # "accused Warsaw of lying when it said that A": A is what "it" said, not the accuser's claim
    doc = run(pipe, "Ivan Petrenko accused Warsaw of lying when it said that the migrants were armed.", "en")
    by_cue = {s.cue: s for s in doc.statements}
    assert by_cue["accused"].content.startswith("Warsaw of lying")
    assert "Petrenko" not in (by_cue["said"].speaker or "")


def test_a_statement_relaying_another_speaker_cue_and_all_is_dropped(pipe: Pipeline) -> None:
    # "It said X told the ambassador that A": X's statement A stays; "it said" only relays it
    text = ("The ministry issued a statement. It said Jan Kowalczyk also told Ambassador Ivan Petrenko that "
            "\"putting pressure on Poland in multilateral forums is not an appropriate method\".")
    doc = run(pipe, text, "en")
    assert [s.cue for s in doc.statements] == ["told"] and "Kowalczyk" in (doc.statements[0].speaker or "")


@pytest.mark.parametrize("lang,text,first", [
    ("en", "Ivan Petrenko said it was unacceptable, adding that the border would stay closed.", "it was unacceptable"),
    ("ru", "Олег Смирнов назвал ситуацию критической, добавив, что граница останется закрытой до весны.",
     "ситуацию критической"),
])
def test_cue_keeps_its_clause_before_a_follow_on_participle(pipe: Pipeline, lang: str, text: str, first: str) -> None:
    # "X said A, adding that B": A is X's claim with "said", B with "adding"
    found = contents(pipe, text, lang)
    assert len(found) == 2 and found[0] == first, found



@pytest.mark.parametrize("text,lang,first_words", [
    ("WARSZAWA, 9 listopada — Dwa śmigłowce patrolowały w nocy granicę — poinformowało ministerstwo obrony.",
     "pl", "Dwa śmigłowce"),
    ("МИНСК, 9 ноября. /БЕЛТА/. Пограничники усилили охрану участка, сообщил Государственный пограничный комитет.",
     "ru", "Пограничники усилили"),
])
def test_dateline_opening_the_body_is_not_part_of_the_content(pipe: Pipeline, text: str, lang: str,
                                                              first_words: str) -> None:
    # the place and day of the dateline are the outlet's, not the speaker's words
    got = contents(pipe, text, lang)
    assert got and all(c.startswith(first_words) for c in got)


@pytest.mark.parametrize("text,cue", [
    # a finite form the cue patterns do not list, found by its lemma (simplemma) and natasha's VerbForm
    ("Учения прошли спокойно. «Все подразделения вернулись в места дислокации», — проинформировал Олег Смирнов.",
     "проинформировал"),
    ("Учения прошли спокойно. Все подразделения вернулись в места дислокации, заверяет Олег Смирнов.", "заверяет"),
])
def test_russian_cue_found_by_its_lemma(pipe: Pipeline, text: str, cue: str) -> None:
    doc = run(pipe, text, "ru")
    assert [s.cue for s in doc.statements] == [cue] and "Смирнов" in (doc.statements[0].speaker or "")


def test_russian_participle_of_a_cue_verb_is_no_cue(pipe: Pipeline) -> None:
    # "честно говоря": a gerund of "говорить", nobody is quoted
    assert contents(pipe, "Честно говоря, учения прошли спокойно и без происшествий.", "ru") == []


@pytest.mark.parametrize("text,speaker", [
    ("Учения прошли спокойно. Все подразделения вернулись в места дислокации, сообщили в Минобороны России.",
     "Ministry of Defence of Russia"),
    ("Учения прошли спокойно. «Все подразделения вернулись в места дислокации», — заявили в Министерстве обороны "
     "России.", "Ministry of Defence of Russia"),
    ("Учения прошли спокойно. В МИД в Варшаве заявили, что все подразделения вернулись в места дислокации.",
     "Ministry of Foreign Affairs of Poland"),
])
def test_russian_body_after_an_impersonal_cue_speaks(pipe: Pipeline, text: str, speaker: str) -> None:
    doc = run(pipe, text, "ru")
    assert [s.speaker for s in doc.statements] == [speaker]


def test_russian_impersonal_cue_with_a_time_adjunct_names_nobody(pipe: Pipeline) -> None:
    # "сообщили в понедельник": a day, not a body; the registry knows nobody there
    doc = run(pipe, "Учения прошли спокойно. Все подразделения вернулись домой, сообщили в понедельник.", "ru")
    assert all(s.speaker is None or "понедельник" not in s.speaker for s in doc.statements)


@pytest.mark.parametrize("text,speaker", [
    ("Учения прошли спокойно. Об этом сообщили в министерстве обороны России во время брифинга.",
     "Ministry of Defence of Russia"),
    # a bare "Минобороны" in Russian news is Russia's (titles.yaml home_bodies), never the words "В Минобороны"
    ("Учения прошли спокойно. В Минобороны добавили, что все подразделения вернулись в места дислокации.",
     "Ministry of Defence of Russia"),
])
def test_russian_body_of_a_back_reference_or_bare_acronym(pipe: Pipeline, text: str, speaker: str) -> None:
    assert [s.speaker for s in run(pipe, text, "ru").statements] == [speaker]


def test_russian_relay_cue_with_a_tagged_person_after_it(pipe: Pipeline) -> None:
    # "сообщила" relays when a medium says it; a person the tagger names (title left out) spoke
    doc = run(pipe, "Для школ закуплено сто тысяч книг. Об этом сообщила заместитель председателя "
                    "правительства республики Ирина Соколова.", "ru")
    assert [s.speaker for s in doc.statements] == ["Ирина Соколова"]


def test_agency_right_after_the_cue_is_the_audience(pipe: Pipeline) -> None:
    doc = run(pipe, "Склад боеприпасов уничтожен ударом по порту, сообщил РИА Новости координатор подполья "
                    "Олег Смирнов.", "ru")
    assert [s.speaker for s in doc.statements] == ["Олег Смирнов"]


@pytest.mark.parametrize("text,lang", [
    ("Склад боеприпасов уничтожен, сообщает РИА Новости со ссылкой на Сергея Лебедева.", "ru"),
    ("Сергей Лебедев заявил, что склад боеприпасов уничтожен ударом по порту.", "ru"),
    ("Sergei Lebedev arrived in Donetsk. He said the depot had been destroyed in the strike.", "en"),
])
def test_another_first_name_before_a_registry_surname_is_someone_else(pipe: Pipeline, text: str, lang: str) -> None:
    # the registry's Lebedev is Pavlo; "Сергей Лебедев" is a different man, even at a sentence's start
    assert all(s.speaker != "Pavlo Lebedev" for s in run(pipe, text, lang).statements)


@pytest.mark.parametrize("text,lang", [
    ("Олег Смирнов прибыл в Донецк. «Склад боеприпасов уничтожен ударом по порту», — цитирует его РИА Новости.",
     "ru"),
    ("Oleg Smirnov arrived in Donetsk. \"The depot was destroyed in the strike on the port,\" RIA Novosti quoted "
     "him as saying.", "en"),
])
def test_medium_quoting_him_names_the_person_it_quotes(pipe: Pipeline, text: str, lang: str) -> None:
    # "quoted him as saying", "цитирует его": the object pronoun is the speaker, never "RIA Novosti quoted him as"
    speakers = [s.speaker for s in run(pipe, text, lang).statements]
    assert speakers and all("Smirnov" in (s or "") or "Смирнов" in (s or "") for s in speakers), speakers


def test_medium_then_a_platform_names_no_speaker(pipe: Pipeline) -> None:
    # "czytamy na kanale PAP w serwisie X": neither the agency's channel nor the platform "X" speaks
    doc = run(pipe, "Ambasador został wezwany do MSZ – czytamy na kanale PAP w serwisie X.", "pl")
    assert all(s.speaker not in ("X", "serwisie X") for s in doc.statements)


@pytest.mark.parametrize("text", [
    "Рост экономики замедлился. Напомним, что Олег Смирнов был задержан в феврале.",  # the author's "let us recall"
    "Санкции не помогли. Они еще за всё ответят, уверен автор колонки.",  # a future "will answer for it"
    "Долг растёт. Валовой продукт страны сейчас на четверть меньше, сказано в статье.",  # no issuer named
    "Долг растёт. Там произошла утечка горючего вещества, сообщают местные СМИ.",  # a medium relays
])
def test_russian_author_future_and_medium_cues_give_no_speaker(pipe: Pipeline, text: str) -> None:
    doc = run(pipe, text, "ru")
    assert all(s.cue not in ("Напомним", "ответят", "сказано", "сообщают") for s in doc.statements), \
        [(s.cue, s.speaker) for s in doc.statements]


def test_russian_body_anaphor_in_a_place_phrase_refers_back(pipe: Pipeline) -> None:
    # "В ведомстве добавили": the ministry named before; with none before, the phrase names nobody
    doc = run(pipe, "Учения прошли спокойно. В Минобороны России сообщили, что подразделения вернулись. "
                    "В ведомстве добавили, что проверка продолжается.", "ru")
    assert [s.speaker for s in doc.statements] == ["Ministry of Defence of Russia"] * 2
    alone = run(pipe, "Учения прошли спокойно. В ведомстве заявили, что проверка продолжается.", "ru")
    assert [s.speaker for s in alone.statements] in ([], [None])


@pytest.mark.parametrize("dash", ["–", "—", "―", "-"])
def test_every_dash_opens_speech_alike(pipe: Pipeline, dash: str) -> None:
    # one set of dash marks: a horizontal bar opens a speech paragraph as an en dash does, and is no content
    text = (f"Minister Jan Kowalczyk przyjechał na granicę w piątek.\n\n{dash} Granica pozostanie zamknięta "
            f"przez całą zimę {dash} powiedział dziennikarzom.")
    got = [(s.speaker, s.kind, s.content) for s in run(pipe, text, "pl").statements]
    assert got == [("Jan Kowalczyk", "direct", "Granica pozostanie zamknięta przez całą zimę")]


@pytest.mark.parametrize("text,lang,speaker", [
    # an according-to phrase whose adjunct names the body ("как отмечают в МИД X")
    ("Мигранты скопились у границы. Как отмечают в МИД Белоруссии, ситуация на границе остается напряженной.",
     "ru", "Ministry of Foreign Affairs of Belarus"),
    # a present plural cue and the body after it, not the genitive country that ends its name ("Litwy")
    ("Migranci zebrali się przy granicy. Sytuacja na granicy pozostaje napięta, podkreślają w MSZ Litwy.",
     "pl", "Ministry of Foreign Affairs of Lithuania"),
])
def test_body_in_which_it_was_said_speaks(pipe: Pipeline, text: str, lang: str, speaker: str) -> None:
    assert [s.speaker for s in run(pipe, text, lang).statements] == [speaker]


@pytest.mark.parametrize("text,speaker", [
    # a bare title with no country and a head noun that is no anaphor: the holder at home on the date...
    ("Мигранты скопились у границы. По словам главы МИД, ситуация на границе остается напряженной.",
     "Sergei Lavrov"),
    # ...or the holder of that office the text named before
    ("Владимир Макей прибыл в Брюссель. По словам главы МИД, ситуация на границе остается напряженной.",
     "Vladimir Makei"),
])
def test_russian_bare_title_in_the_genitive_resolves_through_the_registry(pipe: Pipeline, text: str,
                                                                         speaker: str) -> None:
    assert [s.speaker for s in run(pipe, text, "ru").statements] == [speaker]


def test_title_after_a_long_quotation_is_the_holder_named_before_it(pipe: Pipeline) -> None:
    # "— сказал глава государства" three paragraphs on: Belarus's head of state named at the top, not
    # the home country's (Russia's) on the day
    text = ("Президент Белоруссии Александр Лукашенко выступил на совещании.\n\n"
            "«Мы не допустим провокаций. Наши пограничники готовы ко всему.\n\n"
            "Соседи пытаются обвинить нас во всех грехах. Но мы будем действовать спокойно», — сказал глава "
            "государства.")
    assert {s.speaker for s in run(pipe, text, "ru").statements} == {"Alexander Lukashenko"}


def test_pronoun_resolved_to_a_name_gets_the_registry_name(pipe: Pipeline) -> None:
    # the name found by the tagger several sentences back is a registry person: its canonical name
    text = ("Президент Белоруссии Александр Лукашенко выступил на совещании.\n\n"
            "— Мы не допустим провокаций. Наши пограничники готовы ко всему. Соседи пытаются обвинить нас во всех "
            "грехах, — сказал он.")
    assert {s.speaker for s in run(pipe, text, "ru").statements} == {"Alexander Lukashenko"}


def test_deputy_prime_minister_refers_back_not_to_the_prime_minister(pipe: Pipeline) -> None:
    # "Вице-премьер" is the deputy named before; alone it names nobody (never the prime minister)
    text = ("Для школ закуплено сто тысяч книг. Об этом сообщила заместитель председателя правительства "
            "Ирина Соколова. Вице-премьер отметила, что книги распределят по библиотекам.")
    assert [s.speaker for s in run(pipe, text, "ru").statements] == ["Ирина Соколова"] * 2
    alone = run(pipe, "Для школ закуплено сто тысяч книг. Вице-премьер отметила, что книги распределят.", "ru")
    assert [s.speaker for s in alone.statements] in ([], [None])

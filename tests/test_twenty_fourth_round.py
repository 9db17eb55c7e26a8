"""Error classes seen on fresh unseen articles (twenty-fourth round), each fixed in a shared mechanism:
capitalised common words ("Morze Śródziemne") and an object in an oblique case are nobody's name; the
pope and the Holy See's foreign minister, the Netherlands' offices; a person's title never refers back
to a court; a bare "leader" of a parliamentary state is its head of government; a short name glossed
in brackets is the body that phrase named; an occupation after the cue's adjuncts; a name in the
dative is no subject; an office noun prefers the registry's holder to an interviewer; a speaker
phrase stops before "i wskazał"; "Szef MSZ, który…"; "a friend of Putin, Mikhail Kovalchuk"; "the
speaker of the Russian parliament"; "the head of Polish diplomacy" named in full; "a Polish court".
Invented sentences; the people are invented unless the registry must know them."""
from __future__ import annotations

from datetime import date

from pipeline_helpers import analysed, said, speakers

from linewatch.actors.registry import get_registry
from linewatch.nlp.names import lacks_personal_name, oblique_only
from linewatch.nlp.pipeline import Pipeline

ON = date(2021, 11, 28)


# --------------------------------------------------------------------------- names the dictionary reads

def test_capitalised_common_words_with_no_given_name_are_no_persons_name() -> None:
    assert lacks_personal_name(["Morze", "Śródziemne"], "pl")
    assert lacks_personal_name(["Anioł", "Pański"], "pl")
    assert not lacks_personal_name(["Kordian", "Szwarc"], "pl")
    assert not lacks_personal_name(["Oleg", "Pułatow"], "pl")
    assert not lacks_personal_name(["Morze", "Śródziemne"], "en")


def test_a_name_in_an_oblique_case_only_is_no_subject() -> None:
    assert oblique_only(["Дмитрию", "Киселеву"], "ru")
    assert not oblique_only(["Дмитрий", "Киселев"], "ru")
    assert not oblique_only(["Jan", "Kowalczyk"], "pl")


def test_a_sea_named_before_a_cue_with_no_subject_does_not_speak(pipe: Pipeline) -> None:
    text = ("- Odczuwam ból z powodu wiadomości o tych, którzy toną w Morzu Śródziemnym - dodał.\n\n"
            "- Są też tacy, którzy próbowali przeprawić się przez Morze Śródziemne - stwierdził.")
    assert "Morze Śródziemne" not in speakers(analysed(pipe, text, "pl", ON))


def test_the_object_of_the_sentence_before_does_not_speak_a_cue_with_no_subject(pipe: Pipeline) -> None:
    text = ("Sąd w Hadze skazał dwóch Rosjan. Jednocześnie sąd uniewinnił Rosjanina Olega Kułanowa uznając, "
            "że nie ma dowodów. Maszyna została zestrzelona przez pocisk. Sędzia informował, że zebrano w tej "
            "sprawie wiele dowodów.")
    assert not {"Olega Kułanowa", "Oleg Kułanow"} & set(speakers(analysed(pipe, text, "pl", date(2022, 11, 17))))


def test_a_name_in_the_dative_is_whom_the_words_went_to(pipe: Pipeline) -> None:
    text = ("Министр не исключил новых мер, об этом он заявил в интервью гендиректору агентства "
            "Ивану Петрову, сообщает госагентство во вторник.")
    assert "Ивану Петрову" not in speakers(analysed(pipe, text, "ru", ON))


# --------------------------------------------------------------------------- the registry's offices

def test_the_pope_is_the_holy_sees_head_of_state_on_the_day() -> None:
    reg = get_registry()
    assert reg.resolve("papież", "pl", ON).name == "Pope Francis"
    assert reg.resolve("the pope", "en", date(2025, 6, 1)).name == "Pope Leo XIV"
    assert reg.resolve("Пол Ричард Галлахер", "ru", ON).name == "Paul Richard Gallagher"


def test_a_dash_signature_by_the_pope_is_the_popes(pipe: Pipeline) -> None:
    text = ("Papież Franciszek mówił w niedzielę o migrantach.\n\n"
            "- Myślmy o tych, którzy cierpią na granicach - dodał papież.")
    assert said(analysed(pipe, text, "pl", ON))[-1] == ("Pope Francis", "Myślmy o tych, którzy cierpią na granicach")


def test_the_dutch_prime_minister_on_the_day() -> None:
    reg = get_registry()
    assert reg.resolve("the Dutch prime minister", "en", date(2022, 11, 17)).name == "Mark Rutte"
    assert reg.resolve("премьер-министр Нидерландов", "ru", date(2025, 1, 10)).name == "Dick Schoof"


def test_a_parliamentary_states_leader_is_its_head_of_government() -> None:
    reg = get_registry()
    assert reg.resolve("the Hungarian leader", "en", date(2024, 7, 2)).name == "Viktor Orbán"
    assert reg.resolve("przywódca Węgier", "pl", date(2024, 7, 2)).name == "Viktor Orbán"
    assert reg.resolve("the Belarusian leader", "en", ON).name == "Alexander Lukashenko"
    assert reg.resolve("the British leader", "en", date(2023, 1, 10)).name == "Rishi Sunak"


def test_the_speaker_of_the_russian_parliament(pipe: Pipeline) -> None:
    text = '"We waited for twenty years," said the speaker of the Russian parliament Vyacheslav Volodin.'
    assert speakers(analysed(pipe, text, "en", date(2023, 10, 18))) == ["Vyacheslav Volodin"]


# --------------------------------------------------------------------------- what refers back

def test_the_prime_minister_refers_back_to_him_not_to_the_court(pipe: Pipeline) -> None:
    text = ('With the verdict "we have come closer to justice," said Prime Minister Mark Rutte. '
            "The plane was downed by a missile, the court found.\n\n"
            "The verdict is not the last word, according to the prime minister.")
    assert speakers(analysed(pipe, text, "en", date(2022, 11, 17)))[-1] == "Mark Rutte"


def test_the_president_is_the_president_not_the_interviewer_asking(pipe: Pipeline) -> None:
    text = ("Лукашенко не исключил размещения оружия, об этом он заявил в интервью гендиректору агентства "
            "Ивану Кисельникову.\n\n"
            '"Да. Тогда я предложу Путину вернуть ядерное оружие в Беларусь", - сказал Лукашенко.\n\n'
            '"Какое ядерное оружие?" - уточнил Кисельников. "Мы договоримся, какое. Я же не зря сказал: мы '
            'на территории Беларуси к этому готовы", - подчеркнул президент.')
    assert speakers(analysed(pipe, text, "ru", date(2021, 11, 30)))[-1] == "Alexander Lukashenko"


def test_a_short_name_glossed_in_brackets_is_the_body_that_phrase_named(pipe: Pipeline) -> None:
    text = ("В Следственном комитете (СК) Белоруссии сообщили о смерти солдата. "
            "По данным СК, он был обнаружен в Минске.")
    assert speakers(analysed(pipe, text, "ru", date(2022, 3, 17))) == ["Belarus", "Belarus"]


def test_a_title_before_a_relative_names_its_holder(pipe: Pipeline) -> None:
    text = ("O sprawę został zapytany minister. Szef MSZ, który przebywa w Waszyngtonie, tłumaczył, "
            "że prezydencja nie ma mandatu.")
    assert speakers(analysed(pipe, text, "pl", date(2024, 7, 10)))[-1] == "Radosław Sikorski"


# --------------------------------------------------------------------------- the speaker phrase

def test_an_occupation_after_the_cues_adjuncts_describes_the_name_after_it(pipe: Pipeline) -> None:
    text = ("- Pokładam nadzieję w ludziach dobrej woli - mówił w TVN24 w piątek franciszkanin, brat Jan "
            "Kowalczyk, zastępca dyrektora organizacji.")
    assert speakers(analysed(pipe, text, "pl", ON)) == ["Jan Kowalczyk"]


def test_a_speaker_phrase_stops_before_a_coordinated_verb(pipe: Pipeline) -> None:
    text = ("Prezydent Białorusi Alaksandr Łukaszenka zagroził w czwartek zamknięciem tranzytu.\n\n"
            "- Jeśli my zamkniemy tranzyt, to co wówczas będzie? - mówił białoruski polityk i wskazał, "
            "że przez terytorium Białorusi przebiega gazociąg.")
    assert set(speakers(analysed(pipe, text, "pl", ON))) == {"Alexander Lukashenko"}


def test_a_name_after_a_description_and_a_comma_is_the_speaker(pipe: Pipeline) -> None:
    text = ("In September, the president of the Kurchatov Institute and a friend of Putin, Mikhail "
            "Kovalchuk, proposed testing nuclear weapons in the Arctic.")
    assert speakers(analysed(pipe, text, "en", date(2023, 10, 18))) == ["Mikhail Kovalchuk"]


def test_a_registry_name_in_the_genitive_before_a_name_owns_the_office_of_the_one_named(pipe: Pipeline) -> None:
    text = "To ważny krok – powiedział doradca Zełenskiego Jan Kowalenko."
    assert speakers(analysed(pipe, text, "pl", date(2024, 7, 5))) == ["Jan Kowalenko"]


def test_an_office_named_in_full_refers_back_to_its_holder_not_to_the_last_speaker(pipe: Pipeline) -> None:
    text = ("Police spokesman Jan Nowacki said the incident would be analysed. “We will provide more "
            "information later”, announced the spokesman.\n"
            "Zbigniew Rau, the Minister of Foreign Affairs, issued a statement shortly after the incident.\n"
            "“Diplomats enjoy special protection”, wrote the head of Polish diplomacy.")
    assert speakers(analysed(pipe, text, "en", None))[-1] == "Zbigniew Rau"


def test_a_countrys_court_is_the_court_not_the_state(pipe: Pipeline) -> None:
    text = "The man received a life sentence, a Polish court ruled on Thursday."
    assert speakers(analysed(pipe, text, "en", date(2022, 11, 17))) == ["a Polish court"]

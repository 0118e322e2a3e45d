//! Tests of Russian and Ukrainian attribution (`cyrillic.rs`), in a file of their own.
use super::*;

fn rows(text: &str) -> Vec<AttrRow> {
    let analysis = crate::text::analyze(text, &[0..text.len()]);
    run(&CyrillicSources::embedded(), "a", text, &analysis).rows
}

#[test]
fn sources_are_classified_by_name_then_head_noun() {
    let s = CyrillicSources::embedded();
    let c = |p: &str| s.classify(p);
    // a named body wins over a head noun; the head noun of a phrase, not its adjective
    assert_eq!(c("агентство Синьхуа"), (Category::StateMedia, "CN".into()));
    assert_eq!(c("Военный аналитик Павел Орлов").0, Category::Expert);
    // an unnamed source stays anonymous whatever body it is in
    assert_eq!(c("Источник в Кремле").0, Category::Anonymous);
    assert_eq!(c("Источник в Генеральном штабе").0, Category::Anonymous);
    assert_eq!(c("джерело в Міністерстві оборони").0, Category::Anonymous);
    // feminine forms of role nouns (Ukrainian)
    assert_eq!(c("Міністерка оборони Лена Марськ").0, Category::Government);
    assert_eq!(c("речниця відомства").0, Category::Government);
    // abbreviations match whole words only (`ГРУ`, not `Грушко`)
    assert_eq!(c("Заместитель министра Александр Грушко").0, Category::Government);
    // a defence ministry is military, as in the English list; the country from a demonym
    assert_eq!(c("Министерство обороны России"), (Category::Military, "RU".into()));
    assert_eq!(c("прем’єр-міністр Бельгії").0, Category::Leader);
}

#[test]
fn cue_forms_of_any_tense_gender_and_number() {
    for w in [
        "заявил",
        "заявила",
        "заявили",
        "заявив",
        "заявляет",
        "повідомила",
        "повідомляє",
        "сказав",
        "отметил",
        "зазначила",
        "подчеркнул",
        "наголосив",
        "считает",
        "вважає",
    ] {
        assert!(cue_class(w).is_some(), "{w}");
    }
    for w in ["заявление", "заява", "сообщение", "повідомлення", "сказка", "счет"]
    {
        assert!(cue_class(w).is_none(), "{w}");
    }
}

#[test]
fn the_main_constructions_give_their_source_and_content() {
    let r = rows("Пресс-секретарь президента Дмитрий Песков заявил, что переговоры продолжатся.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].source, "Пресс-секретарь президента Дмитрий Песков");
    assert_eq!((r[0].category, r[0].country.as_str()), (Category::Government, "RU"));
    assert_eq!(r[0].content, "переговоры продолжатся");
    let r = rows("«Мы не отступим», — заявил Зеленский журналистам.");
    assert_eq!(r[0].source, "Зеленский");
    assert_eq!((r[0].category, r[0].country.as_str(), r[0].kind), (Category::Leader, "UA", "direct"));
    let r = rows("За даними Генштабу ЗСУ, противник втратив 40 танків.");
    assert_eq!((r[0].source.as_str(), r[0].cue_class), ("Генштабу ЗСУ", "according_to"));
    assert_eq!((r[0].category, r[0].country.as_str()), (Category::Military, "UA"));
    let r = rows("Войска отошли от города, сообщает ТАСС.");
    assert_eq!((r[0].source.as_str(), r[0].category, r[0].country.as_str()), ("ТАСС", Category::StateMedia, "RU"));
    let r = rows("Министр заявил, что всё спокойно. Он добавил, что помощь придёт.");
    assert_eq!((r[1].source.as_str(), r[1].resolved_source.as_str()), ("Он", "Министр"));
}

#[test]
fn negated_topical_and_modal_cues_report_no_statement() {
    // negated: nothing was said; a negated detail is a refusal to give it
    assert!(rows("Никто в городе не говорит об этом вслух.").is_empty());
    assert!(rows("Сьогодні міністр не сказав нічого нового.").is_empty());
    let r = rows("Подробности операции в штабе округа не уточнили.");
    assert_eq!(r.first().map(|r| r.cue_class), Some("refusal"));
    let r = rows("Представитель ведомства не назвал сроков ремонта.");
    assert_eq!(r.first().map(|r| (r.cue_class, r.source.as_str())), Some(("refusal", "Представитель ведомства")));
    // `говорить о` a topic, or a thing that indicates: no statement; `о том, что` is one
    assert!(rows("Рост цен на топливо говорит о дефиците в регионе.").is_empty());
    let r = rows("Губернатор говорит о том, что дороги откроют к утру.");
    assert_eq!((r.len(), r[0].source.as_str()), (1, "Губернатор"));
    // an infinitive after a modal or `чтобы`
    assert!(rows("Эти цифры позволяют с уверенностью утверждать обратное.").is_empty());
    assert!(rows("Он уехал из страны, чтобы рассказать всё журналистам.").is_empty());
    // a quoted `Ні` or modal is no negation of the cue after the quotation; Ukrainian third
    // persons in `-ть` are no infinitives
    let r = rows("«Ні», — сказав він журналістам.");
    assert_eq!(r.len(), 1);
    let r = rows("«Треба діяти», — говорить Зеленський.");
    assert_eq!(r.first().map(|r| r.source.as_str()), Some("Зеленський"));
    // a negation alone is no source; a letter whose lower case is longer does not upset
    // the spans
    let r = rows("Не уточнили, когда откроют мост.");
    assert!(r.iter().all(|r| r.source != "Не"), "{r:?}");
    let r = rows("Компания İnfo\u{a0}Центр заявила, что сделка закрыта.");
    assert_eq!(r.len(), 1);
    // idioms of speaking
    assert!(rows("Решение было, так сказать, неожиданным для всех.").is_empty());
    assert!(rows("Цены выросли, мягко сказать, заметно.").is_empty());
    assert!(rows("Пилот отметил 23 февраля в ресторане.").is_empty());
    assert!(rows("Я б сказав, що це неможливо.").is_empty());
    assert!(rows("На совещании решили передать привет соседям.").is_empty());
    // a refusal stays a refusal
    let r = rows("От комментариев пресс-служба отказалась.");
    assert_eq!(r.first().map(|r| r.cue_class), Some("refusal"));
}

#[test]
fn a_rule_complied_with_is_no_source() {
    assert!(rows("Согласно закону, выплаты начнутся в марте.").is_empty());
    assert!(rows("Склад працює згідно з виділеними лімітами пального.").is_empty());
    let r = rows("Согласно данным мэрии, свет дали в трех районах.");
    assert_eq!(r.first().map(|r| r.source.as_str()), Some("данным мэрии"));
}

#[test]
fn time_and_circumstance_phrases_before_a_source_are_left_out() {
    let source = |t: &str| rows(t).first().map(|r| r.source.clone()).unwrap_or_default();
    assert_eq!(source("Вчера министр обороны заявил, что учения закончены."), "министр обороны");
    assert_eq!(source("Весной 2024 года доклад института подтвердил, что запасы малы."), "доклад института");
    assert_eq!(source("В своем интервью Марченко заявил, что не уйдет в отставку."), "Марченко");
    assert_eq!(source("У відповідь на це Ковальчук заявила, що рішення остаточне."), "Ковальчук");
    assert_eq!(source("Петренко на брифинге сообщил, что мост открыт."), "Петренко");
    // after the cue too
    assert_eq!(source("Учения прошли успешно, заявило в понедельник Министерство обороны."), "Министерство обороны");
    // conjunctions and adverbs around a source, and a post's symbols
    assert_eq!(source("Хотя полиция осторожно заявила, что угрозы нет."), "полиция");
    assert_eq!(source("❗️ Губернатор заявил, что угрозы нет."), "Губернатор");
    // nobody in particular is no source
    assert!(rows("Хтось вимагав, щоб усі розійшлися.").is_empty());
    assert!(rows("Что бы ни говорили в столице, цены растут.").is_empty());
    assert_eq!(source("Известно, что министр заявил об отставке."), "министр");
    // a body named after a preposition keeps its name
    assert_eq!(source("В Минобороны заявили, что удар отражен."), "Минобороны");
    // an unnamed source keeps the body it is in
    assert_eq!(source("Источник в Кремле сообщил, что встреча состоится."), "Источник в Кремле");
}

//! Source spans of the Russian and Ukrainian rules (`cyrillic.rs`): the words of a clause that
//! name a source, without the words around it that do not (time and circumstance phrases,
//! addressees, conjunctions, the medium or occasion it spoke in), and the spans that name no
//! source at all (a topic, a relative word, a circumstance alone, a coordinated clause).

use std::ops::Range;

use super::cyrillic_span_words::*;
use super::cyrillic_words::{ADDRESSEE_NOUNS, PRONOUNS};

/// Trims spaces and punctuation off a byte range's ends.
pub(super) fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(r.clone())?;
    let skip = |c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '—' | '–' | '-' | '«' | '»' | '"' | '“' | '”' | '„')
    };
    let lead = s.len() - s.trim_start_matches(skip).len();
    let tail = s.len() - s.trim_end_matches(skip).len();
    let out = r.start + lead..r.end - tail;
    (out.start < out.end).then_some(out)
}

/// The first of `marks` in `text[from..to]` (its byte offset), or `to`. A full stop after a
/// one-letter word is an abbreviation or an initial (`и.о. главы`, `с. лавров`), not a clause's
/// end.
pub(super) fn clause_end(text: &str, from: usize, to: usize, marks: &[char]) -> usize {
    let s = &text[from..to];
    let mut prev: [Option<char>; 2] = [None, None];
    for (i, c) in s.char_indices() {
        if marks.contains(&c) {
            let initial = c == '.'
                && prev[1].is_some_and(char::is_alphabetic)
                && !prev[0].is_some_and(char::is_alphabetic)
                // at the text's start, the letter's left neighbour is the text before `from`
                && (i > 1 || !text[..from].chars().next_back().is_some_and(char::is_alphabetic));
            if !initial {
                return from + i;
            }
        }
        prev = [prev[1], Some(c)];
    }
    to
}

/// A source before its cue without the words that are not part of it: a refused detail's
/// negation, a time phrase or circumstance opening it, an addressee phrase; when it ends in a
/// pronoun after other words (`Под час допиту вона`), the pronoun. `None` when a circumstance
/// is all it holds (`На брифінгу розповіли`, `С мест сообщают`).
pub(super) fn tidy_source(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let mut end = r.end;
    // word starts, in bytes of `s`
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    // `Не уточнили, ...`: the negation alone is no source
    if let [(_, only)] = words.as_slice() {
        if matches!(only.to_lowercase().as_str(), "не" | "ні") {
            return None;
        }
    }
    // the negation of a refused detail (`В штабе не уточнили`) is the verb's, not the source's
    let words = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && matches!(last.1.to_lowercase().as_str(), "не" | "ні") => {
            end = r.start + last.0;
            rest.to_vec()
        }
        _ => words,
    };
    if let Some((_, last)) = words.last() {
        let l = last.to_lowercase();
        if words.len() > 1 && PRONOUNS[..6].contains(&l.as_str()) {
            let (at, w) = words[words.len() - 1];
            return Some(r.start + at..r.start + at + w.len());
        }
    }
    let mut start = r.start;
    if let Some((_, first)) = words.first() {
        if words.len() > 1 && SOURCE_LEADS.contains(&first.to_lowercase().as_str()) {
            start = r.start + words[1].0;
        }
    }
    for p in SOURCE_LEAD_PHRASES {
        let from = start - r.start;
        let rest = s[from..].to_lowercase();
        if rest.starts_with(p) && rest.len() > p.len() && text.is_char_boundary(start + p.len()) {
            start += p.len();
            break;
        }
    }
    let start = trim(text, start..end)?.start;
    let start = circumstance_end(text, start..end)?;
    trim(text, start..end)
}

/// Where a source phrase `r` starts after the time phrases (`Вчера`, `весной 2023 года`) and
/// circumstances (`В своем интервью`, `На днях`, `вчора під час прес-конференції`) that open
/// it: after the time words, or at the first name or pronoun after a preposition (a name in
/// Latin letters right after it is the medium, `в інтерв'ю Fox News`, and is passed over);
/// after `в` or `у` before a body's noun (`В экстренных службах РФ`), at the body. `r.start`
/// when no circumstance opens it; `None` when it holds nothing else.
pub(super) fn circumstance_end(text: &str, r: Range<usize>) -> Option<usize> {
    let s = &text[r.clone()];
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let mut i = 0;
    // a time phrase, then a circumstance (`вчора під час прес-конференції Зеленський`)
    for _ in 0..2 {
        let first = lower.get(i)?;
        // a date (`22 грудня ДБР`, `5 июня 2024 года`)
        let date =
            first.chars().all(|c| c.is_ascii_digit()) && lower.get(i + 1).is_some_and(|m| MONTHS.contains(&m.as_str()));
        if TIME_LEADS.contains(&first.as_str()) || date {
            i = (i + 1..words.len()).find(|&j| {
                let w = lower[j].as_str();
                !TIME_TAIL.contains(&w) && !MONTHS.contains(&w) && !w.chars().all(|c| c.is_ascii_digit())
            })?;
        } else if PREPOSITIONS.contains(&first.as_str()) {
            // the body's noun among the next two words, before any name (`в ведомстве` stays
            // whole: it stands for a body named before)
            let body = matches!(first.as_str(), "в" | "у" | "во")
                && (i + 1..words.len().min(i + 3))
                    .take_while(|&j| words[j].1.chars().next().is_some_and(char::is_lowercase))
                    .any(|j| BODY_STEMS.iter().any(|b| lower[j].starts_with(b)))
                && !PRONOUNS.contains(&lower[i + 1].as_str());
            if body {
                return Some(r.start + words[i + 1].0);
            }
            if lower.get(i + 1).is_some_and(|w| PRONOUNS.contains(&w.as_str())) {
                return Some(r.start + words[i].0);
            }
            let name = (i + 1..words.len()).find(|&j| {
                let w = words[j].1;
                w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
                    || PRONOUNS[..6].contains(&lower[j].as_str())
                    || matches!(lower[j].as_str(), "мы" | "ми")
            });
            // no name: a noun after the circumstance's own two words is the source (`На вопрос
            // журналистов супруга`, `От комментариев пресс-служба`), unless it is an oblique
            // plural or an instrumental (`в кабинете министров`, `з міжнародними партнерами`);
            // a circumstance alone is none (`На брифінгу`, `С мест`)
            let oblique = |w: &str| {
                ["ов", "ев", "ів", "их", "ых", "ам", "ям", "ах", "ях", "ми", "ою", "ею"].iter().any(|e| w.ends_with(e))
            };
            let mut j = match name {
                Some(j) => j,
                None if words.len() > i + 2 && !oblique(&lower[words.len() - 1]) => words.len() - 1,
                None => return None,
            };
            // a title in Latin letters or quotation marks after the circumstance's noun is its
            // medium (`в інтерв'ю Fox News`, `В ефірі телемарафону «Єдині новини»`), no source;
            // other names are bodies (`В WP отмечают`, `в госкорпорации «Росатом»`)
            let title = |w: &str| latin_word(w) || w.starts_with(['«', '"', '„', '“']);
            let medium = lower[i + 1..j].iter().any(|w| MEDIUM_STEMS.iter().any(|m| w.starts_with(m)));
            // a name in the dative after the medium is its outlet (`в інтерв'ю Укрінформу Хоменко`)
            let dative = |k: usize| {
                words[k].1.chars().next().is_some_and(char::is_uppercase)
                    && (lower[k].ends_with('у') || lower[k].ends_with('ю'))
                    && k + 1 < words.len()
            };
            if medium && dative(j) && !title(words[j].1) {
                j += 1;
            } else if medium && title(words[j].1) {
                let mut quoted = words[j].1.starts_with(['«', '"', '„', '“']);
                j = (j..words.len()).find(|&k| {
                    let w = words[k].1;
                    let inside = quoted || latin_word(w);
                    if w.ends_with(['»', '"', '“', '”']) {
                        quoted = false;
                    }
                    !inside
                })?;
            }
            i = j;
        } else {
            break;
        }
    }
    Some(r.start + words.get(i).map_or(s.len(), |w| w.0))
}

/// The source of a lead phrase (`по словам X`, `за даними X`) that no comma ends: its first
/// word and the words that continue its name (capitalised words, abbreviations, quoted names,
/// nouns in the genitive or after an adjective), not the reported clause after it (`за даними
/// Генштабу окупанти використовують ...`). Spans of up to four words, or with no finite verb,
/// are kept whole.
pub(super) fn lead_source(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    // a finite verb (a third person or a past form) is the sign of a clause after the source
    let finite = |w: &str| {
        w.chars().count() >= 4
            && w.chars().all(char::is_lowercase)
            && ["ют", "ят", "ут", "ат", "ит", "ет", "ть", "ли", "ла", "ло", "є"].iter().any(|e| w.ends_with(e))
    };
    if words.len() <= 4 || !words.iter().any(|(_, w)| finite(w)) {
        return r;
    }
    let adjective = |w: &str| {
        let w = w.to_lowercase();
        ["ого", "его", "ої", "ей", "ой", "их", "ых", "ом", "ем", "ым", "им", "ому", "ему"]
            .iter()
            .any(|e| w.ends_with(e))
    };
    let mut n = 1;
    let mut quoted = false;
    while n < words.len() {
        let w = words[n].1;
        let name = w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        if w.starts_with(['«', '"', '„', '“']) {
            quoted = true;
        }
        // a noun in the genitive continues a name (`голови департаменту спорту`); the subject of
        // the clause after it is in the nominative (`окупанти`, `наші воїни`)
        let lower = w.to_lowercase();
        let genitive = lower.chars().count() >= 4
            && ["у", "ю", "а", "я", "ов", "ев", "ів", "ей", "ии", "ії", "ості", "ости"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !FUNCTION_WORDS.contains(&lower.as_str())
            && !TIME_LEADS.contains(&lower.as_str());
        // an adjective of time opens the clause's time phrase (`минулої доби`)
        let time = ["минул", "прошл", "прошедш", "минувш", "последн", "останн"].iter().any(|t| lower.starts_with(t));
        if time || !(name || quoted || genitive || adjective(w) || adjective(words[n - 1].1)) {
            break;
        }
        if w.ends_with(['»', '"', '“', '”']) {
            quoted = false;
        }
        n += 1;
    }
    let (at, w) = words[n - 1];
    r.start..r.start + at + w.len()
}

/// Whether a word is written in Latin letters (`Postimees`, `Fox`).
pub(super) fn latin_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_alphabetic() || c.is_ascii())
}

/// Whether a clause after a comma is an aside before the cue (a gerund or participle phrase,
/// `выступая на форуме`, `відповідаючи на питання`): it starts with a lower-case word ending
/// in `-я`, `-в`, `-вши`, `-чи`; or a parenthetical phrase (`в свою очередь`).
pub(super) fn starts_lower_aside(s: &str) -> bool {
    let lower = s.trim_start().to_lowercase();
    if PARENTHETICALS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let first = s.split_whitespace().next().unwrap_or("");
    // reflexive gerunds too (`обращаясь`, `звертаючись`)
    let first = first.strip_suffix("сь").unwrap_or(first);
    first.chars().next().is_some_and(char::is_lowercase)
        && (first.ends_with("вши")
            || first.ends_with("чи")
            || first.ends_with("ая")
            || first.ends_with("яя")
            || first.ends_with("ючи"))
}

/// Whether a lower-case word is a gerund of either aspect (`звертаючись`, `отвечая`,
/// `комментируя`, `говоря`, `сказавши`, `сопроводив`): after a comma inside a source, an aside
/// that is cut off. A noun of the same ending (`ведущая программы`) is cut as well, and the
/// source before it stays whole.
fn gerund(w: &str) -> bool {
    let stem = w.strip_suffix("сь");
    let w = stem.unwrap_or(w);
    w.chars().next().is_some_and(char::is_lowercase)
        && (["чи", "вши", "ая", "яя", "уя", "юя", "ря", "ив", "ав", "ыв"].iter().any(|e| w.ends_with(e))
            || (stem.is_some() && (w.ends_with('я') || w.ends_with('а'))))
}

/// A source span without the symbols around it (a post's emoji and bullets: `❗️ Лавров`).
fn source_edges(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '(' | ')' | '«' | '»' | '„' | '“' | '”' | '"' | '\'' | '’');
    let lead = s.len() - s.trim_start_matches(|c: char| !keep(c)).len();
    let tail = s.len() - s.trim_end_matches(|c: char| !keep(c)).len();
    let out = r.start + lead..r.end - tail;
    (out.start < out.end).then_some(out)
}

/// Whether a source is nobody in particular ([`INDEFINITE`]).
fn indefinite(lower: &[&str]) -> bool {
    // `Кто-то из депутатов` is an unnamed source among named ones, not nobody
    lower.first().is_some_and(|w| INDEFINITE.contains(w)) && !matches!(lower.get(1), Some(&("из" | "з" | "із")))
}

/// A source span, before or after its cue, as a row shows it: without the symbols at its
/// edges, the conjunctions and adverbs that open it (`Также правоохранители`, `Как я`),
/// everything from a time or manner word, a medium, an occasion, a citation or an aside on
/// (`он в Telegram`, `Кириенко на открытии форума`, `The Telegraph со ссылкой на источники`,
/// `пані Сміт, звертаючись до митників`), and the addressees and manner adverbs that end it
/// (`Зеленский журналистам`, `аналитики осторожно`). `None` for a span that names no source:
/// a topic (`о ситуации`, `Про це`), function or relative words alone (`также`, `де`, `Всё
/// что`), a clause cut at a conjunction (`Трамп осудил нападения и`), an addressee pronoun
/// (`ему`), nobody in particular (`Хтось`), a colon inside.
pub(super) fn shape(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let r = source_edges(text, r)?;
    let s = &text[r.clone()];
    if s.contains(':') {
        return None;
    }
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let bare: Vec<String> = words
        .iter()
        .map(|(_, w)| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').to_lowercase())
        .collect();
    let mut a = 0;
    while a + 1 < words.len() && SOURCE_LEADS.contains(&bare[a].as_str()) {
        a += 1;
    }
    // a time phrase or circumstance opening it (a source after its cue: `зазначив вчора під
    // час прес-конференції Зеленський`)
    let from = circumstance_end(text, r.start + words.get(a)?.0..r.end)?;
    while a + 1 < words.len() && r.start + words[a].0 < from {
        a += 1;
    }
    let mut b = words.len();
    // stops after the first word kept
    for i in a + 1..words.len() {
        // lower-cased from the word on (lower case may change a text's byte length: `İ`)
        let rest = s[words[i].0..].to_lowercase();
        let stop = SOURCE_STOPS.iter().any(|stop| {
            rest.starts_with(stop) && rest[stop.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        });
        // an aside after a comma (`пані Сміт, звертаючись до`)
        let aside = words[i - 1].1.ends_with(',') && gerund(&bare[i]);
        // the medium it spoke in (`Міністр Стрілець у телемарафоні`)
        let medium = matches!(bare[i].as_str(), "в" | "у" | "во" | "на")
            && bare.get(i + 1).is_some_and(|w| MEDIUM_STEMS.iter().any(|m| w.starts_with(m)));
        if stop || aside || medium {
            b = i;
            break;
        }
    }
    let adverb = |w: &str, raw: &str| {
        raw.chars().all(char::is_lowercase)
            && w.chars().count() >= 5
            && ["но", "ью", "ко", "до"].iter().any(|e| w.ends_with(e))
    };
    // a participle after a name belongs to the clause, not the source (`СМИ контролируемый`)
    let participle = |i: usize| {
        i > a
            && words[i].1.chars().all(char::is_lowercase)
            && ["мый", "мая", "мое", "мые", "щий", "щая", "щее", "щие", "вший", "вшая", "вшие"]
                .iter()
                .any(|e| bare[i].ends_with(e))
            // after an abbreviation or a name, not an adjective (`Украинские военные`)
            && words[i - 1].1.chars().next().is_some_and(char::is_uppercase)
            && !["ие", "ые", "ий", "ый", "ая", "ое", "і", "а"].iter().any(|e| bare[i - 1].ends_with(e))
    };
    // particles and time words (`Конкурсна комісія сьогодні`)
    let addressee = |w: &str| ADDRESSEE_NOUNS.contains(&w) || ADDRESSEE_PRONOUNS.contains(&w);
    let particle = |w: &str| TRAILING_PARTICLES.contains(&w) || TIME_LEADS.contains(&w);
    while b > a + 1
        && (addressee(&bare[b - 1])
            || adverb(&bare[b - 1], words[b - 1].1)
            || particle(&bare[b - 1])
            || participle(b - 1))
    {
        b -= 1;
    }
    // a clause joined to the cue's by a conjunction (`Лидер КНДР Ким Чен Ын принял министра и
    // заявил`): its subject, when it is a name of two words or more or a pronoun, else none
    if bare[b - 1..b].iter().any(|w| CLAUSE_JOINS.contains(&w.as_str())) {
        let shouting =
            |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 5 && !w.chars().any(char::is_lowercase);
        let run = (a..b)
            .take_while(|&i| words[i].1.chars().next().is_some_and(char::is_uppercase) && !shouting(words[i].1))
            .count();
        let pronoun = PRONOUNS[..6].contains(&bare[a].as_str());
        b = if run >= 2 {
            a + run
        } else if pronoun {
            a + 1
        } else {
            return None;
        };
    }
    let kept: Vec<&str> = bare[a..b].iter().map(String::as_str).collect();
    let function = |w: &str| FUNCTION_WORDS.contains(&w) || addressee(w) || w.is_empty();
    let topic = |w: &str| TOPIC_PREPOSITIONS.contains(&w);
    // `Ті, хто`, `те, кто`: whoever, nobody in particular
    let whoever = kept.iter().skip(1).any(|w| matches!(*w, "хто" | "кто"));
    let no_source = kept.is_empty()
        || whoever
        || topic(kept[0])
        || (kept.len() > 1 && function(kept[0]) && topic(kept[1]))
        || kept.iter().all(|w| function(w))
        || kept[0].starts_with("котор")
        || RELATIVES.contains(&kept[0])
        || kept.last().is_some_and(|w| CLAUSE_JOINS.contains(w))
        || indefinite(&kept);
    if no_source {
        return None;
    }
    let end = words[b - 1].0 + words[b - 1].1.len();
    source_edges(text, r.start + words[a].0..r.start + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(s: &str) -> Option<&str> {
        shape(s, 0..s.len()).map(|r| &s[r])
    }

    #[test]
    fn a_source_span_keeps_the_source_alone() {
        assert_eq!(shaped("Зеленский журналистам"), Some("Зеленский"));
        assert_eq!(shaped("Также правоохранители"), Some("правоохранители"));
        assert_eq!(shaped("он в Telegram"), Some("он"));
        assert_eq!(shaped("Трамп в субботу в Truth Social"), Some("Трамп"));
        assert_eq!(shaped("The Telegraph со ссылкой на источники"), Some("The Telegraph"));
        assert_eq!(shaped("пані Сміт, звертаючись до українських митників"), Some("пані Сміт"));
        assert_eq!(shaped("Он и секретарь учреждения полностью"), Some("Он и секретарь учреждения"));
        assert_eq!(shaped("❗️ Губернатор"), Some("Губернатор"));
        assert_eq!(shaped("тепер Макрон"), Some("Макрон"));
        assert_eq!(shaped("Вашингтоні вкотре"), Some("Вашингтоні"));
        assert_eq!(shaped("СМИ контролируемый"), Some("СМИ"));
        assert_eq!(shaped("сирийские и иранские военные"), Some("сирийские и иранские военные"));
        assert_eq!(shaped("Украинские военные"), Some("Украинские военные"));
        assert_eq!(shaped("он якобы"), Some("он"));
        assert_eq!(shaped("ВСУ впервые"), Some("ВСУ"));
        assert_eq!(shaped("Багато пабліків сьогодні"), Some("Багато пабліків"));
        assert_eq!(shaped("Міністр Руслан Стрілець у телемарафоні"), Some("Міністр Руслан Стрілець"));
        assert_eq!(shaped("Олег Коріков, додавши, що енергоблок"), Some("Олег Коріков"));
        assert_eq!(shaped("очевидці це не Крюківщина"), Some("очевидці"));
        assert_eq!(shaped("Подоляк, отвечая на вопрос"), Some("Подоляк"));
        assert_eq!(shaped("авторы публикации, сопроводив её видео"), Some("авторы публикации"));
        assert_eq!(shaped("Даже экс-посол Украины в США Валерий Чалый"), Some("экс-посол Украины в США Валерий Чалый"));
        assert_eq!(shaped("Данилов у інтерв'ю CNN"), Some("Данилов"));
        assert_eq!(shaped("сайт Одесского горсовета"), Some("Одесского горсовета"));
        assert_eq!(shaped("СМИ контролирующий"), Some("СМИ"));
        assert_eq!(shaped("Міністр оборони України"), Some("Міністр оборони України"));
        assert_eq!(shaped("Кто-то из депутатов"), Some("Кто-то из депутатов"));
        // the subject of a clause joined to the cue's
        assert_eq!(shaped("Лидер КНДР Ким Чен Ын принял российского министра и"), Some("Лидер КНДР Ким Чен Ын"));
        assert_eq!(shaped("Она вышла против толпы в Берлине и"), Some("Она"));
    }

    #[test]
    fn spans_that_name_no_source_are_none() {
        for s in [
            "о социально-экономической ситуации в Республике",
            "Про відновлення оплати за паркування",
            "ще про підозрілий пакет",
            "также",
            "и",
            "де",
            "которые вероятно всерьез",
            "Всё что",
            "Трамп осудил нападения на Израиль и",
            "Поінформував членів групи щодо ситуації на фронті та",
            "ему",
            "где им",
            "горничной: «Это наш земляк",
            "Хтось",
            "це так",
            "яка",
            "которых",
            "проте",
            "если раньше",
            "Ті хто",
            "Крім повоєнної відбудови",
            "Зато",
            "яким усе це відбувається",
            "Договор с Украиной - о чем",
            "если сюда",
        ] {
            assert_eq!(shaped(s), None, "{s}");
        }
    }

    #[test]
    fn circumstances_before_a_source_are_passed_over() {
        fn at(s: &str) -> Option<&str> {
            circumstance_end(s, 0..s.len()).map(|i| &s[i..])
        }
        assert_eq!(at("вчора під час прес-конференції Володимир Зеленський"), Some("Володимир Зеленський"));
        assert_eq!(at("За истекшие сутки Представительство"), Some("Представительство"));
        assert_eq!(at("В экстренных службах РФ"), Some("экстренных службах РФ"));
        assert_eq!(at("В госкорпорации «Росатом»"), Some("госкорпорации «Росатом»"));
        assert_eq!(at("В ефірі телемарафону «Єдині новини»"), None);
        assert_eq!(at("В WP"), Some("WP"));
        assert_eq!(at("в ведомстве"), Some("в ведомстве"));
        assert_eq!(at("в інтерв'ю Fox News"), None);
        assert_eq!(at("На брифінгу"), None);
        assert_eq!(at("С мест"), None);
        assert_eq!(at("Министр обороны"), Some("Министр обороны"));
        assert_eq!(at("22 грудня ДБР"), Some("ДБР"));
        assert_eq!(at("в інтерв'ю Укрінформу Хоменко"), Some("Хоменко"));
        assert_eq!(at("В своем интервью Марченко"), Some("Марченко"));
        assert_eq!(at("В міноборони росії"), Some("міноборони росії"));
        assert_eq!(at("з міжнародними партнерами"), None);
    }

    #[test]
    fn a_lead_source_stops_before_the_reported_clause() {
        fn lead(s: &str) -> &str {
            &s[lead_source(s, 0..s.len())]
        }
        assert_eq!(lead("Генштабу окупанти використовують місцеву інфраструктуру"), "Генштабу");
        assert_eq!(lead("Генштабу ЗСУ наші воїни продовжують завдавати втрат"), "Генштабу ЗСУ");
        assert_eq!(
            lead("оперативного командування «Південь» минулої доби втрати ворога склали 99"),
            "оперативного командування «Південь»"
        );
        assert_eq!(lead("Министерства обороны России"), "Министерства обороны России");
        assert_eq!(
            lead("голови департаменту спорту Чернігівської ОДА Андрія Шемеця"),
            "голови департаменту спорту Чернігівської ОДА Андрія Шемеця"
        );
        assert_eq!(
            lead("директрисы агентства недвижимости в Харькове сейчас скидки на квартиры достигают 50"),
            "директрисы агентства недвижимости"
        );
    }

    #[test]
    fn a_full_stop_after_one_letter_ends_no_clause() {
        let s = "Об этом сообщил и.о. главы облсовета Ярослав Добрянский. Дальше";
        let from = s.find("и.о.").unwrap();
        assert_eq!(&s[from..clause_end(s, from, s.len(), &['.', ','])], "и.о. главы облсовета Ярослав Добрянский");
        let s = "Сказал он. Потом";
        assert_eq!(clause_end(s, 0, s.len(), &['.']), s.find('.').unwrap());
    }
}

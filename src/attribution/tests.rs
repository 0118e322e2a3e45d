//! Tests of the attribution stage's driver (`mod.rs`), in a file of their own.
use super::*;

#[test]
fn contents_merge_into_disjoint_ranges_for_the_voice_lookup() {
    assert_eq!(merged(vec![10..20, 0..5, 12..15, 18..30, 30..32]), vec![0..5, 10..30, 30..32]);
    let contents = merged(vec![10..20, 12..15, 40..50]);
    let voice = |at| crate::lexicon::Voice::outside_quotes(at, &contents).as_str();
    assert_eq!(
        [voice(9), voice(10), voice(14), voice(19), voice(20), voice(45), voice(50)],
        ["own", "reported", "reported", "reported", "own", "reported", "own"]
    );
}
use crate::text::Lang;

fn stage() -> AttrStage {
    AttrStage { sources: SourceList::default_list(), cues: CueClasses::default_table(Lang::english()) }
}

/// (source, resolved source, category) of every attribution of `text`.
fn rows(text: &str) -> Vec<(String, String, &'static str)> {
    let a = crate::eval::loaded::analyze_plain(text);
    stage().run("t", text, &a).rows.into_iter().map(|r| (r.source, r.resolved_source, r.category.as_str())).collect()
}

#[test]
fn rows_cite_someone_who_could_speak() {
    let t = "Following renewed scrutiny, the council said it would meet. The mayor supported Halden. \
             What do you think about the vote? Election day added to the pressure. Critics said the \
             vote was unfair.";
    let got: Vec<String> = rows(t).into_iter().map(|r| r.0).collect();
    assert!(got.contains(&"the council".to_string()), "{got:?}");
    assert!(got.contains(&"Critics".to_string()), "{got:?}");
    for junk in ["Following", "The mayor", "you", "Election day"] {
        assert!(!got.iter().any(|g| g.starts_with(junk)), "{junk}: {got:?}");
    }
}

#[test]
fn a_quotation_continuing_after_its_attribution_keeps_the_speaker() {
    let t = "“We will win,” Dmitry Peskov told reporters on Tuesday. “The West will tire.” “It always \
             does.” Analysts disagreed. “Nonsense,” said Kim. The “operation” goes on. “Brutal” was \
             the word used.\n\n“A new paragraph.”";
    let a = crate::eval::loaded::analyze_plain(t);
    let r = stage().run("t", t, &a);
    let who = |quote: &str| {
        let at = t.find(quote).unwrap();
        let holders: Vec<&str> =
            r.speakers.iter().filter(|(c, _, _)| c.start <= at && at < c.end).map(|(_, w, _)| w.as_str()).collect();
        holders.join("|")
    };
    assert_eq!(who("We will win"), "Dmitry Peskov");
    assert_eq!(who("The West will tire"), "Dmitry Peskov");
    assert_eq!(who("It always does"), "Dmitry Peskov", "a chain of continuations");
    assert_eq!(who("Nonsense"), "Kim");
    assert_eq!(who("operation"), "", "a scare quote inside narration");
    assert_eq!(who("Brutal"), "", "a quoted word opening a sentence it does not end");
    assert_eq!(who("A new paragraph"), "", "after narration");
    let t = "“We will win,” Peskov said.\n\n“The West will tire.”\n“It always does,” Kim said.\n“So?”";
    let a = crate::eval::loaded::analyze_plain(t);
    let r = stage().run("t", t, &a);
    let who = |quote: &str| {
        let at = t.find(quote).unwrap();
        r.speakers.iter().filter(|(c, _, _)| c.start <= at && at < c.end).map(|(_, w, _)| w.clone()).collect::<Vec<_>>()
    };
    assert_eq!(who("The West"), ["Peskov"], "the next paragraph");
    assert_eq!(who("It always"), ["Kim"], "a quotation attributed itself");
    assert_eq!(who("So?"), ["Kim"]);
    let continued = r.speakers.iter().find(|(c, _, _)| t[c.clone()].contains("West")).unwrap();
    assert_eq!(&t[continued.0.clone()], "“The West will tire.”", "with its marks");
}

#[test]
fn a_content_in_parts_is_shown_whole_and_listed_by_part() {
    let t = "Ärger: “We will win,” Peskov said, “because the West will tire.” The army, officials said, \
             has withdrawn.";
    let a = crate::eval::loaded::analyze_plain(t);
    let r = stage().run("t", t, &a);
    let chars = |r: &str| -> String {
        let (s, e) = r.split_once('-').unwrap();
        t.chars().skip(s.parse().unwrap()).take(e.parse::<usize>().unwrap() - s.parse::<usize>().unwrap()).collect()
    };
    let peskov = r.rows.iter().find(|x| x.source == "Peskov").unwrap();
    assert_eq!(peskov.content, "“We will win,” Peskov said, “because the West will tire.”");
    let parts: Vec<String> = peskov.content_parts.split(';').map(chars).collect();
    assert_eq!(parts, ["“We will win,”", "“because the West will tire.”"]);
    assert_eq!(peskov.kind, "direct");
    let army = r.rows.iter().find(|x| x.source == "officials").unwrap();
    assert_eq!(army.content, "The army, officials said, has withdrawn");
    assert_eq!(army.content_parts.split(';').map(chars).collect::<Vec<_>>(), ["The army", "has withdrawn"]);
    assert_eq!(army.kind, "indirect");
    assert_eq!(chars(&format!("{}-{}", army.content_start.unwrap(), army.content_end.unwrap())), army.content);
    // each part is the source's: a loaded word after the aside gets the speaker, the source
    // words between the parts do not
    let at = t.find("withdrawn").unwrap();
    assert!(r.speakers.iter().any(|(c, w, _)| c.contains(&at) && w == "officials"));
    let at = t.find("officials").unwrap();
    assert!(!r.speakers.iter().any(|(c, _, _)| c.contains(&at)));
}

#[test]
fn word_lists_are_sorted_ascii() {
    for l in [NAME_TITLES, NOT_PEOPLE] {
        assert!(l.windows(2).all(|w| w[0] < w[1]) && l.iter().all(|w| w.is_ascii()), "{l:?}");
    }
    assert!(in_ascii_list(NAME_TITLES, "Gen") && in_ascii_list(NAME_TITLES, "PRESIDENT"));
    assert!(!in_ascii_list(NAME_TITLES, "Général") && !in_ascii_list(NAME_TITLES, "presidents"));
}

#[test]
fn a_verb_right_after_a_quotation_and_before_a_name_is_its_cue() {
    let t = "“I thought the war had started,” sobbed grandmother Anna Vell, 71, from Lesk.\n\n\
             “Who does this?” fumed pensioner Josef Dral, 68, outside a school.";
    let got = rows(t);
    assert_eq!(
        got,
        [
            ("grandmother Anna Vell".into(), "grandmother Anna Vell".into(), "citizen"),
            ("pensioner Josef Dral".into(), "pensioner Josef Dral".into(), "citizen")
        ]
    );
    // a quoted word inside a sentence is no quotation a verb after it can attribute
    let t = "He called the offer “peanuts,” compared Trump to a salesman and left.";
    assert!(rows(t).iter().all(|r| r.0 != "Trump"), "{:?}", rows(t));
}

#[test]
fn a_dateline_is_not_part_of_the_source() {
    let got =
        rows("VALMORA, March 16 (VCNA) - The great leader, President Ardan Voss, declared that the vote was void.");
    assert_eq!(
        got,
        [(
            "The great leader, President Ardan Voss,".into(),
            "The great leader, President Ardan Voss,".into(),
            "leader"
        )]
    );
}

#[test]
fn the_medium_a_claim_was_made_in_is_not_its_content() {
    let content = |t: &str| -> Vec<String> {
        let a = crate::eval::loaded::analyze_plain(t);
        stage().run("t", t, &a).rows.into_iter().map(|r| r.content).collect()
    };
    let t = "At least nine troops were killed during the deployment, Kim said in a speech on December 12 \
             marking the unit's homecoming.";
    assert_eq!(content(t), ["At least nine troops were killed during the deployment"]);
    let t = "The agency said in a statement on Monday that it had recorded a sharp rise in fake accounts.";
    assert_eq!(content(t), ["it had recorded a sharp rise in fake accounts"]);
    let t = "The senator said in an interview with a local radio station that the vote was rigged.";
    assert_eq!(content(t), ["the vote was rigged"]);
    // without a preposition a medium's name is part of the claim
    assert_eq!(content("Officials said the report was false."), ["the report was false"]);
}

#[test]
fn people_introduced_by_title_and_relative_pronouns_resolve() {
    let t = "The general said the drills would go on.\n\n\
             Battery commander Captain Ilya Rusk inspected the launchers. \"We are ready,\" he said.";
    let got = rows(t);
    assert!(got.contains(&("he".into(), "Captain Ilya Rusk".into(), "military")), "{got:#?}");
    assert_eq!(titled_people(t, &crate::eval::loaded::analyze_plain(t)).len(), 1);
    // a group named by a plural head is no person for `he`, whatever its attachment names
    let got = rows("Supporters of President Trump said the rally was large. He said it was fine.");
    assert_eq!(got[0], ("Supporters of President Trump".into(), "Supporters of President Trump".into(), "citizen"));
    assert_ne!(got[1].1, "Supporters of President Trump");
    let people = |t: &str| -> Vec<String> {
        titled_people(t, &crate::eval::loaded::analyze_plain(t)).into_iter().map(|r| t[r].to_string()).collect()
    };
    assert_eq!(people("The vote pits opposition leader Pavel Orsk against Gen. Reik."), ["Pavel Orsk", "Gen. Reik"]);
    assert!(people("It was said by the judge Tuesday that a major US ally and General Motors met.").is_empty());
    let t = "The North Korean leader, who observed the test, praised the crews.";
    let got = rows(t);
    assert_eq!(got[0], ("who".into(), "The North Korean leader".into(), "leader"), "{got:#?}");
    // a restrictive `which` stands for the noun before it, not for the last body quoted
    let t = "Pyongyang said the troops fought bravely. Kim hosted a ceremony which remembered the soldiers.";
    let got = rows(t);
    let which: Vec<&str> = got.iter().filter(|r| r.0 == "which").map(|r| r.1.as_str()).collect();
    assert_eq!(which, ["a ceremony"], "{got:#?}");
}

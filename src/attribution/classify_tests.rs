//! Tests of the source list and the classifier (`classify.rs`), in a file of their own.
use super::*;

pub(crate) fn list() -> SourceList {
    SourceList::parse(
        "t.tsv",
        "name\tcategory\tcountry\tkind\taliases\tnote\n\
         Korean Central News Agency\tstate_media\tKP\tnamed\tKCNA\t\n\
         Kim Jong Un\tleader\tKP\tnamed\tKim Jong-un;Kim\t\n\
         SBU\tintelligence\tUA\tnamed\t\t\n\
         officials\tgovernment\t\thead\tofficial\t\n\
         spokesman\tgovernment\t\thead\t\t\n\
         intelligence agencies\tintelligence\t\thead\t\t\n\
         agencies\tother\t\thead\t\t\n\
         analysts\texpert\t\thead\t\t\n\
         South Korean\t\tKR\tdemonym\t\t\n\
         Western\t\tWEST\tdemonym\t\t\n\
         Ukrainian\t\tUA\tdemonym\tUkraine;Kyiv\t\n\
         North Korean\t\tKP\tdemonym\tNorth Korea;Pyongyang\t\n\
         American\t\tUS\tdemonym\tU.S.;US\t\n\
         Keir Starmer\tleader\tGB\tnamed\tStarmer\t\n\
         World Health Organization\tother\tUN\tnamed\tWHO\t\n\
         adviser\tgovernment\t\thead\taide\t\n\
         sources\tanonymous\t\thead\tsource\t\n\
         people\tcitizen\t\thead\t\t\n\
         residents\tcitizen\t\thead\t\t\n\
         ministry\tgovernment\t\thead\t\t\n\
         treasury\tgovernment\t\thead\t\t\n\
         company\tother\t\thead\tfirm\t\n",
    )
    .unwrap()
}

#[test]
fn a_known_name_ending_before_a_name_is_found_whatever_overlaps_it() {
    // `New York`, `York Times` and `Times Square` overlap: the name before `Orsa Council` is
    // known (`Times Square`) however a left-to-right scan would have paired the words (with
    // the 18-byte `Xinhua News Agency` listed, a scan of the last 18 bytes alone, leftmost
    // longest, takes `York Times` and misses it)
    let l = SourceList::parse(
        "o.tsv",
        "name\tcategory\tcountry\tkind\nNew York\tother\tXA\tnamed\nYork Times\tstate_media\tXA\tnamed\n\
         Times Square\tother\tXA\tnamed\nOrsa Council\tgovernment\tXA\tnamed\n\
         Xinhua News Agency\tstate_media\tCN\tnamed\n",
    )
    .unwrap();
    for (text, inside) in [
        ("New York Times Square Orsa Council said.", false),
        ("Times Square Orsa Council said.", false),
        ("Old Town Orsa Council said.", true),
        ("Ostland Orsa Council said.", true),
        ("the Orsa Council said.", false),
    ] {
        let start = text.find("Orsa").unwrap();
        assert_eq!(l.inside_longer_name(text, start), inside, "{text}");
    }
}

#[test]
fn a_longer_name_is_told_by_the_words_just_before_however_long_the_text() {
    // `inside_longer_name` searches only the tail a known name can span: the answer must
    // not depend on what comes earlier in the text
    let full = SourceList::default_list();
    let filler = "The weather was mild and the roads were quiet that week. ".repeat(400);
    for prefix in ["", filler.as_str(), "Kim Jong Un and Li Xi met. "] {
        let unknown = format!("{prefix}Military spokesman Li Xi said the drills ended.");
        let present = full.named_in(&unknown);
        assert_ne!(full.classify_in("Military spokesman Li Xi", &present).category, Category::Leader);
        let known = format!("{prefix}Kim Yo Jong, the leader's sister, spoke.");
        assert!(!full.named_in(&known).is_empty(), "{}", prefix.len());
    }
    for sentence in [
        "The State Council Taiwan Affairs Office said so.",
        "Hunter Biden spoke.",
        "Military spokesman Li Xi said the drills ended.",
        "President Kim said.",
    ] {
        let before = full.named_in(sentence);
        assert_eq!(full.named_in(&format!("{filler}{sentence}")), before, "{sentence}");
    }
}

#[test]
fn a_bare_surname_names_a_known_person_only_beside_the_full_name_or_a_title() {
    let l = list();
    assert_eq!(l.classify("Kim").category, Category::Other, "alone, Kim is anyone");
    assert_eq!(l.classify("Leader Kim").category, Category::Leader);
    let present = l.named_in("Kim Jong Un sent a letter.");
    let c = l.classify_in("Kim", &present);
    assert_eq!((c.category, c.country.as_str(), c.known), (Category::Leader, "KP", true));
    assert!(l.named_in("Kim Min Ho said.").is_empty(), "another Kim");
    assert!(!l.named_in("President Kim said.").is_empty(), "a title makes the surname the person");
    // several people share a surname: the one the article names
    let full = SourceList::default_list();
    let present = full.named_in("Kim Yo Jong, the leader's sister, spoke.");
    let c = full.classify_in("Kim", &present);
    assert_eq!((c.category, c.country.as_str()), (Category::Government, "KP"));
    // `Military spokesman Li Xi` is not Xi Jinping
    let present = full.named_in("Military spokesman Li Xi said the drills ended.");
    assert_ne!(full.classify_in("Military spokesman Li Xi", &present).category, Category::Leader);
    // a place in a known body's name is not its country
    assert_eq!(full.classify("the Taiwan Affairs Office").country, "CN");
    assert_eq!(full.classify("Zhang Han, a spokeswoman for the Taiwan Affairs Office").country, "CN");
    // a person row's aliases are full names
    let e = SourceList::parse(
        "p.tsv",
        "name\tcategory\tcountry\tkind\taliases\tsurname\nAna Vell\tgovernment\tXA\tperson\tVell\t\n",
    )
    .unwrap_err();
    assert!(e.message.contains("full names"), "{e}");
    let p = SourceList::parse(
        "p.tsv",
        "name\tcategory\tcountry\tkind\taliases\tsurname\nAna Vell\tgovernment\tXA\tperson\tAnna Vell\tVell\n",
    )
    .unwrap();
    assert_eq!(p.classify("Vell").category, Category::Other);
    assert_eq!(p.classify_in("Vell", &p.named_in("Anna Vell spoke.")).category, Category::Government);
    // a person row names a person (for `he` and `she`), whatever its category
    assert!(p.classify("Anna Vell").person);
    let body =
        SourceList::parse("b.tsv", "name\tcategory\tcountry\tkind\nOrsa Council\tgovernment\tXA\tnamed\n").unwrap();
    assert!(!body.classify("Orsa Council").person);
}

#[test]
fn classification_table() {
    let l = list();
    // as in an article that names Kim Jong Un in full
    let present = l.named_in("Kim Jong Un");
    let cases = [
        ("the state-run Korean Central News Agency (KCNA)", "state_media", "KP"),
        ("KCNA", "state_media", "KP"),
        ("South Korean and Western intelligence agencies", "intelligence", "KR;WEST"),
        ("Ukrainian officials", "government", "UA"),
        ("The SBU", "intelligence", "UA"),
        ("Kim", "leader", "KP"),
        ("Kim’s office", "leader", "KP"),
        ("a spokesman for Kim", "government", "KP"),
        ("analysts", "expert", ""),
        ("a senior official who asked not to be named", "anonymous", ""),
        ("John Smith", "other", ""),
        ("KIM Jong-un", "leader", "KP"),
        ("Ukraine", "government", "UA"),
        ("Pyongyang", "government", "KP"),
        ("North Korea only", "government", "KP"),
        ("Ukrainian soldiers", "other", "UA"),
        // the speaker is the role before the attachment, of the named body's country
        ("An adviser to Prime Minister Keir Starmer", "government", "GB"),
        ("A former aide to Kim", "government", "KP"),
        // anonymous sourcing, but not a named person who is familiar with something
        ("Sources familiar with the matter", "anonymous", ""),
        ("People familiar with the talks", "anonymous", ""),
        ("A source close to the investigation", "anonymous", ""),
        ("An official who declined to be identified", "anonymous", ""),
        ("John Smith, an analyst familiar with the region,", "other", ""),
        ("Residents close to the border", "citizen", ""),
        // a company's spokesperson is not a government's
        ("An Apple spokeswoman", "other", ""),
        ("A spokesman for Northgate Energy", "other", ""),
        ("A spokesman for the company", "other", ""),
        ("A spokesman for the ministry", "government", ""),
        ("A Justice Ministry spokesman", "government", ""),
        ("A Treasury spokesman", "government", ""),
        ("People close to Kim", "anonymous", "KP"),
        ("A Ukrainian spokesman", "government", "UA"),
        ("U.S. officials", "government", "US"),
    ];
    for (phrase, cat, country) in cases {
        let c = l.classify_in(phrase, &present);
        assert_eq!((c.category.as_str(), c.country.as_str()), (cat, country), "{phrase}");
    }
    // a seat's place is not its country, and a country's envoy to an international body is
    // that country's (the embedded list)
    let full = SourceList::default_list();
    for (phrase, country) in [
        ("The U.S. Embassy in Kyiv", "US"),
        ("The Russian embassy in London", "RU"),
        ("Officials in Tallinn", "EE"),
        ("Russia's ambassador to the United Nations", "RU"),
        ("China's envoy to the European Union", "CN"),
        ("A spokesman for President Vladimir Putin", "RU"),
    ] {
        let c = full.classify(phrase);
        assert_eq!((c.category, c.country.as_str()), (Category::Government, country), "{phrase}");
    }
    // titles styled secretary or officer; anonymous sources with an attachment
    for (phrase, cat) in [
        ("Health Secretary Rachel Dunmore", "government"),
        ("Home Secretary Priya Anand", "government"),
        ("Environmental health officer Brian Cole", "government"),
        ("Chief financial officer Anna Berger", "other"),
        ("A press officer", "other"),
        ("Two officers", "military"),
        ("An Egyptian official briefed on the negotiations", "anonymous"),
        ("A source in Ukraine's SBU security service", "anonymous"),
        // an identity paper of someone is a document, not its holder
        ("The military card of one of the captured men", "document"),
        // a rank before a name
        ("Captain Ilya Rusk", "military"),
        ("Lieutenant Colonel Dana Reyes", "military"),
        // an apposition says what kind of news agency a name is
        ("The Varania Central News Agency", "media"),
        ("The Varania Central News Agency, the country's state news agency,", "state_media"),
        ("The Ostland News Agency, a private wire service,", "media"),
    ] {
        assert_eq!(full.classify(phrase).category.as_str(), cat, "{phrase}");
    }
    assert!(l.classify("John Smith").named);
    assert!(l.classify("opposition leader Pavel Orsk").named);
    assert!(l.classify("teacher Marta Golan, 52,").named);
    assert!(!l.classify("opposition leaders in Kestra").named);
    assert!(!l.classify("analysts").named);
    assert!(l.classify("The Ostland Security Directorate").named);
    assert!(!l.classify("The officials").named);
}

#[test]
fn bad_rows_name_the_line() {
    let e = SourceList::parse("s.tsv", "name\tcategory\tcountry\tkind\nX\tspies\t\tnamed\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("unknown category 'spies'"));
}

/// The main noun phrase ends at the first comma, ` (` or attachment, wherever each stands.
#[test]
fn the_main_cut_ends_at_the_first_separator() {
    let cases = [
        ("a spokesman for the ministry, who asked", "a spokesman"),
        ("officials (unnamed) of the port", "officials"),
        ("people familiar with the talks", "people"),
        ("the head of a panel in kestra", "the head"),
        ("kim, a professor", "kim"),
        ("analysts", "analysts"),
        ("", ""),
        ("spokesperson of", "spokesperson of"),
    ];
    for (phrase, main) in cases {
        assert_eq!(main_cut(phrase), main, "{phrase}");
    }
    // no separator is looked for inside a word (`forward`, `into`)
    assert_eq!(main_cut("the forward team into"), "the forward team into");
}

//! Each kind of house rule fires where it should, with its line and column, and not elsewhere.

use super::*;
use crate::check::rules::RuleSet;

#[test]
fn words_are_letters_and_digits_with_their_offsets() {
    let found: Vec<(usize, &str)> = words("Ring 112 – på knæ-skallen!").collect();
    assert_eq!(found, [(0, "Ring"), (5, "112"), (13, "på"), (17, "knæ"), (22, "skallen")]);
}

#[test]
fn patterns_match_whole_words_across_line_ends_and_keep_case_rules() {
    assert_eq!(match_at("trykken i\nbrystet.", "trykken i brystet"), Some("trykken i\nbrystet"));
    assert_eq!(match_at("Sitter her", "sitter"), Some("Sitter"));
    assert_eq!(match_at("sitterne", "sitter"), None, "whole words only");
    assert_eq!(match_at("mr-scanning", "MR"), None, "a capital in the pattern matches exactly");
    assert_eq!(match_at("MR-scanning", "MR"), Some("MR"));
}

const RULES: &str = r#"
version: 1
substitutions:
  - id: norsk
    find: sitter
    use: sidder
    reason: norsk
    severity: error
  - id: bryst
    find: trykken i brystet
    use: trykken for brystet
    reason: dansk
    severity: warning
  - id: mr
    find: MR
    use: MR-scanning
    reason: kort
    severity: note
required:
  - id: akut
    heading: "Hvornår skal * søge læge*"
    all_of: ["112"]
    one_of: ["egen læge", "lægevagt*"]
    message: sig hvem
    severity: error
  - id: medicin
    heading: "*"
    if_mentions: [ibuprofen]
    all_of: ["lægen eller apoteket"]
    message: spørg
    severity: warning
voice:
  id: du
  prefer: [du, dig]
  avoid: [man]
  mostly: 0.6
  message: skriv du
  severity: warning
length:
  id: lang
  section_words: 12
  faq_words: 5
  severity: note
"#;

/// (rule, line, column) of what the test rules find in `body` (whose first line is line 1).
fn found(body: &str) -> Vec<(String, usize, Option<usize>)> {
    let rules = RuleSet::parse(RULES).expect("valid rules");
    apply(&rules, &Default::default(), "", body, &Parsed::of(body, 1))
        .into_iter()
        .map(|f| (f.rule, f.line, f.column))
        .collect()
}

fn ids(body: &str) -> Vec<String> {
    found(body).into_iter().map(|(r, ..)| r).collect()
}

#[test]
fn substitutions_report_line_and_column_in_any_case_and_across_line_ends() {
    let body = "Intro.\n\nSmerten sitter her. Sitter den?\nDet er trykken i\nbrystet.\n";
    assert_eq!(
        found(body),
        [
            ("norsk".to_string(), 3, Some(9)),
            ("norsk".to_string(), 3, Some(21)),
            ("bryst".to_string(), 4, Some(8)),
        ]
    );
    let rules = RuleSet::parse(RULES).expect("valid");
    let first = &apply(&rules, &Default::default(), "", body, &Parsed::of(body, 1))[1];
    assert!(
        first.message.contains("“Sitter” → “Sidder”"),
        "the replacement in the case of the text: {}",
        first.message
    );
}

#[test]
fn substitutions_skip_code_links_and_parts_of_words() {
    assert!(ids("`sitter` og\n\n```\nsitter\n```\n\n[tekst](sitter.md) og sitterne.\n").is_empty());
    assert_eq!(ids("En MR af knæet, ikke mr.\n"), ["mr"], "a capital in `find` matches only as written");
}

#[test]
fn required_mentions_name_what_is_missing_on_the_heading_line() {
    let body = "## Hvornår skal du søge læge?\n\nRing til lægevagten.\n";
    let rules = RuleSet::parse(RULES).expect("valid");
    let f = apply(&rules, &Default::default(), "", body, &Parsed::of(body, 1));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].rule.as_str(), f[0].line, f[0].severity), ("akut", 1, Severity::Error));
    assert!(f[0].message.contains("missing: 112"), "{}", f[0].message);
    assert!(ids("## Hvornår skal du søge læge?\n\nRing 112, ellers egen læge.\n").is_empty());
    assert_eq!(ids("## Hvornår skal du søge læge?\n\nRing 112.\n"), ["akut"], "one of egen læge/lægevagt");
    assert!(ids("## Hvornår skal du søge hjælp?\n\nTekst.\n").is_empty(), "other headings are free");
}

#[test]
fn a_required_mention_can_apply_only_where_a_word_is_mentioned() {
    assert_eq!(ids("## Hvad hjælper?\n\nTag ibuprofen.\n"), ["medicin"]);
    assert!(ids("## Hvad hjælper?\n\nTag ibuprofen; spørg lægen eller apoteket.\n").is_empty());
    assert!(ids("## Hvad hjælper?\n\nGå en tur.\n").is_empty());
}

#[test]
fn voice_warns_where_an_article_that_mostly_says_du_says_man() {
    let mostly_du = "Du kan gå. Du kan løbe, og dig går det godt.\n\nHer siger man noget.\n";
    assert_eq!(found(mostly_du), [("du".to_string(), 3, Some(11))]);
    let mostly_man = "Man kan gå. Man kan løbe, og du kan sidde.\n";
    assert!(ids(mostly_man).is_empty(), "an article in the man voice is not this rule's business");
}

#[test]
fn long_answers_are_noted_with_their_limits() {
    let long = "## Hvad er det?\n\nEt to tre fire fem seks syv otte ni ti elleve tolv tretten.\n\n## Ofte stillede spørgsmål\n\n### Hvorfor?\n\nEt to tre fire fem seks.\n";
    assert_eq!(found(long), [("lang".to_string(), 1, None), ("lang".to_string(), 7, None)]);
    assert!(ids("## Hvad er det?\n\nKort svar.\n").is_empty());
}

#[test]
fn a_rule_firing_everywhere_is_capped_with_a_count() {
    let body = "sitter ".repeat(MAX_PER_RULE + 7);
    let f = found(&body);
    assert_eq!(f.len(), MAX_PER_RULE + 1);
    let rules = RuleSet::parse(RULES).expect("valid");
    let all = apply(&rules, &Default::default(), "", &body, &Parsed::of(&body, 1));
    assert!(all.iter().any(|f| f.message.contains("7 more")), "{:?}", all.last());
}

/// The rule ids `rules` reports in an example: a text of several lines is an article's body,
/// one line a paragraph of one.
fn reported(rules: &RuleSet, signs: &crate::signs::Signs, example: &str) -> Vec<String> {
    let body = format!("{}\n", example.trim_end());
    apply(rules, signs, "eksempel", &body, &Parsed::of(&body, 1)).into_iter().map(|f| f.rule).collect()
}

/// The bundled rules and warning signs, and one sign that belongs to the examples' article
/// (`eksempel`): lammelser, 112.
fn bundled() -> (RuleSet, crate::signs::Signs) {
    let rules = RuleSet::bundled().expect("the bundled rules are valid");
    let (mut signs, problems) = crate::signs::Signs::parse(include_str!("../../articles/warning-signs.yaml"));
    assert!(problems.is_empty(), "{problems:?}");
    let own = "signs:\n  - id: eksempel\n    level: \"112\"\n    da: lammelser\n    en: paralysis\n    articles: [eksempel]\n    says: [lammelser]\n    source: s\n";
    signs.merge(crate::signs::Signs::parse(own).0);
    (rules, signs)
}

/// The tests made from the rule file: every rule names its source, reports its `trigger`
/// example and lets its `pass` example pass.
#[test]
fn every_bundled_rule_has_a_source_and_examples_that_behave() {
    let (rules, signs) = bundled();
    let examples = rules.examples();
    assert!(examples.len() > 40, "{}", examples.len());
    let mut wrong = Vec::new();
    for e in &examples {
        if e.source.trim().is_empty() || e.trigger.trim().is_empty() || e.pass.trim().is_empty() {
            wrong.push(format!("{}: no source or no examples", e.id));
            continue;
        }
        if !reported(&rules, &signs, &e.trigger).contains(&e.id) {
            wrong.push(format!("{}: its trigger example is not reported", e.id));
        }
        if reported(&rules, &signs, &e.pass).contains(&e.id) {
            wrong.push(format!("{}: its pass example is reported", e.id));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What `reported` says of a text that is not a whole article (which has no section on
/// seeking help).
fn in_text(rules: &RuleSet, signs: &crate::signs::Signs, text: &str) -> Vec<String> {
    reported(rules, signs, text).into_iter().filter(|r| r != "soeg-hjaelp-afsnit").collect()
}

/// The two false alarms of the editor's review: the ball of the foot, and gripping an armrest.
#[test]
fn the_ball_of_the_foot_and_gripping_an_armrest_are_danish() {
    let (rules, signs) = bundled();
    for text in
        ["Smerten sidder i ballen ved storetåen.", "Rejs dig langsomt, mens du griber fat i armlænet."]
    {
        assert_eq!(in_text(&rules, &signs, text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(in_text(&rules, &signs, "Smerten stråler ud i ballen."), ["balden"]);
    assert_eq!(in_text(&rules, &signs, "Griber du fat, når knæet låser?"), ["griber-fat"]);
}

/// Word forms are found by stem, not as exact strings: "sitte" as well as "sitter".
#[test]
fn word_rules_find_every_form_and_spare_their_exceptions() {
    let (rules, signs) = bundled();
    assert_eq!(in_text(&rules, &signs, "Hvor kan smerten sitte?"), ["norsk-sitte"]);
    assert_eq!(in_text(&rules, &signs, "Det gjorde vondt."), ["norsk-vondt"]);
    assert_eq!(in_text(&rules, &signs, "Hun mærker det i sit knæ."), Vec::<String>::new());
    assert_eq!(in_text(&rules, &signs, "Ryg smerter går over."), ["saerskrivning"]);
}

/// A dose is judged by what it is: one dose, a day's, or the hours between them.
#[test]
fn doses_above_the_limits_are_errors_and_the_limits_are_not() {
    let (rules, signs) = bundled();
    let dose = |text: &str| in_text(&rules, &signs, text).into_iter().filter(|r| r == "paracetamol").count();
    assert_eq!(dose("Du må tage 6 g paracetamol i døgnet."), 2, "the dose, and the cautions it lacks");
    assert_eq!(dose("Paracetamol virker. Tag 2 g ad gangen og 6 g i døgnet."), 3);
    assert_eq!(
        dose(
            "Tag højst 1 g paracetamol ad gangen og 4 g i døgnet, med mindst 4 timer mellem doserne. \
             Drikker du alkohol eller har en leversygdom, så spørg lægen. Undgå kombinationspræparater."
        ),
        0
    );
    let ibu = |text: &str| in_text(&rules, &signs, text).into_iter().filter(|r| r == "ibuprofen").count();
    assert!(ibu("Tag 800 mg ibuprofen ad gangen.") >= 1);
    // A list of amounts says after its last what each one is.
    let both = "typisk 2 g paracetamol eller 400 mg ibuprofen som en enkelt dosis.";
    assert_eq!(dose(both), 2, "2 g is above one dose, and the cautions are missing");
    assert_eq!(
        dose("typisk 1 g paracetamol eller 400 mg ibuprofen som en enkelt dosis."),
        1,
        "only the cautions"
    );
    assert_eq!(dose("1 g paracetamol, højst 4 g i døgnet."), 1, "a day's amount said after the list");
}

/// A subordinate clause puts ikke before its verb; a main clause after it.
#[test]
fn a_subordinate_clause_with_ikke_after_its_verb_is_an_error_and_a_main_clause_is_not() {
    let (rules, signs) = bundled();
    let order = |text: &str| in_text(&rules, &signs, text).contains(&"ordstilling-ledsaetning".to_string());
    assert!(order("Ring 112, hvis du kan ikke bevæge benene."));
    assert!(order("Det er vigtigt, at man er ikke alene."));
    assert!(!order("Ring 112, hvis du ikke kan bevæge benene."));
    assert!(!order("Du kan ikke bevæge benene, og det er farligt."));
    assert!(!order("Sørg for, at du får nok søvn."), "nok as enough is no adverbial");
}

/// Advice to drink less is not alcohol offered as relief; steroid injections are not B12's.
#[test]
fn advice_against_alcohol_and_other_injections_are_no_false_alarms() {
    let (rules, signs) = bundled();
    for text in [
        "Det kan hjælpe at drikke mindre alkohol.",
        "Det er godt at holde sig fra alkohol.",
        "B12-injektionerne gentages hver tredje måned.",
    ] {
        assert_eq!(in_text(&rules, &signs, text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(in_text(&rules, &signs, "Et glas vin om aftenen kan dæmpe smerterne."), ["alkohol-lindrer"]);
}

/// Each rule's own text (Danish, and English when the rule file gives it), by id.
fn rule_texts(rules: &RuleSet) -> Vec<(String, String, Option<String>)> {
    let ed = &rules.editor;
    let t = |id: &str, da: &str, en: &Option<String>| (id.to_string(), da.to_string(), en.clone());
    let care = ed.care.iter().flat_map(|c| &c.rules);
    std::iter::empty()
        .chain(rules.substitutions.iter().map(|r| t(&r.id, &r.reason, &r.reason_en)))
        .chain(rules.required.iter().map(|r| t(&r.id, &r.message, &r.message_en)))
        .chain(rules.voice.iter().map(|r| t(&r.id, &r.message, &r.message_en)))
        .chain(care.map(|r| t(&r.id, &r.message, &r.message_en)))
        .chain(ed.words.iter().map(|r| t(&r.id, &r.reason, &r.reason_en)))
        .chain(ed.sentences.iter().map(|r| t(&r.id, &r.message, &r.message_en)))
        .chain(ed.word_order.iter().map(|r| t(&r.id, &r.message, &r.message_en)))
        .chain(ed.word_order.iter().flat_map(|r| &r.clause).map(|r| t(&r.id, &r.message, &r.message_en)))
        .collect()
}

/// Under English every bundled rule's finding gives the rule file's English text, not its
/// Danish; under Danish, the Danish.
#[test]
fn the_bundled_rules_speak_english_under_english() {
    let (rules, signs) = bundled();
    let examples = rules.examples();
    let texts = rule_texts(&rules);
    assert!(texts.len() > 40, "{}", texts.len());
    let message = |lang, id: &str, trigger: &str| {
        crate::strings::set_thread_lang(Some(lang));
        let body = format!("{}\n", trigger.trim_end());
        let found = apply(&rules, &signs, "eksempel", &body, &Parsed::of(&body, 1));
        crate::strings::set_thread_lang(None);
        found.into_iter().find(|f| f.rule == id).map(|f| f.message).unwrap_or_default()
    };
    let mut wrong = Vec::new();
    for (id, da, en) in &texts {
        let Some(en) = en else {
            wrong.push(format!("{id}: no English text"));
            continue;
        };
        let trigger = &examples.iter().find(|e| e.id == *id).expect("every rule has examples").trigger;
        let (said_en, said_da) =
            (message(crate::strings::Lang::En, id, trigger), message(crate::strings::Lang::Da, id, trigger));
        if !said_en.contains(en.as_str()) || said_en.contains(da.as_str()) {
            wrong.push(format!("{id}: under English {said_en:?}"));
        }
        if !said_da.contains(da.as_str()) || said_da.contains(en.as_str()) {
            wrong.push(format!("{id}: under Danish {said_da:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_rule_without_english_says_its_own_text_in_both_languages() {
    let file = "version: 1\nsubstitutions:\n  - id: norsk\n    find: sitter\n    use: sidder\n    reason: norsk ord\n    severity: error\n  - id: vondt\n    find: vondt\n    use: ondt\n    reason: norsk ord\n    reason_en: a Norwegian word\n    severity: error\n";
    let rules = RuleSet::parse(file).expect("valid");
    let signs = crate::signs::Signs::default();
    let said = |lang| {
        crate::strings::set_thread_lang(Some(lang));
        let body = "Det sitter og gør vondt.\n";
        let found = apply(&rules, &signs, "x", body, &Parsed::of(body, 1));
        crate::strings::set_thread_lang(None);
        found.into_iter().map(|f| f.message).collect::<Vec<_>>()
    };
    let en = said(crate::strings::Lang::En);
    assert!(en[0].ends_with("norsk ord") && en[1].ends_with("a Norwegian word"), "{en:?}");
    let da = said(crate::strings::Lang::Da);
    assert!(da[0].ends_with("norsk ord") && da[1].ends_with("norsk ord"), "{da:?}");
}

//! The warning-sign table: how signs are said, parsed and merged.

use super::*;

#[test]
fn each_level_of_care_says_it_in_english_and_differently_in_danish() {
    for level in [Level::Call112, Level::Now, Level::SameDay, Level::Days] {
        let say = |lang| {
            strings::set_thread_lang(Some(lang));
            let said = level.care();
            strings::set_thread_lang(None);
            said
        };
        let (en, da) = (say(strings::Lang::En), say(strings::Lang::Da));
        assert!(!en.is_empty() && !da.is_empty() && en != da, "{level:?}: {en} / {da}");
    }
}

const TABLE: &str = "signs:
  - id: saddle
    level: akut
    da: følelsesløshed i skridtet
    en: numbness in the saddle area
    articles: [laendesmerter]
    says:
      - følelsesløs =skridtet
      - holde|kontrol vand|urin|blære
    source: Sundhedsstyrelsen
  - id: thunderclap
    level: \"112\"
    da: pludselig, voldsom hovedpine
    en: sudden, severe headache
    says: [værste hovedpine]
    source: sundhed.dk
";

#[test]
fn a_sign_is_said_in_lay_words_in_any_order_and_without_danish_letters() {
    let (signs, problems) = Signs::parse(TABLE);
    assert!(problems.is_empty(), "{problems:?}");
    let said = |q: &str| signs.said_by(&words_of(q)).iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(said("jeg er folelseslos i skridtet og har ondt i ryggen"), ["saddle"]);
    assert_eq!(said("kan ikke holde på vandet"), ["saddle"]);
    assert_eq!(said("den værste hovedpine i mit liv"), ["thunderclap"]);
    assert_eq!(said("verste hovedpine nogensinde"), ["thunderclap"], "æ typed as e");
    assert!(said("forebyggende skridt mod smerter").is_empty(), "a whole word is not a start");
    assert!(said("hovedpine").is_empty());
}

#[test]
fn a_whole_word_forgives_no_typo_so_a_common_word_one_letter_off_is_not_the_sign() {
    let (signs, _) = Signs::parse(
        "signs:\n  - id: arteritis\n    level: samme-dag\n    da: a\n    en: a\n    says: [\"=arteritis\"]\n    source: s\n  - id: stroke\n    level: \"112\"\n    da: s\n    en: s\n    says: [hjerneblødning]\n    source: s\n",
    );
    let said = |q: &str| signs.said_by(&words_of(q)).iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert!(said("knee stiff every morning, is it arthritis").is_empty(), "arthritis is not arteritis");
    assert_eq!(said("kan det være arteritis"), ["arteritis"]);
    assert_eq!(said("er det en hjerneblødnig"), ["stroke"], "a start of a word forgives one letter");
}

#[test]
fn a_way_is_said_by_the_same_words_whether_searched_or_scanned() {
    let words = words_of("hun har ondt i nakken og feber, og hun kan ikke bøje hovedet");
    for (way_text, said) in [
        ("feber nakke", true),
        ("feber =nakke", false),
        ("~akke feber", true),
        ("bøje|bøjer hovedet", true),
        ("øm nakken", false),
        ("ondt", true),
    ] {
        let w = way(way_text);
        let scanned = w
            .iter()
            .all(|alts| alts.iter().any(|t| words.one.iter().chain(&words.joined).any(|x| says(x, t))));
        assert_eq!((way_said(&w, &words), scanned), (said, said), "{way_text}");
    }
}

#[test]
fn the_most_urgent_sign_comes_first() {
    let (signs, _) = Signs::parse(TABLE);
    let said = signs.said_by(&words_of("værste hovedpine og følelsesløs i skridtet"));
    assert_eq!(said.iter().map(|s| s.level).collect::<Vec<_>>(), [Level::Call112, Level::Now]);
}

#[test]
fn every_problem_an_editor_can_make_is_reported() {
    let text = "signs:
  - id: a
    level: soon
    says: [x y]
  - id: c
    level: dage
    da: c
    en: c
    source: s
  - id: b
    level: dage
    da: b
    en: b
    says: [ondt]
    source: s
  - id: b
    level: dage
    da: b
    en: b
    says: [ondt]
    source: s
  - level: dage
extra: 1
";
    let problems = check_signs(text);
    let said: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(said.iter().any(|m| m.contains("extra")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("soon")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("says")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("twice") || m.contains("to gange")), "{said:?}");
    assert!(said.iter().any(|m| m.contains("id")), "{said:?}");
    assert!(check_signs("signs: [\n")[0].fatal);
    assert!(check_signs("- a list\n")[0].fatal);
}

#[test]
fn a_folders_sign_replaces_the_bundled_one_of_its_id() {
    let (mut signs, _) = Signs::parse(TABLE);
    let (other, problems) = Signs::parse(
        "signs:\n  - id: thunderclap\n    level: akut\n    da: x\n    en: x\n    says: [tordenskrald]\n    source: s\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    signs.merge(other);
    assert_eq!(signs.len(), 2);
    let said = signs.said_by(&words_of("tordenskrald"));
    assert_eq!(said[0].level, Level::Now);
    assert!(signs.said_by(&words_of("værste hovedpine")).is_empty());
}

#[test]
fn a_class_of_words_says_a_sign_in_every_way_it_lists_and_a_folder_may_use_the_bundled_ones() {
    let text = "words:\n  fall: faldt|væltede|tackling|fell\n  neck: nakke|nakken|neck\nsigns:\n  - id: neck-injury\n    level: akut\n    da: nakke\n    en: neck\n    says: [\"$fall $neck\", \"$fall|whiplash kollision\"]\n    source: s\n";
    let (signs, problems) = Signs::parse(text);
    assert!(problems.is_empty(), "{problems:?}");
    let said = |q: &str| signs.said_by(&words_of(q)).iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    for q in [
        "væltede på cyklen og nu ondt i nakken",
        "hørte et knæk i nakken i en rugby tackling",
        "fell, neck hurts",
        "whiplash kollision",
    ] {
        assert_eq!(said(q), ["neck-injury"], "{q}");
    }
    assert!(said("ondt i nakken efter en lang dag").is_empty(), "the neck alone is not the sign");
    assert!(said("faldt i søvn").is_empty(), "the fall alone is not the sign");
    // The bundled table's classes: a folder's file may use them without defining them.
    let (own, problems) = Signs::parse(
        "signs:\n  - id: x\n    level: dage\n    da: x\n    en: x\n    says: [\"$knæ $fald\"]\n    source: s\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(own.said_by(&words_of("faldt og slog knæet")).len(), 1);
}

#[test]
fn a_class_no_file_defines_is_reported_with_its_sign() {
    let problems = check_signs(
        "signs:\n  - id: x\n    level: dage\n    da: x\n    en: x\n    says: [\"$nothing ondt\"]\n    source: s\n",
    );
    assert!(
        problems.iter().any(|p| p.message.contains("$nothing") && p.message.contains('x')),
        "{problems:?}"
    );
    let problems = check_signs(
        "words: [a, b]\nsigns:\n  - id: x\n    level: dage\n    da: x\n    en: x\n    says: [ondt]\n    source: s\n",
    );
    assert!(problems.iter().any(|p| p.message.contains("words:")), "{problems:?}");
}

#[test]
fn a_question_that_denies_a_sign_does_not_say_it_but_one_that_cannot_do_something_does() {
    let (signs, _) = Signs::parse(
        "signs:\n  - id: meningitis\n    level: \"112\"\n    da: m\n    en: m\n    says: [feber stiv nakke]\n    source: s\n  - id: fracture\n    level: akut\n    da: f\n    en: f\n    says: [støtte benet]\n    source: s\n",
    );
    let said = |q: &str| {
        let words = question_words(&crate::search::fold(q));
        signs.said_by(&words).iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    };
    assert!(said("vågnede med stiv nakke og kan ikke dreje hovedet, ingen feber eller andet").is_empty());
    assert!(said("stiv nakke, uden feber").is_empty());
    assert_eq!(said("stiv nakke og feber"), ["meningitis"]);
    assert_eq!(said("ingen hovedpine men feber og stiv nakke"), ["meningitis"], "a denial ends at men");
    assert_eq!(said("faldt og står nu uden at kunne støtte på benet"), ["fracture"]);
    assert_eq!(said("uden hjelm, feber og stiv nakke"), ["meningitis"], "a comma ends a denial");
    assert!(said("stiv nakke uden en eneste feber").is_empty(), "a small word is passed over");
}

/// Signs told as a parent or a patient tells them reach the bundled table's signs, and what
/// the question denies does not.
#[test]
fn the_bundled_table_hears_signs_told_as_stories() {
    let (signs, problems) = Signs::parse(include_str!("../../articles/warning-signs.yaml"));
    assert!(problems.is_empty(), "{problems:?}");
    let said = |q: &str| {
        let words = question_words(&crate::search::fold(q));
        signs.said_by(&words).iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    };
    let has = |q: &str, id: &str| assert!(said(q).contains(&id.to_string()), "{q}: {:?}", said(q));
    has("min datter har hovedpine feber og kan ikke boeje hovedet", "meningitis");
    has("dived into shallow water, neck hurts and both arms feel tingly", "neck-injury-nerves");
    has("faldt på cyklen og slog hovedet, nu kaster jeg op", "head-injury-severe");
    has("knæskallen hoppede ud da jeg dansede", "knee-fracture");
    has(
        "jeg er 67 og har aldrig haft hovedpine men de sidste 2 uger har jeg haft det hver dag",
        "headache-changing",
    );
    has("my dad is 71 and has new headaches every day", "headache-changing");
    assert!(said("jeg er 34 og har aldrig haft hovedpine før i dag").is_empty(), "no age over 50");
    assert!(said("aldrig haft hovedpine før, nu i 60 minutter").is_empty(), "60 minutes is no age");
    has(
        "min søn sprang på hovedet fra molen og ramte bunden, nu prikker det i begge arme og nakken gør ondt",
        "neck-injury-nerves",
    );
    assert!(
        said("hekseskuddet ramte mig i går, ondt i ryggen").is_empty(),
        "a pain that struck is no accident"
    );
    assert!(
        said("vågnede med stiv nakke, ingen feber").is_empty(),
        "{:?}",
        said("vågnede med stiv nakke, ingen feber")
    );
    // A denial does not take away a word that is itself the sign.
    has("jeg ser ingen udvej", "suicidal-thoughts");
    has("pludselig ingen kraft i armen", "stroke");
    has("ondt i lænden og ingen kontrol over blæren", "cauda-equina");
    // Everyday words that look like a sign's are not it.
    for q in [
        "jeg er 40 og har ondt i nakken, når jeg bøjer hovedet",
        "hvilken slags hovedpine giver opkast",
        "hovedpine, kaster op og falder i søvn",
        "i want a second opinion on my headaches",
        "jeg har pludselig følt mig svag siden i går",
        "ondt i nakken og døve fingre",
        "my knees and feet ache when it's cold",
        "ondt i knæet, når jeg hopper, det ser ud til at hæve",
    ] {
        let urgent: Vec<String> = signs
            .said_by(&question_words(&crate::search::fold(q)))
            .iter()
            .filter(|s| s.level <= Level::Now)
            .map(|s| s.id.clone())
            .collect();
        assert!(urgent.is_empty(), "{q}: {urgent:?}");
    }
}

#[test]
fn a_complaint_told_as_growing_worse_is_a_sign_and_a_comparison_is_not() {
    let (signs, _) = Signs::parse(include_str!("../../articles/warning-signs.yaml"));
    let ids = |q: &str| -> Vec<String> {
        signs.said_by(&question_words(&crate::search::fold(q))).iter().map(|s| s.id.clone()).collect()
    };
    for q in [
        "føleforstyrrelserne i mine ben bliver værre uge for uge",
        "nakken gør mere og mere ondt",
        "my back pain keeps getting worse",
        "hovedpinen bliver ved med at blive værre",
        "smerterne er stadig værre",
    ] {
        assert!(ids(q).contains(&"getting-worse".to_string()), "{q}: {:?}", ids(q));
    }
    for q in [
        "nakkesmerterne bliver ved med at forværres",
        "smerterne tiltager",
        "hovedpinen bliver værre for hver dag",
        "my back pain is worsening",
        "my leg is getting weaker",
        "gør mere og mere ondt i knæet",
        "smerterne bliver kraftigere og kraftigere",
    ] {
        assert!(ids(q).iter().any(|id| id.starts_with("getting-")), "{q}: {:?}", ids(q));
    }
    assert!(ids("snubler mere og mere og har nervesmerter i benene").contains(&"getting-weaker".to_string()));
    assert!(
        ids("my legs are getting weaker and weaker with my back pain").contains(&"leg-weakness".to_string())
    );
    // Losing weight more and more with back pain is for a doctor within days, not weakness.
    let weight = ids("jeg taber mig mere og mere og har ondt i ryggen");
    assert!(!weight.contains(&"getting-weaker".to_string()), "{weight:?}");
    for q in [
        "er det værre at sidde end at stå",
        "værre om morgenen og bedre om aftenen",
        "mere motion eller mere hvile",
        "worse when I sit, better when I walk",
        "ikke værre og værre, men det går ikke over",
        "det bliver bedre dag for dag",
        "ondt i ryggen, men bedre uge for uge",
        "it gets better day by day",
        "jeg træner dag efter dag",
        "why do more and more people get back pain",
        "er det mere og mere almindeligt med nakkesmerter",
        "my back pain gets worse when I sit",
        "is it normal that neck pain gets worse at night",
        "smerterne er stadig værre om morgenen end om aftenen",
        "it's still worse in the morning than the evening",
        "my neck pain isn't getting worse, how long will it last",
        "no longer getting worse",
        "det er ikke blevet værre og værre, hvor længe varer det",
        "jeg bliver stærkere og stærkere i benene efter genoptræning",
        "skal jeg gå mere og mere hver dag med min lændesmerte",
        "kan jeg tage mere og mere ibuprofen",
        "jeg træner mere dag for dag",
        "jeg får mere og mere kraft i benet efter operationen",
        "jeg snublede og nu gør knæet ondt",
        "kraftig hovedpine hver dag",
    ] {
        let told = ids(q);
        assert!(!told.iter().any(|id| id.starts_with("getting-")), "{q}: {told:?}");
    }
}

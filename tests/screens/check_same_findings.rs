//! What `check` finds, held fixed while it is made faster: the findings (line, column,
//! severity, rule, message, source) on the bundled library, on each planted error of
//! `tests/fixtures/planted/`, on generated articles and on inputs that look alike but must not
//! be read alike (a word that is the start of a rule's word, one sign under different leads,
//! two copies of one article). The snapshots in `tests/screens/snapshots/` were made by the code
//! before it was made fast; a change to what `check` finds shows here as a changed snapshot
//! (review it with `cargo insta review`, or `INSTA_UPDATE=always` to accept).

use artikel::check::{Checker, RuleSet};
use artikel::library::{Article, Library, Source};
use artikel::strings::{Lang, set_thread_lang};

/// Every finding of the library's articles `wanted`, one JSON object to a line, in the
/// language `lang`, with the bundled house rules.
fn findings(library: &Library, wanted: impl Fn(&Article) -> bool, lang: Lang) -> String {
    set_thread_lang(Some(lang));
    let rules = RuleSet::bundled().expect("the bundled rules are valid");
    let checker = Checker::new(library, jiff::civil::date(2026, 12, 6), 12);
    let mut out = String::new();
    for (i, article) in library.articles.iter().enumerate().filter(|(_, a)| wanted(a)) {
        let place = article.source.describe(&article.slug);
        let warnings: Vec<_> = library.warnings.iter().filter(|w| w.file == place).cloned().collect();
        for f in checker.check(i, &warnings, Some(&rules)) {
            out.push_str(&serde_json::to_string(&f).expect("a finding is JSON"));
            out.push('\n');
        }
    }
    set_thread_lang(None);
    out
}

/// The bundled library with `articles` (slug, text) added.
fn with(articles: &[(&str, String)]) -> Library {
    let mut library = Library::bundled();
    for (slug, text) in articles {
        library.insert(Article::from_bytes((*slug).to_string(), Source::Bundled, text.as_bytes()).0);
    }
    library
}

#[test]
fn the_bundled_library_gives_the_same_findings() {
    let library = Library::bundled();
    insta::assert_snapshot!("bundled_da", findings(&library, |_| true, Lang::Da));
    insta::assert_snapshot!("bundled_en", findings(&library, |_| true, Lang::En));
}

/// One planted error.
#[derive(Debug, serde::Deserialize)]
struct Case {
    id: String,
    article: String,
    find: String,
    replace: String,
}

#[test]
fn each_planted_error_gives_the_same_findings() {
    let text = std::fs::read_to_string("tests/fixtures/planted/check-editor.yaml").expect("the planted set");
    let cases: Vec<Case> = serde_saphyr::from_str(&text).expect("a list of cases");
    assert!(cases.len() >= 12, "{} cases", cases.len());
    let mut out = String::new();
    for case in &cases {
        let original = std::fs::read_to_string(format!("articles/{}", case.article)).expect("the article");
        assert!(original.contains(&case.find), "{}: the edit applies", case.id);
        let slug = case.article.trim_end_matches(".md");
        let library = with(&[(slug, original.replacen(&case.find, &case.replace, 1))]);
        out.push_str(&format!("## {}\n", case.id));
        out.push_str(&findings(&library, |a| a.slug == slug, Lang::Da));
    }
    insta::assert_snapshot!("planted", out);
}

#[test]
fn generated_articles_give_the_same_findings() {
    let articles = artikel::corpus::library(40, 6000);
    let articles: Vec<(&str, String)> = articles.iter().map(|(s, t)| (s.as_str(), t.clone())).collect();
    let library = with(&articles);
    insta::assert_snapshot!("generated", findings(&library, |a| a.slug.starts_with("artikel-"), Lang::Da));
}

const HEAD: &str = "---\nmetaTitle: Prøve\nlastUpdated: 01/11/2026\ndatePublished: 01/10/2026\n---\n\n";

/// Words that are the start of a rule's word, or have one as their start, in any case and
/// with or without Danish letters: each must be read as the plain scan read it.
fn near_words() -> String {
    format!(
        "{HEAD}\
         Smerten sit foran. Smerten sitter foran. Smerten sitt foran, SITTER og Sitte. Han sittende.\n\
         \n\
         Det gør vond. Det gør vondt. Det gør vonde ting, og det er ondt.\n\
         \n\
         Hodepine, hodepiner og hode. Hovedpine og hoved pine og hoved pinen.\n\
         \n\
         Ballerne, balle og ballen ved foden. Ballen på låret. Balder og ballet.\n\
         \n\
         Et Røngtenbillede, en rongten og en røntgen. Inte, inter, intet og och, ochre.\n\
         \n\
         Nakke smerter, nakke smerterne, nakke smerte og nakkesmerter. Ryg smerterne kommer.\n\
         \n\
         Knæet griber fat i armlænet. Knæet griber hårdt fat. Knæet griber ikke fat, men gribes.\n\
         \n\
         Adresser, adressere, adresserer og adressen. Inkluder og inkluderer. Impact og impacter.\n\
         \n\
         En knæ, en knæet, en ben, en benet, et skulder, et skuldre, en hævet knæ, en hævede knæ.\n\
         \n\
         The pain, thepain, the, with, without, pain og painkillers, painkill.\n\
         \n\
         Søg akut hjælp. Søg akut hjælpen. Søg akutte hjælp. Kontakt skadestuen. Kontakt skadestue.\n\
         \n\
         Trykken i brystet. Trykken i brystets. Trykkene i brystet. En kold omslag og en kolde omslag.\n\
         \n\
         Man siger, at man kan. Du kan, og du skal, og din ryg og dit knæ og dine ben.\n\
         \n\
         ## Hvordan kan fysioterapi hjælpe?\n\
         \n\
         Fysioterapeuten hjælper med en henvisningsseddel.\n\
         \n\
         ## Hvordan kan fysioterapi hjælpe ved knæsmerter?\n\
         \n\
         Fysioterapeuten hjælper.\n\
         \n\
         ## Hvad er senestrukturer?\n\
         \n\
         Senestrukturerne og senestruktur, senestrukturer.\n\
         \n\
         ## Hvad er senestrukturer?\n\
         \n\
         Det samme spørgsmål to gange, HVAD ER SENESTRUKTURER.\n\
         \n\
         ## hvad er senestrukturer?\n\
         \n\
         Og i små bogstaver.\n"
    )
}

/// One sign under leads of different levels, in lists and paragraphs, and two levels in one
/// sentence or lead.
fn near_leads() -> String {
    format!(
        "{HEAD}\
         Om nakken.\n\
         \n\
         ## Hvornår skal du søge læge ved nakkesmerter?\n\
         \n\
         **Ring 112**, hvis du har feber og stiv nakke.\n\
         \n\
         **Bestil tid hos egen læge**, hvis du har feber og stiv nakke.\n\
         \n\
         **Kontakt egen læge samme dag**, hvis:\n\
         \n\
         - du har feber og en stiv nakke\n\
         - du har feber\n\
         - stiv nakke\n\
         \n\
         **Ring 112 eller bestil tid**, hvis du har feber og stiv nakke.\n\
         \n\
         **Noget andet**, hvis du har feber og stiv nakke.\n\
         \n\
         Her står feber og stiv nakke uden en ledning foran.\n\
         \n\
         ### Om natten\n\
         \n\
         Feber og stiv nakke under en overskrift af tredje grad.\n\
         \n\
         **Tag på skadestuen med det samme**, hvis du har feber og stiv nakke, eller pludselig voldsom hovedpine.\n\
         \n\
         Ring 112 eller lægevagten, hvis du får lammelser. Kontakt lægevagten eller ring 112.\n\
         Ring 112, hvis du bliver bleg, eller hvis du ikke kan bevæge benene.\n\
         \n\
         Ring 1813, hvis du har brækket armen. Ring først: i Region Hovedstaden til 1818, i Region Sjælland til 1813.\n\
         \n\
         Lægevagtens nummer er 1813 i Region Hovedstaden, 1818 i Region Sjælland, 70 11 31 31 i Region Syddanmark, 70 11 07 07 i Region Midtjylland og 70 15 03 00 i Region Nordjylland.\n\
         \n\
         ## Hvornår skal du søge læge igen?\n\
         \n\
         **Ring 112**, hvis du har feber og stiv nakke.\n\
         \n\
         ## Ofte stillede spørgsmål\n\
         \n\
         ### Hvad gør jeg?\n\
         \n\
         Tag 1 g paracetamol ad gangen og 4 g i døgnet. Tag 1,5 g pamol. Tag 2 g pamol ad gangen.\n\
         Ibuprofen 400 mg og paracetamol 2 g ad gangen. Tag 1.200 mg ibuprofen i døgnet og 1.600 mg ipren.\n\
         Tag pamol hver 2. time, med mindst 3 timer mellem doserne. Pamo 5 g og paracetamolholdig 5 g.\n\
         \n\
         ### Er det farligt?\n\
         \n\
         Ibuprofen er skånsom for maven og kan trygt tages. Den er ikke skånsom for maven.\n\
         Tag ibuprofen dagligt uden at tale med lægen. Et par dages sengeleje anbefales.\n\
         Under en episode en rolig gåtur kan lindre. Under en episode kan en rolig gåtur lindre.\n\
         Brug en blød halskrave. Du skal altid have taget en røntgen. Der er sjældent grund til at søge hjælp.\n"
    )
}

#[test]
fn inputs_that_look_alike_give_the_same_findings() {
    let copy = std::fs::read_to_string("articles/nakkesmerter.md").expect("the article");
    let library = with(&[
        ("naer-ord", near_words()),
        ("naer-ledning", near_leads()),
        ("kopi-a", copy.clone()),
        ("kopi-b", copy),
    ]);
    let mine = |a: &Article| a.slug.starts_with("naer-") || a.slug.starts_with("kopi-");
    let da = findings(&library, mine, Lang::Da);
    // Two copies of one article: the same findings, but for the file.
    let of = |slug: &str| {
        da.lines()
            .filter(|l| l.contains(&format!("\"file\":\"{slug}")))
            .map(|l| l.replace(slug, "kopi"))
            .collect::<Vec<_>>()
    };
    assert!(!of("kopi-a").is_empty());
    assert_eq!(of("kopi-a"), of("kopi-b"));
    insta::assert_snapshot!("look_alike_da", da);
    insta::assert_snapshot!("look_alike_en", findings(&library, mine, Lang::En));
}

#[test]
fn two_threads_give_the_findings_of_one_in_its_order_and_language() {
    let articles = artikel::corpus::library(60, 4000);
    let mut added: Vec<(&str, String)> = articles.iter().map(|(s, t)| (s.as_str(), t.clone())).collect();
    added.push(("naer-ord", near_words()));
    added.push(("naer-ledning", near_leads()));
    let library = with(&added);
    let rules = RuleSet::bundled().expect("the bundled rules are valid");
    let checker = Checker::new(&library, jiff::civil::date(2026, 12, 6), 12);
    // Every article, last first: the order asked is the order given.
    let which: Vec<usize> = (0..library.articles.len()).rev().collect();
    for lang in [Lang::Da, Lang::En] {
        set_thread_lang(Some(lang));
        let one: Vec<_> = which.iter().map(|&i| checker.check(i, &[], Some(&rules))).collect();
        let two = checker.check_each(&which, |_| (&[], Some(&rules)));
        set_thread_lang(None);
        assert!(one.iter().map(Vec::len).sum::<usize>() > 100);
        assert_eq!(one, two, "{lang:?}");
    }
}

//! The suite every engine passes: what the reader, the command line and `serve` ask of a
//! ledger, through [`Engine`] alone. SQLite runs it here; PostgreSQL in `postgres::tests`.

use super::super::*;

const TEXT: &str = "---\nmetaTitle: Knæ\n---\nIntro.\n\n## Hvad er det?\n\nEt knæ er et led.\n";
const LATER: &str = "---\nmetaTitle: Knæ\n---\nIntro.\n\n## Hvad er det?\n\nEt knæ er to led.\n";

fn note(slug: &str, author: &str, text: &str) -> Comment {
    Comment {
        id: new_id(),
        slug: slug.into(),
        heading: "Hvad er det?".into(),
        position: 1,
        section: section_hash(TEXT, "Hvad er det?").unwrap_or_default(),
        version: version_of(&normalise(TEXT)),
        author: author.into(),
        text: text.into(),
        resolved: false,
        created: "2026-11-30T08:00:00Z".into(),
        updated: "2026-11-30T08:00:00Z".into(),
        revision: 1,
    }
}

fn saved(engine: &mut dyn Engine, writes: &[Write]) -> Vec<Outcome> {
    let (done, error) = engine.record(writes);
    assert_eq!(error, None, "{} did not save", engine.place());
    done
}

/// Decisions and comments recorded are read back: each reviewer's latest decision, the kept
/// text, the comments, the log in order; a retried decision is recorded once.
pub(crate) fn records_and_reads(engine: &mut dyn Engine) {
    let first = Write::decide("knae", normalise(TEXT), "bo", Verdict::ChangesRequested, "Kilde?");
    let again = first.clone();
    let later = Write::decide("knae", normalise(LATER), "bo", Verdict::Approved, "");
    let anna = Write::decide("ryg", normalise(TEXT), "anna", Verdict::Approved, "Fint");
    let c = note("knae", "cai", "Hvilken kilde?");
    let done = saved(engine, &[first, again, later, anna, Write::Comment(c.clone())]);
    assert_eq!(done, vec![Outcome::Saved; 5]);
    let latest = engine.latest(None).expect("latest");
    let knae = &latest["knae"];
    assert_eq!(knae.len(), 1, "one latest decision per reviewer: {knae:?}");
    assert_eq!(
        (knae[0].verdict, knae[0].version.as_str()),
        (Verdict::Approved, version_of(&normalise(LATER)).as_str())
    );
    assert_eq!(latest["ryg"][0].reviewer, "anna");
    assert_eq!(engine.latest(Some("ryg")).expect("latest").len(), 1);
    let kept = engine.text_of("knae", &version_of(&normalise(TEXT))).expect("text");
    assert_eq!(kept.as_deref(), Some(normalise(TEXT).as_str()));
    assert_eq!(engine.text_of("knae", "0000").expect("text"), None);
    let comments = engine.comments(Some("knae"), false).expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!((comments[0].id.as_str(), comments[0].text.as_str()), (c.id.as_str(), "Hvilken kilde?"));
    let log = engine.log(None).expect("log");
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["changes-requested", "approved", "approved", "comment"],
        "the retry is not logged twice"
    );
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(engine.log(Some("ryg")).expect("log").len(), 1);
}

/// An edit or a deletion made again (a retry after the connection dropped before the commit
/// was acknowledged) saves nothing twice: no copy beside it, one row in the log, and the
/// retried deletion is not said as the comment gone.
pub(crate) fn edits_once(engine: &mut dyn Engine) {
    let c = note("knae", "cai", "Kilde?");
    saved(engine, &[Write::Comment(c.clone())]);
    let edit = Write::Edit {
        id: c.id.clone(),
        revision: 1,
        text: "Hvilken kilde?".into(),
        by: "cai".into(),
        at: "2026-12-01T08:00:00Z".into(),
    };
    assert_eq!(saved(engine, std::slice::from_ref(&edit)), [Outcome::Saved]);
    assert_eq!(saved(engine, &[edit]), [Outcome::Saved], "the retry");
    let comments = engine.comments(None, true).expect("comments");
    assert_eq!(comments.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Hvilken kilde?"]);
    let edits = engine.log(None).expect("log").into_iter().filter(|e| e.action == "edit").count();
    assert_eq!(edits, 1);
    let delete =
        Write::Delete { id: c.id.clone(), revision: 2, by: "cai".into(), at: "2026-12-01T09:00:00Z".into() };
    assert_eq!(saved(engine, std::slice::from_ref(&delete)), [Outcome::Saved]);
    assert_eq!(saved(engine, &[delete]), [Outcome::Saved], "the retry, not 'gone'");
    let deletes = engine.log(None).expect("log").into_iter().filter(|e| e.action == "delete").count();
    assert_eq!(deletes, 1);
    assert!(engine.verify().expect("verify").problems.is_empty());
}

/// A comment resolved is gone from the open ones, there with the resolved, and logged.
pub(crate) fn resolves(engine: &mut dyn Engine) {
    let c = note("knae", "cai", "Kilde?");
    saved(engine, &[Write::Comment(c.clone())]);
    let at = "2026-11-30T09:00:00Z".to_string();
    let done = saved(engine, &[Write::Resolve { id: c.id.clone(), resolved: true, by: "bo".into(), at }]);
    assert_eq!(done, [Outcome::Saved]);
    assert!(engine.comments(Some("knae"), false).expect("comments").is_empty());
    let all = engine.comments(Some("knae"), true).expect("comments");
    assert!(all[0].resolved && all[0].revision == 2, "{all:?}");
    assert_eq!(
        engine.log(Some("knae")).expect("log").last().map(|e| e.action.clone()),
        Some("resolve".into())
    );
}

/// The policy: one approval and no leads until set; once there are leads only a lead changes
/// it, and a refusal writes nothing.
pub(crate) fn keeps_the_policy(engine: &mut dyn Engine) {
    assert_eq!(engine.policy().expect("policy"), Policy::default());
    let leads = ["anne".to_string()];
    engine.set_policy(Some(2), Some(&leads), "anne", "to læsere").expect("saved").expect("allowed");
    assert_eq!(engine.policy().expect("policy"), Policy { approvals: 2, leads: leads.to_vec() });
    let before = engine.log(None).expect("log").len();
    assert_eq!(engine.set_policy(Some(1), None, "bo", "hurtigere").expect("asked"), Err(Refusal::NotLead));
    assert_eq!(engine.log(None).expect("log").len(), before, "a refusal writes nothing");
    assert_eq!(engine.policy().expect("policy").approvals, 2);
}

/// `review status`: an article is approved once enough reviewers approved its current
/// version, and a request for changes on it blocks it.
pub(crate) fn judges_status(engine: &mut dyn Engine) {
    use crate::library::{Article, Source};
    let knae = Article::from_bytes("knae".into(), Source::Bundled, TEXT.as_bytes()).0;
    let text = normalised(&knae);
    let status = |engine: &dyn Engine| {
        let judged = engine.judge(std::slice::from_ref(&knae), std::slice::from_ref(&knae)).expect("judge");
        judged[0].state
    };
    assert_eq!(status(engine), ArticleState::Unreviewed);
    engine.set_policy(Some(2), None, "anne", "to").expect("saved").expect("allowed");
    saved(engine, &[Write::decide("knae", text.clone(), "bo", Verdict::Approved, "")]);
    assert_eq!(status(engine), ArticleState::Partly, "one of two approvals");
    saved(engine, &[Write::decide("knae", text.clone(), "anna", Verdict::Approved, "")]);
    assert_eq!(status(engine), ArticleState::Approved);
    saved(engine, &[Write::decide("knae", text, "cai", Verdict::ChangesRequested, "Kilde?")]);
    let judged = engine.judge(std::slice::from_ref(&knae), std::slice::from_ref(&knae)).expect("judge");
    assert_eq!(judged[0].state, ArticleState::ChangesRequested);
    assert_eq!(judged[0].blockers.iter().map(|d| d.reviewer.as_str()).collect::<Vec<_>>(), ["cai"]);
}

/// A reply joins its comment's thread, found by the start of its id; a thread resolved
/// together is resolved whole, and verify holds.
pub(crate) fn threads(engine: &mut dyn Engine) {
    let first = note("knae", "cai", "Kilde?");
    saved(engine, &[Write::Comment(first.clone())]);
    let answer = Comment { id: new_id(), author: "bo".into(), text: "Tilføjet".into(), ..first.clone() };
    engine.reply(&first.id, answer.clone()).expect("replied");
    assert_eq!(engine.replies().expect("replies"), [(answer.id.clone(), first.id.clone())]);
    let found = engine.comments_starting(&answer.id[..8]).expect("found");
    assert_eq!(found.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Tilføjet"]);
    let at = "2026-11-30T10:00:00Z".to_string();
    let both = [&first.id, &answer.id].map(|id| Write::Resolve {
        id: id.clone(),
        resolved: true,
        by: "bo".into(),
        at: at.clone(),
    });
    assert_eq!(engine.record_together(&both).expect("resolved"), vec![Outcome::Saved; 2]);
    assert!(engine.comments(Some("knae"), false).expect("comments").is_empty());
    let actions: Vec<String> = engine.log(None).expect("log").into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["comment", "comment", "reply", "resolve", "resolve"]);
    assert!(engine.verify().expect("verify").problems.is_empty());
}

/// A request for changes is lifted by the one who made it or, with a reason, by a lead;
/// anyone else is refused and nothing is written.
pub(crate) fn lifts(engine: &mut dyn Engine) {
    let lift = |whose: &str, by: &str| Write::Lift {
        slug: "knae".into(),
        whose: Some(whose.into()),
        by: by.into(),
        reason: "rettet".into(),
    };
    engine.set_policy(None, Some(&["anne".to_string()]), "anne", "leder").expect("saved").expect("allowed");
    saved(engine, &[Write::decide("knae", normalise(TEXT), "bo", Verdict::ChangesRequested, "Kilde?")]);
    let before = engine.log(None).expect("log").len();
    assert_eq!(
        saved(engine, &[lift("bo", "cai"), lift("cai", "cai")]),
        [Outcome::Refused(Refusal::NotLead), Outcome::Refused(Refusal::NoRequest)]
    );
    assert_eq!(engine.log(None).expect("log").len(), before, "a refusal writes nothing");
    assert_eq!(saved(engine, &[lift("bo", "anne")]), [Outcome::Saved]);
    let log = engine.log(None).expect("log");
    assert_eq!(log.last().map(|e| (e.action.as_str(), e.actor.as_str())), Some(("override", "anne")));
    assert!(engine.verify().expect("verify").problems.is_empty());
}

/// An article renamed keeps its history: said with a rename, or found by its text being a
/// version decided on under the old slug; verify holds over the rename's row.
pub(crate) fn follows_renames(engine: &mut dyn Engine) {
    use crate::library::{Article, Source};
    let moved = Article::from_bytes("knae-voksne".into(), Source::Bundled, TEXT.as_bytes()).0;
    let library = std::slice::from_ref(&moved);
    saved(engine, &[Write::decide("knae", normalised(&moved), "bo", Verdict::Approved, "")]);
    let found = engine.follow(library, None).expect("followed");
    assert_eq!((found["knae"].new.as_str(), found["knae"].said), ("knae-voksne", false));
    let judged = engine.judge(library, library).expect("judged");
    assert_eq!(judged[0].state, ArticleState::Approved, "the approval follows the text");
    assert_eq!(judged[0].renamed_from, [("knae".to_string(), false)]);
    engine.rename("knae", "knae-voksne", "anne", "nyt navn").expect("renamed");
    assert!(engine.follow(library, None).expect("followed")["knae"].said);
    assert_eq!(engine.log(None).expect("log").last().map(|e| e.action.clone()), Some("rename".into()));
    assert!(engine.verify().expect("verify").problems.is_empty());
}

/// News since a sequence number: what was written after it, and nothing when nothing was.
pub(crate) fn tells_news_since(engine: &mut dyn Engine) {
    saved(engine, &[Write::decide("knae", normalise(TEXT), "bo", Verdict::Approved, "")]);
    let seen = engine.log(None).expect("log").last().map_or(0, |e| e.seq);
    assert!(engine.news_since(seen).expect("news").is_empty(), "no news after the last row");
    saved(engine, &[Write::Comment(note("knae", "cai", "Ny kilde"))]);
    let news = engine.news_since(seen).expect("news");
    assert_eq!(news.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["comment"]);
    assert_eq!(engine.news_since(0).expect("news").len(), 2);
}

/// Catching up from the first row on a trail longer than a page reads it a page at a time
/// and misses nothing: every row, once, in order; a page is never more than [`NEWS_PAGE`].
pub(crate) fn pages_news(engine: &mut dyn Engine) {
    let rows = NEWS_PAGE * 2 + 37;
    let writes: Vec<Write> =
        (0..rows).map(|i| Write::Comment(note("knae", "cai", &format!("Kilde {i}")))).collect();
    engine.record_together(&writes).expect("saved");
    let mut pages = Vec::new();
    let last = news_pages(&*engine, 0, |page| pages.push(page)).expect("news");
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [NEWS_PAGE, NEWS_PAGE, 37]);
    let seqs: Vec<i64> = pages.iter().flatten().map(|e| e.seq).collect();
    let all: Vec<i64> = engine.log(None).expect("log").iter().map(|e| e.seq).collect();
    assert_eq!(seqs, all, "every row once, in order");
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(Some(&last), all.last());
    let details: Vec<String> = pages.iter().flatten().map(|e| e.detail.clone()).collect();
    assert_eq!(details.first().map(String::as_str), Some("Kilde 0"), "{:?}", details.first());
    assert_eq!(details.last(), Some(&format!("Kilde {}", rows - 1)));
    // From the middle of a page: the rest, and nothing after the last row.
    let mut rest = 0;
    assert_eq!(news_pages(&*engine, all[rows - 10], |page| rest += page.len()).expect("news"), last);
    assert_eq!(rest, 9);
    assert_eq!(news_pages(&*engine, last, |_| panic!("no news after the last row")).expect("news"), last);
}

/// `review verify` holds on what the engine wrote, and its head is found.
pub(crate) fn verifies(engine: &mut dyn Engine) {
    let empty = engine.verify().expect("verify");
    assert_eq!((empty.rows, empty.head.as_str(), empty.problems.len()), (0, "", 0));
    records_and_reads(engine);
    engine.set_policy(Some(2), None, "anne", "to").expect("saved").expect("allowed");
    let found = engine.verify().expect("verify");
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert_eq!(found.rows, 5);
    assert_eq!(found.head, engine.log(None).expect("log").last().map(|e| e.hash.clone()).unwrap_or_default());
    assert!(engine.holds_head(&found.head[..12]).expect("head"));
    assert!(!engine.holds_head("0123456789ab").expect("head"));
}

/// A copy into an empty ledger of another engine holds all, the chain with it: the same
/// dump, the same head, verify holds; a ledger holding anything takes no copy.
pub(crate) fn copies(from: &mut dyn Engine, to: &mut dyn Engine) {
    records_and_reads(from);
    let open = from.comments(None, false).expect("comments");
    let at = "2026-11-30T09:00:00Z".to_string();
    saved(from, &[Write::Resolve { id: open[0].id.clone(), resolved: true, by: "bo".into(), at }]);
    from.set_policy(Some(2), None, "anne", "to").expect("saved").expect("allowed");
    let all = from.dump().expect("dump");
    to.load(&all).expect("copied");
    assert_eq!(to.dump().expect("dump"), all, "{} holds what {} held", to.place(), from.place());
    let (there, here) = (from.verify().expect("verify"), to.verify().expect("verify"));
    assert!(here.problems.is_empty(), "{:?}", here.problems);
    assert_eq!((here.rows, &here.head), (there.rows, &there.head));
    assert_eq!(to.log(None).expect("log"), from.log(None).expect("log"));
    assert!(to.load(&all).is_err(), "a ledger holding anything takes no copy");
}

/// The Library's marks and the reader's one-article judging say what `review status` says,
/// a request lifted included; the trail's last row is news's starting point.
pub(crate) fn marks_as_status_does(engine: &mut dyn Engine) {
    use crate::library::{Article, Source};
    assert_eq!(engine.last_seq().expect("seq"), 0, "an empty trail");
    let knae = Article::from_bytes("knae".into(), Source::Bundled, TEXT.as_bytes()).0;
    let ryg = Article::from_bytes("ryg".into(), Source::Bundled, LATER.as_bytes()).0;
    let library = [knae.clone(), ryg.clone()];
    saved(
        engine,
        &[
            Write::decide("knae", normalised(&knae), "bo", Verdict::ChangesRequested, "Kilde?"),
            Write::decide("ryg", normalised(&ryg), "anna", Verdict::Approved, ""),
        ],
    );
    let heads = engine.heads_in(&library, None).expect("heads");
    let version = |a: &Article| version_of(&normalised(a));
    assert_eq!(heads["knae"].state(&version(&knae)), ArticleState::ChangesRequested);
    assert_eq!(heads["ryg"].state(&version(&ryg)), ArticleState::Approved);
    let lift = Write::Lift { slug: "knae".into(), whose: None, by: "bo".into(), reason: "fundet".into() };
    assert_eq!(saved(engine, &[lift]), [Outcome::Saved]);
    let heads = engine.heads().expect("heads");
    assert_ne!(heads["knae"].state(&version(&knae)), ArticleState::ChangesRequested, "lifted");
    let whole = engine.judge(&library, &library).expect("judged");
    let one = engine.judge_known(std::slice::from_ref(&knae), &library, None).expect("judged");
    assert_eq!(one[0].state, whole[0].state);
    assert_eq!(heads["knae"].state(&version(&knae)), whole[0].state, "the mark is the status");
    let last = engine.log(None).expect("log").last().map_or(0, |e| e.seq);
    assert_eq!(engine.last_seq().expect("seq"), last);
}

/// The whole library judged at once tells look-alikes apart: a reviewer's later decision
/// replaces their earlier one, an approval of a text one byte off is not an approval of the
/// article, and a slug gone from the library carries its history to the article whose text
/// it decided on, but not to one a byte away; one article judged alone, and the marks, agree.
pub(crate) fn judges_look_alikes(engine: &mut dyn Engine) {
    use crate::library::{Article, Source};
    let knae = Article::from_bytes("knae-voksne".into(), Source::Bundled, TEXT.as_bytes()).0;
    let ryg = Article::from_bytes("ryg".into(), Source::Bundled, LATER.as_bytes()).0;
    let library = [knae.clone(), ryg.clone()];
    let near = normalised(&ryg).replacen("to led.", "to led,", 1);
    assert_ne!(version_of(&near), version_of(&normalised(&ryg)));
    saved(
        engine,
        &[
            Write::decide("knae", normalised(&knae), "bo", Verdict::Approved, ""),
            Write::decide("skulder", near.clone(), "cai", Verdict::Approved, ""),
            Write::decide("ryg", normalised(&ryg), "anna", Verdict::Approved, ""),
            Write::decide("ryg", normalised(&ryg), "anna", Verdict::ChangesRequested, "Kilde?"),
            Write::decide("ryg", near, "dan", Verdict::Approved, ""),
        ],
    );
    let whole = engine.judge(&library, &library).expect("judged");
    let who = |ds: &[Decision]| ds.iter().map(|d| d.reviewer.clone()).collect::<Vec<_>>();
    assert_eq!(whole[0].state, ArticleState::Approved, "the approval follows the text");
    assert_eq!(whole[0].renamed_from, [("knae".to_string(), false)]);
    assert_eq!(whole[0].approvals, ["bo"]);
    assert_eq!(whole[1].state, ArticleState::ChangesRequested, "anna's later request stands");
    assert_eq!(who(&whole[1].blockers), ["anna"]);
    assert!(whole[1].approvals.is_empty(), "dan approved another text: {:?}", whole[1].approvals);
    assert_eq!(who(&whole[1].decisions), ["anna", "dan"]);
    assert!(whole[1].renamed_from.is_empty(), "a text a byte away is not the article's");
    for (i, a) in library.iter().enumerate() {
        let one = engine.judge_known(std::slice::from_ref(a), &library, None).expect("judged");
        assert_eq!(one[0], whole[i], "{} judged alone", a.slug);
    }
    let heads = engine.heads_in(&library, None).expect("heads");
    for (a, judged) in library.iter().zip(&whole) {
        assert_eq!(heads[&a.slug].state(&judged.version), judged.state, "the mark of {}", a.slug);
    }
}

/// Two articles of the same size, one byte apart, among many (hashed a few at a time on
/// every core, the two by different threads' parts), one with trailing blanks so that its
/// lines are gathered before they are hashed: the approval of the one is not the other's,
/// and every article's version is its own text's, in its place.
pub(crate) fn judges_same_size_look_alikes_in_a_library(engine: &mut dyn Engine) {
    use crate::library::{Article, Source};
    let body = |last: char| {
        let mut text = String::from("---\nmetaTitle: Knæ\n---\n");
        for i in 0..300 {
            text.push_str(&format!("## Afsnit {i}? \t\r\n\nEt knæ er et led ({i}).  \n\n"));
        }
        text.push_str(&format!("Slutningen{last}\n"));
        text
    };
    let (one, other) = (body('.'), body(','));
    assert_eq!(one.len(), other.len());
    assert_eq!(one.bytes().zip(other.bytes()).filter(|(a, b)| a != b).count(), 1);
    let mut library: Vec<Article> = (0..200)
        .map(|i| {
            Article::from_bytes(format!("a{i:03}"), Source::Bundled, format!("Tekst {i}\n").as_bytes()).0
        })
        .collect();
    library[7] = Article::from_bytes("knae".into(), Source::Bundled, one.as_bytes()).0;
    library[150] = Article::from_bytes("knae-kopi".into(), Source::Bundled, other.as_bytes()).0;
    let mut writes = vec![Write::decide("knae", normalised(&library[7]), "bo", Verdict::Approved, "")];
    writes.extend(
        library
            .iter()
            .skip(100)
            .take(20)
            .map(|a| Write::decide(&a.slug, normalised(a), "cai", Verdict::Approved, "")),
    );
    saved(engine, &writes);
    let judged = engine.judge(&library, &library).expect("judged");
    for (a, j) in library.iter().zip(&judged) {
        assert_eq!(j.version, version_of(&normalised(a)), "{}", a.slug);
    }
    assert_ne!(judged[7].version, judged[150].version);
    assert_eq!(
        (judged[7].state, judged[7].approvals.as_slice()),
        (ArticleState::Approved, &["bo".to_string()][..])
    );
    assert_eq!(judged[150].state, ArticleState::Unreviewed, "bo approved the other text");
    assert!(judged[100..120].iter().all(|j| j.state == ArticleState::Approved));
    assert!(judged[120..150].iter().all(|j| j.state == ArticleState::Unreviewed));
    // Approving the look-alike's own text approves it, and only it.
    saved(
        engine,
        &[Write::decide("knae-kopi", normalised(&library[150]), "dan", Verdict::ChangesRequested, "Komma?")],
    );
    let judged = engine.judge(&library, &library).expect("judged");
    assert_eq!(judged[150].state, ArticleState::ChangesRequested);
    assert_eq!(judged[7].state, ArticleState::Approved);
}

/// Runs the suite, each part on a fresh ledger `fresh` opens.
pub(crate) fn run(mut fresh: impl FnMut() -> Box<dyn Engine>) {
    records_and_reads(&mut *fresh());
    resolves(&mut *fresh());
    keeps_the_policy(&mut *fresh());
    judges_status(&mut *fresh());
    threads(&mut *fresh());
    lifts(&mut *fresh());
    follows_renames(&mut *fresh());
    tells_news_since(&mut *fresh());
    pages_news(&mut *fresh());
    verifies(&mut *fresh());
    marks_as_status_does(&mut *fresh());
    judges_look_alikes(&mut *fresh());
    judges_same_size_look_alikes_in_a_library(&mut *fresh());
    edits_once(&mut *fresh());
}

#[test]
fn a_sqlite_ledger_copies_into_another() {
    let dir = tempfile::tempdir().expect("dir");
    let mut from = Ledger::open(&Options::new(dir.path().join("from.db")));
    let mut to = Ledger::open(&Options::new(dir.path().join("to.db")));
    copies(&mut from, &mut to);
}

#[test]
fn sqlite_passes_the_engine_suite() {
    let dir = tempfile::tempdir().expect("dir");
    let mut n = 0;
    run(|| {
        n += 1;
        let ledger = Ledger::open(&Options::new(dir.path().join(format!("review-{n}.db"))));
        assert!(!Engine::read_only(&ledger), "{:?}", ledger.message);
        Box::new(ledger)
    });
}

use super::*;

/// The day the sessions are dated by.
const TODAY: crate::clock::Clock = crate::clock::Clock::Fixed(jiff::civil::date(2026, 12, 6));

#[test]
fn sessions_share_the_articles_and_parse_each_once() {
    let server = Library::bundled();
    let docs = Arc::new(Docs::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = dir.path().join("review.db");
    let session = |name: &str| {
        let disk = Disk::new(dir.path().join(name));
        open(
            session_library(&server),
            docs.clone(),
            TODAY,
            &disk,
            &disk.dir().join("drafts/1"),
            &ledger,
            name,
        )
        .0
    };
    let (anna, ben) = (session("anna"), session("ben"));
    for (i, article) in server.articles.iter().enumerate() {
        assert!(Arc::ptr_eq(&anna.library.articles[i].body, &article.body), "anna's text is the server's");
        assert!(Arc::ptr_eq(&ben.library.articles[i].body, &article.body), "ben's text is the server's");
    }
    let last = server.articles.len() - 1;
    let parsed = anna.docs.get(last, &anna.library.articles[last].body);
    let again = ben.docs.get(last, &ben.library.articles[last].body);
    assert!(Arc::ptr_eq(&parsed, &again), "an article parsed in one session is not parsed again in another");
    assert_eq!((anna.reviewer.as_str(), ben.reviewer.as_str()), ("anna", "ben"));
}

#[test]
fn sessions_and_commands_search_one_index_built_once() {
    crate::strings::set_lang(crate::strings::Lang::En);
    let server = Library::bundled();
    let index = crate::app::SharedIndex::default();
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = dir.path().join("review.db");
    let disk = Disk::new(dir.path().join("anna"));
    let command = super::super::exec::run(b"faq kn\xc3\xa6 trapper", &server, &index, &disk, &ledger);
    assert_eq!(command.status, 0, "{}", String::from_utf8_lossy(&command.err));
    let built = index.get().expect("the first command built the server's index").clone();
    let session = |name: &str| {
        let disk = Disk::new(dir.path().join(name));
        let mut app = open(
            session_library(&server),
            Arc::default(),
            TODAY,
            &disk,
            &disk.dir().join("drafts/1"),
            &ledger,
            name,
        )
        .0;
        app.shared_index = Some(index.clone());
        app
    };
    let (mut anna, mut ben) = (session("anna"), session("ben"));
    let query = crate::search::Query::new("knæ trapper");
    for app in [&mut anna, &mut ben] {
        let found = app.ensure_index().expect("an index");
        assert!(std::ptr::eq(found, &*built), "the session takes the server's index, not one of its own");
    }
    // The same answers as an index of the session's own, and as the command printed.
    let own = crate::search::Index::of(&server);
    let answers = |ix: &crate::search::Index| {
        ix.answers(&query, 3).iter().map(|h| (h.target.article, h.target.heading)).collect::<Vec<_>>()
    };
    assert_eq!(answers(&built), answers(&own));
    let best = &anna.ensure_index().expect("index").answers(&query, 1)[0];
    let doc = crate::document::Document::parse(&server.articles[best.target.article as usize].body);
    let heading = &doc.outline.headings[best.target.heading.expect("a section") as usize].text;
    assert!(String::from_utf8_lossy(&command.out).starts_with(heading.as_str()), "{heading}");
    let again = super::super::exec::run(b"faq kn\xc3\xa6 trapper", &server, &index, &disk, &ledger);
    assert_eq!(again, command, "a second command answers the same from the same index");
    assert!(Arc::ptr_eq(index.get().expect("built"), &built), "and builds none");
}

//! Over `artikel serve`, each session speaks its own client's language: the server runs in
//! English, a client that sends `ARTIKEL_LANG=da` or a Danish `LANG` is answered in Danish.

use crate::support;

use support::{Server, text};

#[test]
fn each_client_is_answered_in_the_language_it_sends() {
    let server = Server::start(&[]);
    let ask = |env: &[&str]| {
        let mut args: Vec<&str> = env.iter().flat_map(|e| ["-o", e]).collect();
        args.extend(["anna@127.0.0.1", "toc", "findes-ikke"]);
        let out = server.run("anna", &args);
        assert_eq!(out.status.code(), Some(1));
        text(&out.stderr)
    };
    assert!(ask(&[]).contains("no article called “findes-ikke”"), "the server's English");
    assert!(ask(&["SetEnv=ARTIKEL_LANG=da"]).contains("ingen artikel hedder “findes-ikke”"));
    assert!(ask(&["SetEnv=LANG=da_DK.UTF-8"]).contains("ingen artikel hedder"));
    // LC_ALL comes before LANG, as it does at home.
    assert!(ask(&["SetEnv=LC_ALL=en_GB.UTF-8 LANG=da_DK.UTF-8"]).contains("no article called"));
    let flag = server.run("anna", &["--", "anna@127.0.0.1", "--lang", "da", "toc", "findes-ikke"]);
    assert!(
        text(&flag.stderr).contains("ingen artikel hedder"),
        "--lang da in the command: {}",
        text(&flag.stderr)
    );
    // One session's Danish does not stay with the pooled thread that ran it.
    assert!(ask(&[]).contains("no article called"), "English again");
}

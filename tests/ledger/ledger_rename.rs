//! An article's history follows its text: renamed with the text it was decided on, it keeps
//! its decisions and comments and says so; renamed and edited, `review rename` says so.

use crate::team;

use team::{Team, err, out};

const GIGT: &str =
    "---\nmetaTitle: Gigt\n---\n\nGigt er betændelse i leddene.\n\n## Hvad hjælper?\n\nBevægelse.\n";

fn status(team: &Team, slug: &str) -> String {
    out(&team.run(&["review", "status", slug]))
}

#[test]
fn a_renamed_article_with_a_decided_text_keeps_its_decisions_and_comments() {
    let team = Team::new();
    let dir = team.articles.path();
    std::fs::write(dir.join("gigt.md"), GIGT).expect("article");
    out(&team.run(&["review", "approve", "gigt", "-m", "fint"]));
    out(&team.as_user("bo", &["notes", "add", "gigt", "--section", "Hvad hjælper?", "-m", "Nævn is"]));
    std::fs::rename(dir.join("gigt.md"), dir.join("gigt-voksne.md")).expect("rename");
    let text = status(&team, "gigt-voksne");
    assert!(text.starts_with("✓ gigt-voksne "), "{text}");
    assert!(text.contains("renamed from gigt (its text is a version decided on there)"), "{text}");
    assert!(text.contains("anne approved "), "{text}");
    let all = out(&team.run(&["review", "status"]));
    assert!(all.contains("✓ gigt-voksne "), "{all}");
    assert!(
        !all.lines().any(|l| l.get(1..).is_some_and(|l| l.starts_with(" gigt "))),
        "one article, not two: {all}"
    );
    let notes = out(&team.run(&["notes", "gigt-voksne"]));
    assert!(notes.starts_with("gigt-voksne › Hvad hjælper?: Nævn is  (bo, "), "not detached: {notes}");
    assert!(team.run(&["review", "verify"]).status.success());
}

#[test]
fn review_rename_carries_the_history_over_an_edit_and_a_rename() {
    let team = Team::new();
    let dir = team.articles.path();
    std::fs::write(dir.join("gigt.md"), GIGT).expect("article");
    out(&team.run(&["review", "approve", "gigt"]));
    std::fs::remove_file(dir.join("gigt.md")).expect("gone");
    std::fs::write(dir.join("ledgigt.md"), GIGT.replace("Bevægelse.", "Bevægelse og varme.")).expect("new");
    assert!(status(&team, "ledgigt").starts_with("  ledgigt "), "an edited text is not found by itself");
    let o = team.run(&["review", "rename", "gigt", "ledgigt", "-m", ""]);
    assert_eq!(o.status.code(), Some(2), "a reason is required: {}", err(&o));
    let o = team.run(&["review", "rename", "nope", "ledgigt", "-m", "x"]);
    assert_eq!(o.status.code(), Some(1), "nothing to carry");
    assert_eq!(
        out(&team.run(&["review", "rename", "gigt", "ledgigt", "-m", "samlet med led"])),
        "gigt's decisions and comments are ledgigt's from now on\n"
    );
    let text = status(&team, "ledgigt");
    assert!(text.starts_with("~ ledgigt "), "approved at an earlier version: {text}");
    assert!(text.contains("renamed from gigt: its decisions and comments are kept"), "{text}");
    let diff = out(&team.as_user("bo", &["review", "diff", "ledgigt"]));
    assert!(diff.contains("## Hvad hjælper? (changed)\n\n[-Bevægelse.-]{+Bevægelse og varme.+}"), "{diff}");
    let log = out(&team.run(&["review", "log", "ledgigt"]));
    assert!(log.contains(" anne rename ledgigt -: samlet med led"), "{log}");
    assert!(team.run(&["review", "verify"]).status.success());
}

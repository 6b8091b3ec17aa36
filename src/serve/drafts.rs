//! One draft per reader session: each session of a reviewer writes the draft of its note in
//! a folder of its own (`DATA/reviewers/NAME/drafts/SESSION/draft.yaml`), so two sessions of
//! one reviewer never write one file. A draft left by a session that was cut off (or by the
//! server stopping) is offered back by the reviewer's next session: it is moved into that
//! session's folder, newest first, one per session, so none is offered twice or lost.

use crate::store::Draft;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// The draft folders of the sessions running now.
#[derive(Default)]
pub struct Drafts {
    live: Mutex<HashSet<PathBuf>>,
}

/// Where the sessions' draft folders are, in a reviewer's folder.
fn drafts_dir(reviewer: &Path) -> PathBuf {
    reviewer.join("drafts")
}

impl Drafts {
    /// Makes the draft folder of a new session `session` of the reviewer whose folder is
    /// `reviewer`, and moves into it the newest draft that no running session owns (one left
    /// by a session cut off, or `draft.yaml` in the reviewer's own folder). Returns the folder.
    pub fn claim(&self, reviewer: &Path, session: &str) -> io::Result<PathBuf> {
        let mut live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        let dir = drafts_dir(reviewer).join(session);
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir)?;
        let mut left: Vec<(SystemTime, PathBuf)> = Vec::new();
        let mut consider = |file: PathBuf| {
            if let Ok(modified) = std::fs::metadata(&file).and_then(|m| m.modified()) {
                left.push((modified, file));
            }
        };
        consider(Draft::path(reviewer));
        for entry in std::fs::read_dir(drafts_dir(reviewer))?.filter_map(Result::ok) {
            let other = entry.path();
            if other == dir || live.contains(&other) {
                continue;
            }
            consider(Draft::path(&other));
            // A session that ended with no draft left its folder empty, or was cut off before
            // it could remove it: it is no one's now.
            let _ = std::fs::remove_dir(&other);
        }
        if let Some((_, newest)) = left.into_iter().max_by_key(|(modified, _)| *modified) {
            std::fs::rename(&newest, Draft::path(&dir))?;
            if let Some(parent) = newest.parent().filter(|p| p.starts_with(drafts_dir(reviewer))) {
                let _ = std::fs::remove_dir(parent);
            }
        }
        live.insert(dir.clone());
        Ok(dir)
    }

    /// The session owning `dir` has ended: the folder goes when its draft was saved as a note
    /// or given up; a draft left in it stays for the reviewer's next session.
    pub fn release(&self, dir: &Path) {
        let mut live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        live.remove(dir);
        let _ = std::fs::remove_dir(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Anchor;

    fn draft(text: &str) -> Draft {
        Draft {
            anchor: Anchor { slug: "knaesmerter".into(), heading: String::new(), position: 0 },
            note: None,
            text: text.into(),
        }
    }

    fn found(dir: &Path) -> Option<String> {
        Draft::find(dir).expect("readable").map(|d| d.text)
    }

    #[test]
    fn two_sessions_of_one_reviewer_never_share_a_draft_and_both_are_offered_back() {
        let data = tempfile::tempdir().expect("temp dir");
        let anna = data.path().join("anna");
        let drafts = Drafts::default();
        let one = drafts.claim(&anna, "1").expect("claimed");
        let two = drafts.claim(&anna, "2").expect("claimed");
        assert_ne!(one, two);
        draft("first").save(&one).expect("saved");
        std::thread::sleep(std::time::Duration::from_millis(20));
        draft("second").save(&two).expect("saved");
        let three = drafts.claim(&anna, "3").expect("claimed");
        assert_eq!(found(&three), None, "a running session's draft is its own");
        drafts.release(&one);
        drafts.release(&two);
        drafts.release(&three);
        assert!(!three.exists(), "a session with no draft leaves nothing");
        // Both sessions were cut off with a draft: each of the next two gets one, newest first.
        let four = drafts.claim(&anna, "4").expect("claimed");
        let five = drafts.claim(&anna, "5").expect("claimed");
        assert_eq!(found(&four).as_deref(), Some("second"));
        assert_eq!(found(&five).as_deref(), Some("first"));
        assert!(!one.exists() && !two.exists(), "the old folders are gone");
        let six = drafts.claim(&anna, "6").expect("claimed");
        assert_eq!(found(&six), None, "none is offered twice");
    }

    #[test]
    fn a_draft_in_the_reviewers_own_folder_is_offered_to_one_session() {
        let data = tempfile::tempdir().expect("temp dir");
        let anna = data.path().join("anna");
        draft("from before").save(&anna).expect("saved");
        let drafts = Drafts::default();
        let one = drafts.claim(&anna, "1").expect("claimed");
        assert_eq!(found(&one).as_deref(), Some("from before"));
        assert_eq!(found(&anna), None, "moved, not copied");
        let two = drafts.claim(&anna, "2").expect("claimed");
        assert_eq!(found(&two), None);
    }
}

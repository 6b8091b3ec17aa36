//! A command that failed: what to tell the user, and the exit status it ends with (the man
//! page's EXIT STATUS).

/// Why a command failed, with the message that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// It could not do what was asked: nothing found, no such article or comment, a file that
    /// could not be read or written, a gate not passed (exit status 1).
    Failed(String),
    /// It was asked wrongly: a reason left out, no terminal to draw on (exit status 2).
    Usage(String),
}

impl Failure {
    /// It could not do what was asked.
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure::Failed(message.into())
    }

    /// It was asked wrongly.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage(message.into())
    }

    /// The exit status it ends with.
    pub fn code(&self) -> i32 {
        match self {
            Failure::Failed(_) => 1,
            Failure::Usage(_) => 2,
        }
    }

    /// What to tell the user.
    pub fn message(&self) -> &str {
        match self {
            Failure::Failed(m) | Failure::Usage(m) => m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Failure;

    #[test]
    fn a_failure_ends_with_1_and_a_wrong_use_with_2() {
        assert_eq!((Failure::failed("x").code(), Failure::usage("y").code()), (1, 2));
        assert_eq!(Failure::usage("a reason is required").message(), "a reason is required");
    }
}

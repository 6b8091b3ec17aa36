//! What day it is: the system's clock, or a day fixed by whoever starts the reader (a test,
//! or `ARTIKEL_TODAY` for an editor who asks what `check` will say on a later day).

use jiff::civil::Date;

/// The environment variable that fixes today's date (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "ARTIKEL_TODAY";

/// Where today's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The system's clock, read in UTC.
    #[default]
    System,
    /// A day fixed in advance.
    Fixed(Date),
}

impl Clock {
    /// A clock that always says `year-month-day`.
    pub fn fixed(year: i16, month: i8, day: i8) -> Clock {
        Clock::Fixed(jiff::civil::date(year, month, day))
    }

    /// The clock `ARTIKEL_TODAY` asks for: its date when it holds one, else the system's.
    pub fn from_env() -> Clock {
        Clock::from_var(std::env::var(TODAY_VAR).ok().as_deref())
    }

    /// The clock a value of `ARTIKEL_TODAY` asks for (unset, empty or not a date: the system's).
    pub fn from_var(value: Option<&str>) -> Clock {
        value.and_then(|v| v.trim().parse::<Date>().ok()).map_or(Clock::System, Clock::Fixed)
    }

    /// Today's date.
    pub fn today(self) -> Date {
        match self {
            Clock::System => system_today(),
            Clock::Fixed(date) => date,
        }
    }
}

/// Today's date by the system's clock (in UTC).
fn system_today() -> Date {
    let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.checked_add(jiff::Span::new().days(days)).unwrap_or(epoch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_says_its_day_and_a_bad_value_leaves_the_system_clock() {
        assert_eq!(Clock::fixed(2026, 12, 6).today(), jiff::civil::date(2026, 12, 6));
        assert_eq!(Clock::from_var(Some("2030-01-31")), Clock::fixed(2030, 1, 31));
        assert_eq!(Clock::from_var(Some(" 2030-01-31\n")), Clock::fixed(2030, 1, 31));
        assert_eq!(Clock::from_var(Some("31/01/2030")), Clock::System);
        assert_eq!(Clock::from_var(Some("")), Clock::System);
        assert_eq!(Clock::from_var(None), Clock::System);
    }
}

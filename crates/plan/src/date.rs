//! Calendar dates as editors write them in `content/` (`YYYY-MM-DD`) and as German readers read
//! them ("26. November 2026"), without a clock: the app shows only dates someone entered.

/// The German month names, January first.
const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A valid date of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year, from 1 to 9999.
    pub year: u16,
    /// The month, from 1 (January) to 12.
    pub month: u8,
    /// The day of the month, from 1 to the month's last day.
    pub day: u8,
}

impl Date {
    /// Reads an ISO date written `YYYY-MM-DD` (exactly four, two and two digits); `None` for any
    /// other form and for days the calendar does not have, such as `2025-02-29`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year: u16 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        let day: u8 = text[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// The date with these parts, if the calendar has it.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid =
            year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The date as German text reads it: day, month name and year, such as "6. März 2026".
    pub fn german(&self) -> String {
        format!(
            "{}. {} {}",
            self.day,
            MONTHS[usize::from(self.month) - 1],
            self.year
        )
    }
}

/// The number of days of a month (1 to 12) in a year of the Gregorian calendar.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let parsed = Date::parse_iso(text);
        assert_eq!(
            parsed.map(|d| d.german()).as_deref(),
            expected,
            "parsing {text:?}"
        );
    }

    #[test]
    fn iso_dates_parse_and_read_in_german() {
        check("2026-11-26", Some("26. November 2026"));
        check("2026-03-06", Some("6. März 2026"));
        check("2026-01-01", Some("1. Januar 2026"));
        check("2026-12-31", Some("31. Dezember 2026"));
        check("2024-02-29", Some("29. Februar 2024"));
        check("2000-02-29", Some("29. Februar 2000"));
        check("2025-02-29", None);
        check("1900-02-29", None);
        check("2026-04-31", None);
        check("2026-13-01", None);
        check("2026-00-10", None);
        check("2026-05-00", None);
        check("0000-05-01", None);
        check("2026-5-1", None);
        check("26.11.2026", None);
        check("2026-11-26T10:00", None);
        check(" 2026-11-26", None);
        check("2026-1a-26", None);
        check("+026-11-26", None);
        check("２０２６-11-26", None);
        check("", None);
    }
}

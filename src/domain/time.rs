//! Instants as machines read them ("2026-11-29T19:34:00Z"), the time of day ("19:14:05 UTC"),
//! and the civil date `Language::instant` writes in words.

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, usize, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, (month - 1) as usize, day)
}

/// An instant as machines read it (RFC 3339, UTC): "2026-11-29T19:34:00Z".
pub fn iso(unix: i64) -> String {
    let (year, month, day) = civil_from_days(unix.div_euclid(86_400));
    let secs = unix.rem_euclid(86_400);
    format!(
        "{year:04}-{:02}-{day:02}T{:02}:{:02}:{:02}Z",
        month + 1,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The time of day of an instant, to the second: "19:14:05 UTC".
pub fn time_of_day(unix: i64) -> String {
    let secs = unix.rem_euclid(86_400);
    format!(
        "{:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::{iso, time_of_day};

    #[test]
    fn instants_read_by_machines_are_rfc_3339() {
        assert_eq!(iso(1_795_980_840), "2026-11-29T19:34:00Z");
        assert_eq!(iso(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn times_of_day_read_to_the_second() {
        assert_eq!(time_of_day(1_795_980_845), "19:34:05 UTC");
        assert_eq!(time_of_day(0), "00:00:00 UTC");
    }
}

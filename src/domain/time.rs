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

/// "2026-11-25" as the Unix time of that day's start (UTC).
pub fn date_start(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// An instant as `iso` writes it ("2026-11-29T19:34:00Z"), or a date alone (its start).
pub fn read_iso(text: &str) -> Option<i64> {
    let text = text.trim();
    let Some((date, time)) = text.split_once('T') else {
        return date_start(text);
    };
    let time = time.strip_suffix('Z')?;
    let mut parts = time.splitn(3, ':');
    let hours: i64 = parts.next()?.parse().ok()?;
    let minutes: i64 = parts.next()?.parse().ok()?;
    let seconds: i64 = parts.next()?.parse().ok()?;
    if !(0..24).contains(&hours) || !(0..60).contains(&minutes) || !(0..60).contains(&seconds) {
        return None;
    }
    Some(date_start(date)? + hours * 3_600 + minutes * 60 + seconds)
}

#[cfg(test)]
mod reading {
    use super::*;

    #[test]
    fn an_instant_reads_back_as_written() {
        for unix in [0, 1_764_062_400, 1_764_445_140, 4_102_444_799] {
            assert_eq!(read_iso(&iso(unix)), Some(unix));
        }
        assert_eq!(read_iso("2026-11-25"), Some(1_795_564_800));
    }

    #[test]
    fn what_is_not_an_instant_is_refused() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-11-25T24:00:00Z",
            "2026-11-25T10:00:00",
            "2026-11-25T10:00Z",
        ] {
            assert_eq!(read_iso(text), None, "{text}");
        }
    }
}

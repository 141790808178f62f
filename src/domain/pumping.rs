//! Rules against SMS pumping (PRODUCT.md, "SMS pumping"): which network a client address
//! belongs to, when the daily budget warns, and which countries' codes are sent far more
//! than they are entered.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Seconds in a UTC day: every cap on risky texts counts from midnight (UTC).
pub const DAY_SECS: i64 = 86_400;

/// The UTC midnight that began the day of `now`.
pub fn day_start(now: i64) -> i64 {
    now - now.rem_euclid(DAY_SECS)
}

/// The network an address belongs to, as the caps count it: the /24 of an IPv4 address,
/// the /48 of an IPv6 one ("203.0.113.0/24", "2001:db8:1::/48"). An IPv4-mapped IPv6
/// address ("::ffff:203.0.113.9", what a dual-stack socket reports) is the IPv4 it maps.
pub fn network_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4_network(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_network(v4),
            None => {
                let s = v6.segments();
                format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
            }
        },
    }
}

fn v4_network(ip: Ipv4Addr) -> String {
    let [a, b, c, _] = ip.octets();
    format!("{a}.{b}.{c}.0/24")
}

/// One spelling per client address, so the caps count one client once: an IPv4-mapped
/// IPv6 address is written as its IPv4; what is not an address (none known) is kept.
pub fn canonical_address(address: &str) -> String {
    address
        .parse::<IpAddr>()
        .map_or_else(|_| address.to_owned(), |ip| ip.to_canonical().to_string())
}

/// `network_of` for a stored address; what is not an address (none known) is its own
/// network.
pub fn network_of_text(address: &str) -> String {
    address
        .parse::<IpAddr>()
        .map_or_else(|_| address.to_owned(), network_of)
}

/// The number of risky texts a day at which administrators are warned: 80 % of the
/// budget, rounded up (never 0, so an empty budget does not warn every day).
pub fn budget_warning_at(budget: i64) -> i64 {
    ((budget * 4 + 4) / 5).max(1)
}

/// Countries with fewer sends than this in the window are shown but not judged.
pub const MIN_SENDS_TO_JUDGE: i64 = 20;

/// Codes sent and entered for one country calling code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub calling_code: i64,
    pub sent: i64,
    pub entered: i64,
}

impl Conversion {
    /// Codes entered per code sent, 0 when none was sent.
    pub fn rate(&self) -> f64 {
        if self.sent == 0 {
            0.0
        } else {
            self.entered as f64 / self.sent as f64
        }
    }
}

/// For each country, whether its conversion rate is far below the others': under half the
/// median rate of the countries with at least `MIN_SENDS_TO_JUDGE` sends (the signature of
/// pumping: codes sent that nobody enters). Countries with fewer sends are never flagged.
pub fn low_conversion(countries: &[Conversion]) -> Vec<bool> {
    let mut rates: Vec<f64> = countries
        .iter()
        .filter(|c| c.sent >= MIN_SENDS_TO_JUDGE)
        .map(Conversion::rate)
        .collect();
    if rates.is_empty() {
        return vec![false; countries.len()];
    }
    rates.sort_by(f64::total_cmp);
    let middle = rates.len() / 2;
    let median = if rates.len().is_multiple_of(2) {
        (rates[middle - 1] + rates[middle]) / 2.0
    } else {
        rates[middle]
    };
    countries
        .iter()
        .map(|c| c.sent >= MIN_SENDS_TO_JUDGE && c.rate() < median / 2.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(text: &str) -> String {
        network_of(text.parse().unwrap())
    }

    #[test]
    fn an_ipv4_address_belongs_to_its_24() {
        assert_eq!(net("203.0.113.9"), "203.0.113.0/24");
        assert_eq!(net("203.0.113.255"), "203.0.113.0/24");
        assert_ne!(net("203.0.114.9"), net("203.0.113.9"));
        assert_eq!(net("10.0.0.1"), "10.0.0.0/24");
    }

    #[test]
    fn an_ipv6_address_belongs_to_its_48() {
        assert_eq!(net("2001:db8:1:2:3:4:5:6"), "2001:db8:1::/48");
        assert_eq!(net("2001:db8:1:ffff::1"), "2001:db8:1::/48");
        assert_ne!(net("2001:db8:2::1"), net("2001:db8:1::1"));
        assert_eq!(net("::1"), "::/48");
    }

    #[test]
    fn an_ipv4_mapped_ipv6_address_is_its_ipv4() {
        assert_eq!(net("::ffff:203.0.113.9"), "203.0.113.0/24");
        assert_eq!(net("::ffff:203.0.113.9"), net("203.0.113.77"));
    }

    #[test]
    fn an_address_has_one_spelling() {
        assert_eq!(canonical_address("::ffff:203.0.113.9"), "203.0.113.9");
        assert_eq!(canonical_address("203.0.113.9"), "203.0.113.9");
        assert_eq!(canonical_address("2001:DB8::1"), "2001:db8::1");
        assert_eq!(canonical_address(""), "");
    }

    #[test]
    fn stored_addresses_are_read_back() {
        assert_eq!(network_of_text("198.51.100.7"), "198.51.100.0/24");
        assert_eq!(network_of_text(""), "");
    }

    #[test]
    fn days_start_at_utc_midnight() {
        assert_eq!(day_start(86_400 * 3 + 5), 86_400 * 3);
        assert_eq!(day_start(86_400 * 3), 86_400 * 3);
    }

    #[test]
    fn the_budget_warns_at_80_percent() {
        assert_eq!(budget_warning_at(1000), 800);
        assert_eq!(budget_warning_at(40), 32);
        assert_eq!(budget_warning_at(7), 6);
        assert_eq!(budget_warning_at(0), 1);
    }

    fn c(calling_code: i64, sent: i64, entered: i64) -> Conversion {
        Conversion {
            calling_code,
            sent,
            entered,
        }
    }

    #[test]
    fn a_country_far_below_the_median_is_flagged() {
        let countries = [c(46, 100, 80), c(44, 50, 35), c(1, 40, 30), c(881, 200, 4)];
        assert_eq!(low_conversion(&countries), [false, false, false, true]);
    }

    #[test]
    fn small_countries_are_never_flagged() {
        let countries = [c(46, 100, 80), c(44, 50, 35), c(7, 19, 0)];
        assert_eq!(low_conversion(&countries), [false, false, false]);
        assert_eq!(low_conversion(&[c(7, 5, 0)]), [false]);
        assert!(low_conversion(&[]).is_empty());
    }

    #[test]
    fn rates_just_under_half_the_median_are_flagged() {
        // Median 0.8: below 0.4 is flagged, 0.4 itself is not.
        let countries = [
            c(46, 100, 80),
            c(47, 100, 80),
            c(45, 100, 80),
            c(44, 100, 40),
            c(1, 100, 39),
        ];
        assert_eq!(
            low_conversion(&countries),
            [false, false, false, false, true]
        );
    }
}

//! The client's address behind reverse proxies. X-Forwarded-For is a list each proxy appends
//! to; anyone can write its start, so it is read from the right, skipping only proxies we
//! trust: the first address that is not one of them is the client.

use std::net::IpAddr;

pub fn client_ip(peer: IpAddr, forwarded_for: &str, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_for.rsplit(',').map(str::trim) {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            // Garbage in the header: stop at the last address we could trust.
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        assert_eq!(
            client_ip(ip("10.0.0.5"), "203.0.113.9", &[]),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn a_trusted_proxy_reports_the_client() {
        let lb = [ip("10.0.0.5")];
        assert_eq!(
            client_ip(ip("10.0.0.5"), "203.0.113.9", &lb),
            ip("203.0.113.9")
        );
        assert_eq!(client_ip(ip("10.0.0.5"), "", &lb), ip("10.0.0.5"));
    }

    #[test]
    fn a_forged_start_of_the_header_is_ignored() {
        let lb = [ip("10.0.0.5")];
        // The client wrote "1.2.3.4" itself; the proxy appended the real address.
        assert_eq!(
            client_ip(ip("10.0.0.5"), "1.2.3.4, 203.0.113.9", &lb),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.5"), "203.0.113.9, not-an-ip", &lb),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn chains_of_trusted_proxies_are_walked() {
        let proxies = [ip("10.0.0.5"), ip("10.0.0.6")];
        assert_eq!(
            client_ip(ip("10.0.0.5"), "198.51.100.7, 10.0.0.6", &proxies),
            ip("198.51.100.7")
        );
    }
}

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

/// Properties over any X-Forwarded-For header a client can send.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn address() -> impl Strategy<Value = IpAddr> {
        prop_oneof![
            any::<[u8; 4]>().prop_map(IpAddr::from),
            any::<[u16; 8]>().prop_map(IpAddr::from),
        ]
    }

    /// What a client can write at the start of the header: anything, addresses and
    /// commas included.
    fn forged() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            prop::collection::vec(address().prop_map(|ip| ip.to_string()), 0..4)
                .prop_map(|hops| hops.join(", ")),
            "[0-9a-f.:, \\[\\]%]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn an_untrusted_peer_is_the_client_whatever_the_header(
            peer in address(),
            header in forged(),
            trusted in prop::collection::vec(address(), 0..4),
        ) {
            prop_assume!(!trusted.contains(&peer));
            prop_assert_eq!(client_ip(peer, &header, &trusted), peer);
        }

        /// A client behind trusted proxies: each proxy appended the address it saw, the
        /// last one is the peer. Whatever the client wrote before, the client is the
        /// address the first proxy appended.
        #[test]
        fn the_forged_part_never_becomes_the_client(
            forged in forged(),
            client in address(),
            proxies in prop::collection::vec(address(), 1..4),
        ) {
            prop_assume!(!proxies.contains(&client));
            let (peer, appended) = proxies.split_last().unwrap();
            let mut header = forged;
            for hop in std::iter::once(&client).chain(appended) {
                header.push_str(", ");
                header.push_str(&hop.to_string());
            }
            prop_assert_eq!(client_ip(*peer, &header, &proxies), client);
        }

        #[test]
        fn the_client_is_the_peer_or_an_address_in_the_header(
            peer in address(),
            header in forged(),
            trusted in prop::collection::vec(address(), 0..3),
        ) {
            let mut trusted = trusted;
            trusted.push(peer);
            let client = client_ip(peer, &header, &trusted);
            let hops: Vec<IpAddr> = header
                .split(',')
                .filter_map(|hop| hop.trim().parse().ok())
                .collect();
            prop_assert!(client == peer || hops.contains(&client), "{client} from {header:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn a_huge_header_is_walked_without_a_panic(
            hops in prop::collection::vec(address(), 1000..5000),
            garbage in any::<String>(),
        ) {
            let trusted: Vec<IpAddr> = hops.iter().step_by(2).copied().collect();
            let header = format!(
                "{garbage},{}",
                hops.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
            );
            let client = client_ip(hops[0], &header, &trusted);
            prop_assert!(client == hops[0] || hops.contains(&client));
        }
    }
}

//! IpAddress / NotIpAddress: IPv4 and IPv6, CIDR ranges and bare addresses.
//!
//! IAM User Guide, Condition operators > IP address condition operators: the value is in the
//! standard CIDR format (`203.0.113.0/24` or `2001:DB8:1234:5678::/64`); "if you specify an IP
//! address without the associated routing prefix, IAM uses the default prefix value of /32".
//! That sentence is written for IPv4: a bare IPv6 address is read as one address (/128), not
//! as the 2^96 addresses a literal /32 would cover. An IPv4 address never falls in an IPv6 range and the reverse. Host
//! bits set in a policy range are ignored, as the mask decides membership. Policy variables
//! are not supported.

use std::net::IpAddr;

/// An address range: the network address and the prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Network {
    address: IpAddr,
    prefix: u8,
}

pub(super) fn parse_network(text: &str) -> Option<Network> {
    let (address_text, prefix_text) = match text.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text, None),
    };
    let address: IpAddr = address_text.parse().ok()?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix_text {
        None => max,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok()?,
        Some(_) => return None,
    };
    (prefix <= max).then_some(Network { address, prefix })
}

impl Network {
    fn contains(&self, candidate: IpAddr) -> bool {
        match (self.address, candidate) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

pub(super) fn compare(policy: &str, request: &str) -> Result<bool, String> {
    let network = parse_network(policy)
        .ok_or_else(|| format!("policy value `{policy}` is not an IP address or CIDR range"))?;
    let address: IpAddr = request
        .parse()
        .map_err(|_| format!("request value `{request}` is not an IP address"))?;
    Ok(network.contains(address))
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    #[rustfmt::skip]
    #[test]
    fn ip_table() {
        check(&[
            ("IpAddress", &["203.0.113.0/24"], One("203.0.113.7"), true, "IP address: CIDR range"),
            ("IpAddress", &["203.0.113.0/24"], One("203.0.114.7"), false, "outside the range"),
            ("IpAddress", &["203.0.113.7"], One("203.0.113.7"), true, "a bare address is a /32"),
            ("IpAddress", &["203.0.113.7"], One("203.0.113.8"), false, "a bare address is a /32"),
            ("IpAddress", &["203.0.113.7/24"], One("203.0.113.200"), true, "host bits of the range are masked"),
            ("IpAddress", &["0.0.0.0/0"], One("198.51.100.1"), true, "/0 holds every IPv4 address"),
            ("IpAddress", &["2001:DB8:1234:5678::/64"], One("2001:db8:1234:5678:abcd::1"), true, "IP address: IPv6 CIDR (the guide's example)"),
            ("IpAddress", &["2001:db8::/32"], One("2001:db9::1"), false, "outside the IPv6 range"),
            ("IpAddress", &["::/0"], One("203.0.113.7"), false, "IPv4 is not in an IPv6 range"),
            ("IpAddress", &["2001:db8::1"], One("2001:db8::1"), true, "a bare IPv6 address is a /128"),
            ("IpAddress", &["203.0.113.0/33"], One("203.0.113.7"), false, "prefix too long: invalid"),
            ("IpAddress", &["203.0.113.0/24"], One("not-an-ip"), false, "request value is not an address"),
            ("IpAddress", &["10.0.0.0/8", "203.0.113.0/24"], One("203.0.113.7"), true, "OR across values"),
            ("NotIpAddress", &["10.0.0.0/8", "203.0.113.0/24"], One("198.51.100.1"), true, "NotIpAddress: in none of the ranges"),
            ("NotIpAddress", &["10.0.0.0/8", "203.0.113.0/24"], One("10.1.2.3"), false, "NotIpAddress: in one range"),
            ("NotIpAddress", &["203.0.113.0/24"], Absent, true, "Condition operators: an absent key satisfies a negated operator"),
            ("IpAddress", &["203.0.113.0/24"], Absent, false, "Condition operators: an absent key fails a positive operator"),
        ]);
    }
}

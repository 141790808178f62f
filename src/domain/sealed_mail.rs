//! How an email that carries a one-time link waits in the outbox: its text and HTML parts
//! joined into one sealed body, sealed for its recipient. The letters that queue it and
//! the sender that opens it share this, and nothing else.

/// What separates the text part from the HTML part inside a sealed body (never in either).
const PARTS_SEPARATOR: char = '\0';

/// The text and HTML parts of an email, as one body to seal.
pub fn join_parts(text: &str, html: &str) -> String {
    format!("{text}{PARTS_SEPARATOR}{html}")
}

/// The text part and, when there is one, the HTML part of an opened body.
pub fn split_parts(opened: String) -> (String, Option<String>) {
    match opened.split_once(PARTS_SEPARATOR) {
        Some((text, html)) => (text.to_owned(), Some(html.to_owned())),
        None => (opened, None),
    }
}

/// Whom a sealed email is sealed for: a body moved to another recipient does not open.
pub fn owner(to: &str) -> String {
    format!("outbox:{to}")
}

#[cfg(test)]
mod tests {
    use super::{join_parts, split_parts};

    #[test]
    fn the_parts_come_back_apart() {
        assert_eq!(
            split_parts(join_parts("Hello", "<p>Hello</p>")),
            ("Hello".to_owned(), Some("<p>Hello</p>".to_owned()))
        );
        assert_eq!(
            split_parts("Only text".to_owned()),
            ("Only text".to_owned(), None)
        );
    }
}

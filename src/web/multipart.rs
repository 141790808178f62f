//! `multipart/form-data` bodies (RFC 7578), read strictly and whole: the one form that
//! sends a file (the users import) is small and bounded, so the CSRF check and the handler
//! both read the same bytes in memory. Anything that is not exactly the shape browsers send
//! is refused rather than guessed at.

/// The routes that take a file, and the largest body they take (the import's file plus
/// room for its form's other fields and the multipart framing).
pub const UPLOAD_PATHS: &[&str] = &["/admin/users/import"];
pub const UPLOAD_MAX_BYTES: usize = crate::domain::import::MAX_FILE_BYTES + 16 * 1024;

/// The most parts a form of ours sends.
const MAX_PARTS: usize = 8;
/// The longest header block of a part.
const MAX_HEADERS: usize = 1_024;
/// RFC 2046: a boundary is 1 to 70 characters.
const MAX_BOUNDARY: usize = 70;

/// One field of the form.
#[derive(Debug, PartialEq, Eq)]
pub struct Part<'a> {
    pub name: String,
    /// The file's name, for a file field.
    pub filename: Option<String>,
    pub data: &'a [u8],
}

/// A body that is not a well-formed form.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed;

/// The boundary of a `multipart/form-data` content type; `None` for any other type.
pub fn boundary(content_type: &str) -> Option<&str> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params.split(';').find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"'))
    })?;
    let valid = (1..=MAX_BOUNDARY).contains(&boundary.len())
        && boundary
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&b));
    valid.then_some(boundary)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The parts of `body`: it must open with the first delimiter and close with the last,
/// each part having a `Content-Disposition: form-data` header with a name.
pub fn parse<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<Part<'a>>, Malformed> {
    let opening = format!("--{boundary}\r\n");
    let delimiter = format!("\r\n--{boundary}");
    let mut rest = body.strip_prefix(opening.as_bytes()).ok_or(Malformed)?;
    let mut parts = Vec::new();
    loop {
        if parts.len() == MAX_PARTS {
            return Err(Malformed);
        }
        let headers_end =
            find(&rest[..rest.len().min(MAX_HEADERS + 4)], b"\r\n\r\n").ok_or(Malformed)?;
        let headers = std::str::from_utf8(&rest[..headers_end]).map_err(|_| Malformed)?;
        let (name, filename) = disposition(headers)?;
        rest = &rest[headers_end + 4..];
        let end = find(rest, delimiter.as_bytes()).ok_or(Malformed)?;
        parts.push(Part {
            name,
            filename,
            data: &rest[..end],
        });
        rest = &rest[end + delimiter.len()..];
        if let Some(after) = rest.strip_prefix(b"--") {
            // The closing delimiter; only a line break may follow.
            return match after {
                b"" | b"\r\n" => Ok(parts),
                _ => Err(Malformed),
            };
        }
        rest = rest.strip_prefix(b"\r\n").ok_or(Malformed)?;
    }
}

/// The field's name and file name from a part's headers.
fn disposition(headers: &str) -> Result<(String, Option<String>), Malformed> {
    let mut found = None;
    for header in headers.split("\r\n") {
        let (name, value) = header.split_once(':').ok_or(Malformed)?;
        if name.eq_ignore_ascii_case("content-disposition") {
            if found.is_some() {
                return Err(Malformed);
            }
            found = Some(value.trim());
        } else if !name.eq_ignore_ascii_case("content-type") {
            return Err(Malformed);
        }
    }
    let value = found.ok_or(Malformed)?;
    let (kind, params) = value.split_once(';').ok_or(Malformed)?;
    if !kind.trim().eq_ignore_ascii_case("form-data") {
        return Err(Malformed);
    }
    let mut name = None;
    let mut filename = None;
    let mut rest = params.trim_start();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').ok_or(Malformed)?;
        let after = after.strip_prefix('"').ok_or(Malformed)?;
        // Browsers send a quote inside a name as %22: a quoted value has none.
        let close = after.find('"').ok_or(Malformed)?;
        let value = after[..close].to_owned();
        match key.trim() {
            "name" if name.is_none() => name = Some(value),
            "filename" if filename.is_none() => filename = Some(value),
            _ => return Err(Malformed),
        }
        rest = after[close + 1..].trim_start();
        rest = match rest.strip_prefix(';') {
            Some(more) => more.trim_start(),
            None if rest.is_empty() => rest,
            None => return Err(Malformed),
        };
    }
    Ok((name.ok_or(Malformed)?, filename))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &[u8] = b"--XyZ\r\n\
        Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\
        abc\r\n\
        --XyZ\r\n\
        Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n\
        Content-Type: text/csv\r\n\r\n\
        email,name\r\n--not the end\r\n\
        --XyZ--\r\n";

    #[test]
    fn a_browser_form_is_read() {
        assert_eq!(boundary("multipart/form-data; boundary=XyZ"), Some("XyZ"));
        assert_eq!(
            boundary("multipart/form-data; charset=utf-8; boundary=\"a b\""),
            None,
            "a space is not a boundary character"
        );
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        let parts = parse(FORM, "XyZ").unwrap();
        assert_eq!(
            parts,
            vec![
                Part {
                    name: "csrf_token".into(),
                    filename: None,
                    data: b"abc"
                },
                Part {
                    name: "file".into(),
                    filename: Some("people.csv".into()),
                    data: b"email,name\r\n--not the end"
                },
            ]
        );
    }

    #[test]
    fn anything_else_is_malformed() {
        let form = std::str::from_utf8(FORM).unwrap();
        for bad in [
            form.replacen("--XyZ\r\n", "preamble\r\n--XyZ\r\n", 1),
            form.replace("--XyZ--\r\n", ""),
            form.replace("--XyZ--\r\n", "--XyZ--trailing"),
            form.replace(
                "form-data; name=\"csrf_token\"",
                "attachment; name=\"csrf_token\"",
            ),
            form.replace("name=\"csrf_token\"", "name=csrf_token"),
            form.replace("name=\"csrf_token\"", "name=\"a\"; name=\"b\""),
            form.replace("Content-Type: text/csv", "X-Other: 1"),
            form.replace(
                "Content-Disposition: form-data; name=\"csrf_token\"\r\n",
                "",
            ),
        ] {
            assert_eq!(parse(bad.as_bytes(), "XyZ"), Err(Malformed), "{bad:?}");
        }
        let many = format!(
            "{}--XyZ--",
            "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n".repeat(9)
        );
        assert_eq!(parse(many.as_bytes(), "XyZ"), Err(Malformed));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_body_is_read_without_panic(body in proptest::collection::vec(any::<u8>(), 0..400)) {
                let _ = parse(&body, "XyZ");
                let mut framed = b"--XyZ\r\n".to_vec();
                framed.extend_from_slice(&body);
                let _ = parse(&framed, "XyZ");
            }
        }
    }
}

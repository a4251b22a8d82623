//! Bytes to text for HTML: BOM, then a declared charset, then sniffing.
//!
//! Browsers follow the same order (WHATWG encoding sniffing): a byte order mark
//! wins, then `<meta charset>` or `http-equiv` in the first kilobytes, then a
//! guess. Our guess: valid UTF-8 is UTF-8, anything else is Windows-1252, the
//! encoding of most legacy council pages that declare nothing.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the file a `<meta>` charset declaration is looked for (the HTML
/// standard's prescan reads 1024 bytes; real pages put long scripts first).
const PRESCAN_BYTES: usize = 4096;

pub fn decode_html(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let enc = declared_charset(bytes).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv ... content="...; charset=...">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = crate::extract::find_bytes(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && (lower[i] == b' ' || lower[i] == b'=') {
            i += 1;
        }
        while i < lower.len() && (lower[i] == b'"' || lower[i] == b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            // A page that says UTF-16 in ASCII bytes is not UTF-16 (the standard says read it as UTF-8).
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_declaration() {
        let (text, enc) = decode_html(b"\xef\xbb\xbf<meta charset=\"windows-1252\">\xc2\xa3");
        assert_eq!(enc, UTF_8);
        assert!(text.ends_with('£'));
    }

    #[test]
    fn meta_charset_and_http_equiv_are_honoured() {
        let (t, e) = decode_html(b"<meta charset='iso-8859-1'><p>\xa3</p>");
        assert_eq!(e.name(), "windows-1252");
        assert!(t.contains('£'));
        let (_, e) =
            decode_html(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">");
        assert_eq!(e, UTF_8);
    }

    #[test]
    fn undeclared_non_utf8_is_windows_1252() {
        let (t, e) = decode_html(b"<p>\x91quoted\x92 \x96 \xa3100</p>");
        assert_eq!(e, WINDOWS_1252);
        assert_eq!(t, "<p>\u{2018}quoted\u{2019} \u{2013} £100</p>");
    }
}

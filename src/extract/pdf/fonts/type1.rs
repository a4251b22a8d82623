//! The built-in encoding of an embedded Type 1 font program (a FontFile
//! stream). A font dictionary that names no base encoding takes the
//! program's own as its base (PDF 32000-1, 9.6.6.1), as Poppler and pdf.js
//! read it. TeX's fonts rely on it: Computer Modern's math italic has its
//! full stop at code 58, where the Standard encoding has a colon, and its
//! roman fonts their ligatures and dashes at codes Standard leaves empty.

/// How far into the program the encoding is looked for: it stands in the
/// cleartext part, before the encrypted one (`eexec`).
const CLEARTEXT_LIMIT: usize = 64 * 1024;

use crate::extract::find_bytes;

/// What a Type 1 program says its encoding is.
#[derive(Debug, PartialEq, Eq)]
pub enum BuiltIn {
    /// `/Encoding StandardEncoding def`.
    Standard,
    /// `/Encoding 256 array ... dup 58 /period put ... def`: (code, glyph name).
    Custom(Vec<(u8, String)>),
}

/// The encoding the program's cleartext part declares, if it declares one.
pub fn builtin_encoding(program: &[u8]) -> Option<BuiltIn> {
    let cleartext = cleartext(program);
    let start = find_bytes(cleartext, b"/Encoding")? + b"/Encoding".len();
    let mut tokens = tokens(&cleartext[start..]);
    let first = tokens.next()?;
    if first == b"StandardEncoding" {
        return Some(BuiltIn::Standard);
    }
    let mut codes = Vec::new();
    let mut window: [&[u8]; 4] = [b"", b"", b"", first];
    for token in tokens {
        window = [window[1], window[2], window[3], token];
        if let [b"dup", code, name, b"put"] = window {
            let code = std::str::from_utf8(code).ok().and_then(|c| c.parse().ok());
            if let (Some(code), Some(name)) = (code, name.strip_prefix(b"/")) {
                codes.push((code, String::from_utf8_lossy(name).into_owned()));
            }
        } else if token == b"def" || token == b"eexec" {
            // (`readonly def` closes the array; the program's encrypted
            // part follows `eexec`)
            break;
        }
    }
    Some(BuiltIn::Custom(codes))
}

/// The program's cleartext part: up to `eexec`, as far as the limit.
fn cleartext(program: &[u8]) -> &[u8] {
    let head = &program[..program.len().min(CLEARTEXT_LIMIT)];
    match find_bytes(head, b"eexec") {
        Some(end) => &head[..end + b"eexec".len()],
        None => head,
    }
}

/// PostScript tokens as far as this reading needs them: whitespace parts
/// them, and a name's slash opens one (`dup 32/space put`).
fn tokens(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        rest = &rest[start..];
        let end = rest[1..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .map_or(rest.len(), |e| e + 1);
        let (token, after) = rest.split_at(end);
        rest = after;
        Some(token)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_encoding_lists_its_codes_names() {
        let program = b"%!PS-AdobeFont-1.0: CMMI10 003.002\n/FontName /CMMI10 def\n\
            /Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 58 /period put\ndup 59/comma put\ndup 65 /A put\nreadonly def\n\
            currentdict end\ncurrentfile eexec\n\x8a\x01dup 66 /B put def";
        assert_eq!(
            builtin_encoding(program),
            Some(BuiltIn::Custom(vec![
                (58, "period".into()),
                (59, "comma".into()),
                (65, "A".into())
            ]))
        );
    }

    #[test]
    fn the_standard_encoding_is_named_and_a_program_without_one_has_none() {
        let program = b"/FontName /Times def /Encoding StandardEncoding def currentfile eexec";
        assert_eq!(builtin_encoding(program), Some(BuiltIn::Standard));
        assert_eq!(
            builtin_encoding(b"/FontName /X def currentfile eexec /Encoding"),
            None
        );
    }
}

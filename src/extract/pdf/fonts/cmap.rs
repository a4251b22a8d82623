//! ToUnicode CMaps, read leniently: only the bfchar and bfrange sections
//! matter, so everything else in the file (CIDSystemInfo written without its
//! key, comments, odd PostScript) is skipped rather than failing the map, as
//! pdf.js and Poppler do. lopdf's stricter parser drops whole maps on such files.
//! The tokenizer also reads the embedded /Encoding CMaps of `cid`.

use super::encoding::glyph_name_to_unicode;
use std::collections::HashMap;

/// Most codes one bfrange may map: a hostile range cannot blow up memory.
const MAX_RANGE: u32 = 65_536;
/// Most mappings one CMap may hold.
const MAX_ENTRIES: usize = 1 << 20;

#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    /// (code length in bytes, code) to text.
    map: HashMap<(u8, u32), String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Hex(Vec<u8>),
    Name(String),
    Word(String),
    ArrayStart,
    ArrayEnd,
}

/// The tokens of a CMap file, as far as CMaps need them.
pub(super) fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(data.len(), |p| start + p);
                let digits: Vec<u8> = data[start..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|pair| {
                        let hi = (pair[0] as char).to_digit(16).unwrap_or(0);
                        let lo = pair
                            .get(1)
                            .and_then(|d| (*d as char).to_digit(16))
                            .unwrap_or(0);
                        (hi * 16 + lo) as u8
                    })
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings carry nothing we need; skip, honouring nesting and escapes.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                // The first byte is taken whatever it is (a name's '/', a stray delimiter).
                i += 1;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()/%".contains(&data[i])
                {
                    i += 1;
                }
                let word = String::from_utf8_lossy(&data[start..i]).to_string();
                match word.strip_prefix('/') {
                    Some(name) => out.push(Token::Name(name.to_string())),
                    None => out.push(Token::Word(word)),
                }
            }
        }
    }
    out
}

/// A code's length in bytes and its value (codes are one to four bytes).
pub(super) fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    (1..=4).contains(&bytes.len()).then(|| {
        (
            bytes.len() as u8,
            bytes.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b)),
        )
    })
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

/// The destination of the `offset`-th code of a range: the last UTF-16 unit counts up.
fn nth_destination(dst: &[u8], offset: u32) -> String {
    let mut units = utf16_units(dst);
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(offset as u16);
    }
    String::from_utf16_lossy(&units)
}

/// A destination's UTF-16 units (big-endian, as the format has them), with
/// a ligature's letters put right where Ghostscript 10.0 (its bug 706533)
/// wrote them wrong: see [`ligature_written_little_endian`].
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    ligature_written_little_endian(&units).unwrap_or(units)
}

/// Ghostscript 10.0 writes a ligature's letters little-endian, each an
/// ASCII byte then a zero byte: "fi" as <66006900> (read big-endian, "昀椀").
/// Of a three-letter ligature it writes the first letter, then the sum of
/// the other two: "ffi" as <6600cf00> (0x66 + 0x69), "tti" as <7400dd00>.
/// Latin's three-letter ligatures double their first letter (ffi, ffl,
/// tti), so the last is the sum less the first. Text never has two or more
/// ideographs in a row that all end in a zero byte after an ASCII one, for
/// one glyph.
fn ligature_written_little_endian(units: &[u16]) -> Option<Vec<u16>> {
    let low_zero = |u: &u16| u & 0xff == 0;
    if units.len() < 2 || !units.iter().all(low_zero) {
        return None;
    }
    let high: Vec<u16> = units.iter().map(|u| u >> 8).collect();
    let printable = |b: &u16| (0x20..0x7f).contains(b);
    if high.iter().all(printable) {
        return Some(high);
    }
    let letter = |b: u16| u8::try_from(b).is_ok_and(|b| b.is_ascii_alphabetic());
    match high[..] {
        [first, sum] if letter(first) && sum >= 0x80 && letter(sum - first) => {
            Some(vec![first, first, sum - first])
        }
        _ => None,
    }
}

impl ToUnicode {
    pub fn parse(data: &[u8]) -> ToUnicode {
        let toks = tokens(data);
        let mut map = HashMap::new();
        let mut i = 0;
        while i < toks.len() && map.len() < MAX_ENTRIES {
            match &toks[i] {
                Token::Word(w) if w == "beginbfchar" => {
                    i += 1;
                    while i + 1 < toks.len() && toks[i] != Token::Word("endbfchar".into()) {
                        if let (Token::Hex(src), dst) = (&toks[i], &toks[i + 1]) {
                            let text = match dst {
                                Token::Hex(d) => Some(utf16_text(d)),
                                Token::Name(n) => glyph_name_to_unicode(n),
                                _ => None,
                            };
                            if let (Some(code), Some(text)) = (code_of(src), text) {
                                map.insert(code, text);
                            }
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == "beginbfrange" => {
                    i += 1;
                    while i + 2 < toks.len() && toks[i] != Token::Word("endbfrange".into()) {
                        let (Token::Hex(lo), Token::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                            i += 1;
                            continue;
                        };
                        let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) else {
                            i += 3;
                            continue;
                        };
                        let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
                        match &toks[i + 2] {
                            Token::Hex(dst) => {
                                for (k, code) in (lo..=hi).enumerate() {
                                    map.insert((len, code), nth_destination(dst, k as u32));
                                }
                                i += 3;
                            }
                            Token::ArrayStart => {
                                let mut j = i + 3;
                                let mut code = lo;
                                while j < toks.len() && toks[j] != Token::ArrayEnd {
                                    if let Token::Hex(d) = &toks[j] {
                                        if code <= hi {
                                            map.insert((len, code), utf16_text(d));
                                        }
                                        code = code.saturating_add(1);
                                    }
                                    j += 1;
                                }
                                i = j + 1;
                            }
                            _ => i += 3,
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        ToUnicode { map }
    }

    pub fn get(&self, code: u32, len: usize) -> Option<&str> {
        self.map.get(&(len as u8, code)).map(String::as_str)
    }

    /// The lowest code (with its length in bytes) mapped to `text`.
    pub fn code_of(&self, text: &str) -> Option<(u32, u8)> {
        self.map
            .iter()
            .filter(|(_, t)| t.as_str() == text)
            .map(|((len, code), _)| (*code, *len))
            .min()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_about_the_header_strict_about_the_maps() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap CIDSystemInfo\n\
            << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0001> <0020> <0003> /fi endbfchar\n\
            2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<00660066> <D83DDE00>] endbfrange\n\
            endcmap";
        let m = ToUnicode::parse(cmap);
        assert_eq!(m.get(1, 2), Some(" "));
        assert_eq!(m.get(3, 2), Some("\u{fb01}"));
        assert_eq!(m.get(0x12, 2), Some("C"));
        assert_eq!(m.get(0x20, 2), Some("ff"));
        assert_eq!(m.get(0x21, 2), Some("😀"));
        assert_eq!(m.get(0x12, 1), None);
        assert_eq!(m.code_of(" "), Some((1, 2)));
        assert_eq!(m.code_of("Z"), None);
    }

    #[test]
    fn ligatures_written_little_endian_read_as_their_letters() {
        // as Ghostscript 10.0 writes them; one ideograph stays one
        let m = ToUnicode::parse(
            b"2 beginbfrange <14> <14> <66006900> <32> <32> <66006600> endbfrange\n\
              2 beginbfchar <40> <660066006900> <41> <6600> endbfchar",
        );
        assert_eq!(m.get(0x14, 1), Some("fi"));
        assert_eq!(m.get(0x32, 1), Some("ff"));
        assert_eq!(m.get(0x40, 1), Some("ffi"));
        assert_eq!(m.get(0x41, 1), Some("\u{6600}"));
        // a three-letter ligature: its first letter, then the sum of the others
        let m = ToUnicode::parse(
            b"3 beginbfrange <28> <28> <6600cf00> <4d> <4d> <7400dd00> <50> <50> <6600d200> endbfrange",
        );
        assert_eq!(m.get(0x28, 1), Some("ffi"));
        assert_eq!(m.get(0x4d, 1), Some("tti"));
        assert_eq!(m.get(0x50, 1), Some("ffl"));
    }

    #[test]
    fn hostile_ranges_are_bounded() {
        let m = ToUnicode::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(m.map.len(), MAX_RANGE as usize);
    }
}

//! Type0 fonts' /Encoding CMaps: how a shown string splits into codes, and,
//! for the predefined CMaps whose codes are a text encoding themselves, what
//! text the codes are (used when a font has no /ToUnicode).
//!
//! Identity-H/V codes are glyph ids (two bytes, no text without /ToUnicode).
//! The Unicode CMaps (Uni…-UCS2-…, Uni…-UTF16-…) take UTF-16 code units as
//! codes. The legacy CJK CMaps take the bytes of a national encoding
//! (Shift-JIS, EUC-JP, GBK, Big5, EUC-KR), decoded through encoding_rs.
//!
//! A CMap embedded as a stream says itself how codes split (its codespace
//! ranges) and which CID each code selects (its cidchar and cidrange maps):
//! PDF producers that subset a font often re-encode it with one-byte codes
//! this way. The widths (/W) are keyed by CID, the text (/ToUnicode) by code.

use super::cmap::{code_of, tokens, Token};
use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};
use std::collections::HashMap;

/// Most code-to-CID entries (ranges and single codes) one embedded CMap may hold.
const MAX_ENTRIES: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq)]
pub enum CidEncoding {
    /// Two-byte codes with no meaning of their own, each its own CID (Identity).
    TwoByte,
    /// UTF-16BE code units.
    Unicode,
    /// A multi-byte national encoding: one byte below 0x80, two from a lead byte up.
    Legacy(&'static Encoding),
    /// A CMap embedded in the file.
    Embedded(Box<EmbeddedCMap>),
}

/// An embedded /Encoding CMap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbeddedCMap {
    /// Codespace ranges: the low and high bytes of each (one to four bytes).
    codespace: Vec<(Vec<u8>, Vec<u8>)>,
    /// Single codes, by (length, code), to their CIDs.
    singles: HashMap<(u8, u32), u32>,
    /// Code ranges (length, first, last, first CID), sorted.
    ranges: Vec<(u8, u32, u32, u32)>,
    /// The predefined CMap it builds on (`usecmap`), for codes outside its own.
    base: Option<Box<CidEncoding>>,
}

impl EmbeddedCMap {
    /// Reads an embedded CMap (`name`, its /CMapName); None when it neither
    /// defines a codespace nor builds on a predefined CMap (nothing then says
    /// how its codes split). A copy of a predefined CMap decodes as that one.
    pub fn parse(data: &[u8], name: &str) -> Option<EmbeddedCMap> {
        let toks = tokens(data);
        let mut cmap = EmbeddedCMap::default();
        let number = |i: usize| match toks.get(i) {
            Some(Token::Word(w)) => w.parse::<u32>().ok(),
            _ => None,
        };
        let hex = |i: usize| match toks.get(i) {
            Some(Token::Hex(h)) => code_of(h).map(|c| (c, h)),
            _ => None,
        };
        let mut section = "";
        let mut i = 0;
        while i < toks.len() && cmap.singles.len() + cmap.ranges.len() < MAX_ENTRIES {
            if let Some(Token::Word(w)) = toks.get(i) {
                match w.as_str() {
                    "begincodespacerange" | "begincidchar" | "begincidrange" => {
                        section = &w[5..];
                        i += 1;
                        continue;
                    }
                    "usecmap" if i > 0 => {
                        if let Some(Token::Name(name)) = toks.get(i - 1) {
                            cmap.base = Some(Box::new(CidEncoding::from_name(name)));
                        }
                    }
                    _ => {}
                }
                if w.starts_with("end") {
                    section = "";
                }
                i += 1;
                continue;
            }
            match section {
                "codespacerange" => {
                    if let (Some(((len, _), lo)), Some(((hi_len, _), hi))) = (hex(i), hex(i + 1)) {
                        if len == hi_len {
                            cmap.codespace.push((lo.clone(), hi.clone()));
                        }
                    }
                    i += 2;
                }
                "cidchar" => {
                    if let (Some(((len, code), _)), Some(cid)) = (hex(i), number(i + 1)) {
                        cmap.singles.insert((len, code), cid);
                    }
                    i += 2;
                }
                "cidrange" => {
                    if let (Some(((len, lo), _)), Some(((_, hi), _)), Some(cid)) =
                        (hex(i), hex(i + 1), number(i + 2))
                    {
                        if lo <= hi {
                            cmap.ranges.push((len, lo, hi, cid));
                        }
                    }
                    i += 3;
                }
                _ => i += 1,
            }
        }
        cmap.ranges.sort_unstable();
        let named = CidEncoding::from_name(name);
        if cmap.base.is_none() && named != CidEncoding::TwoByte {
            cmap.base = Some(Box::new(named));
        }
        (!cmap.codespace.is_empty() || cmap.base.is_some()).then_some(cmap)
    }

    /// The length of the code that starts `bytes`: the shortest that falls
    /// in a codespace range, byte by byte (PDF 32000-1 9.7.6.2); a byte in
    /// none is a code of its own, as pdf.js takes it.
    fn code_len(&self, bytes: &[u8]) -> usize {
        let fits = |(lo, hi): &(Vec<u8>, Vec<u8>)| {
            bytes.len() >= lo.len()
                && bytes
                    .iter()
                    .zip(lo.iter().zip(hi))
                    .all(|(b, (l, h))| (l..=h).contains(&b))
        };
        let mut lengths: Vec<usize> = self
            .codespace
            .iter()
            .filter(|r| fits(r))
            .map(|(lo, _)| lo.len())
            .collect();
        lengths.sort_unstable();
        match (lengths.first(), &self.base) {
            (Some(len), _) => *len,
            (None, Some(base)) => base.code_len(bytes),
            (None, None) => 1,
        }
    }

    fn cid(&self, code: u32, len: usize) -> Option<u32> {
        let len = len as u8;
        if let Some(cid) = self.singles.get(&(len, code)) {
            return Some(*cid);
        }
        let after = self.ranges.partition_point(|r| (r.0, r.1) <= (len, code));
        let (l, first, last, cid) = *self.ranges[..after].last()?;
        (l == len && code <= last).then(|| cid + (code - first))
    }
}

impl CidEncoding {
    pub fn from_name(name: &str) -> CidEncoding {
        let n = name.to_ascii_uppercase();
        if n.starts_with("UNI") && (n.contains("UCS2") || n.contains("UTF16")) {
            CidEncoding::Unicode
        } else if n.contains("RKSJ") {
            CidEncoding::Legacy(SHIFT_JIS)
        } else if n.starts_with("GB") {
            CidEncoding::Legacy(GBK)
        } else if n.contains("B5") || n.starts_with("ETEN") || n.starts_with("HKSCS") {
            CidEncoding::Legacy(BIG5)
        } else if n.starts_with("KSC") {
            CidEncoding::Legacy(EUC_KR)
        } else if n.starts_with("EUC-") || n.starts_with("83PV") || n.starts_with("EXT-") {
            CidEncoding::Legacy(EUC_JP)
        } else {
            CidEncoding::TwoByte
        }
    }

    /// Length of the code that starts `bytes`.
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        let first = bytes[0];
        let len = match self {
            CidEncoding::Embedded(cmap) => cmap.code_len(bytes),
            CidEncoding::TwoByte => 2,
            // A high surrogate and its low surrogate form one character.
            CidEncoding::Unicode if (0xd8..=0xdb).contains(&first) => 4,
            CidEncoding::Unicode => 2,
            // Shift-JIS half-width katakana are single bytes.
            CidEncoding::Legacy(e) if *e == SHIFT_JIS && (0xa1..=0xdf).contains(&first) => 1,
            CidEncoding::Legacy(_) if first < 0x80 => 1,
            CidEncoding::Legacy(_) => 2,
        };
        len.min(bytes.len())
    }

    /// The CID a code selects, which the font's widths are keyed by (the
    /// predefined CJK CMaps' own tables are not carried: their codes stand in).
    pub fn cid(&self, code: u32, len: usize) -> u32 {
        match self {
            CidEncoding::Embedded(cmap) => cmap
                .cid(code, len)
                .or_else(|| {
                    matches!(cmap.base.as_deref(), Some(CidEncoding::TwoByte)).then_some(code)
                })
                .unwrap_or(0),
            _ => code,
        }
    }

    /// The text a code stands for, where the encoding says.
    pub fn decode(&self, raw: &[u8]) -> Option<String> {
        match self {
            CidEncoding::TwoByte => None,
            CidEncoding::Embedded(cmap) => cmap.base.as_ref().and_then(|base| base.decode(raw)),
            CidEncoding::Unicode => {
                let units: Vec<u16> = raw
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                Some(String::from_utf16_lossy(&units))
            }
            CidEncoding::Legacy(e) => Some(e.decode_without_bom_handling(raw).0.into_owned()),
        }
        .filter(|s| !s.contains('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_cmaps_split_and_decode() {
        let u = CidEncoding::from_name("UniJIS-UCS2-H");
        assert_eq!(u, CidEncoding::Unicode);
        assert_eq!(u.decode(&[0x65, 0xe5]).as_deref(), Some("日"));
        assert_eq!(u.code_len(&[0xd8, 0x3d, 0xde, 0x00]), 4);
        let sjis = CidEncoding::from_name("90ms-RKSJ-H");
        assert_eq!(sjis.code_len(b"A\x93\xfa"), 1);
        assert_eq!(sjis.code_len(b"\x93\xfa"), 2);
        assert_eq!(sjis.decode(b"\x93\xfa").as_deref(), Some("日"));
        assert_eq!(
            CidEncoding::from_name("GBK-EUC-H")
                .decode(b"\xc8\xd5")
                .as_deref(),
            Some("日")
        );
        assert_eq!(CidEncoding::from_name("Identity-H"), CidEncoding::TwoByte);
        assert_eq!(CidEncoding::TwoByte.decode(&[0, 5]), None);
    }

    #[test]
    fn embedded_cmaps_split_codes_by_their_codespace() {
        // one-byte codes below 0x80, two-byte codes from 0x81 up (as Shift-JIS)
        let cmap = EmbeddedCMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n\
              1 begincidrange <20> <7E> 1 endcidrange\n\
              1 begincidchar <8140> 633 endcidchar",
            "Custom",
        )
        .unwrap();
        let encoding = CidEncoding::Embedded(Box::new(cmap));
        assert_eq!(encoding.code_len(b"A\x81\x40"), 1);
        assert_eq!(encoding.code_len(b"\x81\x40"), 2);
        // a byte in no range is a code of its own
        assert_eq!(encoding.code_len(b"\xf0\x40"), 1);
        assert_eq!(encoding.cid(0x41, 1), 0x41 - 0x20 + 1);
        assert_eq!(encoding.cid(0x8140, 2), 633);
        assert_eq!(encoding.cid(0x7f, 1), 0, "unmapped: the .notdef CID");
        assert_eq!(encoding.decode(b"A"), None);
    }

    #[test]
    fn embedded_cmaps_build_on_the_predefined_cmap_they_use() {
        let cmap = EmbeddedCMap::parse(
            b"/Identity-H usecmap 1 begincodespacerange <20> <7E> endcodespacerange",
            "Custom",
        )
        .unwrap();
        let encoding = CidEncoding::Embedded(Box::new(cmap));
        assert_eq!(encoding.code_len(b"\x00\x41"), 2);
        assert_eq!(encoding.cid(0x0041, 2), 0x41);
        // a copy of a predefined Unicode CMap decodes as that one
        let copy = EmbeddedCMap::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
            "UniJIS-UCS2-H",
        )
        .unwrap();
        let encoding = CidEncoding::Embedded(Box::new(copy));
        assert_eq!(encoding.decode(&[0x65, 0xe5]).as_deref(), Some("日"));
        assert_eq!(EmbeddedCMap::parse(b"begincmap endcmap", "Custom"), None);
    }
}

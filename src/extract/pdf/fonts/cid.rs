//! Type0 fonts' /Encoding CMaps: how a shown string splits into codes, and,
//! for the predefined CMaps whose codes are a text encoding themselves, what
//! text the codes are (used when a font has no /ToUnicode).
//!
//! Identity-H/V codes are glyph ids (two bytes, no text without /ToUnicode).
//! The Unicode CMaps (Uni…-UCS2-…, Uni…-UTF16-…) take UTF-16 code units as
//! codes. The legacy CJK CMaps take the bytes of a national encoding
//! (Shift-JIS, EUC-JP, GBK, Big5, EUC-KR), decoded through encoding_rs.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CidEncoding {
    /// Two-byte codes with no meaning of their own (Identity, or an embedded CMap).
    TwoByte,
    /// UTF-16BE code units.
    Unicode,
    /// A multi-byte national encoding: one byte below 0x80, two from a lead byte up.
    Legacy(&'static Encoding),
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
    pub fn code_len(self, bytes: &[u8]) -> usize {
        let first = bytes[0];
        let len = match self {
            CidEncoding::TwoByte => 2,
            // A high surrogate and its low surrogate form one character.
            CidEncoding::Unicode if (0xd8..=0xdb).contains(&first) => 4,
            CidEncoding::Unicode => 2,
            // Shift-JIS half-width katakana are single bytes.
            CidEncoding::Legacy(e) if e == SHIFT_JIS && (0xa1..=0xdf).contains(&first) => 1,
            CidEncoding::Legacy(_) if first < 0x80 => 1,
            CidEncoding::Legacy(_) => 2,
        };
        len.min(bytes.len())
    }

    /// The text a code stands for, where the encoding says.
    pub fn decode(self, raw: &[u8]) -> Option<String> {
        match self {
            CidEncoding::TwoByte => None,
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
}

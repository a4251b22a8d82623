//! Fonts: splitting strings into character codes, codes into Unicode, and glyph widths.
//!
//! lopdf decodes whole strings but leaves code lengths and widths to us, and it
//! ignores /ToUnicode when a font also has /Encoding (Skia's Type3 fonts have
//! both, with a Differences table of `/gNN` names lopdf cannot read). So the
//! Unicode chain here is, per code: ToUnicode, then the font's encoding, as
//! Poppler and pdf.js do.

mod cid;
mod cmap;
mod encoding;
mod glyphlist;
mod std14;
mod type1;

use compact_str::CompactString;
use encoding::CodeTable;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// Width used when a font gives none for a code (1/1000 of text space).
const FALLBACK_WIDTH: f64 = 500.0;

pub struct Font {
    pub bold: bool,
    /// A symbol or dingbat font: its bullets are pictures, not letters.
    pub symbolic: bool,
    to_unicode: Option<cmap::ToUnicode>,
    /// Simple fonts: each code's text from the base encoding and Differences.
    code_table: Option<CodeTable>,
    /// Type0 fonts: how codes split, and their text under a predefined CMap.
    cid_encoding: Option<cid::CidEncoding>,
    /// Written top to bottom (a Type0 font with a vertical CMap, such as Identity-V).
    pub vertical: bool,
    /// Vertical advance per unit of font size (from /DW2), for vertical fonts.
    pub vertical_advance: f64,
    /// Widths by code, dense (NaN where the font gives none): looked up for every glyph.
    widths: Vec<f64>,
    /// A standard-14 font used without /Widths: widths by character.
    standard: Option<&'static std14::StandardFont>,
    default_width: f64,
    /// Glyph space to text space for widths (1/1000 except Type3's FontMatrix).
    width_scale: f64,
    /// Vertical extent of glyph boxes relative to the font size.
    pub ascent: f64,
    pub descent: f64,
    /// Advance of the font's word space per unit of font size, when the font
    /// has a code for a space and gives its width.
    pub space_width: Option<f64>,
}

impl Font {
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name_of(dict.get(b"Subtype").ok()).unwrap_or_default();
        let base_name = name_of(dict.get_deref(b"BaseFont", doc).ok()).unwrap_or_default();
        let type0 = subtype == "Type0";
        let descendant = if type0 {
            dict.get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
        } else {
            None
        };
        let descriptor = descendant
            .unwrap_or(dict)
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok();
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let lower = base_name.to_ascii_lowercase();
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(|o| o.as_float().ok())
            .unwrap_or(0.0);
        let bold = lower.contains("bold")
            || lower.contains("semibold")
            || lower.contains("black")
            || lower.contains("heavy")
            || weight >= 600.0
            || flags & (1 << 18) != 0;
        let symbolic = ["symbol", "dings", "dingbats", "webdings", "wingdings"]
            .iter()
            .any(|s| lower.contains(s))
            && !lower.contains("opensymbol");

        let to_unicode = to_unicode_map(doc, dict);
        let code_table = (!type0).then(|| encoding::simple_code_table(doc, dict));
        let encoding = dict
            .get(b"Encoding")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o);
        let (cid_encoding, vertical) = match encoding {
            _ if !type0 => (None, false),
            Some(Object::Stream(st)) => {
                let name = name_of(st.dict.get(b"CMapName").ok()).unwrap_or_default();
                let wmode = st.dict.get(b"WMode").and_then(Object::as_i64).unwrap_or(0);
                let embedded =
                    super::limits::decoded(st).and_then(|d| cid::EmbeddedCMap::parse(&d, &name));
                let encoding = match embedded {
                    Some(cmap) => cid::CidEncoding::Embedded(Box::new(cmap)),
                    None => cid::CidEncoding::from_name(&name),
                };
                (Some(encoding), wmode == 1 || name.ends_with("-V"))
            }
            Some(Object::Name(n)) => {
                let name = String::from_utf8_lossy(n);
                (
                    Some(cid::CidEncoding::from_name(&name)),
                    name.ends_with("-V"),
                )
            }
            _ => (Some(cid::CidEncoding::TwoByte), false),
        };
        let vertical_advance = descendant
            .and_then(|d| d.get_deref(b"DW2", doc).and_then(Object::as_array).ok())
            .and_then(|a| a.get(1))
            .and_then(|o| number(doc, o))
            .map_or(1.0, |w1| (w1 / 1000.0).abs());

        let (widths, default_width, width_scale) = if type0 {
            let (w, dw) = descendant.map(|d| cid_widths(doc, d)).unwrap_or_default();
            (w, dw.unwrap_or(1000.0), 0.001)
        } else {
            let scale = if subtype == "Type3" {
                type3_scale(doc, dict)
            } else {
                0.001
            };
            let missing = descriptor
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(|o| o.as_float().ok())
                .map(f64::from);
            let fallback = if subtype == "Type3" {
                0.0
            } else {
                FALLBACK_WIDTH
            };
            (simple_widths(doc, dict), missing.unwrap_or(fallback), scale)
        };
        let standard = if widths.is_empty() && !type0 {
            std14::lookup(&base_name)
        } else {
            None
        };
        let ascent = descriptor
            .and_then(|d| d.get(b"Ascent").ok())
            .and_then(|o| o.as_float().ok())
            .map(|a| f64::from(a) / 1000.0)
            .filter(|a| *a > 0.3 && *a < 1.5)
            .or(standard.map(|f| f.ascent))
            .unwrap_or(0.8);
        let descent = descriptor
            .and_then(|d| d.get(b"Descent").ok())
            .and_then(|o| o.as_float().ok())
            .map(|a| -f64::from(a) / 1000.0)
            .filter(|a| *a >= 0.0 && *a < 0.8)
            .or(standard.map(|f| f.descent))
            .unwrap_or(0.2);
        let mut font = Font {
            bold,
            symbolic,
            to_unicode,
            code_table,
            cid_encoding,
            vertical,
            vertical_advance,
            widths: dense_widths(&widths),
            standard,
            default_width,
            width_scale,
            ascent,
            descent,
            space_width: None,
        };
        font.space_width = font.space_code().map(|(code, len)| font.width(code, len));
        font
    }

    /// The code the font shows a word space with (the lowest, when it has
    /// several), if the font gives that code a width of its own: a width
    /// guessed from /MissingWidth says nothing of the space's.
    fn space_code(&self) -> Option<(u32, usize)> {
        let given = |code: u32, len: usize| {
            let key = self.cid(code, len) as usize;
            self.widths.get(key).is_some_and(|w| !w.is_nan()) || self.standard.is_some()
        };
        if self.cid_encoding.is_some() {
            let (code, len) = self.to_unicode.as_ref()?.code_of(" ")?;
            return given(code, len.into()).then_some((code, len.into()));
        }
        (0..=255u32)
            .find(|&code| given(code, 1) && self.decode(code, &[code as u8]) == " ")
            .map(|code| (code, 1))
    }

    /// The key of a code's width: the CID it selects in a Type0 font.
    fn cid(&self, code: u32, len: usize) -> u32 {
        self.cid_encoding
            .as_ref()
            .map_or(code, |encoding| encoding.cid(code, len))
    }

    /// Splits a shown string into character codes.
    pub fn codes<'s>(&self, bytes: &'s [u8]) -> Vec<(u32, &'s [u8])> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut rest = bytes;
        while !rest.is_empty() {
            let len = match &self.cid_encoding {
                Some(enc) => enc.code_len(rest),
                None => 1,
            };
            let (code, tail) = rest.split_at(len);
            out.push((
                code.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)),
                code,
            ));
            rest = tail;
        }
        out
    }

    /// The Unicode text of one code: ToUnicode first, then the encoding.
    pub fn decode(&self, code: u32, raw: &[u8]) -> CompactString {
        if let Some(text) = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.get(code, raw.len()))
        {
            if !text.is_empty() && !text.contains('\u{fffd}') {
                return CompactString::new(text);
            }
        }
        if let Some(table) = &self.code_table {
            return table
                .get(code as usize)
                .and_then(|t| t.as_deref())
                .map(CompactString::new)
                .unwrap_or_default();
        }
        // Without a Unicode map, Identity codes are glyph ids: guessing letters
        // from them gives garbage, so they give nothing.
        self.cid_encoding
            .as_ref()
            .and_then(|e| e.decode(raw))
            .map(CompactString::from)
            .unwrap_or_default()
    }

    /// Advance width of a code (`len` bytes long) in text space units per
    /// unit of font size.
    pub fn width(&self, code: u32, len: usize) -> f64 {
        let key = self.cid(code, len);
        if let Some(w) = self.widths.get(key as usize).filter(|w| !w.is_nan()) {
            return w * self.width_scale;
        }
        if let Some(font) = self.standard {
            let text = self.decode(code, &[code as u8]);
            if let Some(w) = text.chars().next().and_then(|c| font.width(c)) {
                return f64::from(w) * self.width_scale;
            }
        }
        self.default_width * self.width_scale
    }
}

/// Largest code given a dense width slot (CID fonts use at most two-byte codes).
const MAX_DENSE_CODE: u32 = 0xffff;

fn dense_widths(widths: &HashMap<u32, f64>) -> Vec<f64> {
    let len = widths
        .keys()
        .copied()
        .filter(|c| *c <= MAX_DENSE_CODE)
        .max()
        .map_or(0, |m| m as usize + 1);
    let mut dense = vec![f64::NAN; len];
    for (code, w) in widths {
        if *code <= MAX_DENSE_CODE {
            dense[*code as usize] = *w;
        }
    }
    dense
}

/// The font's ToUnicode CMap, if it has one that maps anything.
fn to_unicode_map(doc: &Document, dict: &Dictionary) -> Option<cmap::ToUnicode> {
    let stream = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
        .ok()?;
    let data = super::limits::decoded(stream)?;
    Some(cmap::ToUnicode::parse(&data)).filter(|m| !m.is_empty())
}

fn name_of(obj: Option<&Object>) -> Option<String> {
    obj.and_then(|o| o.as_name().ok()).map(|n| {
        let n = String::from_utf8_lossy(n).to_string();
        // Drop a subset prefix such as "ABCDEF+".
        match n.split_once('+') {
            Some((prefix, rest)) if prefix.len() == 6 => rest.to_string(),
            _ => n,
        }
    })
}

fn number(doc: &Document, o: &Object) -> Option<f64> {
    let o = doc.dereference(o).ok()?.1;
    o.as_float()
        .ok()
        .map(f64::from)
        .or_else(|| o.as_i64().ok().map(|v| v as f64))
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> HashMap<u32, f64> {
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| number(doc, o))
        .unwrap_or(0.0) as u32;
    let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) else {
        return HashMap::new();
    };
    widths
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((first + i as u32, number(doc, w)?)))
        .collect()
}

/// CID font widths from /W (`c [w1 w2 ...]` and `cfirst clast w` forms) and /DW.
fn cid_widths(doc: &Document, dict: &Dictionary) -> (HashMap<u32, f64>, Option<f64>) {
    let dw = dict.get(b"DW").ok().and_then(|o| number(doc, o));
    let mut out = HashMap::new();
    let Ok(w) = dict.get_deref(b"W", doc).and_then(Object::as_array) else {
        return (out, dw);
    };
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = number(doc, &w[i]) else {
            break;
        };
        let first = first as u32;
        match doc.dereference(&w[i + 1]).map(|(_, o)| o) {
            Ok(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = number(doc, v) {
                        out.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            _ => {
                let (Some(last), Some(v)) = (
                    number(doc, &w[i + 1]),
                    w.get(i + 2).and_then(|o| number(doc, o)),
                ) else {
                    break;
                };
                // Bound the range: a hostile /W can name billions of codes.
                let last = (last as u32).min(first.saturating_add(65_535));
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
        }
    }
    (out, dw)
}

/// Type3 widths are in glyph space: the FontMatrix's horizontal scale maps them to text space.
fn type3_scale(doc: &Document, dict: &Dictionary) -> f64 {
    dict.get_deref(b"FontMatrix", doc)
        .and_then(Object::as_array)
        .ok()
        .and_then(|m| m.first())
        .and_then(|a| number(doc, a))
        .filter(|s| s.abs() > 0.0)
        .unwrap_or(0.001)
}

//! Simple-font encodings: a base encoding overlaid with a Differences array,
//! glyph names resolved through the Adobe Glyph List and the `uniXXXX`/`uXXXX`
//! conventions, one code at a time (lopdf drops a whole Differences array when
//! it meets a name it does not know).

use super::glyphlist::GLYPH_LIST;
use super::type1;
use crate::extract::pdf::limits;
use lopdf::{Dictionary, Document, Object};

/// Unicode text for each of the 256 codes of a simple font (None: unknown).
pub type CodeTable = Vec<Option<String>>;

/// The Unicode text a glyph name stands for, by the Adobe Glyph List rules:
/// drop a suffix after '.', split ligature components on '_', then each
/// component is an AGL name, `uniXXXX[XXXX...]` or `uXXXX[XX]`.
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    let mut out = String::new();
    for component in base.split('_') {
        out.push_str(&component_to_unicode(component)?);
    }
    Some(out)
}

fn component_to_unicode(c: &str) -> Option<String> {
    if let Ok(i) = GLYPH_LIST.binary_search_by(|(n, _)| n.as_bytes().cmp(c.as_bytes())) {
        return Some(GLYPH_LIST[i].1.to_string());
    }
    if let Some(text) = tex_glyph(c) {
        return Some(text.to_string());
    }
    if let Some(hex) = c.strip_prefix("uni") {
        if hex.len() >= 4
            && hex.len() % 4 == 0
            && hex
                .chars()
                .all(|ch| ch.is_ascii_hexdigit() && !ch.is_ascii_lowercase())
        {
            let units: Vec<u16> = (0..hex.len())
                .step_by(4)
                .filter_map(|i| u16::from_str_radix(&hex[i..i + 4], 16).ok())
                .collect();
            return String::from_utf16(&units).ok();
        }
    }
    if let Some(hex) = c.strip_prefix('u') {
        if (4..=6).contains(&hex.len())
            && hex
                .chars()
                .all(|ch| ch.is_ascii_hexdigit() && !ch.is_ascii_lowercase())
        {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    None
}

/// Names TeX's fonts give glyphs the Adobe Glyph List does not list (after
/// the TeX extensions of the list): the ones text and its symbols use.
fn tex_glyph(name: &str) -> Option<&'static str> {
    Some(match name {
        "angbracketleft" => "\u{27e8}",
        "angbracketright" => "\u{27e9}",
        "asteriskcentered" => "\u{2217}",
        "bardbl" => "\u{2225}",
        "ceilingleft" => "\u{2308}",
        "ceilingright" => "\u{2309}",
        "circlecopyrt" => "\u{a9}",
        "coproduct" => "\u{2210}",
        "diamondmath" => "\u{22c4}",
        "dotlessj" => "\u{237}",
        "ell" => "\u{2113}",
        "floorleft" => "\u{230a}",
        "floorright" => "\u{230b}",
        "Germandbls" => "SS",
        "greatermuch" => "\u{226b}",
        "interrobang" => "\u{203d}",
        "lessmuch" => "\u{226a}",
        "mapsto" => "\u{21a6}",
        "prime" => "\u{2032}",
        "visiblespace" => "\u{2423}",
        // (the compound word mark: a glyph of no width that parts ligatures)
        "compwordmark" | "cwm" => "",
        _ => return None,
    })
}

/// The font's code table: base encoding, then Differences.
pub fn simple_code_table(doc: &Document, font: &Dictionary) -> CodeTable {
    let encoding = font
        .get(b"Encoding")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .map(|(_, o)| o);
    let (base_name, differences) = match encoding {
        Some(Object::Name(n)) => (Some(n.clone()), None),
        Some(Object::Dictionary(d)) => (
            d.get(b"BaseEncoding")
                .and_then(Object::as_name)
                .ok()
                .map(<[u8]>::to_vec),
            d.get_deref(b"Differences", doc)
                .and_then(Object::as_array)
                .ok(),
        ),
        _ => (None, None),
    };
    let mut table = base_table(doc, base_name.as_deref());
    if base_name.is_none() {
        // (no base named: an embedded Type 1 program's own encoding is the base)
        if let Some(type1::BuiltIn::Custom(codes)) = embedded_type1(doc, font)
            .as_deref()
            .and_then(type1::builtin_encoding)
        {
            apply_builtin(&codes, &mut table);
        }
    }
    if let Some(diffs) = differences {
        apply_differences(doc, diffs, &mut table);
    }
    table
}

/// A base encoding's table, decoded through lopdf's tables (Standard when unnamed or unknown).
fn base_table(doc: &Document, name: Option<&[u8]>) -> CodeTable {
    let known = [
        b"WinAnsiEncoding".as_slice(),
        b"MacRomanEncoding",
        b"MacExpertEncoding",
        b"StandardEncoding",
    ];
    let name = name
        .filter(|n| known.contains(n))
        .unwrap_or(b"StandardEncoding");
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    probe.set("Subtype", Object::Name(b"Type1".to_vec()));
    probe.set("Encoding", Object::Name(name.to_vec()));
    let Ok(enc) = probe.get_font_encoding(doc) else {
        return vec![None; 256];
    };
    (0u16..256)
        .map(|code| {
            enc.bytes_to_string(&[code as u8])
                .ok()
                .filter(|s| !s.is_empty() && !s.contains('\u{fffd}') && !s.starts_with('\0'))
        })
        .collect()
}

/// The decoded program of the font's embedded Type 1 font (FontFile), if it has one.
fn embedded_type1(doc: &Document, font: &Dictionary) -> Option<Vec<u8>> {
    let program = font
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .and_then(|d| d.get_deref(b"FontFile", doc))
        .and_then(Object::as_stream)
        .ok()?;
    limits::decoded(program)
}

/// A built-in encoding over the Standard table: each code the program lists
/// reads as its glyph's name, others as nothing (the program has no glyph
/// there); a name no rule reads keeps the Standard letter, as in Differences.
fn apply_builtin(codes: &[(u8, String)], table: &mut CodeTable) {
    let mut built = vec![None; 256];
    for (code, name) in codes {
        let c = usize::from(*code);
        built[c] = glyph_name_to_unicode(name).or_else(|| table[c].clone());
    }
    *table = built;
}

fn apply_differences(doc: &Document, diffs: &[Object], table: &mut CodeTable) {
    let mut code: Option<usize> = None;
    let mut win_ansi: Option<CodeTable> = None;
    for item in diffs {
        match doc.dereference(item).map(|(_, o)| o) {
            Ok(Object::Integer(i)) => code = usize::try_from(*i).ok(),
            Ok(Object::Name(name)) => {
                if let Some(c) = code.filter(|c| *c < 256) {
                    let name = String::from_utf8_lossy(name);
                    // A glyph named by its own code in decimal ("232" at 232,
                    // as Java report writers name a Type 3 font's glyphs) is
                    // the code's character in Windows' Latin encoding, as
                    // Poppler passes such codes through: "è", not Standard's "Ł".
                    // Another name no rule reads (TeX's bitmap fonts name their
                    // glyphs "a163") leaves the base encoding's letter for the
                    // code, as pdfminer reads it: there, code 163 is "£".
                    let text = glyph_name_to_unicode(&name).or_else(|| {
                        (name.parse::<usize>() == Ok(c)).then(|| {
                            win_ansi
                                .get_or_insert_with(|| base_table(doc, Some(b"WinAnsiEncoding")))[c]
                                .clone()
                        })?
                    });
                    if let Some(text) = text {
                        table[c] = Some(text);
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_by_the_agl_rules() {
        assert_eq!(glyph_name_to_unicode("Euro").as_deref(), Some("€"));
        assert_eq!(glyph_name_to_unicode("fi").as_deref(), Some("\u{fb01}"));
        assert_eq!(glyph_name_to_unicode("afii10017").as_deref(), Some("А"));
        assert_eq!(glyph_name_to_unicode("uni20AC").as_deref(), Some("€"));
        assert_eq!(glyph_name_to_unicode("uni00660069").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_unicode("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_unicode("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_name_to_unicode("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_unicode("g12"), None);
        assert_eq!(glyph_name_to_unicode("uni20ac"), None);
        assert_eq!(
            glyph_name_to_unicode("angbracketleft").as_deref(),
            Some("⟨")
        );
    }

    #[test]
    fn differences_override_the_base_code_by_code() {
        let doc = Document::new();
        let mut enc = Dictionary::new();
        enc.set("BaseEncoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        enc.set(
            "Differences",
            Object::Array(vec![
                Object::Integer(65),
                Object::Name(b"Euro".to_vec()),
                Object::Name(b"g7".to_vec()),
                Object::Name(b"uni03A9".to_vec()),
            ]),
        );
        let mut font = Dictionary::new();
        font.set("Encoding", Object::Dictionary(enc));
        let t = simple_code_table(&doc, &font);
        assert_eq!(t[65].as_deref(), Some("€"));
        assert_eq!(
            t[66].as_deref(),
            Some("B"),
            "a name no rule reads keeps the base's letter"
        );
        assert_eq!(t[67].as_deref(), Some("Ω"));
        assert_eq!(t[68].as_deref(), Some("D"));
        assert_eq!(t[0x93].as_deref(), Some("\u{201c}"));
    }

    #[test]
    fn a_built_in_encoding_replaces_the_standard_one() {
        let mut table = base_table(&Document::new(), None);
        assert_eq!(table[58].as_deref(), Some(":"));
        let codes = [
            (58, "period".to_string()),
            (12, "fi".into()),
            (65, "g65".into()),
        ];
        apply_builtin(&codes, &mut table);
        assert_eq!(table[58].as_deref(), Some("."));
        assert_eq!(table[12].as_deref(), Some("\u{fb01}"));
        assert_eq!(
            table[65].as_deref(),
            Some("A"),
            "an unread name keeps the letter"
        );
        assert_eq!(
            table[66], None,
            "a code the program lists no glyph for reads as nothing"
        );
    }

    /// The code table of a Type 3 font with no base encoding whose
    /// Differences name each code's glyph.
    fn type3_code_table(names: &[(i64, &str)]) -> CodeTable {
        let differences = names
            .iter()
            .flat_map(|&(code, name)| [Object::Integer(code), Object::Name(name.into())])
            .collect();
        let mut enc = Dictionary::new();
        enc.set("Differences", Object::Array(differences));
        let mut font = Dictionary::new();
        font.set("Subtype", Object::Name(b"Type3".to_vec()));
        font.set("Encoding", Object::Dictionary(enc));
        simple_code_table(&Document::new(), &font)
    }

    #[test]
    fn a_bitmap_font_s_numbered_glyph_names_read_as_the_standard_encoding() {
        // (pdfTeX's Type 3 font for a TeX bitmap font: no base encoding, glyphs
        // named by their codes)
        let t = type3_code_table(&[(163, "a163"), (49, "a49")]);
        assert_eq!(t[163].as_deref(), Some("£"));
        assert_eq!(t[49].as_deref(), Some("1"));
    }

    #[test]
    fn glyphs_named_by_their_own_code_read_as_windows_latin() {
        // (a Java report writer's Type 3 font: glyphs named by their codes in
        // decimal; "è" is 232, which the Standard encoding would read "Ł")
        let t = type3_code_table(&[(232, "232"), (39, "39"), (163, "7")]);
        assert_eq!(t[232].as_deref(), Some("è"));
        assert_eq!(t[39].as_deref(), Some("'"));
        // a number that is not its code says nothing: the base's letter stays
        assert_eq!(t[163].as_deref(), Some("£"));
    }
}

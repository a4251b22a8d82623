//! The PDF text engine on hand-made PDFs (one feature each) and on the corpus variants.

use lopdf::{dictionary, Dictionary, Document as Pdf, Object, Stream};
use reportmine::document::{BlockKind, Document};
use reportmine::extract::{extract_bytes, extract_file, ExtractError};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

const TO_UNICODE_ABC_TO_XYZ: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
/CMapName /Test def\n1 begincodespacerange <00> <FF> endcodespacerange\n\
1 beginbfrange <41> <43> <0058> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end";

/// A one-page PDF with the given content stream. Fonts: F1 Helvetica (standard 14, no
/// /Widths); F2 with a Differences array mixing AGL, unknown and uniXXXX names; F3 with
/// both /Encoding and a /ToUnicode map (A-C to X-Z). XObject Fm1: a form at (50, 20);
/// Fm2: a form 60 x 20 pt whose text runs past its box.
/// F6: a Type0 font with an embedded one-byte CMap (A-Z to CIDs 1-26 of width
/// 600, the space to CID 100 of width 250).
/// Colour spaces: CS0 a spot colour (Separation), CS1 ICC-based RGB, CS2 Lab, CS3 an
/// indexed palette (white, dark blue).
fn one_page(content: &str, page_extra: Dictionary) -> Vec<u8> {
    let mut pdf = Pdf::with_version("1.7");
    let pages_id = pdf.new_object_id();
    let f1 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let f2 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Custom",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![65.into(), Object::Name(b"Euro".to_vec()), Object::Name(b"g7".to_vec()), Object::Name(b"uni03A9".to_vec())],
        },
    });
    let cmap = pdf.add_object(Stream::new(
        dictionary! {},
        TO_UNICODE_ABC_TO_XYZ.as_bytes().to_vec(),
    ));
    let f3 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding", "ToUnicode" => cmap,
    });
    let cid_font = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "CJK",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
    });
    let cmap2 = pdf.add_object(Stream::new(
        dictionary! {},
        b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0041> <005A> <0041> endbfrange endcmap".to_vec(),
    ));
    let f4 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "CJK", "Encoding" => "Identity-V",
        "DescendantFonts" => vec![cid_font.into()], "ToUnicode" => cmap2,
    });
    let f5 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "CJK", "Encoding" => "UniJIS-UCS2-H",
        "DescendantFonts" => vec![cid_font.into()],
    });
    let one_byte_cid_font = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Subset",
        "DW" => 1000, "W" => vec![1.into(), 26.into(), 600.into(), 100.into(), vec![250.into()].into()],
    });
    let one_byte_cmap = pdf.add_object(Stream::new(
        dictionary! { "Type" => "CMap", "CMapName" => "Subset-CMap" },
        b"%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
          1 begincodespacerange <20> <7E> endcodespacerange\n\
          1 begincidchar <20> 100 endcidchar\n1 begincidrange <41> <5A> 1 endcidrange\n\
          endcmap CMapName currentdict /CMap defineresource pop end end".to_vec(),
    ));
    let one_byte_to_unicode = pdf.add_object(Stream::new(
        dictionary! {},
        b"begincmap 1 begincodespacerange <20> <7E> endcodespacerange 1 beginbfchar <20> <0020> endbfchar 1 beginbfrange <41> <5A> <0041> endbfrange endcmap".to_vec(),
    ));
    let f6 = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Subset", "Encoding" => one_byte_cmap,
        "DescendantFonts" => vec![one_byte_cid_font.into()], "ToUnicode" => one_byte_to_unicode,
    });
    let form = pdf.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 500.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 50.into(), 20.into()] },
        b"BT /F1 10 Tf 0 0 Td (Inside the form) Tj ET".to_vec(),
    ));
    // a form 60 x 20 pt whose text runs on past its bounding box
    let narrow_form = pdf.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 60.into(), 20.into()] },
        b"BT /F1 10 Tf 2 5 Td (Hidden past the box) Tj ET".to_vec(),
    ));
    // a spot colour (tints of one ink) and an ICC-based RGB space
    let tint = dictionary! {
        "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()], "N" => 1,
        "C0" => vec![0.into(), 0.into(), 0.into(), 0.into()], "C1" => vec![1.into(), 0.5.into(), 0.into(), 0.into()],
    };
    let spot = vec![
        Object::Name(b"Separation".to_vec()),
        Object::Name(b"PANTONE 288 C".to_vec()),
        Object::Name(b"DeviceCMYK".to_vec()),
        tint.into(),
    ];
    let icc = pdf.add_object(Stream::new(dictionary! { "N" => 3 }, Vec::new()));
    let icc_rgb = vec![Object::Name(b"ICCBased".to_vec()), icc.into()];
    // CIE Lab, and a palette of two RGB entries: white, then a dark blue
    let lab = vec![
        Object::Name(b"Lab".to_vec()),
        dictionary! { "WhitePoint" => vec![0.9642.into(), 1.into(), 0.8249.into()] }.into(),
    ];
    let palette = vec![
        Object::Name(b"Indexed".to_vec()),
        Object::Name(b"DeviceRGB".to_vec()),
        1.into(),
        Object::String(
            vec![255, 255, 255, 26, 51, 102],
            lopdf::StringFormat::Hexadecimal,
        ),
    ];
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2, "F3" => f3, "F4" => f4, "F5" => f5, "F6" => f6 },
        "XObject" => dictionary! { "Fm1" => form, "Fm2" => narrow_form },
        "ColorSpace" => dictionary! { "CS0" => spot, "CS1" => icc_rgb, "CS2" => lab, "CS3" => palette },
    };
    let content_id = pdf.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
    let mut page = dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    };
    for (k, v) in page_extra.into_iter() {
        page.set(k, v);
    }
    let page_id = pdf.add_object(page);
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog);
    let mut out = Vec::new();
    pdf.save_to(&mut out).unwrap();
    out
}

fn extract(bytes: &[u8]) -> Document {
    extract_bytes(bytes, None, "id", "test.pdf").unwrap()
}

#[test]
fn text_state_operators_and_kerning() {
    let doc = extract(&one_page(
        "BT /F1 12 Tf 14 TL 72 720 Td (Hello) Tj T* (second line) Tj (third) ' 2 0 (fourth) \" \
         0 -28 Td [(Ke) -20 (rned) -600 (apart)] TJ ET",
        dictionary! {},
    ));
    let text = doc.to_text();
    for expected in ["Hello", "second line", "third", "fourth", "Kerned apart"] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn standard_14_widths_place_glyphs() {
    let doc = extract(&one_page(
        "BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
        dictionary! {},
    ));
    let bbox = doc.blocks[0].bbox.unwrap();
    // Helvetica: H 722 + e 556 + l 222 + l 222 + o 556 = 2278/1000 em at 12 pt.
    assert!((bbox[0] - 72.0).abs() < 0.01, "{bbox:?}");
    assert!((bbox[2] - (72.0 + 27.336)).abs() < 0.05, "{bbox:?}");
    // Top-left origin: the baseline at y = 720 is 72 pt below the top of a 792 pt page.
    assert!(bbox[1] < 72.0 && bbox[3] > 72.0, "{bbox:?}");
}

#[test]
fn differences_are_read_code_by_code() {
    let doc = extract(&one_page(
        "BT /F2 12 Tf 72 720 Td (ACD) Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "€ΩD");
}

#[test]
fn to_unicode_wins_over_encoding() {
    let doc = extract(&one_page(
        "BT /F3 12 Tf 72 720 Td (ABCD) Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "XYZD");
}

#[test]
fn an_embedded_type1_font_without_an_encoding_reads_through_its_own() {
    // pdfTeX's Computer Modern with no /Encoding and no ToUnicode: ligatures,
    // dashes and quotes sit at codes the Standard encoding leaves empty or
    // gives other letters (math italic's full stop at Standard's colon).
    // Built by pdflatex from tex-builtin-encodings.tex beside it.
    let text = text_of("tests/fixtures/pdf/tex-builtin-encodings.pdf");
    assert_eq!(
        text.trim(),
        "The office’s financial officers fled – “quickly” — and 3.5 < x · y."
    );
}

#[test]
fn form_xobjects_inherit_resources_and_apply_their_matrix() {
    let doc = extract(&one_page("q 1 0 0 1 10 10 cm /Fm1 Do Q", dictionary! {}));
    assert_eq!(doc.blocks[0].text, "Inside the form");
    let bbox = doc.blocks[0].bbox.unwrap();
    assert!((bbox[0] - 60.0).abs() < 0.01, "{bbox:?}");
}

#[test]
fn actual_text_replaces_the_glyphs_it_spans() {
    let doc = extract(&one_page(
        "BT /F1 12 Tf 72 720 Td (Plain ) Tj /Span <</ActualText (office)>> BDC (o\\001ce) Tj EMC ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "Plain office");
}

#[test]
fn a_page_without_text_is_a_clear_error() {
    let bytes = one_page("q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", dictionary! {});
    let err = extract_bytes(&bytes, None, "id", "scan.pdf").unwrap_err();
    assert!(
        matches!(err, ExtractError::NoTextLayer { pages: 1 }),
        "{err}"
    );
    assert!(err.to_string().contains("OCR is not supported"));
}

#[test]
fn garbage_content_does_not_stop_the_page() {
    let doc = extract(&one_page(
        "BT /F1 12 Tf 72 720 Td (Kept) Tj ET q q q Q Q Q Q Q ] >> Tf Td",
        dictionary! {},
    ));
    assert!(doc.to_text().contains("Kept"));
}

#[test]
fn rotated_page_reads_the_same() {
    let plain = extract(&one_page(
        "BT /F1 12 Tf 72 720 Td (Turned) Tj ET",
        dictionary! {},
    ));
    let turned = extract(&one_page(
        "BT /F1 12 Tf 72 720 Td (Turned) Tj ET",
        dictionary! { "Rotate" => 90 },
    ));
    assert_eq!(plain.to_text(), turned.to_text());
}

fn text_of(rel: &str) -> String {
    extract_file(&fixture(rel), "id", rel).unwrap().to_text()
}

#[test]
fn variants_give_their_originals_text() {
    let pairs = [
        (
            "tests/fixtures/variants/annual-report-2013-14.objstm-xrefstream.pdf",
            "raw/cambridgeshire-pcc/annual-report-2013-14.pdf",
        ),
        (
            "tests/fixtures/variants/annual-report-2013-14.page1-rotated.pdf",
            "raw/cambridgeshire-pcc/annual-report-2013-14.pdf",
        ),
        (
            "tests/fixtures/malformed/annual-report-2013-14.bad-startxref.pdf",
            "raw/cambridgeshire-pcc/annual-report-2013-14.pdf",
        ),
        (
            "tests/fixtures/variants/annual-report-2020-21.aes256-owner-only.pdf",
            "raw/cambridgeshire-pcc/annual-report-2020-21.pdf",
        ),
        (
            "tests/fixtures/variants/2024-03-13-panel-plan-progress-report.rc4-128-owner-only.pdf",
            "raw/cambridgeshire-pcc/2024-03-13-panel-plan-progress-report.pdf",
        ),
    ];
    for (variant, original) in pairs {
        assert_eq!(text_of(variant), text_of(original), "{variant}");
    }
}

#[test]
fn a_file_that_needs_a_password_says_so() {
    let err = extract_file(
        &fixture("tests/fixtures/pdf/user-password.pdf"),
        "id",
        "x.pdf",
    )
    .unwrap_err();
    assert!(matches!(err, ExtractError::PdfPassword), "{err}");
}

#[test]
fn an_encryption_dictionary_in_the_trailer_is_named_as_the_cause() {
    // (the empty user password opens it: the dictionary's place is the cause)
    let err = extract_file(
        &fixture("tests/fixtures/malformed/encrypt-dictionary-in-trailer.pdf"),
        "id",
        "x.pdf",
    )
    .unwrap_err();
    assert!(matches!(err, ExtractError::PdfInlineEncryption), "{err}");
    // One the empty password does not open needs a password, wherever it is.
    let mut pdf = Pdf::load_mem(&one_page(
        "BT /F1 12 Tf 72 700 Td (Secret) Tj ET",
        dictionary! {},
    ))
    .unwrap();
    pdf.trailer.set(
        "ID",
        vec![
            Object::string_literal("0123456789abcdef"),
            Object::string_literal("0123456789abcdef"),
        ],
    );
    pdf.trailer.set("Encrypt", dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
        "O" => Object::string_literal(vec![7u8; 32]), "U" => Object::string_literal(vec![9u8; 32]),
    });
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).unwrap();
    let err = extract_bytes(&bytes, None, "id", "x.pdf").unwrap_err();
    assert!(matches!(err, ExtractError::PdfPassword), "{err}");
}

#[test]
fn rotated_text_reads_along_its_direction() {
    // Text turned 90 degrees (reading bottom to top), as in a sideways table header or margin note.
    let doc = extract(&one_page(
        "BT /F1 12 Tf 0 1 -1 0 300 400 Tm (Rotated words here) Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "Rotated words here");
    let bbox = doc.blocks[0].bbox.unwrap();
    assert!(
        bbox[3] - bbox[1] > bbox[2] - bbox[0],
        "a tall box: {bbox:?}"
    );
}

#[test]
fn interleaved_columns_read_column_by_column() {
    // A producer that writes both columns line by line, left and right alternating.
    let mut content = String::from("BT /F1 10 Tf 12 TL ");
    for i in 0..4 {
        let y = 700 - 12 * i;
        content.push_str(&format!("1 0 0 1 72 {y} Tm (left column line {i}) Tj 1 0 0 1 320 {y} Tm (right column line {i}) Tj "));
    }
    content.push_str("ET");
    let doc = extract(&one_page(&content, dictionary! {}));
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "left column line 0 left column line 1 left column line 2 left column line 3",
            "right column line 0 right column line 1 right column line 2 right column line 3"
        ]
    );
}

#[test]
fn vertical_writing_reads_down_the_column() {
    // Identity-V: two-byte codes, advancing down the page.
    let doc = extract(&one_page(
        "BT /F4 12 Tf 300 700 Td <0054004F0050> Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "TOP");
    let bbox = doc.blocks[0].bbox.unwrap();
    assert!(
        bbox[3] - bbox[1] > 30.0 && bbox[2] - bbox[0] < 15.0,
        "a tall, narrow run: {bbox:?}"
    );
}

#[test]
fn predefined_unicode_cmaps_decode_without_to_unicode() {
    // UniJIS-UCS2-H: the codes are UTF-16, so the text needs no /ToUnicode.
    let doc = extract(&one_page(
        "BT /F5 12 Tf 72 700 Td <65E5672C> Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "日本");
}

#[test]
fn embedded_cmaps_split_codes_by_their_codespace_and_key_widths_by_cid() {
    // One-byte codes: read two bytes at a time, "HELLO WORLD" would be lost.
    // Eleven glyphs, ten of 600 and a space of 250, at 12 pt: 75 pt.
    let doc = extract(&one_page(
        "BT /F6 12 Tf 72 700 Td (HELLO WORLD) Tj ET",
        dictionary! {},
    ));
    assert_eq!(doc.blocks[0].text, "HELLO WORLD");
    let bbox = doc.blocks[0].bbox.unwrap();
    assert!((bbox[2] - bbox[0] - 75.0).abs() < 0.5, "{bbox:?}");
}

#[test]
fn a_content_stream_with_an_empty_filter_list_is_read_as_is() {
    let mut pdf = Pdf::load_mem(&one_page(
        "BT /F1 12 Tf 72 700 Td (Plain) Tj ET",
        dictionary! {},
    ))
    .unwrap();
    let page = *pdf.get_pages().get(&1).unwrap();
    let content = pdf.get_page_contents(page)[0];
    let stream = pdf
        .get_object_mut(content)
        .unwrap()
        .as_stream_mut()
        .unwrap();
    stream.dict.set("Filter", Object::Array(Vec::new()));
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).unwrap();
    assert_eq!(extract(&bytes).blocks[0].text, "Plain");
}

#[test]
fn incremental_updates_give_the_newest_revision() {
    let original = one_page(
        "BT /F1 12 Tf 72 720 Td (First revision) Tj ET",
        dictionary! {},
    );
    let parsed = Pdf::load_mem(&original).unwrap();
    let page_id = *parsed.get_pages().values().next().unwrap();
    let content_id = parsed
        .get_dictionary(page_id)
        .unwrap()
        .get(b"Contents")
        .unwrap()
        .as_reference()
        .unwrap();
    let root = parsed.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let tail = String::from_utf8_lossy(&original[original.len() - 40..]).to_string();
    let prev: usize = tail
        .split("startxref")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();

    // An update appended after %%EOF, as an editor saves: a new revision of the content stream.
    let mut updated = original.clone();
    let body = b"BT /F1 12 Tf 72 720 Td (Second revision) Tj ET";
    let offset = updated.len();
    updated.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Length {} >>\nstream\n",
            content_id.0,
            body.len()
        )
        .as_bytes(),
    );
    updated.extend_from_slice(body);
    updated.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = updated.len();
    updated.extend_from_slice(
        format!(
            "xref\n0 1\n0000000000 65535 f \n{} 1\n{offset:010} 00000 n \ntrailer\n<< /Size {} /Root {} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
            content_id.0,
            parsed.max_id + 1,
            root.0
        )
        .as_bytes(),
    );
    assert_eq!(extract(&updated).to_text().trim(), "Second revision");
}

#[test]
fn unruled_tables_are_found_and_prose_columns_are_not() {
    let mut content = String::from("BT /F1 10 Tf ");
    let rows = [
        ["Offence", "2019/20", "2020/21"],
        ["Burglary", "4,120", "3,002"],
        ["Robbery", "749", "535"],
        ["Theft", "26,810", "18,054"],
    ];
    for (i, row) in rows.iter().enumerate() {
        let y = 700 - 14 * i;
        for (x, cell) in [72, 250, 360].iter().zip(row) {
            content.push_str(&format!("1 0 0 1 {x} {y} Tm ({cell}) Tj "));
        }
    }
    content.push_str("ET");
    let doc = extract(&one_page(&content, dictionary! {}));
    let tables: Vec<_> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(
        tables[0].texts(),
        rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()
    );

    // Two prose columns, written line by line across the page, are text, not a table.
    let mut prose = String::from("BT /F1 10 Tf ");
    let left = [
        "the commissioner has worked",
        "with partners across the",
        "county to reduce crime and",
        "support the victims of it",
    ];
    let right = [
        "and the constabulary has",
        "recruited more officers than",
        "in any year since the force",
        "was formed in the sixties",
    ];
    for i in 0..4 {
        let y = 700 - 12 * i;
        prose.push_str(&format!(
            "1 0 0 1 72 {y} Tm ({}) Tj 1 0 0 1 320 {y} Tm ({}) Tj ",
            left[i], right[i]
        ));
    }
    prose.push_str("ET");
    let doc = extract(&one_page(&prose, dictionary! {}));
    assert!(
        doc.blocks.iter().all(|b| b.table.is_none()),
        "{:?}",
        doc.blocks
    );
}

/// The texts of the one table a page drawn by `content` holds.
fn the_one_table(content: &str) -> Vec<Vec<String>> {
    let doc = extract(&one_page(content, dictionary! {}));
    let tables: Vec<_> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
    assert_eq!(tables.len(), 1, "{tables:?}");
    let texts = tables[0].texts().into_iter();
    texts
        .map(|r| r.into_iter().map(String::from).collect())
        .collect()
}

#[test]
fn a_grid_in_a_frame_with_rounded_corners_keeps_its_corner_cells() {
    // a 3 x 3 grid whose frame is one closed path with rounded corners
    // (radius 8, as a stylesheet's border-radius draws it), the inner rules
    // running to the frame: the rounded corners cut the frame's sides short of
    // the corners, and the four corner cells must still be cells
    let (l, r, top, bottom, k) = (100.0, 400.0, 720.0, 660.0, 8.0 * 0.5523);
    let mut content = format!(
        "0.5 w {a} {bottom} m {b} {bottom} l {bk} {bottom} {r} {ck} {r} {c} c {r} {d} l \
         {r} {dk} {bk} {top} {b} {top} c {a} {top} l {ak} {top} {l} {dk} {l} {d} c {l} {c} l \
         {l} {ck} {ak} {bottom} {a} {bottom} c h S ",
        a = l + 8.0,
        b = r - 8.0,
        c = bottom + 8.0,
        d = top - 8.0,
        ak = l + 8.0 - k,
        bk = r - 8.0 + k,
        ck = bottom + 8.0 - k,
        dk = top - 8.0 + k,
    );
    for y in [700.0, 680.0] {
        content += &format!("{l} {y} m {r} {y} l S ");
    }
    for x in [200.0, 300.0] {
        content += &format!("{x} {bottom} m {x} {top} l S ");
    }
    content += "BT /F1 10 Tf 110 705 Td (Area) Tj 100 0 Td (Officers) Tj 100 0 Td (Staff) Tj \
                -200 -20 Td (North) Tj 100 0 Td (212) Tj 100 0 Td (64) Tj \
                -200 -20 Td (South) Tj 100 0 Td (187) Tj 100 0 Td (51) Tj ET";
    assert_eq!(
        the_one_table(&content),
        vec![
            vec!["Area", "Officers", "Staff"],
            vec!["North", "212", "64"],
            vec!["South", "187", "51"],
        ]
    );
}

#[test]
fn rules_drawn_as_curves_make_a_ruled_table() {
    // a 2 x 3 grid whose rules are Bezier curves with their control points on
    // the line (as some producers draw every line), in a frame drawn the same way,
    // beside a panel with rounded corners (bent curves), which is no table
    let mut content = String::from("0.5 w ");
    let curve = |x0: f64, y0: f64, x1: f64, y1: f64| {
        let (a, b) = ((2.0 * x0 + x1) / 3.0, (2.0 * y0 + y1) / 3.0);
        let (c, d) = ((x0 + 2.0 * x1) / 3.0, (y0 + 2.0 * y1) / 3.0);
        format!("{x0} {y0} m {a} {b} {c} {d} {x1} {y1} c S ")
    };
    for y in [700.0, 680.0, 660.0] {
        content += &curve(100.0, y, 400.0, y);
    }
    for x in [200.0, 300.0] {
        content += &curve(x, 640.0, x, 720.0);
    }
    content += &curve(100.0, 720.0, 400.0, 720.0);
    content += &curve(400.0, 720.0, 400.0, 640.0);
    content += &curve(400.0, 640.0, 100.0, 640.0);
    content += &curve(100.0, 640.0, 100.0, 720.0);
    // two panels with rounded corners (radius 6) side by side, a word in each
    for x in [100.0, 260.0] {
        let (l, r) = (x, x + 140.0);
        content += &format!(
            "{a} 600 m {b} 600 l {r} 600 {r} 600 {r} 594 c {r} 546 l {r} 540 {r} 540 {b} 540 c \
             {a} 540 l {l} 540 {l} 540 {l} 546 c {l} 594 l {l} 600 {l} 600 {a} 600 c f ",
            a = l + 6.0,
            b = r - 6.0,
        );
    }
    content += "BT /F1 10 Tf 110 570 Td (Panel) Tj 160 0 Td (Box) Tj ET ";
    content += "BT /F1 10 Tf 110 705 Td (Area) Tj 100 0 Td (Officers) Tj 100 0 Td (Staff) Tj \
                -200 -20 Td (North) Tj 100 0 Td (212) Tj 100 0 Td (64) Tj \
                -200 -20 Td (South) Tj 100 0 Td (187) Tj 100 0 Td (51) Tj \
                -200 -20 Td (East) Tj 100 0 Td (143) Tj 100 0 Td (39) Tj ET";
    assert_eq!(
        the_one_table(&content),
        vec![
            vec!["Area", "Officers", "Staff"],
            vec!["North", "212", "64"],
            vec!["South", "187", "51"],
            vec!["East", "143", "39"],
        ]
    );
}

#[test]
fn a_header_band_in_any_device_colour_is_shaded_apart_but_a_white_one_is_not() {
    // an unruled table of words under a band filled as producers fill it (grey,
    // RGB, CMYK, a colour space set then a colour, a spot colour's tint, Lab,
    // a palette's entry, a band drawn as a closed path); a white band, or a
    // pattern's, whose colour no number gives, tells nothing (banded rows are
    // in tests/pdf_tables.rs)
    let header_rows = |fill: &str| {
        let content = format!(
            "q {fill} Q \
             BT /F1 10 Tf 100 700 Td (Area) Tj 100 0 Td (Lead) Tj 100 0 Td (Partner) Tj \
             -200 -16 Td (North) Tj 100 0 Td (Hub team) Tj 100 0 Td (Victim Support) Tj \
             -200 -16 Td (South) Tj 100 0 Td (Roads team) Tj 100 0 Td (Highways) Tj \
             -200 -16 Td (East) Tj 100 0 Td (Rural team) Tj 100 0 Td (Farmers) Tj ET"
        );
        let doc = extract(&one_page(&content, dictionary! {}));
        let tables: Vec<_> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
        assert_eq!(tables.len(), 1, "{fill}: {tables:?}");
        assert_eq!(tables[0].rows.len(), 4, "{fill}");
        tables[0].header_rows
    };
    let band = "95 697 310 14 re f";
    for shaded in [
        "0.8 g",
        "0.1 0.2 0.4 rg",
        "0 0 0 0.15 k",
        "/DeviceRGB cs 0.9 0.9 1 sc",
        "/CS0 cs 0.3 scn",
        "/CS1 cs 0.2 0.3 0.5 scn",
        "/CS2 cs 80 -10 -30 scn",
        "/CS3 cs 1 scn",
    ] {
        assert_eq!(header_rows(&format!("{shaded} {band}")), 1, "{shaded}");
    }
    let path = "0.8 g 95 697 m 405 697 l 405 711 l 95 711 l h f";
    assert_eq!(header_rows(path), 1, "a band drawn as a path");
    // (no ink of a spot colour is white)
    for plain in [
        "1 g",
        "1 1 1 rg",
        "/Pattern cs /P0 scn",
        "/CS0 cs 0 scn",
        "/CS2 cs 100 0 0 scn",
        "/CS3 cs 0 scn",
    ] {
        assert_eq!(header_rows(&format!("{plain} {band}")), 0, "{plain}");
    }
}

#[test]
fn a_form_is_clipped_to_its_bounding_box() {
    // a 2 x 2 grid, columns 100-160-260; the form fills the first cell and its
    // text runs on past the form's box, which hides it: the cell holds what
    // the box shows, and the text is not read as running on
    let grid = "0.5 w 100 640 m 260 640 l 100 620 m 260 620 l 100 600 m 260 600 l \
                100 600 m 100 640 l 160 600 m 160 640 l 260 600 m 260 640 l S";
    let content = format!(
        "{grid} q 1 0 0 1 100 620 cm /Fm2 Do Q BT /F1 10 Tf 104 605 Td (A) Tj 60 0 Td (B) Tj ET"
    );
    let rows = the_one_table(&content);
    assert!(rows[0][0].starts_with("Hidden"), "{rows:?}");
    assert!("Hidden past the box".starts_with(&rows[0][0]), "{rows:?}");
    assert_ne!(rows[0][0], "Hidden past the box", "{rows:?}");
    assert_eq!(rows[0][1], "");
    assert_eq!(rows[1], ["A", "B"]);
}

#[test]
fn a_contents_page_read_as_a_table_loses_its_dot_leaders() {
    let line = |y: u32, title: &str, page: u32| {
        let dots = ".".repeat(40);
        format!("BT /F1 10 Tf 100 {y} Td ({title} {dots}) Tj ET BT /F1 10 Tf 400 {y} Td ({page}) Tj ET ")
    };
    let content: String = [
        (700, "Foreword", 3),
        (686, "Our priorities", 5),
        (672, "Victims", 9),
        (658, "Finance", 21),
    ]
    .iter()
    .map(|&(y, title, page)| line(y, title, page))
    .collect();
    assert_eq!(
        the_one_table(&content),
        vec![
            vec!["Foreword", "3"],
            vec!["Our priorities", "5"],
            vec!["Victims", "9"],
            vec!["Finance", "21"],
        ]
    );
}

#[test]
fn fills_on_fills_of_their_own_colour_draw_no_rules() {
    // an unruled table, as a layout engine paints it: rows shaded in turn, and
    // behind each word and each space of a purpose that wraps over two lines
    // the row's colour painted again, grey on the grey row (written as RGB,
    // rounding a shade apart) and white on the white one (on the blank page).
    // Those rectangles show no edge, so they make no grid: each row is one
    // row, each purpose one cell
    let words = |y: u32| -> String {
        [(330, 38), (368, 3), (371, 24), (395, 3), (398, 36)]
            .iter()
            .map(|(x, w)| format!("{x} {y} {w} 10 re f "))
            .collect()
    };
    let content = format!(
        "0.9 g 95 654 400 28 re f 0.905 0.9 0.9 rg {grey1}{grey2} 1 g 95 626 400 28 re f {white1}{white2} \
         0 g BT /F1 10 Tf 100 700 Td (Recipient) Tj 150 0 Td (Award) Tj 80 0 Td (Purpose) Tj \
         -230 -14 Td (Victim Support) Tj 150 0 Td (12,000) Tj 80 0 Td (Support line) Tj \
         -230 -14 Td (Youth Trust) Tj 150 0 Td (48,250) Tj 80 0 Td (Detached youth) Tj \
         0 -12 Td (workers at night) Tj \
         -230 -16 Td (Safer Roads) Tj 150 0 Td (9,500) Tj 80 0 Td (Speed awareness) Tj \
         0 -12 Td (in rural villages) Tj ET",
        grey1 = words(670),
        grey2 = words(658),
        white1 = words(642),
        white2 = words(630),
    );
    assert_eq!(
        the_one_table(&content),
        vec![
            vec!["Recipient", "Award", "Purpose"],
            vec!["Victim Support", "12,000", "Support line"],
            vec!["Youth Trust", "48,250", "Detached youth\nworkers at night"],
            vec!["Safer Roads", "9,500", "Speed awareness\nin rural villages"],
        ]
    );
}

#[test]
fn bands_bleeding_off_the_page_make_no_table_round_it() {
    // a page-sized background and bands across the page that bleed off it,
    // some from past the left edge to the right edge, some from the left
    // edge to past the right (as a design tool offsets them): their sides
    // run along the page's edges, beyond them or from edge to edge, and make
    // no table of the page's text; the unruled table under the bands is the
    // one table
    let content = "0.9 0.93 0.84 rg 0 -20 630 830 re f 0.35 g 0 740 630 70 re f \
         0.56 0.69 0.32 rg -15 730 627 14 re f 0 730 630 14 re f \
         0.35 g -15 540 627 50 re f 0.56 0.69 0.32 rg -15 530 627 14 re f \
         0 g BT /F1 10 Tf 100 760 Td (Annual figures) Tj ET \
         BT /F1 10 Tf 100 560 Td (Second section) Tj ET \
         BT /F1 10 Tf 100 680 Td (Area) Tj 150 0 Td (Offences) Tj 100 0 Td (Rate) Tj \
         -250 -14 Td (North) Tj 150 0 Td (4,120) Tj 100 0 Td (31.2) Tj \
         -250 -14 Td (South) Tj 150 0 Td (2,210) Tj 100 0 Td (22.4) Tj \
         -250 -14 Td (East) Tj 150 0 Td (3,005) Tj 100 0 Td (17.0) Tj ET";
    assert_eq!(
        the_one_table(content),
        vec![
            vec!["Area", "Offences", "Rate"],
            vec!["North", "4,120", "31.2"],
            vec!["South", "2,210", "22.4"],
            vec!["East", "3,005", "17.0"],
        ]
    );
}

#[test]
fn a_page_cropped_tight_round_a_table_keeps_the_rules_on_its_edges() {
    // a 300 x 40 page holding only a ruled table of two rows, its rules drawn
    // as thin filled bars (as TeX draws them) along the page's edges and
    // across it: too few rows to be found without its rules
    let bar = |x: f64, y: f64, w: f64, h: f64| format!("{x} {y} {w} {h} re f ");
    let mut rules = String::new();
    for y in [0.0, 20.0, 39.6] {
        rules += &bar(0.0, y, 300.0, 0.4);
    }
    for x in [0.0, 150.0, 299.6] {
        rules += &bar(x, 0.0, 0.4, 40.0);
    }
    let content = format!(
        "0 g {rules}BT /F1 10 Tf 5 25 Td (Area) Tj 150 0 Td (Offences) Tj \
         -150 -20 Td (North) Tj 150 0 Td (4,120) Tj ET"
    );
    let doc = extract(&one_page(
        &content,
        dictionary! { "MediaBox" => vec![0.into(), 0.into(), 300.into(), 40.into()] },
    ));
    let tables: Vec<_> = doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect();
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert_eq!(
        tables[0].texts(),
        vec![vec!["Area", "Offences"], vec!["North", "4,120"]]
    );
}

#[test]
fn a_chromium_print_s_bullets_drawn_after_their_items_lead_them() {
    // Chromium draws a list's markers after the items' text: each priority
    // of the 2017-20 plan is one list item led by its bullet, and no bullet
    // is left standing alone at the end of the page
    let rel = "raw/cambridgeshire-pcc/police-and-crime-plan-2017-20.pdf";
    let d = extract_file(&fixture(rel), "id", rel).unwrap();
    let page_11: Vec<_> = d.blocks.iter().filter(|b| b.page == Some(11)).collect();
    assert!(page_11.iter().any(|b| {
        b.kind == BlockKind::ListItem
            && b.text.starts_with(
                "• Ensure victims of crime receive a consistently high quality investigation",
            )
    }));
    let lone = d.blocks.iter().filter(|b| b.text.trim() == "•").count();
    assert_eq!(lone, 0);
}

#[test]
fn borders_drawn_as_thin_filled_bars_rule_a_striped_table() {
    // rows striped in a tint, every other one from the second; the borders
    // under the head and each row drawn as bars 0.75 pt tall, as browsers
    // draw them; the last row, under the border of the last shaded row, at
    // the foot of what the page holds, wraps its label
    let mut content =
        String::from("0.91 0.93 0.96 rg 72 636 300 28 re f 72 580 300 28 re f 0.6 g ");
    for y in [692, 664, 636, 608, 580] {
        content.push_str(&format!("72 {y} 300 0.75 re f "));
    }
    content.push_str("0 g BT /F1 10 Tf ");
    let lines = [
        (700, "Area", "Award"),
        (678, "North", "1,234"),
        (650, "South", "2,345"),
        (622, "East", "3,456"),
        (594, "West", "4,567"),
        (566, "Community", "9,348"),
    ];
    for (y, label, figure) in lines {
        content.push_str(&format!(
            "1 0 0 1 80 {y} Tm ({label}) Tj 1 0 0 1 250 {y} Tm ({figure}) Tj "
        ));
    }
    content.push_str("1 0 0 1 80 554 Tm (Safety) Tj ET");
    let rows = the_one_table(&content);
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert_eq!(rows[5], ["Community\nSafety", "9,348"]);
}

//! Fill colours: how the numbers of `g`, `rg`, `k`, `sc` and `scn` give an
//! 8-bit RGB colour in the colour space in force. The table finder reads
//! colours only to tell a shaded band from its neighbours, so a close colour
//! is enough: CMYK by the naive conversion viewers fall back on, a spot
//! colour's tint in its alternate space where its tint transform is an
//! exponential function (as design tools write them), else as the grey of
//! that much ink.

use lopdf::{Document, Object};
use std::collections::HashMap;

use super::interpreter::as_number;

/// How a colour space's numbers give a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillSpace {
    /// Grey, RGB or CMYK, told by how many numbers there are (device,
    /// calibrated and ICC-based spaces).
    Device,
    /// Tints of inks (Separation, DeviceN): 0 is no ink, 1 full ink.
    Tint,
    /// A spot colour's tint, mapped into its alternate space (`Colours::inks`).
    Ink(u16),
    /// CIE L*a*b*.
    Lab,
    /// A palette's entries, by index (`Colours::palettes`).
    Indexed(u16),
    /// Patterns: no colour read.
    Unknown,
}

/// An indexed space's palette: each entry `width` bytes in its base space.
#[derive(Debug)]
struct Palette {
    base: FillSpace,
    width: usize,
    entries: Vec<u8>,
}

/// A spot colour whose tint transform is an exponential function (type 2):
/// tint t gives `c0 + t^n × (c1 - c0)` in the alternate space `base`.
#[derive(Debug)]
struct Ink {
    base: FillSpace,
    c0: Vec<f64>,
    c1: Vec<f64>,
    n: f64,
}

/// Most palettes, and most inks, a document's colour spaces keep (each is read once).
const MAX_PALETTES: usize = 256;

/// The colour spaces a document's pages set, read once each.
#[derive(Debug, Default)]
pub struct Colours {
    palettes: Vec<Palette>,
    inks: Vec<Ink>,
    /// How each indexed or spot colour space read gives colours, by the
    /// address of its array.
    index: HashMap<usize, FillSpace>,
}

impl Colours {
    /// How a colour space (a name or an array, resolved) gives colours.
    pub fn space<'d>(&mut self, doc: &'d Document, space: &'d Object) -> FillSpace {
        match space {
            Object::Name(n) => family_space(n),
            Object::Array(a) => match a.first().and_then(|f| f.as_name().ok()) {
                Some(b"Indexed" | b"I") => self.read_once(a, |c| c.indexed(doc, a)),
                Some(b"Separation") => {
                    self.read_once(a, |c| c.ink(doc, a).or(Some(FillSpace::Tint)))
                }
                Some(family) => family_space(family),
                None => FillSpace::Unknown,
            },
            _ => FillSpace::Unknown,
        }
    }

    /// An indexed or spot colour space, read the first time it is set (it is
    /// known by its array's address in the document).
    fn read_once(
        &mut self,
        array: &[Object],
        read: impl FnOnce(&mut Self) -> Option<FillSpace>,
    ) -> FillSpace {
        let key = array.as_ptr() as usize;
        if let Some(&space) = self.index.get(&key) {
            return space;
        }
        let space = read(self).unwrap_or(FillSpace::Unknown);
        self.index.insert(key, space);
        space
    }

    /// A base or alternate space that gives colours from its numbers (a
    /// device, ICC-based or Lab space), and how many numbers it takes.
    fn base_space<'d>(
        &mut self,
        doc: &'d Document,
        space: &'d Object,
    ) -> Option<(FillSpace, usize)> {
        match (self.space(doc, space), components(doc, space)?) {
            (space @ (FillSpace::Device | FillSpace::Lab), n) => Some((space, n)),
            _ => None,
        }
    }

    /// `[/Indexed base hival lookup]`: the palette read into `palettes`.
    fn indexed<'d>(&mut self, doc: &'d Document, array: &'d [Object]) -> Option<FillSpace> {
        // (by reference into the document: the spaces read are known by their address)
        let resolve = |o: &'d Object| doc.dereference(o).ok().map(|(_, o)| o);
        let (base, width) = self.base_space(doc, array.get(1).and_then(resolve)?)?;
        let entries = match array.get(3).and_then(resolve)? {
            Object::String(bytes, _) => bytes.clone(),
            Object::Stream(s) => super::limits::decoded(s)?,
            _ => return None,
        };
        let i = u16::try_from(self.palettes.len()).ok()?;
        if self.palettes.len() >= MAX_PALETTES {
            return None;
        }
        self.palettes.push(Palette {
            base,
            width,
            entries,
        });
        Some(FillSpace::Indexed(i))
    }

    /// `[/Separation name alternate tintTransform]`: the ink read into `inks`
    /// when its transform is exponential into a device or Lab space (else
    /// None, and its tints are read as greys).
    fn ink<'d>(&mut self, doc: &'d Document, array: &'d [Object]) -> Option<FillSpace> {
        let resolve = |o: &'d Object| doc.dereference(o).ok().map(|(_, o)| o);
        let (base, width) = self.base_space(doc, array.get(2).and_then(resolve)?)?;
        let function = match array.get(3).and_then(resolve)? {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => return None,
        };
        let numbers = |key: &[u8], default: Vec<f64>| -> Option<Vec<f64>> {
            match function.get(key).ok().and_then(resolve) {
                Some(Object::Array(a)) => a.iter().map(as_number).collect(),
                Some(_) => None,
                None => Some(default),
            }
        };
        let exponential = function.get(b"FunctionType").ok()?.as_i64().ok()? == 2;
        let c0 = numbers(b"C0", vec![0.0])?;
        let c1 = numbers(b"C1", vec![1.0])?;
        let n = function.get(b"N").ok().and_then(as_number)?;
        let i = u16::try_from(self.inks.len()).ok()?;
        if !exponential || c0.len() != width || c1.len() != width || self.inks.len() >= MAX_PALETTES
        {
            return None;
        }
        self.inks.push(Ink { base, c0, c1, n });
        Some(FillSpace::Ink(i))
    }

    /// The colour numbers give in a space: in a device space, told by how
    /// many there are; a spot colour's tint in its alternate space (`Ink`),
    /// or as the grey of that much ink (`Tint`); an indexed space's entry in
    /// its base space. A pattern's name, or a count no device space has,
    /// leaves it unknown.
    pub fn colour(&self, operands: &[Object], space: FillSpace) -> Option<[u8; 3]> {
        let values: Vec<f64> = operands.iter().map(as_number).collect::<Option<_>>()?;
        match (space, values.as_slice()) {
            (FillSpace::Indexed(i), [index]) => self.entry(i, *index),
            (FillSpace::Ink(i), [tint]) => self.ink_colour(i, *tint),
            _ => colour_of(&values, space),
        }
    }

    /// The colour a space starts with once set: black, full ink, or a
    /// palette's first entry.
    pub fn initial(&self, space: FillSpace) -> Option<[u8; 3]> {
        match space {
            FillSpace::Indexed(i) => self.entry(i, 0.0),
            FillSpace::Ink(i) => self.ink_colour(i, 1.0),
            FillSpace::Unknown => None,
            _ => Some([0, 0, 0]),
        }
    }

    fn ink_colour(&self, ink: u16, tint: f64) -> Option<[u8; 3]> {
        let ink = self.inks.get(ink as usize)?;
        let t = tint.clamp(0.0, 1.0).powf(ink.n);
        let values: Vec<f64> = ink
            .c0
            .iter()
            .zip(&ink.c1)
            .map(|(a, b)| a + t * (b - a))
            .collect();
        colour_of(&values, ink.base)
    }

    fn entry(&self, palette: u16, index: f64) -> Option<[u8; 3]> {
        let p = self.palettes.get(palette as usize)?;
        let start = (index.max(0.0) as usize).checked_mul(p.width)?;
        let bytes = p.entries.get(start..start.checked_add(p.width)?)?;
        let values: Vec<f64> = match p.base {
            // (L from 0 to 100; a and b over their default range, -100 to 100)
            FillSpace::Lab => bytes
                .iter()
                .enumerate()
                .map(|(k, &b)| {
                    let t = f64::from(b) / 255.0;
                    if k == 0 {
                        t * 100.0
                    } else {
                        t * 200.0 - 100.0
                    }
                })
                .collect(),
            _ => bytes.iter().map(|&b| f64::from(b) / 255.0).collect(),
        };
        colour_of(&values, p.base)
    }
}

/// How a space of this family (a device space's name, or an array's first
/// name) gives colours.
pub fn family_space(family: &[u8]) -> FillSpace {
    match family {
        b"ICCBased" | b"CalGray" | b"CalRGB" | b"DeviceGray" | b"DeviceRGB" | b"DeviceCMYK"
        | b"G" | b"RGB" | b"CMYK" => FillSpace::Device,
        b"Separation" | b"DeviceN" => FillSpace::Tint,
        b"Lab" => FillSpace::Lab,
        _ => FillSpace::Unknown,
    }
}

/// How many numbers a colour of a device, calibrated, ICC-based or Lab space has.
fn components(doc: &Document, space: &Object) -> Option<usize> {
    let family = match space {
        Object::Name(n) => n.as_slice(),
        Object::Array(a) => a.first()?.as_name().ok()?,
        _ => return None,
    };
    match family {
        b"DeviceGray" | b"CalGray" | b"G" => Some(1),
        b"DeviceRGB" | b"CalRGB" | b"RGB" | b"Lab" => Some(3),
        b"DeviceCMYK" | b"CMYK" => Some(4),
        b"ICCBased" => {
            let Object::Array(a) = space else { return None };
            let (_, stream) = doc.dereference(a.get(1)?).ok()?;
            let n = stream
                .as_stream()
                .ok()?
                .dict
                .get(b"N")
                .ok()?
                .as_i64()
                .ok()?;
            usize::try_from(n).ok().filter(|n| matches!(n, 1 | 3 | 4))
        }
        _ => None,
    }
}

fn colour_of(values: &[f64], space: FillSpace) -> Option<[u8; 3]> {
    match (space, values) {
        (FillSpace::Tint, tints) if !tints.is_empty() => {
            Some(gray(1.0 - tints.iter().copied().fold(0.0, f64::max)))
        }
        (FillSpace::Device, [v]) => Some(gray(*v)),
        (FillSpace::Device, [r, g, b]) => Some(rgb([*r, *g, *b])),
        (FillSpace::Device, [c, m, y, k]) => Some(cmyk([*c, *m, *y, *k])),
        (FillSpace::Lab, [l, a, b]) => Some(lab(*l, *a, *b)),
        _ => None,
    }
}

/// 8-bit RGB of a grey level (0 black, 1 white).
fn gray(v: f64) -> [u8; 3] {
    rgb([v, v, v])
}

fn rgb(c: [f64; 3]) -> [u8; 3] {
    c.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// 8-bit RGB of a CMYK colour, by the naive conversion viewers fall back on.
fn cmyk([c, m, y, k]: [f64; 4]) -> [u8; 3] {
    rgb([c, m, y].map(|v| (1.0 - v) * (1.0 - k)))
}

/// 8-bit sRGB of a CIE L*a*b* colour (D50 white, as ICC profiles connect),
/// by way of XYZ and the Bradford-adapted sRGB matrix.
fn lab(l: f64, a: f64, b: f64) -> [u8; 3] {
    const WHITE: [f64; 3] = [0.9642, 1.0, 0.8249];
    const DELTA: f64 = 6.0 / 29.0;
    let inverse = |t: f64| {
        if t > DELTA {
            t * t * t
        } else {
            3.0 * DELTA * DELTA * (t - 4.0 / 29.0)
        }
    };
    let fy = (l + 16.0) / 116.0;
    let f = [fy + a / 500.0, fy, fy - b / 200.0].map(inverse);
    let (x, y, z) = (f[0] * WHITE[0], f[1] * WHITE[1], f[2] * WHITE[2]);
    let linear = [
        3.1338561 * x - 1.6168667 * y - 0.4906146 * z,
        -0.9787684 * x + 1.9161415 * y + 0.0334540 * z,
        0.0719453 * x - 0.2289914 * y + 1.4052427 * z,
    ];
    rgb(linear.map(|v| {
        if v <= 0.0031308 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn lab_white_black_and_a_red() {
        assert_eq!(lab(100.0, 0.0, 0.0), [255, 255, 255]);
        assert_eq!(lab(0.0, 0.0, 0.0), [0, 0, 0]);
        let [r, g, b] = lab(50.0, 70.0, 50.0);
        assert!(r > 180 && g < 60 && b < 80, "{:?}", [r, g, b]);
    }

    #[test]
    fn a_spot_colours_tint_is_read_in_its_alternate_space() {
        // PANTONE 288 C (a dark blue) as CMYK, by an exponential tint transform
        let mut doc = Document::with_version("1.7");
        let transform = doc.add_object(dictionary! {
            "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()], "N" => 1,
            "C0" => vec![0.into(), 0.into(), 0.into(), 0.into()],
            "C1" => vec![1.into(), 0.6.into(), 0.into(), 0.2.into()],
        });
        let spot = |alternate: &str, transform: Object| {
            Object::Array(vec![
                Object::Name(b"Separation".to_vec()),
                Object::Name(b"PANTONE 288 C".to_vec()),
                Object::Name(alternate.as_bytes().to_vec()),
                transform,
            ])
        };
        // (the spaces live as long as the document, as a document's do)
        let spaces = [
            spot("DeviceCMYK", transform.into()),
            spot("DeviceCMYK", dictionary! { "FunctionType" => 0 }.into()),
            spot("DeviceRGB", transform.into()),
        ];
        let mut colours = Colours::default();
        let space = colours.space(&doc, &spaces[0]);
        let tint = |colours: &Colours, t: f32, space| colours.colour(&[Object::Real(t)], space);
        assert_eq!(tint(&colours, 1.0, space), Some([0, 82, 204]));
        assert_eq!(tint(&colours, 0.5, space), Some([115, 161, 229]));
        assert_eq!(tint(&colours, 0.0, space), Some([255, 255, 255]));
        assert_eq!(colours.initial(space), Some([0, 82, 204]));
        // a transform of another type (sampled), or into a space of other
        // components, leaves the tint a grey of that much ink
        for other in &spaces[1..] {
            let space = colours.space(&doc, other);
            assert_eq!(space, FillSpace::Tint);
            assert_eq!(tint(&colours, 0.3, space), Some([178, 178, 178]));
        }
    }

    #[test]
    fn a_palette_gives_its_entries_and_nothing_past_its_end() {
        let colours = Colours {
            palettes: vec![Palette {
                base: FillSpace::Device,
                width: 1,
                entries: vec![0, 255],
            }],
            ..Colours::default()
        };
        let space = FillSpace::Indexed(0);
        let entry = |i: f64| colours.colour(&[Object::Real(i as f32)], space);
        assert_eq!(entry(1.0), Some([255, 255, 255]));
        assert_eq!(colours.initial(space), Some([0, 0, 0]));
        assert_eq!(entry(2.0), None);
        assert_eq!(entry(1e30), None);
    }
}

//! Right-to-left text back into reading order.
//!
//! A PDF places glyphs where they are seen, and the producers of Hebrew and
//! Arabic reports draw them left to right, so a line read in drawing order is
//! in visual order: every right-to-left word comes out reversed. The fix is
//! the Unicode bidirectional algorithm run backwards, as tabula and PDFBox do
//! it: split the line into runs of one direction, reverse the right-to-left
//! runs, and where right-to-left text dominates the line, reverse the order of
//! the runs too. Digits and number punctuation count as left-to-right, so
//! "-4.3" and "2014" keep their order inside a Hebrew line.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Direction {
    Ltr,
    Rtl,
    Neutral,
}

fn direction(c: char) -> Direction {
    if is_rtl(c) {
        Direction::Rtl
    } else if c.is_alphanumeric() || ",./:+-#$%°±".contains(c) || is_currency(c) {
        Direction::Ltr
    } else {
        Direction::Neutral
    }
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
        && !c.is_numeric()
}

fn is_currency(c: char) -> bool {
    matches!(c, '€' | '£' | '¥' | '₪' | '¢')
}

/// Whether the text holds any right-to-left letter (most lines do not, and stay as they are).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl)
}

/// A line's text in reading order, from the visual (drawing) order.
pub fn visual_to_logical(text: &str) -> String {
    if !has_rtl(text) {
        return text.to_string();
    }
    // Letters decide which direction dominates; digits take the line's.
    let rtl_letters = text.chars().filter(|c| is_rtl(*c)).count();
    let ltr_letters = text
        .chars()
        .filter(|c| c.is_alphabetic() && !is_rtl(*c))
        .count();
    let rtl_dominant = rtl_letters > ltr_letters;
    let minority = if rtl_dominant {
        Direction::Ltr
    } else {
        Direction::Rtl
    };
    let mut runs: Vec<Vec<char>> = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut run_dir = Direction::Neutral;
    for c in text.chars() {
        let d = direction(c);
        if run_dir == Direction::Neutral {
            run_dir = d;
        }
        if d == run_dir || d == Direction::Neutral {
            // A space inside a run of the minority direction belongs before it:
            // once runs are reordered it separates the run from what preceded it.
            if c.is_whitespace() && run_dir == minority {
                run.insert(0, c);
            } else {
                run.push(c);
            }
            continue;
        }
        finish_run(&mut runs, std::mem::take(&mut run), run_dir);
        run.push(c);
        run_dir = d;
    }
    finish_run(&mut runs, run, run_dir);
    if rtl_dominant {
        runs.reverse();
    }
    runs.into_iter().flatten().collect()
}

fn finish_run(runs: &mut Vec<Vec<char>>, mut run: Vec<char>, dir: Direction) {
    if dir == Direction::Rtl {
        run.reverse();
    }
    if !run.is_empty() {
        runs.push(run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_is_unchanged() {
        assert_eq!(visual_to_logical("Total (£m) 2014"), "Total (£m) 2014");
    }

    #[test]
    fn hebrew_drawn_left_to_right_reads_right_to_left() {
        // "total" (סך הכל) drawn in visual order
        assert_eq!(visual_to_logical("לכה ךס"), "סך הכל");
    }

    #[test]
    fn numbers_inside_hebrew_keep_their_digit_order() {
        assert_eq!(visual_to_logical("2014 תנש"), "שנת 2014");
        assert_eq!(visual_to_logical("-4.3"), "-4.3");
    }

    #[test]
    fn a_number_between_hebrew_words_stays_between_them() {
        // visual "B (1) A" where A and B are Hebrew words: logical order is A, then 1, then B
        let logical = visual_to_logical("בב (1) אא");
        assert!(logical.starts_with("אא"), "{logical}");
        assert!(logical.ends_with("בב"), "{logical}");
        assert!(logical.contains('1'), "{logical}");
    }
}

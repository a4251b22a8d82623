//! Cells whose wrapped text overruns the clip its producer drew it under.
//!
//! A spreadsheet clips each cell's text to the cell. A row set shorter than
//! its wrapped text (its height fixed, or not fitted again after an edit)
//! shows one line of the cell's text, and the lines above or below it are
//! drawn into the rows around it, hidden or cut by the clip. Read by place,
//! they would join the neighbouring rows' cells; they are the cell's own
//! text, so each such line is read as part of the line the clip shows.

use super::interpreter::Glyph;

/// A clip at most this many of its text's sizes tall is a cell's one or two
/// lines, not a frame, a text box or a page's body.
const MAX_CELL_CLIP_SIZES: f64 = 3.0;

/// Glyphs whose baselines lie closer than this (× size) share a line.
const SAME_LINE: f64 = 0.3;

/// A gap between two glyphs of a line wider than this (× size) is a word space.
const WORD_GAP: f64 = 0.2;

/// Reads the lines each cell-sized clip hides, their middles above or below
/// it, with the lines it shows: those above open the first shown line's
/// text and those below close the last's, in their order, where the shown
/// lines stay. (Two lines set round the middle of a row too short for them
/// are both shown in part, and stay as they are: a reader of a cell set at
/// its middle reads them so.) `clip_of[i]` is the clip glyph `i` was drawn under (0 for
/// none, else `clips[clip_of[i] - 1]`, its box as [x0, top, x1, bottom]).
/// Glyphs past the clip's sides (text too long for its cell's width, which
/// tables read as clipped) are left as they are.
pub fn fold_overflowing_cells(glyphs: &mut Vec<Glyph>, clip_of: &[u32], clips: &[[f64; 4]]) {
    if clip_of.len() != glyphs.len() {
        return;
    }
    let mut by_clip: Vec<Vec<usize>> = vec![Vec::new(); clips.len()];
    for (i, &c) in clip_of.iter().enumerate() {
        if c > 0 {
            if let Some(group) = by_clip.get_mut(c as usize - 1) {
                group.push(i);
            }
        }
    }
    let mut folded = vec![false; glyphs.len()];
    for (group, clip) in by_clip.iter().zip(clips) {
        fold_cell(glyphs, group, *clip, &mut folded);
    }
    if folded.iter().any(|&f| f) {
        let mut i = 0;
        glyphs.retain(|_| {
            i += 1;
            !folded[i - 1]
        });
    }
}

/// Folds the lines of one clip's glyphs (`group`), as
/// [`fold_overflowing_cells`] says, marking the glyphs folded away.
fn fold_cell(glyphs: &mut [Glyph], group: &[usize], clip: [f64; 4], folded: &mut [bool]) {
    let [x0, top, x1, bottom] = clip;
    let within_sides = |g: &Glyph| {
        let cx = g.centre().0;
        g.dir == [1.0, 0.0] && cx >= x0 && cx <= x1
    };
    let members: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&i| within_sides(&glyphs[i]))
        .collect();
    let Some(size) = members.iter().map(|&i| glyphs[i].size).reduce(f64::max) else {
        return;
    };
    if size <= 0.0 || bottom - top > MAX_CELL_CLIP_SIZES * size {
        return;
    }
    let lines = lines_of(glyphs, &members, size);
    let centre = |line: &[usize]| {
        let (t, b) = line.iter().fold((f64::MAX, f64::MIN), |(t, b), &i| {
            (t.min(glyphs[i].top), b.max(glyphs[i].bottom))
        });
        (t + b) / 2.0
    };
    // (the lines the clip shows, some of them cut, between those it hides)
    let shown: Vec<usize> = (0..lines.len())
        .filter(|&k| (top..=bottom).contains(&centre(&lines[k])))
        .collect();
    let (Some(&upper), Some(&lower)) = (shown.first(), shown.last()) else {
        return;
    };
    let text_of = |lines: &[Vec<usize>]| -> String {
        let words: Vec<String> = lines.iter().map(|l| line_text(glyphs, l)).collect();
        words.join(" ")
    };
    let before = text_of(&lines[..upper]);
    let after = text_of(&lines[lower + 1..]);
    if before.is_empty() && after.is_empty() {
        return;
    }
    let (first, last) = (lines[upper][0], lines[lower][lines[lower].len() - 1]);
    if !before.is_empty() {
        glyphs[first].text = format!("{before} {}", glyphs[first].text).into();
    }
    if !after.is_empty() {
        glyphs[last].text = format!("{} {after}", glyphs[last].text).into();
    }
    for &i in lines[..upper].iter().chain(&lines[lower + 1..]).flatten() {
        folded[i] = true;
    }
}

/// The glyphs (`members`) as lines from the top, each in order from the left.
fn lines_of(glyphs: &[Glyph], members: &[usize], size: f64) -> Vec<Vec<usize>> {
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| glyphs[a].origin[1].total_cmp(&glyphs[b].origin[1]));
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for i in sorted {
        match lines.last_mut() {
            Some(line)
                if (glyphs[i].origin[1] - glyphs[line[0]].origin[1]).abs() < SAME_LINE * size =>
            {
                line.push(i)
            }
            _ => lines.push(vec![i]),
        }
    }
    for line in &mut lines {
        line.sort_by(|&a, &b| glyphs[a].x0.total_cmp(&glyphs[b].x0));
    }
    lines
}

/// A line's text, a space where its glyphs stand a word's space apart.
fn line_text(glyphs: &[Glyph], line: &[usize]) -> String {
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    for &i in line {
        let g = &glyphs[i];
        if previous.is_some_and(|p| g.x0 - p.x1 > WORD_GAP * g.size) {
            text.push(' ');
        }
        text.push_str(&g.text);
        previous = Some(g);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::interpreter::test_glyphs;

    /// The glyphs of words set on one baseline from `x`, 6 pt to a letter.
    fn words(text: &str, x: f64, baseline: f64) -> Vec<Glyph> {
        test_glyphs(text, x, baseline, 10.0)
    }

    fn texts(glyphs: &[Glyph]) -> String {
        glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn lines_a_short_rows_clip_hides_are_read_with_the_line_it_shows() {
        // a label wrapped over two lines in a row one line tall, set at its
        // foot: its first line drawn above the row, hidden by the clip
        let mut glyphs = words("Community", 50.0, 100.0);
        glyphs.extend(words("Partnership", 50.0, 112.0));
        glyphs.extend(words("512", 200.0, 112.0));
        let clip_of: Vec<u32> = (0..glyphs.len())
            .map(|i| if i < 20 { 1 } else { 0 })
            .collect();
        let clips = [[48.0, 103.0, 150.0, 116.0]];
        fold_overflowing_cells(&mut glyphs, &clip_of, &clips);
        assert_eq!(texts(&glyphs), "Community Partnership512");
        assert!(glyphs.iter().all(|g| g.origin[1] == 112.0));
        // the lines of a clip tall enough for them, or a clip a frame's
        // size, are left as drawn
        for clip in [[48.0, 90.0, 150.0, 116.0], [48.0, 60.0, 150.0, 116.0]] {
            let mut glyphs = words("Community", 50.0, 100.0);
            glyphs.extend(words("Partnership", 50.0, 112.0));
            let before = glyphs.len();
            fold_overflowing_cells(&mut glyphs, &vec![1; before], &[clip]);
            assert_eq!(glyphs.len(), before, "{clip:?}");
        }
    }

    #[test]
    fn lines_hidden_above_and_below_a_clip_open_and_close_the_lines_it_shows() {
        // set at the middle of a row too short for them: the middle two
        // lines shown in part, the first and last hidden
        let mut glyphs = words("Road", 50.0, 92.0);
        glyphs.extend(words("Safety", 50.0, 104.0));
        glyphs.extend(words("Partnership", 50.0, 115.0));
        glyphs.extend(words("Fund", 50.0, 127.0));
        let n = glyphs.len();
        let clip = [48.0, 100.0, 150.0, 112.5];
        fold_overflowing_cells(&mut glyphs, &vec![1; n], &[clip]);
        let line = |baseline: f64| -> String {
            let on = glyphs.iter().filter(|g| g.origin[1] == baseline);
            on.map(|g| g.text.as_str()).collect()
        };
        assert_eq!(line(104.0), "Road Safety");
        assert_eq!(line(115.0), "Partnership Fund");
        assert_eq!(glyphs.len(), "SafetyPartnership".len());
    }
}

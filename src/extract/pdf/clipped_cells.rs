//! Cells whose wrapped text overruns the clip its producer drew it under.
//!
//! A spreadsheet clips each cell's text to the cell. A row set shorter than
//! its wrapped text (its height fixed, or not fitted again after an edit)
//! shows one line of the cell's text, and the lines above or below it are
//! drawn into the rows around it, hidden or cut by the clip. Read by place,
//! they would join the neighbouring rows' cells; they are the cell's own
//! text, so each such line is read as part of the line the clip shows.

use super::interpreter::Glyph;
use super::layout::{page_lines, LayoutSettings};

/// A clip at most this many of its text's sizes tall is a cell's one or two
/// lines, not a frame, a text box or a page's body.
const MAX_CELL_CLIP_SIZES: f64 = 3.0;

/// A line's box reaching past a clip's top or foot by at most this (× size)
/// is shown whole: the box stands a hair above a font's capitals.
const CUT_SLACK: f64 = 0.25;

/// Lines whose block's middle lies this near (× size) the clip's middle are
/// set at the middle of their cell.
const MIDDLE_SLACK: f64 = 0.25;

/// Glyphs whose baselines lie closer than this (× size) share a line.
const SAME_LINE: f64 = 0.3;

/// Reads the lines of each cell-sized clip that the clip cuts or hides at
/// its top or foot as the cell's. Set at the clip's middle (their block's
/// middle at its middle, as a row too short for them sets them), they are
/// read as one line there, where the row's other cells stand; else those
/// above the lines it shows whole open the first whole line's text and those
/// below close the last's, in their order, where the whole lines stay.
/// `clip_of[i]` is the clip glyph `i` was drawn under (0 for none, else
/// `clips[clip_of[i] - 1]`, its box as [x0, top, x1, bottom]). Glyphs past
/// the clip's sides (text too long for its cell's width, which tables read
/// as clipped) are left as they are.
pub fn fold_overflowing_cells(glyphs: &mut Vec<Glyph>, clip_of: &[u32], clips: &[[f64; 4]]) {
    if clip_of.len() != glyphs.len() {
        return;
    }
    // (only clips a cell's size for the page's largest type: most glyphs are
    // drawn under the page's clip or none, and are passed over at once)
    let largest = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    let cell_sized = |c: u32| {
        let clip = clips.get((c as usize).wrapping_sub(1));
        clip.is_some_and(|b| b[3] - b[1] <= MAX_CELL_CLIP_SIZES * largest)
    };
    let mut in_cells: Vec<(u32, usize)> = (0..glyphs.len())
        .filter(|&i| cell_sized(clip_of[i]))
        .map(|i| (clip_of[i], i))
        .collect();
    if in_cells.is_empty() {
        return;
    }
    in_cells.sort_unstable();
    let mut folded = vec![false; glyphs.len()];
    for run in in_cells.chunk_by(|a, b| a.0 == b.0) {
        let group = run.iter().map(|&(_, i)| i);
        fold_cell(glyphs, group, clips[run[0].0 as usize - 1], &mut folded);
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
fn fold_cell(
    glyphs: &mut [Glyph],
    group: impl Iterator<Item = usize>,
    clip: [f64; 4],
    folded: &mut [bool],
) {
    let [x0, top, x1, bottom] = clip;
    let members: Vec<usize> = group
        .filter(|&i| {
            let g = &glyphs[i];
            let cx = g.centre().0;
            g.dir == [1.0, 0.0] && cx >= x0 && cx <= x1
        })
        .collect();
    // (most clips hold their text whole: seen before it is gathered into lines)
    let size = members.iter().map(|&i| glyphs[i].size).fold(0.0, f64::max);
    let overruns = members.iter().any(|&i| {
        let g = &glyphs[i];
        g.top < top - CUT_SLACK * g.size || g.bottom > bottom + CUT_SLACK * g.size
    });
    if !overruns || size <= 0.0 || bottom - top > MAX_CELL_CLIP_SIZES * size {
        return;
    }
    let lines = lines_of(glyphs, &members, size);
    let slack = CUT_SLACK * size;
    let whole = |line: &[usize]| {
        line.iter()
            .all(|&i| glyphs[i].top >= top - slack && glyphs[i].bottom <= bottom + slack)
    };
    let kept: Vec<usize> = (0..lines.len()).filter(|&k| whole(&lines[k])).collect();
    if lines.len() < 2 || kept.len() == lines.len() {
        return;
    }
    let (block_top, _) = extent(glyphs, &lines[0]);
    let (_, block_bottom) = extent(glyphs, &lines[lines.len() - 1]);
    let middle = (top + bottom) / 2.0;
    let set_at_middle = ((block_top + block_bottom) / 2.0 - middle).abs() < MIDDLE_SLACK * size;
    let (upper, lower) = match (kept.first(), kept.last()) {
        (Some(&upper), Some(&lower)) if !set_at_middle => (upper, lower),
        _ if !set_at_middle => return,
        // (lines set round the clip's middle: read as the first, moved to
        // the middle, where the row's other cells stand)
        _ => {
            let (line_top, line_bottom) = extent(glyphs, &lines[0]);
            let shift = middle - (line_top + line_bottom) / 2.0;
            for &i in &lines[0] {
                let g = &mut glyphs[i];
                (g.top, g.bottom, g.origin[1]) =
                    (g.top + shift, g.bottom + shift, g.origin[1] + shift);
            }
            (0, 0)
        }
    };
    // (each line's text as the page's lines read it, its words spaced so)
    let text_of = |lines: &[Vec<usize>]| -> String {
        let line = lines.iter().flatten().map(|&i| &glyphs[i]);
        let read = page_lines(0, line, &[], &LayoutSettings::default());
        let texts: Vec<&str> = read.iter().map(|l| l.text.trim()).collect();
        texts.join(" ")
    };
    let before = text_of(&lines[..upper]);
    let after = text_of(&lines[lower + 1..]);
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

/// The top and foot of a line's glyphs.
fn extent(glyphs: &[Glyph], line: &[usize]) -> (f64, f64) {
    line.iter().fold((f64::MAX, f64::MIN), |(t, b), &i| {
        (t.min(glyphs[i].top), b.max(glyphs[i].bottom))
    })
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
    fn a_cells_lines_round_the_middle_of_a_short_clip_are_one_line_at_its_middle() {
        // set at the middle of a row too short for them, every line cut or
        // hidden: one line, where the row's figures stand
        let mut glyphs = words("Road", 50.0, 92.0);
        glyphs.extend(words("Safety", 50.0, 104.0));
        glyphs.extend(words("Partnership", 50.0, 115.0));
        glyphs.extend(words("Fund", 50.0, 127.0));
        let n = glyphs.len();
        let clip = [48.0, 100.0, 150.0, 112.5];
        fold_overflowing_cells(&mut glyphs, &vec![1; n], &[clip]);
        assert_eq!(texts(&glyphs), "Road Safety Partnership Fund");
        let g = &glyphs[0];
        assert!(((g.top + g.bottom) / 2.0 - 106.25).abs() < 1e-9, "{g:?}");
    }

    #[test]
    fn a_line_a_clip_cuts_at_its_foot_closes_the_line_it_shows_whole() {
        // set at the top of a row a line and a half tall
        let mut glyphs = words("Safer", 50.0, 110.0);
        glyphs.extend(words("Streets", 50.0, 122.0));
        let n = glyphs.len();
        fold_overflowing_cells(&mut glyphs, &vec![1; n], &[[48.0, 100.0, 150.0, 118.0]]);
        assert_eq!(texts(&glyphs), "Safer Streets");
        assert!(glyphs.iter().all(|g| g.origin[1] == 110.0));
    }
}

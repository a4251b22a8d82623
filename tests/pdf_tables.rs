//! Ruled tables in the corpus reports come out row for row and cell for cell.

use reportmine::document::{Document, Table};
use reportmine::extract::extract_file;
use reportmine::extract::pdf::{TableMethod, TableRequest};
use std::path::Path;

fn read(rel: &str) -> Document {
    extract_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel), "id", rel).unwrap()
}

fn doc(name: &str) -> Document {
    read(&format!("raw/cambridgeshire-pcc/{name}"))
}

fn fixture(name: &str) -> Document {
    read(&format!("tests/fixtures/pdf/{name}"))
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks.iter().filter_map(|b| b.table.as_ref()).collect()
}

/// The document's one table (the rows of all it has, when it has others).
fn only_table(doc: &Document) -> &Table {
    let t = tables(doc);
    assert_eq!(
        t.len(),
        1,
        "{:?}",
        t.iter().map(|t| rows(t)).collect::<Vec<_>>()
    );
    t[0]
}

/// The document's tables, which must be `n` (their rows shown when not).
fn n_tables(doc: &Document, n: usize) -> Vec<&Table> {
    let t = tables(doc);
    assert_eq!(
        t.len(),
        n,
        "{:?}",
        t.iter().map(|t| rows(t)).collect::<Vec<_>>()
    );
    t
}

/// Cell texts with line breaks as spaces.
fn rows(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| r.iter().map(|c| c.text.replace('\n', " ")).collect())
        .collect()
}

fn column(t: &Table, c: usize) -> Vec<String> {
    rows(t).into_iter().map(|r| r[c].clone()).collect()
}

#[test]
fn grant_tables_of_2013_14_join_over_pages_with_every_row() {
    let d = doc("annual-report-2013-14.pdf");
    let t = tables(&d);
    assert_eq!(
        t.len(),
        2,
        "the crime and disorder grants table spans pages 13-15 and is one table"
    );
    let cdrg = t[0];
    assert_eq!(cdrg.page, Some(13));
    assert_eq!(
        rows(cdrg)[0],
        vec!["Partner", "Allocation 2013-14 (£)", "Rationale"]
    );
    assert_eq!(cdrg.header_rows, 1);
    let partners = column(cdrg, 0);
    let allocations = column(cdrg, 1);
    assert_eq!(partners.len(), 15);
    assert_eq!(partners[1], "Cambridge City Community Safety Partnership");
    assert_eq!(partners[14], "Neighbourhood Watch");
    assert_eq!(
        allocations[1..],
        [
            "45,820", "41,080", "28,440", "22,120", "20,540", "41,000", "35,000", "207,575",
            "116,022", "116,000", "91,762", "74,584", "60,000", "2,500"
        ]
    );
    // A rationale that wraps over many lines, with bullets, stays one cell.
    assert!(
        rows(cdrg)[5][2].starts_with("The grant will be used for ▪ helping to keep people safe"),
        "{}",
        rows(cdrg)[5][2]
    );

    let victims = t[1];
    assert_eq!(
        rows(victims)[0],
        vec!["Recipient", "Award (£)", "Rationale"]
    );
    assert_eq!(victims.rows.len(), 15);
    // Cambridge and Peterborough Rape Crisis share one award: a cell spanning two rows.
    let r = rows(victims);
    assert_eq!(
        (r[2][0].as_str(), r[2][1].as_str(), r[3][0].as_str()),
        (
            "Cambridge Rape Crisis",
            "35,000",
            "Peterborough Rape Crisis"
        )
    );
    assert_eq!(victims.rows[2][1].row_span, 2);
    // The research team has two awards: its name spans two rows.
    assert_eq!(victims.rows[6][0].row_span, 2);
    assert_eq!((r[6][1].as_str(), r[7][1].as_str()), ("5,000", "5,000"));
    assert_eq!(
        column(victims, 1)[1..]
            .iter()
            .filter(|a| !a.is_empty())
            .count(),
        13
    );
}

#[test]
fn statistics_workforce_and_funding_tables_of_2020_21() {
    let d = doc("annual-report-2020-21.pdf");
    let t = tables(&d);
    let find = |first: &str| {
        *t.iter()
            .find(|t| t.rows[0][0].text == first)
            .unwrap_or_else(|| panic!("no table {first}"))
    };
    assert_eq!(
        rows(find("Type of offence")),
        vec![
            vec![
                "Type of offence",
                "% change",
                "No of offences 2019/20",
                "No of offences 2020/21"
            ],
            vec!["All crime", "-11.8%", "67,882", "59,883"],
            vec![
                "All violence against the person",
                "+ 8.5%",
                "20,775",
                "22,549"
            ],
            vec!["All sexual offences", "-0.1%", "2,049", "2,047"],
            vec!["All robbery", "-28.6%", "749", "535"],
            vec!["Theft offences", "-32.7%", "26,810", "18,054"],
            vec!["All criminal damage", "-17.5%", "7,882", "6,499"],
            vec!["Other crime against society", "+6.1%", "9,617", "10,199"],
        ]
    );
    assert_eq!(
        rows(find("Role")),
        vec![
            vec![
                "Role",
                "Full Time Equivalent 31/03/2020",
                "Full Time Equivalent 31/03/2021",
                "Variance",
                "Headcount 31/03/2021"
            ],
            vec!["Special Constables", "193", "168", "-25", "168"],
            vec!["PCSO", "72.8", "66.51", "-6.29", "70"],
            vec!["Staff", "831.74", "829.81", "-1.93", "923"],
            vec!["Officers", "1,543.49", "1,622.95", "+79.46", "1,652*"],
        ]
    );
    assert_eq!(
        rows(find("Funding")),
        vec![
            vec!["Funding", "£m"],
            vec!["Central Government Grant", "85.4"],
            vec!["Local Council Tax", "67.0"],
            vec!["Other Grants", "4.1"],
            vec!["TOTAL", "156.5"],
        ]
    );
}

#[test]
fn financial_appendix_of_the_2017_20_plan_has_every_row() {
    // A Chromium print: rules under the figures only, sections ruled differently.
    let d = doc("police-and-crime-plan-2017-20.pdf");
    let t = tables(&d);
    // The header band (filled, above the first rule) is the header row, its
    // three lines in each cell; the section label below it is a row.
    let table = *t
        .iter()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r[0].text == "Total Local Policing Expenditure")
        })
        .expect("appendix table");
    assert_eq!(table.header_rows, 1);
    let r = rows(table);
    assert_eq!(r.len(), 22);
    assert_eq!(
        r[0],
        vec![
            "",
            "Actuals 2016/17 £’000",
            "Forecast Outturn 2017/18 £’000",
            "Budget 2018/19 £’000",
            "Budget 2019/20 £’000",
            "Budget 2020/21 £’000"
        ]
    );
    assert_eq!(r[1], vec!["EXPENDITURE", "", "", "", "", ""]);
    let body = &r[2..];
    assert_eq!(
        body[0],
        vec![
            "Total Local Policing Expenditure",
            "78,195",
            "73,720",
            "74,947",
            "81,349",
            "83,120"
        ]
    );
    assert_eq!(
        body[8],
        vec![
            "GROSS REVENUE EXPENDITURE",
            "134,267",
            "134,407",
            "138,561",
            "146,490",
            "151,192"
        ]
    );
    assert_eq!(body[13][0], "FINANCED BY");
    assert_eq!(
        body[19],
        vec!["Budget Gap", "0", "0", "0", "-5,488", "-7,768"]
    );
}

fn in_area(name: &str, page: u32, area: [f64; 4]) -> Vec<Table> {
    requested(name, page, area, TableMethod::Auto)
}

fn requested(name: &str, page: u32, area: [f64; 4], method: TableMethod) -> Vec<Table> {
    read_as_asked(
        &format!("raw/cambridgeshire-pcc/{name}"),
        page,
        Some(area),
        method,
    )
}

/// The tables `reportmine tables` reads from a page of a file given an area and a method.
fn read_as_asked(rel: &str, page: u32, area: Option<[f64; 4]>, method: TableMethod) -> Vec<Table> {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
    let request = TableRequest {
        area,
        method,
        ..TableRequest::default()
    };
    reportmine::extract::pdf::requested_tables(&bytes, |p| p == page, &request)
        .unwrap()
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn an_area_around_a_ruled_table_gives_that_table() {
    // [top, left, bottom, right] around the 2020-21 crime statistics (page 17)
    let found = in_area("annual-report-2020-21.pdf", 17, [455.0, 60.0, 625.0, 535.0]);
    assert_eq!(found.len(), 1);
    let r = rows(&found[0]);
    assert_eq!(r.len(), 8);
    assert_eq!(r[1], vec!["All crime", "-11.8%", "67,882", "59,883"]);
}

#[test]
fn an_area_without_rules_is_read_as_one_table() {
    // the four data rows of the same table, below its header, with the rules cropped off:
    // everything in the area is the table, as tabula's and camelot's area options read it
    let whole = in_area("annual-report-2020-21.pdf", 17, [455.0, 60.0, 625.0, 535.0]);
    let full = rows(&whole[0]);
    let found = in_area("annual-report-2020-21.pdf", 17, [488.0, 60.0, 555.0, 535.0]);
    assert_eq!(found.len(), 1);
    let r = rows(&found[0]);
    assert!(r.len() >= 2, "{r:?}");
    for row in &r {
        assert!(full.contains(row), "{row:?} is not a row of the table");
    }
}

#[test]
fn the_stream_method_reads_a_ruled_table_as_its_rules_do() {
    // the 2020-21 crime statistics read line by line, their rules ignored
    let area = [455.0, 60.0, 625.0, 535.0];
    let ruled = requested("annual-report-2020-21.pdf", 17, area, TableMethod::Lattice);
    let stream = requested("annual-report-2020-21.pdf", 17, area, TableMethod::Stream);
    assert_eq!(stream.len(), 1);
    assert_eq!(rows(&stream[0]), rows(&ruled[0]));
}

#[test]
fn the_lattice_method_reads_an_area_with_no_rules_from_its_text() {
    // a word processor's table with its borders turned off: on the whole page
    // the lattice method finds no ruled table; given the table's area, it
    // reads the area's text, its wrapped cells whole, as its rules would
    let read = |area, method| requested_in_fixture("borderless-tables.pdf", area, method);
    assert!(read(None, TableMethod::Lattice).is_empty());
    let area = Some([145.0, 80.0, 385.0, 540.0]);
    let lattice = read(area, TableMethod::Lattice);
    assert_eq!(lattice.len(), 1);
    assert_eq!(lattice, read(area, TableMethod::Auto));
    assert_eq!(
        lattice[0][0],
        ["Recipient", "Allocation 2019-20 (£)", "Purpose"]
    );
    assert_eq!(lattice[0].len(), 6);
}

#[test]
fn the_stream_method_with_no_area_reads_the_pages_tables_not_its_prose() {
    // no area: the method finds the page's two tables, as tabula's guessed
    // areas and camelot's text edges do, and leaves the headings and
    // paragraphs round them (which a whole-page table would cut into cells)
    let stream = requested_in_fixture("borderless-tables.pdf", None, TableMethod::Stream);
    assert_eq!(stream.len(), 2);
    assert_eq!(stream[0][0], ["Recipient", "Allocation", "Purpose"]);
    assert_eq!(stream[0].len(), 14, "every line a row, as named");
    assert_eq!(stream[1][0], ["Indicator", "2018-19", "2019-20", "Change"]);
    let prose = |row: &Vec<String>| row.iter().any(|c| c.contains("partnership board"));
    assert!(!stream.iter().flatten().any(prose));
}

#[test]
fn the_stream_method_named_reads_every_line_as_a_row() {
    // named, the stream method lays the table out as tabula's, camelot's and
    // pdfplumber's stream modes do: a wrapped cell's lines each in a row of
    // their own (read without a method, the same area gives 7 rows, above)
    let area = Some([145.0, 80.0, 385.0, 540.0]);
    let stream = requested_in_fixture("borderless-tables.pdf", area, TableMethod::Stream);
    assert_eq!(stream.len(), 1);
    let stream = &stream[0];
    assert_eq!(stream.len(), 14);
    assert_eq!(stream[0], ["Recipient", "Allocation", "Purpose"]);
    assert_eq!(stream[2][0], "Northfield Youth Action");
    assert_eq!(
        stream[3],
        [
            "Trust",
            "",
            "rates of anti-social behaviour, working evenings and weekends"
        ]
    );
}

/// The rows of the tables read from page 1 of a fixture given an area and a method.
fn requested_in_fixture(
    name: &str,
    area: Option<[f64; 4]>,
    method: TableMethod,
) -> Vec<Vec<Vec<String>>> {
    read_as_asked(&format!("tests/fixtures/pdf/{name}"), 1, area, method)
        .iter()
        .map(rows)
        .collect()
}

#[test]
fn borderless_tables_keep_wrapped_cells_whole() {
    // a word processor's tables with their borders turned off (see the fixture's script)
    let d = fixture("borderless-tables.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    let grants = rows(t[0]);
    // ("Allocation" over "2019-20 (£)", wrapped at the row's top a leading
    // apart, is one heading of one header row)
    assert_eq!(t[0].header_rows, 1);
    assert_eq!(
        grants[0],
        vec!["Recipient", "Allocation 2019-20 (£)", "Purpose"]
    );
    assert_eq!(
        column(t[0], 0)[1..],
        [
            "Northfield Youth Action Trust",
            "Victim Support",
            "Riverside Domestic Abuse Advocacy Service",
            "Safer Roads Partnership",
            "Eastgate Neighbourhood Watch Association"
        ]
    );
    assert_eq!(
        column(t[0], 1)[1..],
        ["48,250", "12,000", "36,400", "9,500", "2,750"]
    );
    // the purpose set over five lines is one cell, its lines in order
    let purpose = &t[0].rows[1][2].text;
    assert_eq!(purpose.lines().count(), 5, "{purpose}");
    assert!(purpose.starts_with("Detached youth workers in the three wards"));
    assert!(purpose.ends_with("quarterly report to the partnership on the outcomes achieved."));
    assert_eq!(
        grants[5][2],
        "Starter packs for new schemes and an annual conference for scheme coordinators across the district."
    );

    // set solid: the label carried on in lower case joins its cell
    let indicators = rows(t[1]);
    assert_eq!(t[1].header_rows, 1);
    assert_eq!(indicators.len(), 5);
    assert_eq!(
        indicators[2],
        vec![
            "Percentage of victims satisfied with the service they received",
            "79%",
            "83%",
            "+4 pts"
        ]
    );
    assert_eq!(
        indicators[4],
        vec!["Hate crime reports", "812", "905", "+11.5%"]
    );
}

#[test]
fn tables_printed_sideways_are_read_across_their_rows() {
    // page 1 turned a quarter anticlockwise (text reads up), page 2 clockwise
    let d = fixture("rotated-tables.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 4);
    for page in [1, 2] {
        let on_page: Vec<&&Table> = t.iter().filter(|t| t.page == Some(page)).collect();
        let spending = on_page
            .iter()
            .find(|t| t.rows.len() == 5)
            .expect("the ruled table");
        assert_eq!(
            rows(spending)[0],
            [
                "Service",
                "2019-20 (£000)",
                "2020-21 (£000)",
                "2021-22 (£000)",
                "Change"
            ]
        );
        assert_eq!(rows(spending)[4], ["Youth fund", "70", "72", "80", "11.1%"]);
        let officers = on_page
            .iter()
            .find(|t| t.rows.len() == 4)
            .expect("the unruled table");
        assert_eq!(rows(officers)[1], ["Northfield", "212", "64", "18"]);
        // placed where it is printed: taller than wide on the portrait page
        let [x0, top, x1, bottom] = officers.bbox.unwrap();
        assert!(bottom - top > 3.0 * (x1 - x0), "{:?}", officers.bbox);
    }
    // and read in order, each caption before its table
    let texts: Vec<&str> = d
        .blocks
        .iter()
        .filter(|b| b.page == Some(1))
        .map(|b| b.text.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(
        texts,
        [
            "Spending by service",
            "Service",
            "Officers by district",
            "District"
        ]
    );
}

#[test]
fn a_table_ruled_round_its_header_and_foot_only_has_a_row_per_record() {
    // booktabs style: rules above and below the header and under the last row
    let d = fixture("booktabs-table.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 1, "the title above the top rule is not a header");
    assert_eq!(t[0].header_rows, 1);
    assert_eq!(
        rows(t[0]),
        [
            ["Offence", "2021-22", "2022-23", "Change"],
            ["Violence against the person", "21,318", "22,904", "7.4%"],
            ["Sexual offences", "2,711", "2,590", "-4.5%"],
            ["Robbery", "749", "812", "8.4%"],
            ["Theft offences", "18,054", "19,377", "7.3%"],
            ["Criminal damage and arson", "7,412", "7,006", "-5.5%"],
            ["All recorded crime", "67,882", "70,115", "3.3%"],
        ]
    );
}

#[test]
fn a_spreadsheet_whose_headings_run_across_columns_keeps_its_columns() {
    // headings set larger than their cells run into the next, under years
    // centred over two columns each; the figures set the columns
    let d = fixture("spreadsheet-budget.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header_rows, 2);
    let r = rows(t[0]);
    assert_eq!(r.len(), 9);
    assert_eq!(r[0], ["", "2022-23", "", "2023-24", ""]);
    assert_eq!(r[1].len(), 5);
    assert_eq!(
        (r[1][0].as_str(), r[1][4].as_str()),
        ("Service", "Change %")
    );
    assert!(r[1][2].starts_with("Outturn"), "{:?}", r[1]);
    assert_eq!(r[2], ["Local policing", "78,195", "79,210", "81,349", "4"]);
    assert_eq!(
        r[8],
        ["Net expenditure", "115,745", "116,874", "122,126", ""]
    );
}

#[test]
fn a_spreadsheets_cells_set_a_hair_apart_stay_apart() {
    // headings flush left, figures flush right, text flush left: a figure
    // stands closer to the next column's text than a word space, and a
    // heading to the figures of the column before it (see the script)
    let d = fixture("calc-close-cells.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    assert_eq!(
        rows(t[0]),
        [
            ["Partner", "Award", "Purpose", "Reached"],
            [
                "Road Safety Partnership",
                "£102,088",
                "Speed awareness in schools",
                "353"
            ],
            [
                "Safer Streets",
                "£35,960",
                "Workers on the night bus routes",
                "13"
            ],
            [
                "St Giles Trust",
                "£121,693",
                "Mentoring young people",
                "4,150"
            ],
            [
                "Red Hen Project",
                "£8,247",
                "Family support in the villages",
                "96"
            ],
            [
                "The Kite Trust",
                "£22,471",
                "Training for youth workers",
                "210"
            ],
        ]
    );
    // ruled under every row, the headings white on a dark fill
    assert_eq!(
        rows(t[1]),
        [
            ["Service", "2022/23", "Purpose", "Result"],
            [
                "Ormiston Families",
                "556,535",
                "Family support workers",
                "482,216"
            ],
            ["St Giles Trust", "132,307", "Mentoring", "984"],
            [
                "Road Safety Partnership",
                "869,406",
                "Speed awareness courses",
                "5,659"
            ],
            [
                "Youth Offending Service",
                "473",
                "Reparation projects",
                "53,115"
            ],
        ]
    );
}

#[test]
fn a_table_beside_a_column_of_prose_takes_none_of_its_lines() {
    // a small unruled table at the foot of a two-column page's left column:
    // the right column's prose runs on past it, on baselines the table shares
    let d = fixture("two-column-page.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(
        rows(t[0]),
        [
            ["Measure", "2020", "2021"],
            ["Calls", "1,200", "1,350"],
            ["Visits", "300", "280"],
        ]
    );
}

#[test]
fn an_html_tables_zebra_stripes_painted_word_by_word_make_no_grid() {
    // MuPDF's HTML engine paints a shaded cell's colour again behind each of
    // its words and spaces: rectangles on a fill of their own colour, which
    // show no edge (see the fixture's script)
    let d = fixture("html-banded-rows.pdf");
    let r = rows(only_table(&d));
    assert_eq!(r.len(), 5);
    assert_eq!(r[0], ["Recipient", "Award", "Purpose"]);
    assert_eq!(
        r[1],
        [
            "Northfield Youth Action Trust",
            "48,250",
            "Detached youth workers in the three wards with the highest rates of anti-social behaviour"
        ]
    );
    assert_eq!(
        r[3],
        [
            "Riverside Domestic Abuse Advocacy Service",
            "36,400",
            "Two independent domestic violence advisers based at the hospital"
        ]
    );
}

#[test]
fn bar_charts_are_no_tables_and_their_values_stay_in_the_text() {
    // two bar charts with gridlines (a grid holding a value here and there),
    // and the ruled table of their figures below (see the fixture's script)
    let d = fixture("bar-charts.pdf");
    let r = rows(only_table(&d));
    assert_eq!(r[0], ["District", "2021-22", "2022-23"]);
    assert_eq!(r.len(), 6);
    let text: String = d
        .blocks
        .iter()
        .filter(|b| b.table.is_none())
        .map(|b| format!("{} ", b.text))
        .collect();
    for value in ["412", "510", "233", "478"] {
        assert_eq!(
            text.matches(value).count(),
            2,
            "{value} on each chart: {text}"
        );
    }
}

#[test]
fn rows_drawn_without_rules_between_group_rules_are_rows_and_each_group_label_joins_one() {
    // rules across the table only between groups of rows, the group's label
    // in the middle of the group in the last column: there each row's cell
    // is outlined in one fixture and nothing is in the other (see the
    // fixtures' script); a group of two rows has its label between them
    let expected = [
        ["District", "Offences", "Rate", "Trend"],
        ["Cambridge", "4,120", "31.2", ""],
        ["Fenland", "2,210", "22.4", "Falling"],
        ["Huntingdonshire", "3,005", "17.0", ""],
        ["East Cambridgeshire", "1,180", "13.1", ""],
        ["South Cambridgeshire", "2,460", "15.3", "Steady"],
        ["Peterborough", "9,870", "45.9", ""],
        ["Rutland", "640", "15.8", ""],
        ["March", "910", "41.0", "Rising"],
        ["Wisbech", "1,330", "39.6", ""],
    ];
    for name in ["grouped-rows.pdf", "group-rules-only.pdf"] {
        let d = fixture(name);
        assert_eq!(rows(only_table(&d)), expected, "{name}");
    }
}

#[test]
fn a_statement_of_accounts_is_one_table_with_its_section_labels() {
    // no column rules; bold section labels in the rows' pitch; subtotal
    // rules over the figure columns only; "2022-23" over "£000"
    let d = fixture("accounts-statement.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header_rows, 2, "the section label is no heading");
    let r = rows(t[0]);
    assert_eq!(r.len(), 13);
    assert_eq!(r[0], ["", "Note", "2022-23", "2021-22"]);
    assert_eq!(r[1], ["", "", "£000", "£000"]);
    assert_eq!(r[2], ["Income", "", "", ""]);
    assert_eq!(r[3], ["Police grant", "3", "(98,112)", "(95,004)"]);
    assert_eq!(r[7], ["Expenditure", "", "", ""]);
    assert_eq!(r[12], ["(Surplus) for the year", "", "(3,235)", "(3,959)"]);
    // the box takes in every row, the parts above and below the first rule
    let b = t[0].bbox.expect("a box");
    assert!(b[3] - b[1] > 12.0 * 18.0 - 1.0, "{b:?}");
}

#[test]
fn headings_flush_left_head_the_figures_flush_right_below_them() {
    let d = fixture("aligned-cells.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 4, "the headings part the tables");
    assert_eq!(t[0].header_rows, 3);
    let r = rows(t[0]);
    assert_eq!(r.len(), 8);
    assert_eq!(
        column(t[0], 1)[..4],
        ["Recorded", "offences", "2021-22", "5,123"]
    );
    assert_eq!(
        r[3],
        ["Violence with injury", "5,123", "5,410", "287", "6.2"]
    );
    assert_eq!(r[2][4], "population");
}

#[test]
fn a_wrapped_cell_is_one_cell_with_figures_at_its_top_centre_or_foot() {
    let d = fixture("aligned-cells.pdf");
    let t = tables(&d);
    for (table, align) in t[1..].iter().zip(["top", "centre", "foot"]) {
        assert_eq!(table.header_rows, 1, "{align}");
        assert_eq!(
            rows(table),
            [
                ["Service", "Budget", "Spend"],
                [
                    "Victim and witness services including the independent domestic violence advisers",
                    "1,200",
                    "1,150"
                ],
                ["Community safety partnerships", "800", "790"],
                [
                    "Youth offending services and diversion schemes for young people",
                    "650",
                    "700"
                ],
                ["Drug and alcohol treatment", "400", "380"],
            ],
            "figures at the {align}"
        );
    }
}

#[test]
fn footnote_marks_stay_in_their_cells_as_superscripts() {
    // a raised "2" after "300" is a mark, not a digit of the figure
    let d = fixture("footnote-marks.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2, "ruled and unruled");
    for table in t {
        assert_eq!(
            rows(table),
            [
                ["Offence", "2021", "2022"],
                ["Burglary¹", "1,234*", "1,100"],
                ["Robbery", "345", "300²"],
                ["Theft³", "2,345", "2,000"],
                ["Fraud", "999", "1,020"],
            ]
        );
    }
}

#[test]
fn a_heading_clear_of_its_figures_in_a_table_ruled_between_rows_heads_them() {
    let d = fixture("word-grants-table.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].header_rows, 1);
    assert_eq!(
        column(t[0], 1),
        ["Amount (£)", "45,000", "12,500", "8,750", "20,000"]
    );
    assert_eq!(
        rows(t[0])[2],
        [
            "Peterborough Youth Trust",
            "12,500",
            "Detached youth work on Friday and Saturday nights."
        ]
    );
    assert_eq!(
        rows(t[1])[0],
        ["Quarter", "Referrals", "Engaged", "Completed"]
    );
    assert_eq!(rows(t[1])[4], ["Q4", "150", "122", "101"]);
}

#[test]
fn a_header_merged_over_two_rows_is_two_header_rows_with_its_spans() {
    let d = fixture("word-merged-header.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header_rows, 2);
    let head = &t[0].rows[0];
    let spans: Vec<(&str, u32, u32)> = head
        .iter()
        .map(|c| (c.text.as_str(), c.row_span, c.col_span))
        .collect();
    assert_eq!(
        spans,
        [
            ("Crime type", 2, 1),
            ("2021-22", 1, 2),
            ("", 0, 0),
            ("2022-23", 1, 2),
            ("", 0, 0)
        ]
    );
    let r = rows(t[0]);
    assert_eq!(
        r[1],
        ["", "Offences", "Solved (%)", "Offences", "Solved (%)"]
    );
    assert_eq!(r[6], ["Total", "6,690", "", "6,564", ""]);
}

#[test]
fn rows_a_page_break_carries_over_join_their_table() {
    // the last row (ruled) or two (unruled) at the top of the next page,
    // with no header repeated: too few to be a table on their own
    let cases = [
        (
            "table-tail-ruled.pdf",
            24,
            ["Organisation 23", "1,851", "West"],
        ),
        (
            "table-tail-unruled.pdf",
            25,
            ["Organisation 24", "1,888", "North"],
        ),
        // (the two rows carried over have an empty cell: divided as the table is)
        ("table-tail-gaps.pdf", 25, ["Organisation 24", "1,888", ""]),
    ];
    for (name, awards, last) in cases {
        let d = fixture(name);
        let t = tables(&d);
        assert_eq!(t.len(), 1, "{name}");
        let r = rows(t[0]);
        assert_eq!(r.len(), awards + 1, "{name}");
        assert_eq!(r[awards], last, "{name}");
        // the paragraph after the table is not taken in
        assert!(d
            .blocks
            .iter()
            .any(|b| b.text.contains("scored by a panel")));
    }
}

#[test]
fn numbered_running_headers_and_footers_are_no_rows_of_a_table_run_over_pages() {
    // (ReportLab: the report's title and the page number over each page, as
    // close above the table as its rows stand apart, and "Page 2 of 4" under
    // it; the table's last two rows run over to the top of the last page:
    // make_numbered_headers.py)
    // (over two pages the header is not seen repeated: it stands apart
    // above the rows carried over, across the table's columns)
    for (name, awards) in [
        ("numbered-running-header.pdf", 120),
        ("numbered-running-header-two-pages.pdf", 40),
    ] {
        let d = fixture(name);
        let t = tables(&d);
        assert_eq!(t.len(), 1, "{name}");
        let r = rows(t[0]);
        assert_eq!(r.len(), awards + 1, "{name}");
        assert_eq!(r[0], ["Recipient", "Award (£)", "Area"]);
        assert!(
            r[1..]
                .iter()
                .enumerate()
                .all(|(i, row)| row[0] == format!("Organisation {i}")),
            "{name}: {r:?}"
        );
    }
}

#[test]
fn a_row_a_page_break_cuts_in_two_is_one_row_of_its_table() {
    // a word processor breaks rows across pages: the purposes of
    // "Hillcrest Youth Trust 18" and "Northfield Mind" end at the top of the
    // next page, above the table's next row; the amounts (2,000 to 2,159)
    // are no years, so the page's first rows are no header
    let d = fixture("word-split-row.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    let r = rows(t[0]);
    assert_eq!(r.len(), 36);
    assert_eq!(r[0], ["Organisation", "Amount (£)", "Purpose"]);
    for (i, name, amount, purpose) in [
        (
            18,
            "Hillcrest Youth Trust 18",
            "1,629",
            "Detached youth work on Friday nights.",
        ),
        (
            19,
            "Northfield Youth Trust 19",
            "1,666",
            "Detached youth work on Friday nights.",
        ),
        (
            32,
            "Northfield Mind",
            "2,000",
            "Counselling for victims of crime.",
        ),
        (
            33,
            "Eastgate Mind",
            "2,053",
            "Counselling for victims of crime.",
        ),
    ] {
        assert_eq!(r[i], [name, amount, purpose], "row {i}");
    }
    assert!(d
        .blocks
        .iter()
        .any(|b| b.text.contains("scored by a panel")));
    assert!(
        !d.blocks
            .iter()
            .any(|b| b.table.is_none() && b.text.trim() == "crime."),
        "no carried line is left as a paragraph"
    );
    // the second table repeats its head on each page; the row its break
    // cuts carries on its name and its purpose below the head repeated
    let r = rows(t[1]);
    assert_eq!(r.len(), 20);
    assert_eq!(r[0], ["Organisation", "Amount (£)", "Purpose"]);
    assert_eq!(
        r[14][..2],
        [
            "The Fenland Rural Neighbourhood Watch and Community Safety Association of the Villages",
            "12,100"
        ]
    );
    assert!(
        r[14][2].ends_with("for volunteers in the villages."),
        "{:?}",
        r[14]
    );
    assert_eq!(r[15][1], "36,400");
}

#[test]
fn tables_framed_with_rounded_corners_keep_their_corner_cells_and_columns() {
    // the frame's sides stop short of the corners by the corner's radius:
    // read as running on to the corners, so that the corner cells are cells
    // and the sides' ends make no columns of their own
    let d = fixture("rounded-frames.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    for table in t {
        let r = rows(table);
        assert_eq!(r.len(), 6);
        assert_eq!(r[0], ["Area", "Offences 2021", "Offences 2022", "Change"]);
        assert_eq!(r[5], ["East Cambridgeshire", "611", "640", "4.7%"]);
    }
}

#[test]
fn grids_ruled_in_dashes_or_dots_drawn_piece_by_piece_are_ruled_tables() {
    // every rule a row of separate strokes: dashes whose last piece is cut
    // short (2 pt) where it meets the frame, and 1 pt dots; the pieces join
    // into rules, so the header row inside the frame is kept and the box is
    // the frame's, not the text's
    let d = fixture("dashed-rules.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    for table in t {
        let r = rows(table);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0], ["Area", "Offences 2021", "Offences 2022"]);
        assert_eq!(r[3], ["Fenland", "812", "790"]);
        let [x0, _, x1, _] = table.bbox.expect("a box");
        assert_eq!((x0, x1), (50.0, 350.0));
    }
}

#[test]
fn text_too_long_for_its_cell_is_read_as_it_is_shown() {
    // clipped at the cell's side, the letters past it drawn but hidden: they
    // are not the next cell's; run on over empty cells with no clip: the
    // whole label is its first cell's
    let d = fixture("overflowing-cells.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    let clipped = rows(t[0]);
    assert_eq!(clipped.len(), 4);
    assert!("Independent domestic violence advisers".starts_with(&clipped[1][0]));
    assert!(clipped[1][0].starts_with("Independent domestic"));
    assert_eq!(clipped[1][1..], ["OPCC", "412,000"]);
    assert_eq!(clipped[3][1..], ["YOS", "96,400"]);
    let running_on = rows(t[1]);
    assert_eq!(running_on.len(), 5);
    assert_eq!(
        running_on[1],
        ["Victims and witnesses: services commissioned", "", ""]
    );
    assert_eq!(
        running_on[3],
        ["Offenders and reoffending: services commissioned", "", ""]
    );
    assert_eq!(
        running_on[4],
        ["Integrated offender management", "Force", "212,300"]
    );
}

#[test]
fn tables_drawn_with_fills_are_read_and_one_under_another_stay_apart() {
    // a dark header over banded rows; a tinted table ruled in white; banded
    // rows with no rules 20 pt under the tinted one, its header repeating the
    // one above: a header of its own starts a table, so it is not joined
    let d = fixture("shaded-tables.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 3);
    for table in t {
        let r = rows(table);
        assert_eq!(table.header_rows, 1);
        assert_eq!(r.len(), 6);
        assert_eq!(r[0], ["Area", "Offences 2021", "Offences 2022", "Change"]);
        assert_eq!(r[5], ["South Cambridgeshire", "611", "640", "4.7%"]);
    }
}

#[test]
fn tables_ruled_between_columns_only_keep_wrapped_cells_whole() {
    // column rules alone, then the same boxed with a rule under the header
    // (its body one ruled band read line by line): a purpose wrapped over
    // two or three lines is one cell in both
    let d = fixture("column-rules.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    for table in t {
        let r = rows(table);
        assert_eq!(r.len(), 5);
        assert_eq!(r[0], ["Recipient", "Award (£)", "Purpose"]);
        assert_eq!(
            r[3],
            [
                "Cambridge Women's Aid",
                "20,000",
                "Outreach workers for victims of domestic abuse in rural areas, \
                 and a helpline open in the evenings."
            ]
        );
        assert_eq!(
            r[4],
            [
                "Huntingdon Neighbourhood Watch",
                "1,500",
                "Signs and leaflets"
            ]
        );
    }
}

#[test]
fn rows_are_carried_over_only_from_the_page_just_before() {
    // page 1 ends with a table, page 2 is prose, page 3 opens with two rows
    // of three cells: read with page 2 or without it, they carry nothing over
    // from page 1 (without page 2 they would be read as rows carried over to
    // a page after page 1's, and made a table)
    use reportmine::extract::pdf::extract_pages;
    let rel = "tests/fixtures/pdf/table-tail-skipped.pdf";
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
    for pages in [vec![1, 2, 3], vec![1, 3]] {
        let d = extract_pages(&bytes, "id", rel, &|p| pages.contains(&p)).unwrap();
        let t = tables(&d);
        // (too few to be a table on their own, page 3's rows are no table)
        assert_eq!(t.len(), 1, "pages {pages:?}");
        let r = rows(t[0]);
        assert_eq!(r.len(), 24, "pages {pages:?}");
        assert_eq!(
            r[23],
            ["Organisation 22", "1,814", "East"],
            "pages {pages:?}"
        );
        assert!(
            d.blocks.iter().any(|b| b.text.contains("Training course")),
            "pages {pages:?}"
        );
    }
}

#[test]
fn headings_set_sideways_over_an_unruled_table_are_its_header() {
    // headings reading up beside an upright stub heading at their foot, one
    // wrapped over two lines; then headings reading down beside upright ones
    let d = fixture("sideways-headings.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    let crime = rows(t[0]);
    assert_eq!(
        crime[0],
        [
            "District",
            "Burglary",
            "Robbery",
            "Criminal damage",
            "Violence",
            "All crime"
        ]
    );
    assert_eq!(
        crime[6],
        ["South Cambridgeshire", "280", "10", "190", "1,000", "1,480"]
    );
    assert_eq!(t[0].header_rows, 1);
    let workforce = rows(t[1]);
    assert_eq!(
        workforce[0],
        ["Area", "Population", "Officers", "Staff", "Volunteers"]
    );
    assert_eq!(workforce.len(), 5);
    // the headings are the tables' text, not lines of prose beside them
    let prose: Vec<&str> = d
        .blocks
        .iter()
        .filter(|b| b.table.is_none())
        .map(|b| b.text.as_str())
        .collect();
    let heading = |p: &&str| {
        p.contains("Burglary") || ["Officers", "Staff", "Volunteers"].contains(&p.trim())
    };
    assert!(!prose.iter().any(heading), "{prose:?}");
}

#[test]
fn a_header_row_shaded_apart_is_the_header_and_banded_rows_are_not() {
    // text in one regular font, no figures: only the shading tells the header
    let d = fixture("shaded-headers.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 5);
    let header = ["Priority", "Lead", "Partners"];
    // unruled on a dark band, ruled in a grid, ruled between rows
    for table in &t[..3] {
        assert_eq!(rows(table)[0], header);
        assert_eq!(table.header_rows, 1);
        assert_eq!(rows(table).len(), 5);
    }
    // rows banded from the first down: no header, and (a caption between it
    // and the table above, their rules stacked) a table of its own
    assert_eq!(t[3].header_rows, 0);
    assert_eq!(
        rows(t[3]),
        [
            ["Victims and witnesses", "Victims' Hub", "Victim Support"],
            ["Road safety", "Roads Policing", "Highways England"],
            [
                "Rural crime",
                "Rural Crime Action Team",
                "National Farmers' Union"
            ],
            ["Cyber crime", "Cyber Defence Team", "Trading Standards"],
        ]
    );
    // a row three lines tall, its short cells centred, is one row of the table
    assert_eq!(rows(t[4]).len(), 4);
    assert_eq!(rows(t[4])[2][1], "Rural Crime Action Team");
}

#[test]
fn rows_striped_in_a_tint_keep_the_header_and_the_rows_outside_the_stripes() {
    // every other row tinted: the tints' edges are no rules between rows (the
    // fourth and fifth tables have a rule under the header, and their last row
    // below them all; only a caption stands between the two)
    let d = fixture("banded-rows.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 5);
    for offences in [t[0], t[1], t[3], t[4]] {
        let r = rows(offences);
        assert_eq!(r.len(), 6);
        assert_eq!(r[0], ["Area", "Offences 2021", "Offences 2022", "Change"]);
        assert_eq!(r[5], ["South Cambridgeshire", "611", "640", "4.7%"]);
        assert_eq!(offences.header_rows, 1);
    }
    let leads = rows(t[2]);
    assert_eq!(leads.len(), 5);
    assert_eq!(leads[0], ["Priority", "Lead", "Partners"]);
    assert_eq!(
        leads[4],
        ["Cyber crime", "Cyber Defence Team", "Trading Standards"]
    );
}

#[test]
fn html_tables_from_weasyprint_read_whole_with_grouped_headings_over_their_columns() {
    // six tables as a stylesheet sets them (see the fixture's script)
    let d = fixture("html-tables.pdf");
    let t = tables(&d);
    assert_eq!(
        t.len(),
        6,
        "{:?}",
        t.iter().map(|t| rows(t)).collect::<Vec<_>>()
    );
    // the ruled grants table runs over the page break, its header repeated
    let grants = rows(t[0]);
    assert_eq!(grants.len(), 39);
    assert_eq!(grants[0], ["Recipient", "Award", "Purpose"]);
    assert_eq!(
        grants[4],
        [
            "Huntingdon Community Safety Partnership 4",
            "£9,750",
            "Street lighting and CCTV review in the town centre"
        ]
    );
    assert_eq!(grants[38][0], "Peterborough Rape Crisis 38");
    // each year heads its Budget and Actual columns, though it starts in the
    // gutter before them; "Service" is set over both heading lines
    assert_eq!(
        rows(t[1]),
        [
            [
                "Service",
                "2019-20 Budget",
                "Actual",
                "2020-21 Budget",
                "Actual"
            ],
            ["Victim services", "1,200", "1,180", "1,300", "1,310"],
            ["Commissioning", "850", "802", "900", "944"],
            ["Office costs", "1,020", "998", "1,050", "1,049"],
            ["Estates", "3,400", "3,512", "3,450", "3,390"],
            ["Total", "6,470", "6,492", "6,700", "6,693"],
        ]
    );
    assert_eq!(t[1].header_rows, 1);
    // cells boxed apart: two rules between each pair of cells make no sliver columns
    assert_eq!(
        rows(t[2]),
        [
            ["Measure", "2019", "2020", "Change"],
            ["All crime", "61,204", "56,880", "down 7%"],
            ["Burglary", "4,120", "3,310", "down 20%"],
            ["Violence with injury", "5,980", "6,104", "up 2%"],
        ]
    );
    assert_eq!(rows(t[3])[4], ["Special constables", "204", "n/a"]);
    // a list in a cell: each bullet leads its item, though drawn after it
    assert_eq!(
        t[4].rows[1][1].text,
        "Open the new victims' hub\n• recruit six caseworkers\n• move into the Hinchingbrooke site"
    );
    assert_eq!(
        rows(t[4])[3],
        [
            "Road safety",
            "Cut deaths on the A14 by a third by 2025",
            "Red"
        ]
    );
    // ruled above each row: the last row stands below the last rule
    assert_eq!(
        rows(t[5]).last().unwrap(),
        &["Peterborough", "18,022", "11.9", "Urban"]
    );
    assert_eq!(rows(t[5]).len(), 5);
}

#[test]
fn chromium_s_cells_set_at_the_middle_of_their_rows_make_one_row_per_record() {
    // a browser sets each cell at its row's middle (see the fixture's script)
    let d = fixture("chromium-centred-cells.pdf");
    let t = n_tables(&d, 2);
    let grants = rows(t[0]);
    // "Allocation" over "(£)", wrapped round the other headings' line, is
    // one heading of one header row; "Purpose", centred over its column,
    // stays in it
    assert_eq!(t[0].header_rows, 1);
    assert_eq!(grants[0], ["Partner", "Allocation (£)", "Purpose"]);
    assert_eq!(
        grants[1..],
        [
            [
                "Victim Support",
                "450,000",
                "Core funding for the victims' hub and outreach workers across the county"
            ],
            ["Youth Offending Service", "120,500", "Early intervention"],
            [
                "Community Safety Partnership",
                "85,000",
                "Local problem solving projects chosen by district councils each year"
            ],
            ["Road Safety Partnership", "30,000", "Speed awareness"],
        ]
    );
    // a header row spaced off the first row heads its table
    assert_eq!(
        rows(t[1]),
        [
            ["Call type", "Calls", "In target"],
            ["Emergency (999)", "182,410", "91.2%"],
            ["Non-emergency (101)", "251,077", "74.5%"],
            ["Online reports", "48,330", "88.0%"],
        ]
    );
    assert_eq!(t[1].header_rows, 1);
}

#[test]
fn chromium_tables_set_tight_ruled_under_their_rows_or_wrapped_round_their_last_row_read_whole() {
    // six styles (see the fixture's script)
    let d = fixture("chromium-table-styles.pdf");
    let t = n_tables(&d, 6);
    // columns under 1 em apart, headings nearly touching
    assert_eq!(rows(t[0])[0], ["Service", "Change", "Target", "Purpose"]);
    assert_eq!(
        rows(t[0])[1],
        [
            "Community Safety Partnership",
            "£78,201",
            "£98,482",
            "Solving abuse project safety crime training"
        ]
    );
    assert_eq!(rows(t[0]).len(), 5);
    // the unruled header above the rule under the first row
    assert_eq!(rows(t[1])[0], ["Area", "Spend (£)", "Change"]);
    assert_eq!(
        rows(t[1])[1],
        ["Community Safety Partnership", "18,300", "68.5%"]
    );
    assert_eq!((rows(t[1]).len(), t[1].header_rows), (5, 1));
    // the purpose's last line, below its row's other cells, stays in it
    assert_eq!(
        rows(t[2])[3],
        [
            "Victim Support",
            "106,000",
            "Solving road council hub abuse fraud fund service safety",
            "2.0%"
        ]
    );
    // ruled under its rows and set tight, the heading above it larger: no part of it
    assert_eq!(
        rows(t[3]),
        [
            ["Measure", "2023/24", "Target"],
            ["Cambridge Women's Aid", "£90,401", "68.0%"],
            ["Red Hen Project", "679,748", "387,427"],
            ["St Giles Trust", "723", "227,955"],
        ]
    );
    // records set tight, 1.2 times as far apart as their lines
    assert_eq!(
        rows(t[4])[1..],
        [
            [
                "Road Safety Partnership",
                "Early council problem district",
                "£52,690",
                "Prevention county crime speed crime rural casualty"
            ],
            ["Ormiston Families", "Prevention", "129", "Hub district"],
            [
                "Youth Offending Service",
                "Speed safety intervention",
                "598,287",
                "Local solving families service local hub speed"
            ],
        ]
    );
    // a header whose last line holds one heading's wrapped line alone
    assert_eq!(rows(t[5])[0], ["Partner", "Spend (£)", "Purpose", "Result"]);
    assert_eq!(
        rows(t[5])[1],
        [
            "Victim Support",
            "91,122",
            "Solving community district safety rural fund road",
            "35.8%"
        ]
    );
    assert_eq!((rows(t[5]).len(), t[5].header_rows), (5, 1));
}

#[test]
fn word_processor_tables_striped_spaced_or_set_solid_read_whole_without_the_note_under_them() {
    // three styles, a table a page, each over a note in the body's 11 pt
    // (see the fixture's script)
    let d = fixture("word-processor-tables.pdf");
    let t = n_tables(&d, 3);
    // striped cell by cell, records 2.7 times the type size apart: the
    // header above the first stripe and the row below the last are the table's
    let grants = rows(t[0]);
    assert_eq!(grants.len(), 6);
    assert_eq!(grants[0], ["Measure", "2023/24", "Purpose", "Target"]);
    assert_eq!(grants[1][0], "Victim Support");
    assert_eq!(
        grants[5],
        ["Fenland District Council", "£29,029", "Youth victim", "328"]
    );
    // the note set close under a two-column table is no wrapped line of its last row
    let list = rows(t[1]);
    assert_eq!(list.len(), 5);
    assert_eq!(list[4], ["St Giles Trust", "132,297"]);
    // nor, wider than the column, of the last name wrapped over three lines
    let spend = rows(t[2]);
    assert_eq!(spend.len(), 5);
    assert_eq!(spend[4][0], "Community Safety Partnership");
    let note = |r: &Vec<String>| r.iter().any(|c| c.contains("Source"));
    assert!(!t.iter().flat_map(|t| rows(t)).any(|r| note(&r)));
}

#[test]
fn word_processor_tables_over_page_breaks_read_whole_cell_for_cell() {
    // excerpts of LibreOffice documents whose tables run over page breaks,
    // each with the table's every cell as drawn (see the fixtures' script):
    // every table comes out whole, one table over its pages, each cell's
    // text as drawn (whitespace aside: the word processor breaks words
    // inside its narrow columns), the rest of a row a break cut standing
    // over records whose labels wrap leaving the records under it whole,
    // a heading broken round the others' line no section label, a last
    // label alone a little lower than the records' pitch, a range of years
    // broken round the others' line no figures, figures broken over a boxed
    // row's lines one figure each, a row cut inside its cells' lines one row,
    // a lone record moved whole at the carried leading, its figures broken
    // over its lines one figure each, headings broken in narrow columns one
    // row, a last label alone wrapped onto a line of its own one row, a
    // cell's first line atop a page no running head, headings broken at
    // their row's foot over figures broken in the body one row, a label
    // alone in a row a little taller than the records kept apart (on its
    // page, and atop the next), the rest of a word or a cell's words the
    // break cut ending the table with its last row, a last label alone
    // as much lower as rows with a cell left empty stand, a cell's first
    // line atop a page, its letters all the head's, no head repeated, a
    // record moved whole atop a page round a figure broken flush right (the
    // rows that page holds), a lone record moved whole to a page with no
    // head read at the table's leading, a record moved whole round
    // figures broken at its middle, whose rests are no records, a last
    // row's last line going on with its sentence alone on a page of its
    // own, a last label set lower still over a note in larger type,
    // headings flush left over figures flush right, the last column empty
    // in the page's last records
    assert_excerpts_read_whole("word-long-tables.json", 41);
}

#[test]
fn report_generators_tables_read_whole_cell_for_cell() {
    // excerpts of ReportLab and WeasyPrint documents, each a table set as
    // those generators set them (a paragraph close above, a note at the
    // margin close under, a name over two rows under row stripes, a cell
    // or a row's label and text moved whole to the next page, a heading
    // spanning both header rows wrapped at their foot, under a heading over
    // other columns or round those columns' headings, or beside a heading
    // narrower than the first column it spans, in a header ruled round as
    // one cell; see the fixtures' script)
    assert_excerpts_read_whole("generator-tables.json", 12);
}

#[test]
fn typeset_tables_read_whole_cell_for_cell() {
    // excerpts of pdfLaTeX documents, each a table set as a typesetter sets
    // it (a pound sign from a bitmap font, booktabs' rules round the head
    // over a body with none between its rows, a heading centred over the
    // columns its rule spans, or over columns with no rule, one of them
    // text ragged or left unfilled, rows striped under the head, a head
    // repeated on a new page shaded with the row under it; see the
    // fixtures' script)
    assert_excerpts_read_whole("latex-tables.json", 11);
}

#[test]
fn rows_cut_by_page_breaks_are_told_from_the_rows_after_them() {
    // excerpts of WeasyPrint and LibreOffice documents whose tables run
    // over page breaks, where the rest of a cut row must be told from the
    // next row: the cut row opens with a wrapped cell's line alone, a rule
    // ends the carried cell, the carried label is a word of a head the
    // page does not repeat, a label alone stands on the other stripe, or
    // would have fitted in the cut row's drawn cell, a label's last line
    // ends the table under the head repeated, a label moved whole under a
    // head read a row too deep; and xhtml2pdf's and wkhtmltopdf's tables
    // whose cells never wrap, the next page opening with a label alone,
    // its figure empty (see the fixtures' script)
    assert_excerpts_read_whole("break-tables.json", 9);
}

#[test]
fn tables_printed_again_by_pdf_rewriters_read_as_before() {
    // a spreadsheet's page and a browser's printed again through cairo,
    // which writes a row's cells into one string and leaves out some word
    // spaces, moving the pen the space's width instead: the cell with a
    // space left out stays one cell; a word processor's page printed again
    // through Ghostscript 10.0, which writes the letters of "ff" in the
    // ToUnicode map little-endian: "Offending" reads so; a browser's page
    // printed again through MuPDF, which maps the hyphen glyph to the soft
    // hyphen: "-23.7%" reads so (see the fixtures' script)
    assert_excerpts_read_whole("reprinted-tables.json", 4);
}

#[test]
fn rows_a_browser_draws_on_both_sides_of_a_page_break_read_once() {
    // excerpts of wkhtmltopdf documents, which draw the whole document on
    // each page clipped to the page's body: a line the break cuts is read on
    // the page that shows the more of it, and the top of a boxed row whose
    // text the page before hides is no empty row; cells set at their middle
    // interleave half a line off, unevenly, under records a fifth further
    // apart than the leading; a row's text cells set lower than its label,
    // closer than wrapped cells' lines, show no leading; a row set at its
    // foot or its middle, cut between its lines, is one row (see the
    // fixtures' script)
    assert_excerpts_read_whole("qt-tables.json", 6);
}

#[test]
fn a_slides_table_with_a_head_shaded_cell_by_cell_reads_whole() {
    // a presentation's slide (LibreOffice Impress): the head filled dark
    // cell by cell, a heading over two columns and one over both head rows
    // at their foot, over rows ruled under each, no rule between columns
    // (see the fixtures' script)
    assert_excerpts_read_whole("impress-tables.json", 1);
}

#[test]
fn a_typst_documents_tables_read_whole() {
    // pages of Typst documents, whose rows stand a cell's padding round their
    // capitals and whose cells' lines stand 1.3 sizes apart: a heading over
    // two columns, unruled under, a row apart from the columns' own headings
    // in a header ruled round; records set at their middle a little further
    // apart than their cells' leading, interleaved or not, and records set at
    // their foot among which one cell wraps; a heading over two columns ruled
    // close over the capitals of the headings under it; records set closer
    // than their cells' lines; a table ruled as booktabs rules it whose
    // last two rows stand alone on the next page, under the head repeated;
    // records padded 4 pt a little closer than their cells' lines, the
    // first record's text opening above its figures; a heading over two
    // columns, alone on the first line of a head striped as one row,
    // reaching to a hair short of the second column; records padded 2 pt
    // round cells set at their middles, a two-line cell straddling its
    // label's line, plain or striped, or the first record's cell opening
    // close under the head; records set solid at their feet, each cell's
    // first line in capitals, the first record's opening two lines above
    // its label; records at their middles under a heading over the columns
    // it spans, its head read as a record; a heading over two columns,
    // narrower than the first, set closer over the headings under it than
    // the cells wrap their lines; rows set tight, striped cell by cell,
    // the last a label alone on a stripe, or unstriped, closer than the
    // type's size; tall rows ruled under whose cells' lines stand further
    // apart than the rows; records at their middles whose padding puts
    // them a hair further apart than their cells' lines; a label alone atop
    // the next page of a long table ruled wider than its text (see the
    // fixtures' script)
    assert_excerpts_read_whole("typst-tables.json", 22);
}

#[test]
fn xhtml2pdf_tables_of_lines_a_size_and_a_half_apart_read_whole() {
    // HTML laid out by xhtml2pdf, its lines a size and a half apart: an
    // unruled table of cells set at their middle, a label wrapped round its
    // figures; a long table whose last record on a page, the page's last
    // line, has its figure empty; a heading over figures starting over the
    // end of a label that overflows its column; a heading flush left in a
    // wide cell, clear of its figures flush right, after labels on lines of
    // their own; a word run on over its cell's rule (see the fixtures'
    // script)
    assert_excerpts_read_whole("xhtml2pdf-tables.json", 5);
}

#[test]
fn an_fpdf2_documents_tables_read_whole() {
    // pages of a document whose tables fpdf2 sets: a table ruled between its
    // rows only, its last row under the last rule (one of them wrapped over
    // lines two sizes apart, set at its foot); an unruled table whose
    // lines stand two sizes apart, a label wrapped round its figures half of
    // that off, and text cells wrapped double-spaced round their records'
    // one line or at their rows' top, the last record's too; text cells
    // justified by word spacing; records padded far apart round such cells,
    // or round labels wrapped over their record's line; a last row under
    // the last rule wrapped further than any row above; a heading over the
    // first rule wrapped two sizes apart, as the table's cells wrap; a last
    // record padded far apart, its figure left empty, over a note at the
    // margin; a long table's last two records carried over as far apart as
    // its records stood; a last row under the last rule set at its foot,
    // its text's first lines two sizes apart over the row's line, plain or
    // striped; records set at their foot 3.3 sizes apart round cells
    // double-spaced; a head over the first rule, one heading wrapped two
    // sizes down; a lone record moved whole, its label round its line (see
    // the fixtures' script)
    assert_excerpts_read_whole("fpdf2-tables.json", 21);
}

#[test]
fn a_chromium_pages_heading_wrapped_under_a_spanning_heading_reads_whole() {
    // a heading spanning both header rows, set at their foot and wrapped,
    // its first line halfway between the heading over other columns and its
    // last line, or (in a header ruled round as one cell) on the line of
    // that heading: one cell of the row under; a head in bold, a heading
    // over the columns it spans its first line, over records whose labels
    // wrap; a heading wrapped at its row's top, whose last line stands
    // level with headings over both rows; records at their foot further
    // apart than their cells wrap, a sentence carried on in lower case over
    // the narrower gap; a boxed row cut at a page break, the next line's
    // first word too wide as set for the room left; a cut row's last line
    // under the last heading repeated (see the fixtures' script)
    assert_excerpts_read_whole("chromium-tables.json", 8);
}

#[test]
fn a_calc_sheets_rows_striped_unevenly_apart_read_whole() {
    // a sheet LibreOffice Calc prints, its rows as tall as it sizes them
    // (unevenly), cells set at their middle, every other row striped: a
    // record whose note wraps round its label stands further under the
    // record above than records stand apart, and the last record has its
    // figure empty; unstriped, a last record further under the one above
    // than records stand apart, lined up with it under its note's first
    // line; a head in bold, a heading over the columns it spans its first
    // line; figures centred in their cells line up by their middles; a
    // sheet's table on the next page, as many columns wide, under a head of
    // its own, is another table; a cell's wrapped lines that a row too short
    // for them hides under its foot, or cuts round its middle, are the
    // cell's; a rule under a row whose label and figures reach from its
    // start to its end is no underline; a lone digit a hair from the next
    // cell's text is a cell of its own, in rows ruled under too; labels
    // wrapped round their figures at their rows' middles, or above them at
    // their feet, in rows set closer than a line and a half (see the
    // fixtures' script)
    assert_excerpts_read_whole("calc-tables.json", 12);
}

#[test]
fn a_word_tables_sparse_column_before_its_widest_gap_stays_in_the_table() {
    // columns as wide as the page allows, a column of figures seldom filled
    // beside the labels, the widest gap after it, and the last record's two
    // text cells wrapped below its others: one table, not two side by side
    // (see the fixtures' script)
    assert_excerpts_read_whole("word-tables.json", 1);
}

#[test]
fn a_scanned_pages_table_read_from_its_ocr_text_reads_whole() {
    // browsers' pages scanned and read by Tesseract: their words drawn
    // invisibly over the page's image, each after a space as wide as a
    // letter and placed a little further on; a boxed table's vertical rules
    // read as bars, between two cells set close all that parts them (see the
    // fixtures' script)
    assert_excerpts_read_whole("scanned-tables.json", 3);
}

/// Every excerpt that `listing` names (of `count`) holds a table whose cells
/// are the excerpt's expected cells, whitespace aside.
fn assert_excerpts_read_whole(listing: &str, count: usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(listing);
    let excerpts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let squeeze = |cells: Vec<String>| -> Vec<String> {
        cells
            .into_iter()
            .map(|c| c.split_whitespace().collect())
            .collect()
    };
    let excerpts = excerpts.as_object().unwrap();
    assert_eq!(excerpts.len(), count);
    for (name, excerpt) in excerpts {
        let expected: Vec<Vec<String>> =
            serde_json::from_value(excerpt["expected"].clone()).unwrap();
        let expected: Vec<Vec<String>> = expected.into_iter().map(squeeze).collect();
        let d = fixture(&format!("{name}.pdf"));
        let found: Vec<Vec<Vec<String>>> = tables(&d)
            .into_iter()
            .map(|t| rows(t).into_iter().map(squeeze).collect())
            .collect();
        assert!(
            found.contains(&expected),
            "{name}: expected {} rows, found tables of {:?} rows",
            expected.len(),
            found.iter().map(Vec::len).collect::<Vec<_>>()
        );
    }
}

#[test]
fn columns_of_figures_ruled_as_one_are_read_apart() {
    // page 1: three years of figures in one ruled column, set apart by
    // space alone, under a heading over them in one cell with the years
    // (ruled off under it in the second table); page 2: a lookup table
    // whose background is cleared by a white stroke 300 pt wide and whose
    // column rules are strokes 0.5 pt long and a row wide, three columns
    // of figures ruled as one
    let d = fixture("partly-ruled-columns.pdf");
    let t = n_tables(&d, 3);
    let body = [
        ["Policing", "1,234", "1,456", "1,502"],
        ["Victims' services", "234", "256", "301"],
        ["Estates", "3,004", "2,900", "2,750"],
        ["Total", "4,472", "4,612", "4,553"],
    ];
    // (the heading over the years is read off them whether ruled off or
    // not, as a rule under it would cut its cell)
    for table in &t[..2] {
        let r = rows(table);
        assert_eq!(r.len(), 6, "{r:?}");
        assert_eq!(r[0], ["Service", "Net spend (£000)", "", ""]);
        assert_eq!(r[1], ["", "2019/20", "2020/21", "2021/22"]);
        assert_eq!(r[2..], body, "{r:?}");
        assert_eq!(table.rows[0][1].col_span, 3);
    }
    let r = rows(t[2]);
    assert_eq!(r.len(), 9, "{r:?}");
    assert_eq!(r[0], ["At least", "Less than", "Single", "Joint", "Head"]);
    assert_eq!(r[1], ["1,000", "1,050", "100", "90", "100"]);
    assert_eq!(r[8], ["1,350", "1,400", "135", "125", "135"]);
}

#[test]
fn words_a_narrow_column_broke_with_no_hyphen_are_whole_where_the_document_writes_them_so() {
    // LibreOffice breaks a word wider than its column where the line ends:
    // "Hunting" over "donshir" over "e CSP"; a paragraph on the page before
    // names the recipients whole, and "Recipient" is written nowhere else.
    // The table's page read alone, or asked for by method, reads as it does
    // in the whole document.
    use reportmine::extract::pdf::extract_pages;
    let rel = "tests/fixtures/pdf/word-broken-words.pdf";
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
    let whole = fixture("word-broken-words.pdf");
    let alone = extract_pages(&bytes, "id", rel, &|p| p == 2).unwrap();
    let asked = read_as_asked(rel, 2, None, TableMethod::Lattice);
    let mut read: Vec<Table> = [whole, alone]
        .iter()
        .map(|d| only_table(d).clone())
        .collect();
    read.extend(asked);
    assert_eq!(read.len(), 3);
    for t in &read {
        assert_eq!(
            column(t, 0),
            [
                "Recipie nt",
                "Huntingdonshire CSP",
                "Peterborough Rape Crisis",
                "Community Safety Partnership",
            ]
        );
        assert_eq!(column(t, 1), ["Award (£)", "12,924", "73,807", "31,671"]);
    }
}

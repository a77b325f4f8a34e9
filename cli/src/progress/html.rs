//! The report as one self-contained HTML page: inline style, an inline SVG bar chart with its
//! numbers also written as text, no script and no external resource (its own CSP forbids both).
//! The page is built as an element tree whose tag names are this file's constants; every
//! string, from the files and from the course, is an escaped attribute value or text node.

use iamplay_diagram::svg::Element;

use super::regrade::LearnerReport;
use super::report::ClassReport;
use super::table::{self, Kind, Table};

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;color:#1d2433;margin:2rem auto;max-width:62rem;padding:0 1rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}\
th,td{border:1px solid #c8cedb;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef1f6}td.number{text-align:right;font-variant-numeric:tabular-nums}\
.flagged{color:#a1121a;font-weight:600}.done{color:#176b2c}\
figure{margin:0 0 1rem}code{font-size:.9em}svg text{font:13px system-ui,sans-serif;fill:#1d2433}";

const SCENARIO_COLOUR: &str = "#2f6fde";
const QUESTION_COLOUR: &str = "#e08a1e";

/// An element with text; an empty text still gets a closing tag (`<td></td>`, not `<td/>`).
fn text(name: &'static str, content: impl Into<String>) -> Element {
    Element::new(name).text(content)
}

/// `element` with `prose` appended, its `backticked` parts as `<code>`.
fn with_code(mut element: Element, prose: &str) -> Element {
    for (index, part) in prose.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        element = if index % 2 == 1 {
            element.child(text("code", part))
        } else {
            element.text(part)
        };
    }
    // An empty cell still gets its closing tag.
    if element.children.is_empty() {
        element = element.text("");
    }
    element
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A name short enough for the chart's label column (the tables give it whole).
fn label(name: &str) -> String {
    const MAX: usize = 22;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        name.chars().take(MAX - 1).collect::<String>() + "…"
    }
}

fn bar(top: f64, fraction: f64, colour: &str, count: String) -> [Element; 3] {
    const LEFT: f64 = 180.0;
    const WIDTH: f64 = 360.0;
    let rect = |width: f64, fill: &str| {
        Element::new("rect")
            .attr("x", LEFT)
            .attr("y", top)
            .attr("width", format!("{width:.1}"))
            .attr("height", 16)
            .attr("fill", fill)
    };
    [
        rect(WIDTH, "#e6eaf2"),
        rect(WIDTH * fraction, colour),
        text("text", count)
            .attr("x", LEFT + WIDTH + 8.0)
            .attr("y", top + 13.0),
    ]
}

fn legend(x: f64, colour: &str, words: &str) -> [Element; 2] {
    [
        Element::new("rect")
            .attr("x", x)
            .attr("y", 4)
            .attr("width", 12)
            .attr("height", 12)
            .attr("fill", colour),
        text("text", words).attr("x", x + 18.0).attr("y", 15),
    ]
}

/// Two bars per learner: scenarios done and questions correct, each with its count as text.
fn chart(report: &ClassReport) -> Element {
    const ROW: f64 = 46.0;
    let scenarios = report.scenario_count();
    let questions = report.question_count();
    let height = 30.0 + ROW * report.learners.len() as f64;
    let mut svg = Element::new("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("role", "img")
        .attr("aria-labelledby", "chart-title")
        .attr("width", 690)
        .attr("height", height)
        .attr("viewBox", format!("0 0 690 {height}"))
        .child(
            text(
                "title",
                "Scenarios done and questions answered correctly, per learner",
            )
            .attr("id", "chart-title"),
        )
        .children(legend(180.0, SCENARIO_COLOUR, "scenarios done"))
        .children(legend(330.0, QUESTION_COLOUR, "questions correct"));
    for (index, learner) in report.learners.iter().enumerate() {
        let top = 28.0 + ROW * index as f64;
        let done = learner.scenarios_done();
        let correct = learner.questions_correct();
        svg = svg
            .child(
                text("text", label(&learner.name))
                    .attr("x", 0)
                    .attr("y", top + 22.0),
            )
            .children(bar(
                top,
                share(done, scenarios),
                SCENARIO_COLOUR,
                format!("{done}/{scenarios}"),
            ))
            .children(bar(
                top + 19.0,
                share(correct, questions),
                QUESTION_COLOUR,
                format!("{correct}/{questions}"),
            ));
    }
    Element::new("figure").child(svg).child(text(
        "figcaption",
        "Each learner's scenarios done and questions answered correctly, after re-grading; the same numbers are in the table below.",
    ))
}

fn html_table(table: &Table) -> Element {
    let head = Element::new("tr").children(table.head.iter().map(|h| text("th", *h)));
    let rows = table.rows.iter().map(|row| {
        Element::new("tr").children(row.iter().map(|cell| match cell.kind {
            Kind::Text => text("td", cell.text.clone()),
            Kind::Prose => with_code(Element::new("td"), &cell.text),
            Kind::Code => Element::new("td").child(text("code", cell.text.clone())),
            Kind::Number => text("td", cell.text.clone()).attr("class", "number"),
            Kind::Done => text("td", cell.text.clone()).attr("class", "done"),
            Kind::Flagged => text("td", cell.text.clone()).attr("class", "flagged"),
        }))
    });
    Element::new("table")
        .child(Element::new("thead").child(head))
        .child(Element::new("tbody").children(rows))
}

fn learner_section(learner: &LearnerReport) -> Element {
    let mut section = Element::new("section").child(text("h2", learner.name.clone()));
    if !learner.flags.is_empty() {
        section = section
            .child(text("p", "Flagged").attr("class", "flagged"))
            .child(
                Element::new("ul").children(learner.flags.iter().map(|flag| {
                    with_code(
                        Element::new("li")
                            .child(text("code", flag.item.clone()))
                            .text(": "),
                        &flag.message,
                    )
                })),
            );
    }
    section = section.child(html_table(&table::lessons(learner)));
    if let Some(scenarios) = table::scenarios(learner) {
        section = section.child(html_table(&scenarios));
    }
    section = section.child(text("p", table::not_started(learner)));
    if !learner.unknown.is_empty() {
        section = section.child(text(
            "p",
            format!(
                "Not in this course (ignored): {}.",
                learner.unknown.join(", ")
            ),
        ));
    }
    section
}

pub fn render(report: &ClassReport) -> String {
    let title = format!("Progress report: {}", report.course.manifest.title);
    let head = Element::new("head")
        .child(Element::new("meta").attr("charset", "utf-8"))
        .child(
            Element::new("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr("content", "default-src 'none'; style-src 'unsafe-inline'"),
        )
        .child(
            Element::new("meta")
                .attr("name", "viewport")
                .attr("content", "width=device-width, initial-scale=1"),
        )
        .child(text("title", title.clone()))
        .child(text("style", STYLE));
    let mut body = Element::new("body")
        .child(text("h1", title))
        .child(text("p", table::preamble(report)));
    if !report.learners.is_empty() {
        body = body
            .child(chart(report))
            .child(html_table(&table::class(report)));
    }
    if !report.unread.is_empty() {
        body = body.child(text("h2", "Files not read")).child(
            Element::new("ul")
                .children(report.unread.iter().map(|(_, why)| text("li", why.clone()))),
        );
    }
    body = body.children(report.learners.iter().map(learner_section));
    let page = Element::new("html")
        .attr("lang", "en")
        .child(head)
        .child(body);
    format!("<!DOCTYPE html>\n{}\n", page.to_markup())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_shortened_for_the_chart_only() {
        assert_eq!(label("alice"), "alice");
        assert_eq!(label(&"x".repeat(40)).chars().count(), 22);
    }

    /// `<style>` is raw text: its entities would not be decoded, so it must need none.
    #[test]
    fn the_style_needs_no_escaping() {
        assert_eq!(
            text("style", STYLE).to_markup(),
            format!("<style>{STYLE}</style>")
        );
    }

    #[test]
    fn backticked_parts_are_code_and_stay_escaped() {
        let markup = with_code(Element::new("p"), "fails check `a<b>` (x): `y`").to_markup();
        assert_eq!(
            markup,
            "<p>fails check <code>a&lt;b&gt;</code> (x): <code>y</code></p>"
        );
        assert_eq!(with_code(Element::new("td"), "").to_markup(), "<td></td>");
    }

    #[test]
    fn empty_cells_are_closed() {
        let table = Table {
            head: &["a"],
            rows: vec![vec![table::Cell {
                text: String::new(),
                kind: Kind::Text,
            }]],
        };
        assert!(html_table(&table).to_markup().contains("<td></td>"));
    }
}

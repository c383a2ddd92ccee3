//! The schedule report: the Gantt chart of a project's WBS with its dependencies, critical
//! path and latest baseline, over as many landscape pages as it needs.
//!
//! Pages are cut here rather than by the typesetter: every row has the same height, so
//! each page holds a known number of rows and can draw its dependency arrows between rows it
//! knows the place of. Every page repeats the column headings and the time scale.

use std::collections::HashMap;

use bridgeplan_core::plan::timeline::{DependencyKind, ScheduledTask};
use bridgeplan_core::{Id, Workspace};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::format::{self, date};
use crate::request::Checked;
use crate::{Meta, Result};

/// Page geometry in millimetres (the margins are those of `common.typ`).
const MARGIN_X: f64 = 15.0;
const MARGIN_Y: f64 = 20.0 + 17.0;
/// What the title block and the facts above the chart take on the first page.
const FIRST_PAGE_EXTRA: f64 = 62.0;
const SCALE_HEIGHT: f64 = 9.0;
const ROW_HEIGHT: f64 = 4.6;
/// Widths of the WBS, name, start, finish and duration columns.
const COLUMNS: [f64; 5] = [11.0, 62.0, 17.0, 17.0, 11.0];
const GAP: f64 = 2.0;
/// About how wide an average character of the 6.5 pt row text is.
const CHAR_MM: f64 = 1.3;
/// How far a task's name moves in per outline level.
const INDENT_MM: f64 = 2.5;
/// Labels on the time scale need this much room.
const LABEL_MM: f64 = 13.0;

#[derive(Serialize)]
struct Body {
    facts: Facts,
    geometry: Geometry,
    scale: Scale,
    pages: Vec<Page>,
}

#[derive(Serialize)]
struct Facts {
    start: String,
    finish: String,
    baseline: Option<String>,
    baseline_finish: Option<String>,
    finish_variance: Option<String>,
    late: bool,
    tasks: usize,
    critical: usize,
    milestones: usize,
    work_hours: String,
    cost: String,
    shown: String,
}

#[derive(Serialize)]
struct Geometry {
    columns: [f64; 5],
    chart_x: f64,
    chart_width: f64,
    row_height: f64,
    scale_height: f64,
}

#[derive(Serialize)]
struct Scale {
    /// Labelled divisions: x in mm from the chart's left, label.
    major: Vec<(f64, String)>,
    /// Gridlines between them.
    minor: Vec<f64>,
    today: Option<f64>,
}

#[derive(Serialize)]
struct Page {
    rows: Vec<Row>,
    /// Everything drawn on the page (bands, gridlines, bars, arrows), as one SVG picture:
    /// one image per page typesets far faster than thousands of shapes, and stays vectors.
    svg: String,
}

#[derive(Serialize)]
struct Row {
    wbs: String,
    name: String,
    indent: f64,
    start: String,
    finish: String,
    days: String,
    summary: bool,
    critical: bool,
}

/// Where a row's bars go, in mm from the chart's left.
struct Bars {
    summary: bool,
    milestone: bool,
    critical: bool,
    /// Clipped to the chart; none when the task falls outside the period shown.
    bar: Option<(f64, f64)>,
    done_to: Option<f64>,
    baseline: Option<(f64, f64)>,
}

/// A dependency arrow: a polyline in mm, the last point where the arrow head sits.
struct Link {
    points: Vec<(f64, f64)>,
    critical: bool,
}

pub(crate) fn data(ws: &Workspace, checked: &Checked) -> Result<(Meta, serde_json::Value)> {
    let project = checked
        .project
        .as_ref()
        .expect("checked: a schedule report has a project");
    let baseline = ws.baselines(project.id)?.pop();
    let schedule = ws.project_schedule_against(project.id, baseline.as_ref().map(|b| b.id))?;
    let calendar = ws.project_calendar(project.id)?;

    let (paper_w, paper_h) = checked.paper.size_mm();
    let (page_w, page_h) = (paper_h, paper_w); // landscape
    let content_w = page_w - 2.0 * MARGIN_X;
    let table_w: f64 = COLUMNS.iter().sum();
    let chart_x = table_w + GAP;
    let chart_w = content_w - chart_x;
    let rows_per_page = ((page_h - MARGIN_Y - SCALE_HEIGHT) / ROW_HEIGHT).floor() as usize;
    let rows_first_page = ((page_h - MARGIN_Y - FIRST_PAGE_EXTRA - SCALE_HEIGHT) / ROW_HEIGHT).floor() as usize;

    let from = checked.from.unwrap_or(schedule.start.date());
    let to = checked.to.unwrap_or(schedule.finish.date()).max(from);
    let axis = Axis::new(from, to, chart_w);
    let shown: Vec<&ScheduledTask> = schedule
        .tasks
        .iter()
        .filter(|t| t.finish.date() >= from && t.start.date() <= to)
        .collect();

    let mut chunks: Vec<&[&ScheduledTask]> = Vec::new();
    let mut rest = shown.as_slice();
    let mut capacity = rows_first_page;
    while !rest.is_empty() || chunks.is_empty() {
        let (now, later) = rest.split_at(capacity.min(rest.len()));
        chunks.push(now);
        rest = later;
        capacity = rows_per_page;
    }
    let mut place: HashMap<Id, (usize, usize)> = HashMap::new();
    for (p, chunk) in chunks.iter().enumerate() {
        for (r, t) in chunk.iter().enumerate() {
            place.insert(t.item_id, (p, r));
        }
    }
    let bars: Vec<Vec<Bars>> = chunks
        .iter()
        .map(|c| c.iter().map(|t| bars(t, &axis)).collect())
        .collect();
    let mut links: Vec<Vec<Link>> = chunks.iter().map(|_| Vec::new()).collect();
    for link in &schedule.links {
        let (Some(&(pa, ra)), Some(&(pb, rb))) = (place.get(&link.predecessor_id), place.get(&link.successor_id))
        else {
            continue;
        };
        // An arrow to another page would have nothing to point at.
        if pa != pb {
            continue;
        }
        let (from_row, to_row) = (&bars[pa][ra], &bars[pb][rb]);
        let (Some(a), Some(b)) = (from_row.bar, to_row.bar) else {
            continue;
        };
        let from_x = match link.kind {
            DependencyKind::Fs | DependencyKind::Ff => a.1,
            DependencyKind::Ss | DependencyKind::Sf => a.0,
        };
        let to_x = match link.kind {
            DependencyKind::Fs | DependencyKind::Ss => b.0,
            DependencyKind::Ff | DependencyKind::Sf => b.1,
        };
        links[pa].push(Link {
            points: arrow(from_x, ra, to_x, rb),
            critical: from_row.critical && to_row.critical,
        });
    }
    let scale = axis.scale(checked.today);
    let sheet = Sheet {
        width: content_w,
        chart_x,
    };
    let pages: Vec<Page> = chunks
        .iter()
        .zip(bars.iter().zip(&links))
        .map(|(chunk, (bars, links))| Page {
            rows: chunk.iter().map(|t| row(t)).collect(),
            svg: sheet.draw(&scale, bars, links),
        })
        .collect();

    let leaves: Vec<&ScheduledTask> = schedule.tasks.iter().filter(|t| !t.summary).collect();
    let baseline_finish = schedule.tasks.iter().filter_map(|t| t.baseline_finish).max();
    let slip = baseline_finish.map(|b| format::slip_days(&calendar, b, schedule.finish));
    let facts = Facts {
        start: date(schedule.start.date()),
        finish: date(schedule.finish.date()),
        baseline: baseline.map(|b| b.name),
        baseline_finish: baseline_finish.map(|b| date(b.date())),
        finish_variance: slip.map(format::variance_days),
        late: slip.is_some_and(|d| d >= 1.0),
        tasks: leaves.len(),
        critical: leaves.iter().filter(|t| t.critical).count(),
        milestones: leaves.iter().filter(|t| t.milestone).count(),
        work_hours: format::number(leaves.iter().map(|t| t.work_hours).sum()),
        cost: format::money(leaves.iter().map(|t| t.cost_minor).sum(), &schedule.currency),
        shown: if shown.len() == schedule.tasks.len() {
            format!("All {} rows", shown.len())
        } else {
            format!(
                "{} of {} rows, those in {} – {}",
                shown.len(),
                schedule.tasks.len(),
                date(from),
                date(to)
            )
        },
    };
    let body = Body {
        facts,
        geometry: Geometry {
            columns: COLUMNS,
            chart_x,
            chart_width: chart_w,
            row_height: ROW_HEIGHT,
            scale_height: SCALE_HEIGHT,
        },
        scale,
        pages,
    };
    let meta = format::meta(checked, project.name.clone(), project.manager.clone());
    crate::data(meta, body)
}

fn row(t: &ScheduledTask) -> Row {
    let depth = t.wbs.matches('.').count() as f64;
    let indent = depth * INDENT_MM;
    let room = ((COLUMNS[1] - indent - 1.5) / CHAR_MM).max(4.0) as usize;
    Row {
        wbs: t.wbs.clone(),
        name: truncate(&t.name, room),
        indent,
        start: short_date(t.start.date()),
        finish: short_date(t.finish.date()),
        days: format::number(format::working_days(t.duration_minutes)),
        summary: t.summary,
        critical: t.critical,
    }
}

fn bars(t: &ScheduledTask, axis: &Axis) -> Bars {
    let bar = axis.span(t.start, t.finish);
    Bars {
        summary: t.summary,
        milestone: t.milestone,
        critical: t.critical,
        done_to: bar
            .filter(|_| t.percent_complete > 0.0 && !t.summary)
            .map(|(a, b)| a + (b - a) * t.percent_complete / 100.0),
        bar,
        baseline: match (t.baseline_start, t.baseline_finish) {
            (Some(s), Some(f)) => axis.span(s, f),
            _ => None,
        },
    }
}

/// "3 Nov 26": short enough for the date columns.
fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %y").to_string()
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The elbow of an arrow from `x0` on row `r0` to `x1` on row `r1`, in mm from the top left
/// of the rows: out to the right, down (or up), and into the successor's bar.
fn arrow(x0: f64, r0: usize, x1: f64, r1: usize) -> Vec<(f64, f64)> {
    let y0 = (r0 as f64 + 0.5) * ROW_HEIGHT;
    let y1 = (r1 as f64 + 0.5) * ROW_HEIGHT;
    let out = x0 + 1.2;
    if x1 >= out + 0.8 {
        vec![(x0, y0), (out, y0), (out, y1), (x1, y1)]
    } else {
        // The successor starts before the arrow could reach it: run along the row boundary
        // and come in from the left.
        let between = if r1 > r0 {
            r1 as f64 * ROW_HEIGHT
        } else {
            (r1 as f64 + 1.0) * ROW_HEIGHT
        };
        let back = x1 - 1.5;
        vec![
            (x0, y0),
            (out, y0),
            (out, between),
            (back, between),
            (back, y1),
            (x1, y1),
        ]
    }
}

/// Colours of the chart, the same as `common.typ`'s and `schedule.typ`'s.
const WASH: &str = "#f2f4f7";
const BAND: &str = "#f8f9fb";
const RULE: &str = "#d5dbe3";
const GRID: &str = "#e6eaef";
const INK: &str = "#1f2933";
const MUTED: &str = "#5f6b7a";
const BAR: &str = "#3b6fd4";
const BAR_DONE: &str = "#1d3f8f";
const CRITICAL: &str = "#d0433a";
const CRITICAL_DONE: &str = "#8f221b";
const BASELINE: &str = "#a9b2bd";
/// Line widths in mm (0.25, 0.4 and 0.45 pt).
const HAIRLINE: f64 = 0.09;
const THIN: f64 = 0.14;
const ARROW_LINE: f64 = 0.16;

/// The drawing of one page: its width and where the chart starts, in mm.
struct Sheet {
    width: f64,
    chart_x: f64,
}

impl Sheet {
    fn draw(&self, scale: &Scale, rows: &[Bars], links: &[Link]) -> String {
        use std::fmt::Write;
        let (w, top, rh) = (self.width, SCALE_HEIGHT, ROW_HEIGHT);
        let h = top + rows.len() as f64 * rh;
        let cx = self.chart_x;
        let mut svg = String::with_capacity(4096 + rows.len() * 256);
        // `write!` to a String cannot fail.
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.2}mm" height="{h:.2}mm" viewBox="0 0 {w:.2} {h:.2}">"#
        );
        let _ = write!(svg, r#"<rect width="{w:.2}" height="{top}" fill="{WASH}"/>"#);
        for i in (1..rows.len()).step_by(2) {
            let _ = write!(
                svg,
                r#"<rect y="{:.2}" width="{w:.2}" height="{rh}" fill="{BAND}"/>"#,
                top + i as f64 * rh
            );
        }
        let mut path = String::new();
        for x in &scale.minor {
            let _ = write!(path, "M{:.2} {:.2}V{h:.2}", cx + x, top - 1.6);
        }
        let _ = write!(svg, r#"<path d="{path}" stroke="{GRID}" stroke-width="{HAIRLINE}"/>"#);
        path.clear();
        for (x, _) in &scale.major {
            let _ = write!(path, "M{:.2} 1V{h:.2}", cx + x);
        }
        let _ = write!(svg, r#"<path d="{path}" stroke="{RULE}" stroke-width="{THIN}"/>"#);

        for (i, r) in rows.iter().enumerate() {
            let y = top + i as f64 * rh;
            if let Some((b0, b1)) = r.baseline {
                let _ = write!(
                    svg,
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="0.8" fill="{BASELINE}"/>"#,
                    cx + b0,
                    y + rh - 1.35,
                    (b1 - b0).max(0.4)
                );
            }
            let Some((x0, x1)) = r.bar else { continue };
            let (x0, x1) = (cx + x0, cx + x1);
            if r.milestone {
                let (s, my) = (1.5, y + rh / 2.0 - 0.3);
                let fill = if r.critical { CRITICAL } else { INK };
                let _ = write!(
                    svg,
                    r#"<path d="M{:.2} {my:.2}l{s} -{s}l{s} {s}l-{s} {s}z" fill="{fill}"/>"#,
                    x1 - s
                );
            } else if r.summary {
                let (w, t) = ((x1 - x0).max(0.4), 1.1);
                let y = y + 1.2;
                let _ = write!(
                    svg,
                    r#"<path d="M{x0:.2} {y:.2}h{w:.2}v{}l-{t} -{t}H{:.2}l-{t} {t}z" fill="{INK}"/>"#,
                    2.0 * t,
                    x0 + t
                );
            } else {
                let (fill, done) = if r.critical {
                    (CRITICAL, CRITICAL_DONE)
                } else {
                    (BAR, BAR_DONE)
                };
                let _ = write!(
                    svg,
                    r#"<rect x="{x0:.2}" y="{:.2}" width="{:.2}" height="2.3" rx="0.4" fill="{fill}"/>"#,
                    y + 0.75,
                    (x1 - x0).max(0.4)
                );
                if let Some(d) = r.done_to {
                    let _ = write!(
                        svg,
                        r#"<rect x="{x0:.2}" y="{:.2}" width="{:.2}" height="0.7" fill="{done}"/>"#,
                        y + 1.55,
                        (cx + d - x0).max(0.2)
                    );
                }
            }
        }
        for l in links {
            let colour = if l.critical { CRITICAL } else { MUTED };
            path.clear();
            for (i, (x, y)) in l.points.iter().enumerate() {
                let _ = write!(path, "{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, cx + x, top + y);
            }
            let _ = write!(
                svg,
                r#"<path d="{path}" fill="none" stroke="{colour}" stroke-width="{ARROW_LINE}"/>"#
            );
            if let Some((x, y)) = l.points.last() {
                let (x, y) = (cx + x, top + y);
                let _ = write!(
                    svg,
                    r#"<path d="M{:.2} {:.2}L{x:.2} {y:.2}L{:.2} {:.2}z" fill="{colour}"/>"#,
                    x - 1.0,
                    y - 0.55,
                    x - 1.0,
                    y + 0.55
                );
            }
        }
        if let Some(x) = scale.today {
            let _ = write!(
                svg,
                r#"<path d="M{:.2} {:.2}V{h:.2}" stroke="{CRITICAL}" stroke-width="0.25" stroke-dasharray="0.9 0.6"/>"#,
                cx + x,
                top - 1.0
            );
        }
        let _ = write!(
            svg,
            r#"<path d="M0 {h:.2}H{w:.2}" stroke="{RULE}" stroke-width="{THIN}"/></svg>"#
        );
        svg
    }
}

/// Maps dates onto the chart's width.
struct Axis {
    from: NaiveDate,
    days: f64,
    width: f64,
}

impl Axis {
    fn new(from: NaiveDate, to: NaiveDate, width: f64) -> Axis {
        // A day either side so that bars on the first and last day have room.
        let from = from - Duration::days(1);
        let days = ((to - from).num_days() + 2) as f64;
        Axis { from, days, width }
    }

    fn x(&self, t: NaiveDateTime) -> f64 {
        let since = t - self.from.and_hms_opt(0, 0, 0).expect("midnight exists");
        since.num_minutes() as f64 / (24.0 * 60.0) / self.days * self.width
    }

    fn span(&self, a: NaiveDateTime, b: NaiveDateTime) -> Option<(f64, f64)> {
        let (x0, x1) = (self.x(a).max(0.0), self.x(b).min(self.width));
        (x1 >= x0).then_some((x0, x1))
    }

    fn day_x(&self, d: NaiveDate) -> f64 {
        (d - self.from).num_days() as f64 / self.days * self.width
    }

    /// The scale's labels at the finest unit that leaves room for them.
    fn scale(&self, today: NaiveDate) -> Scale {
        let per_day = self.width / self.days;
        let units = [Unit::Week, Unit::Month, Unit::Quarter, Unit::Year];
        let major = units
            .iter()
            .copied()
            .find(|u| u.days() * per_day >= LABEL_MM)
            .unwrap_or(Unit::Year);
        let minor = match major {
            Unit::Week => Some(Unit::Day),
            Unit::Month => Some(Unit::Week),
            Unit::Quarter => Some(Unit::Month),
            Unit::Year => Some(Unit::Quarter),
            Unit::Day => None,
        }
        .filter(|u| u.days() * per_day >= 1.2);
        let end = self.from + Duration::days(self.days as i64);
        let marks = |unit: Unit| -> Vec<NaiveDate> {
            let mut d = unit.first_after(self.from);
            let mut out = Vec::new();
            while d <= end {
                out.push(d);
                d = unit.next(d);
            }
            out
        };
        Scale {
            major: marks(major)
                .into_iter()
                .map(|d| (self.day_x(d), major.label(d)))
                .filter(|(x, _)| *x <= self.width - LABEL_MM * 0.6)
                .collect(),
            minor: minor
                .map(|u| marks(u).into_iter().map(|d| self.day_x(d)).collect())
                .unwrap_or_default(),
            today: Some(self.day_x(today)).filter(|x| *x >= 0.0 && *x <= self.width),
        }
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    fn days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.4,
            Unit::Quarter => 91.3,
            Unit::Year => 365.25,
        }
    }

    /// The first boundary of this unit on or after `d`.
    fn first_after(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day => d,
            Unit::Week => d + Duration::days((7 - d.weekday().num_days_from_monday() as i64) % 7),
            Unit::Month | Unit::Quarter | Unit::Year => {
                let step = self.months();
                let mut m = NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("1 January exists");
                while m < d {
                    m = add_months(m, step);
                }
                m
            }
        }
    }

    fn months(self) -> u32 {
        match self {
            Unit::Quarter => 3,
            Unit::Year => 12,
            _ => 1,
        }
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day => d + Duration::days(1),
            Unit::Week => d + Duration::days(7),
            _ => add_months(d, self.months()),
        }
    }

    fn label(self, d: NaiveDate) -> String {
        match self {
            Unit::Day | Unit::Week => d.format("%-d %b").to_string(),
            Unit::Month => d.format("%b %y").to_string(),
            Unit::Quarter => format!("Q{} {}", d.month0() / 3 + 1, d.format("%y")),
            Unit::Year => d.format("%Y").to_string(),
        }
    }
}

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(months)).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_uses_the_finest_unit_with_room_for_its_labels() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let weeks = Axis::new(d("2026-11-02"), d("2026-12-20"), 150.0).scale(d("2026-11-23"));
        assert_eq!(weeks.major.first().map(|m| m.1.as_str()), Some("2 Nov"));
        assert!(weeks.today.is_some());
        let years = Axis::new(d("2020-01-01"), d("2040-01-01"), 150.0).scale(d("2026-11-23"));
        assert!(years.major.iter().all(|m| m.1.len() == 4), "{:?}", years.major);
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(truncate("Migrate the general ledger", 10), "Migrate t…");
        assert_eq!(truncate("Short", 10), "Short");
    }
}

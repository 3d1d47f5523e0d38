//! Drawing: `render(&App, &mut Frame)` only reads the state. Only the
//! visible article rows are laid out; the wrap itself is cached by `update`.

use std::borrow::Cow;

use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::app::{entity_row, App, DocView, Overlay};
use super::index::SidebarRow;
use super::keymap::{Command, Context};
use super::layout::{list_inner, list_offset, Focus, Mode, Screen, MIN_HEIGHT, MIN_WIDTH};
use super::library::{self, EntryState, Library};
use super::theme::Theme;
use super::wrap::{self, Glyph, Row, RowKind, Wrapped};
use crate::model::{MentionForm, QuoteKind};
use crate::sanitize::inert;

/// Draws the whole reader.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let screen = Screen::compute(area, app.sidebars, app.focus, app.options.width_cap);
    if screen.mode == Mode::Tiny {
        render_tiny(frame, area);
        return;
    }
    if let Some(lib) = app.library.as_ref().filter(|l| l.showing) {
        render_list(app, lib, area, frame);
        match &app.overlay {
            Some(Overlay::Help { scroll }) => render_help(app, *scroll, area, frame),
            Some(Overlay::Picker { query, cursor }) => render_folder_picker(app, lib, query, *cursor, area, frame),
            None => {}
        }
        return;
    }
    let v = app.view();
    render_article(app, v, &screen, frame);
    if let Some(r) = screen.entities {
        render_entities(app, v, r, frame);
    }
    if let Some(r) = screen.pledges {
        render_pledges(app, v, r, frame);
    }
    render_status(app, v, screen.status, frame);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => render_help(app, *scroll, area, frame),
        Some(Overlay::Picker { query, cursor }) => render_picker(app, query, *cursor, area, frame),
        None => {}
    }
}

fn render_tiny(frame: &mut Frame, area: Rect) {
    let msg =
        format!("Terminal too small ({}x{}): byline needs {MIN_WIDTH}x{MIN_HEIGHT}. q quits.", area.width, area.height);
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

fn pane_block<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    let style = if focused { theme.border_focused } else { theme.border };
    Block::default().borders(Borders::ALL).border_style(style).title(TSpan::styled(title, style))
}

/// Where the article came from: a file's name, or a URL without its scheme.
fn source_label(v: &DocView) -> String {
    let name = v.doc.source.as_deref().unwrap_or("standard input");
    let name = match name.split_once("://") {
        Some((_, rest)) => rest.trim_end_matches('/'),
        None => name.rsplit('/').next().unwrap_or(name),
    };
    inert(name).into_owned()
}

fn render_article(app: &App, v: &DocView, screen: &Screen, frame: &mut Frame) {
    if screen.article.width == 0 || screen.article.height == 0 {
        return;
    }
    let t = screen.text;
    let width = usize::from(t.width);
    if t.width == 0 || t.height == 0 {
        frame.render_widget(pane_block(&app.theme, source_label(v), app.focus == Focus::Article), screen.article);
        return;
    }
    // `update` keeps the wrap for the stored size (grown as far as the
    // screen needs); a frame of another size (a test drawing without a
    // resize) wraps on the spot, unless a whole wrap of its width is kept.
    let wrapped: Cow<'_, Wrapped> = match v.wrapped(width) {
        Some(w) if w.complete() || app.screen.text == t => Cow::Borrowed(w),
        _ => Cow::Owned(wrap::wrap(&v.doc.text, &v.doc.meta, width)),
    };
    let h = usize::from(t.height);
    let top = if app.screen.text == t { v.top } else { wrapped.row_of(v.anchor).min(wrapped.len().saturating_sub(h)) };
    let focused = app.focus == Focus::Article;
    let mut source = format!(" {} ", source_label(v));
    if app.docs.len() > 1 {
        source = format!(" {} [{}/{}] ", source_label(v), app.current + 1, app.docs.len());
    }
    // Once the headline has scrolled away it stays in view as the title.
    let top_start = wrapped.rows.get(top).map_or(0, |r| r.start());
    let headline_gone = v.doc.meta.headline.filter(|h| top > 0 && top_start >= h.end);
    let border = if focused { app.theme.border_focused } else { app.theme.border };
    let mut block = pane_block(&app.theme, source.clone(), focused);
    if let Some(hl) = headline_gone {
        let room = usize::from(screen.article.width).saturating_sub(4);
        let text = fit(&inert(v.doc.slice(hl)), room.saturating_sub(2));
        block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(TSpan::styled(format!(" {text} "), app.theme.heading))
            .title_bottom(Line::styled(source, border).right_aligned());
    }
    frame.render_widget(block, screen.article);
    let lines: Vec<Line> = wrapped.rows.iter().skip(top).take(h).map(|r| article_line(app, v, r, width)).collect();
    frame.render_widget(Paragraph::new(lines), t);
}

/// The styled cells of one article row.
fn article_line(app: &App, v: &DocView, row: &Row, width: usize) -> Line<'static> {
    let th = &app.theme;
    if row.kind == RowKind::Rule {
        let hw = v.doc.meta.headline.map_or(width, |h| wrap::text_width(v.doc.slice(h)));
        return Line::styled("\u{2500}".repeat(hw.clamp(1, width)), th.dim);
    }
    let base = if row.kind == RowKind::Headline { th.heading } else { th.text };
    let (a, b) = (row.start(), row.end());
    let quotes = v.index.quotes.overlapping(a, b);
    let mentions = v.index.mentions.overlapping(a, b);
    let search: Vec<(crate::model::Span, bool)> = v.search.as_ref().map_or_else(Vec::new, |s| {
        let lo = s.matches.partition_point(|m| m.end <= a);
        s.matches[lo..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.start < b)
            .map(|(i, m)| (*m, s.current == Some(lo + i)))
            .collect()
    });
    let pledge = if app.focus == super::layout::Focus::Pledges {
        v.doc.pledges.get(v.pledge_cursor).map(|p| p.span())
    } else {
        None
    };
    let dateline = v.doc.meta.dateline;

    let style_at = |i: usize| -> Style {
        let mut st = base;
        if dateline.is_some_and(|d| d.contains_pos(i)) {
            st = st.patch(th.dateline);
        }
        if pledge.is_some_and(|p| p.contains_pos(i)) {
            st = st.patch(th.selected_pledge);
        }
        let mut selected = false;
        for (s, q) in &quotes {
            if s.contains_pos(i) {
                if v.quote == Some(*q) {
                    selected = true;
                } else if v.doc.quotes[*q].kind == QuoteKind::Partial {
                    st = st.patch(th.partial_quote);
                } else {
                    st = st.patch(th.quote);
                }
            }
        }
        if selected {
            st = st.patch(th.selected_quote);
        }
        // (Mentions may nest, "Lisbon" in "University of Lisbon": the
        // selected entity's style wins wherever it covers the cell.)
        let (mut named, mut chosen) = (false, false);
        for (s, m) in &mentions {
            if s.contains_pos(i) {
                if v.entity == Some(m.entity) {
                    chosen = true;
                } else if m.form != MentionForm::Pronoun {
                    named = true;
                }
            }
        }
        if named {
            st = st.patch(th.mention);
        }
        if chosen {
            st = st.patch(th.selected_mention);
        }
        for (s, cur) in &search {
            if s.contains_pos(i) {
                st = st.patch(if *cur { th.current_match } else { th.search_match });
            }
        }
        st
    };

    let text = v.doc.text.get(a..b).unwrap_or("");
    let mut spans: Vec<TSpan<'static>> = Vec::new();
    let mut buf = String::new();
    let mut cur = base;
    let mut used = 0;
    for (off, c) in text.char_indices() {
        let g = wrap::glyph(c);
        if used + g.width() > width {
            break;
        }
        used += g.width();
        let st = style_at(a + off);
        if st != cur && !buf.is_empty() {
            spans.push(TSpan::styled(std::mem::take(&mut buf), cur));
        }
        cur = st;
        match g {
            Glyph::Char(ch, _) => buf.push(ch),
            Glyph::Spaces(n) => buf.extend(std::iter::repeat_n(' ', n)),
        }
    }
    if !buf.is_empty() {
        spans.push(TSpan::styled(buf, cur));
    }
    Line::from(spans)
}

fn count_label(n: usize, what: &str) -> String {
    format!("{n}{what}")
}

fn render_entities(app: &App, v: &DocView, r: Rect, frame: &mut Frame) {
    let focused = app.focus == Focus::Entities;
    let th = &app.theme;
    let title = format!(" Entities ({}) ", v.index.entity_order.len());
    frame.render_widget(pane_block(th, title, focused), r);
    let inner = list_inner(r);
    if inner.height == 0 {
        return;
    }
    let h = usize::from(inner.height);
    let w = usize::from(inner.width);
    if v.index.sidebar.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled("(no entities found)", th.dim)), inner);
        return;
    }
    let cursor_row = entity_row(&v.index, v.entity_cursor);
    let off = list_offset(cursor_row, v.index.sidebar.len(), h);
    let lines: Vec<Line> = v.index.sidebar[off..]
        .iter()
        .take(h)
        .enumerate()
        .map(|(i, row)| match *row {
            SidebarRow::Heading(kind, n) => Line::styled(format!("{} ({n})", kind.as_str()), th.heading),
            SidebarRow::Entity(id) => {
                let counts = format!(
                    " {} {}",
                    count_label(v.index.mention_count.get(id).copied().unwrap_or(0), "m"),
                    count_label(v.index.quote_count.get(id).copied().unwrap_or(0), "q")
                );
                let name = fit(&v.entity_name(id), w.saturating_sub(counts.width() + 2));
                let pad = w.saturating_sub(2 + name.width() + counts.width());
                let mut st = if v.entity == Some(id) { th.speaker } else { th.text };
                if off + i == cursor_row {
                    st = st.patch(if focused { th.list_cursor } else { th.list_cursor_unfocused });
                }
                let filter_mark = if v.filter == Some(id) { "\u{25b8}" } else { " " };
                Line::from(vec![
                    TSpan::styled(format!("{filter_mark} {name}{}", " ".repeat(pad)), st),
                    TSpan::styled(counts, th.dim),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_pledges(app: &App, v: &DocView, r: Rect, frame: &mut Frame) {
    let focused = app.focus == Focus::Pledges;
    let th = &app.theme;
    let done = v.index.ticked_count(&v.ticks);
    let title = format!(" Pledges {done}/{} ", v.doc.pledges.len());
    frame.render_widget(pane_block(th, title, focused), r);
    let inner = list_inner(r);
    if inner.height == 0 {
        return;
    }
    if v.doc.pledges.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled("(no pledges found)", th.dim)), inner);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    for (i, rows) in pledge_rows(v, usize::from(inner.width), usize::from(inner.height)) {
        let mut st = if v.is_ticked(i) { th.ticked } else { th.text };
        if i != v.pledge_cursor {
            let (check, actor, rest) = pledge_parts(v, i);
            lines.push(Line::from(vec![
                TSpan::styled(check, st),
                TSpan::styled(actor, st.patch(th.speaker)),
                TSpan::styled(rest, st),
            ]));
            continue;
        }
        // The selected pledge, wrapped in full.
        st = st.patch(if focused { th.list_cursor } else { th.list_cursor_unfocused });
        lines.extend(rows.into_iter().map(|row| Line::styled(row, st)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Pledge `i` in three parts: its checkbox, `actor: `, then the action and amount (inert).
fn pledge_parts(v: &DocView, i: usize) -> (&'static str, String, String) {
    let p = &v.doc.pledges[i];
    let actor = p.actor.map(|a| v.entity_name(a)).unwrap_or_else(|| "?".into());
    let amount = p.amount.as_deref().map(|a| format!(" [{}]", inert(a))).unwrap_or_default();
    let check = if v.is_ticked(i) { "[x] " } else { "[ ] " };
    (check, format!("{actor}: "), format!("{}{amount}", inert(&p.action)))
}

/// The pledge list in a pane `width` x `height`: from the first pledge
/// shown, each pledge with its rows. The selected pledge is wrapped in full
/// (so what was promised reads without a jump); the others take one row.
pub fn pledge_rows(v: &DocView, width: usize, height: usize) -> Vec<(usize, Vec<String>)> {
    let n = v.doc.pledges.len();
    if n == 0 || height == 0 || width == 0 {
        return Vec::new();
    }
    let cur = v.pledge_cursor.min(n - 1);
    let (check, actor, rest) = pledge_parts(v, cur);
    let wrap = textwrap::Options::new(width).subsequent_indent("    ");
    let full: Vec<String> =
        textwrap::wrap(&format!("{check}{actor}{rest}"), wrap).into_iter().map(|l| l.into_owned()).collect();
    let k = full.len().clamp(1, height);
    let off = list_offset(cur, n, height - (k - 1));
    let mut out = Vec::new();
    let mut used = 0;
    for i in off..n {
        if used >= height {
            break;
        }
        let rows = if i == cur {
            full.iter().take(height - used).cloned().collect()
        } else {
            let (check, actor, rest) = pledge_parts(v, i);
            vec![format!("{check}{actor}{rest}")]
        };
        used += rows.len();
        out.push((i, rows));
    }
    out
}

/// `s` cut or padded to exactly `w` columns.
fn cell(s: &str, w: usize) -> String {
    let mut out = fit(s, w);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    out
}

/// A progress bar `w` cells wide, `done` of `total` filled.
pub fn gauge(done: usize, total: usize, w: usize) -> String {
    let filled = (done * w).checked_div(total).unwrap_or(w).min(w);
    let mut s = "\u{2588}".repeat(filled);
    s.push_str(&"\u{2591}".repeat(w - filled));
    s
}

/// The article list of a folder: title, speakers and quote count per
/// article; rows still annotating say so. Only the visible rows are drawn.
fn render_list(app: &App, lib: &Library, area: Rect, frame: &mut Frame) {
    let th = &app.theme;
    let pane = library::list_pane(area);
    if pane.width == 0 {
        render_tiny(frame, area);
        return;
    }
    let n = lib.entries.len();
    let mut title = if lib.loading() {
        format!(" Articles ({n}): annotating {}/{n} ", lib.done)
    } else {
        format!(" Articles ({n}) ")
    };
    if let Some(a) = &lib.across {
        let q = if a.quotes.len() == 1 { "quote" } else { "quotes" };
        title = format!(" {}: {} {q} in {} of {n} articles ", a.name, a.quotes.len(), a.articles);
    }
    frame.render_widget(pane_block(th, title, true), pane);
    let rows = library::list_rows(area);
    if let (Some(a), true) = (&lib.across, rows.height > 0) {
        render_across_rows(app, a, rows, frame);
    } else if rows.height > 0 {
        let w = usize::from(rows.width);
        let qw = 7;
        let sw = (w / 3).clamp(8, 48);
        let tw = w.saturating_sub(qw + sw + 2);
        let header =
            Line::styled(format!("{}  {}{:>qw$}", cell("Title", tw), cell("Speakers", sw), "Quotes"), th.heading);
        frame.render_widget(Paragraph::new(header), Rect { y: rows.y - 1, height: 1, ..rows });
        let h = usize::from(rows.height);
        let off = list_offset(lib.cursor, n, h);
        let lines: Vec<Line> = lib.entries[off.min(n)..]
            .iter()
            .take(h)
            .enumerate()
            .map(|(i, e)| {
                let selected = off + i == lib.cursor;
                let mut base = th.text;
                if selected {
                    base = base.patch(th.list_cursor);
                }
                let (who, count, st) = match &e.state {
                    EntryState::Annotating => ("annotating\u{2026}".to_string(), String::new(), th.dim),
                    EntryState::Failed(m) => (format!("error: {m}"), String::new(), th.warning),
                    EntryState::Ready(sum) => {
                        let names: Vec<String> = sum.speakers.iter().map(|(name, k)| format!("{name} ({k})")).collect();
                        let who = if names.is_empty() { "\u{2014}".to_string() } else { names.join(", ") };
                        (who, sum.quotes.to_string(), th.text)
                    }
                };
                let title_st = if e.is_ready() { base } else { base.patch(th.dim) };
                Line::from(vec![
                    TSpan::styled(format!("{}  ", cell(e.title(), tw)), title_st),
                    TSpan::styled(cell(&who, sw), if selected { st.patch(th.list_cursor) } else { st }),
                    TSpan::styled(format!("{count:>qw$}"), base),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), rows);
    }
    let status = Rect { y: area.y + area.height - 1, height: 1, ..area };
    frame.render_widget(Block::default().style(th.status), status);
    let mut left = vec![];
    if lib.loading() {
        left.push(TSpan::styled(
            format!(" annotating {}/{n} {} ", lib.done, gauge(lib.done, n, 20)),
            th.status.add_modifier(Modifier::BOLD),
        ));
    } else {
        left.push(TSpan::styled(format!(" {n} articles "), th.status.add_modifier(Modifier::BOLD)));
    }
    if let Some(m) = &app.message {
        left.push(TSpan::styled(format!("\u{2502} {}", inert(m)), th.status));
    }
    if let Some(warn) = app.message.is_none().then_some(app.config_warning.as_ref()).flatten() {
        left.push(TSpan::styled(format!("\u{2502} \u{26a0} {}", inert(warn)), th.status.patch(th.warning)));
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let w = usize::from(status.width);
    let hint = hint_text(app, Context::Articles, w.saturating_sub(used + 1));
    if !hint.is_empty() && used + hint.width() < w {
        left.push(TSpan::styled(" ".repeat(w - used - hint.width()), th.status));
        left.push(TSpan::styled(hint, th.status.patch(th.dim).remove_modifier(Modifier::DIM)));
    }
    frame.render_widget(Paragraph::new(Line::from(left)), status);
}

/// The chosen speaker's quotes across the folder, one row each: the
/// article's title, then the quote (inert, on one line).
fn render_across_rows(app: &App, a: &library::Across, rows: Rect, frame: &mut Frame) {
    let th = &app.theme;
    let w = usize::from(rows.width);
    let tw = (w / 3).clamp(10, 48).min(w);
    let qw = w.saturating_sub(tw + 2);
    let header = Line::styled(format!("{}  {}", cell("Article", tw), cell("Quote", qw)), th.heading);
    frame.render_widget(Paragraph::new(header), Rect { y: rows.y - 1, height: 1, ..rows });
    let h = usize::from(rows.height);
    let off = list_offset(a.cursor, a.quotes.len(), h);
    let lines: Vec<Line> = a.quotes[off.min(a.quotes.len())..]
        .iter()
        .take(h)
        .enumerate()
        .map(|(i, at)| {
            let v = &app.docs[at.article];
            let title = app.library.as_ref().map_or("", |l| l.entries[at.article].title());
            let title = match v.doc.meta.day() {
                Some(date) => format!("{title} ({})", inert(date)),
                None => title.to_string(),
            };
            let quote = v.doc.quotes.get(at.quote).map_or("", |q| q.text.trim());
            let mut st = th.text;
            if off + i == a.cursor {
                st = st.patch(th.list_cursor);
            }
            let quote = format!("\u{201c}{}\u{201d}", inert(quote));
            Line::from(vec![
                TSpan::styled(format!("{}  ", cell(&title, tw)), st),
                TSpan::styled(cell(&quote, qw), st.patch(th.quote)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The speaker picker over the whole folder: names with quote and article
/// counts, which grow while the articles are still annotating.
fn render_folder_picker(app: &App, lib: &Library, query: &str, cursor: usize, area: Rect, frame: &mut Frame) {
    let ids = lib.speaker_matches(query);
    let r = centered(area, 64, (ids.len() as u16).saturating_add(4).max(6));
    let key = |c| app.keymap.key_for(Context::Picker, c);
    let n = lib.entries.len();
    let progress = if lib.loading() { format!(", annotating {}/{n}", lib.done) } else { String::new() };
    let title = format!(
        " Speakers in {n} articles{progress} ({} picks, {} cancels) ",
        key(Command::Accept),
        key(Command::Close)
    );
    let empty = if lib.loading() { "(no speaker yet: annotating\u{2026})" } else { "(no speaker matches)" };
    let row = |i: usize| {
        let sp = &lib.index.speakers[ids[i]];
        let (q, a) = (sp.quotes.len(), sp.articles);
        (inert(&sp.name).into_owned(), format!(" {q} quote{}, {a} article{}", plural(q), plural(a)))
    };
    draw_picker(app, frame, r, title, query, (ids.len(), cursor), empty, row);
}

/// The body both speaker pickers draw in `r`: the query after a prompt,
/// then one row per match (a name, its count right-aligned; the cursor's
/// row marked), and the text cursor after the query. `rows` is the number
/// of matches and the cursor; `row(i)` gives match `i`'s name and count.
#[allow(clippy::too_many_arguments)]
fn draw_picker(
    app: &App,
    frame: &mut Frame,
    r: Rect,
    title: String,
    query: &str,
    (rows, cursor): (usize, usize),
    empty: &str,
    row: impl Fn(usize) -> (String, String),
) {
    let th = &app.theme;
    frame.render_widget(Clear, r);
    let block = pane_block(th, title, true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![TSpan::styled("> ", th.key), TSpan::raw(inert(query).into_owned())])];
    if rows == 0 {
        lines.push(Line::styled(empty.to_string(), th.dim));
    }
    let h = usize::from(inner.height).saturating_sub(1);
    let off = list_offset(cursor, rows, h);
    for i in (off..rows).take(h) {
        let (name, count) = row(i);
        let name = fit(&name, w.saturating_sub(count.width() + 1));
        let pad = w.saturating_sub(name.width() + count.width());
        let st = if i == cursor { th.list_cursor } else { th.text };
        lines.push(Line::from(vec![
            TSpan::styled(format!("{name}{}", " ".repeat(pad)), st),
            TSpan::styled(count, th.dim),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x.saturating_add((2 + inert(query).width()).min(w.saturating_sub(1)) as u16);
    frame.set_cursor_position(Position::new(x, inner.y));
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `s` cut to `w` columns (with an ellipsis when cut).
fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('\u{2026}');
    }
    out
}

/// The position shown in the status bar: percent of the article read.
pub fn percent(v: &DocView, height: usize) -> usize {
    let Some(w) = v.current_wrap() else { return 100 };
    let rows = w.len();
    if rows == 0 {
        return 100;
    }
    // While the end is still being wrapped: the rows so far, scaled by the
    // share of the text they cover.
    let total = if w.complete() {
        rows
    } else {
        let est = rows as u128 * v.doc.text.len() as u128 / w.wrapped_bytes().max(1) as u128;
        usize::try_from(est).unwrap_or(usize::MAX).max(rows)
    };
    ((v.top + height).min(total) * 100) / total
}

/// Columns a name may take in the status bar.
const STATUS_NAME: usize = 24;

fn render_status(app: &App, v: &DocView, r: Rect, frame: &mut Frame) {
    let th = &app.theme;
    frame.render_widget(Block::default().style(th.status), r);
    let w = usize::from(r.width);
    if let Some(q) = &app.prompt {
        let text = format!("/{}", inert(q));
        frame.render_widget(Paragraph::new(Line::styled(text.clone(), th.status)), r);
        let x = r.x.saturating_add(text.width().min(w.saturating_sub(1)) as u16);
        frame.set_cursor_position(Position::new(x, r.y));
        return;
    }
    let mut left: Vec<TSpan> = vec![TSpan::styled(format!(" {:>3}% ", percent(v, app.text_height())), th.status)];
    let (i, n) = v.quote_position();
    let quote = if v.pending {
        "annotating\u{2026}".to_string()
    } else if i > 0 {
        format!("Quote {i}/{n}")
    } else {
        format!("Quotes: {n}")
    };
    left.push(TSpan::styled(format!(" {quote}"), th.status.add_modifier(Modifier::BOLD)));
    if let Some(q) = v.quote.and_then(|q| v.doc.quotes.get(q)) {
        let who = v.doc.speakers_label(q).map_or_else(|| "unattributed".to_string(), |s| fit(&inert(&s), STATUS_NAME));
        left.push(TSpan::styled(format!(" {who}"), th.status.patch(th.speaker)));
    }
    if let Some(f) = v.filter {
        left.push(TSpan::styled(
            format!(" \u{2502} speaker: {}", fit(&v.entity_name(f), STATUS_NAME)),
            th.status.add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(a) = app.library.as_ref().and_then(|l| l.across.as_ref()) {
        let row = v.quote.and_then(|q| a.row_of(app.current, q)).map_or(String::new(), |r| format!("{}/", r + 1));
        left.push(TSpan::styled(format!(" (folder {row}{})", a.quotes.len()), th.status));
    }
    if let Some(s) = &v.search {
        let pos = s.current.map_or(String::new(), |c| format!("{}/", c + 1));
        left.push(TSpan::styled(
            format!(" \u{2502} /{}: {pos}{} matches", inert(&s.query), s.matches.len()),
            th.status,
        ));
    }
    let warnings: Vec<&String> = app.config_warning.iter().chain(&v.warnings).collect();
    if let Some(m) = &app.message {
        left.push(TSpan::styled(format!(" \u{2502} {}", inert(m)), th.status));
    } else if let Some(warn) = warnings.first() {
        let more = if warnings.len() > 1 { format!(" (+{} more)", warnings.len() - 1) } else { String::new() };
        left.push(TSpan::styled(format!(" \u{2502} \u{26a0} {}{more}", inert(warn)), th.status.patch(th.warning)));
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let hint = hint_text(app, Context::Global, w.saturating_sub(used + 2));
    if !hint.is_empty() {
        let pad = w - used - hint.width();
        left.push(TSpan::styled(" ".repeat(pad), th.status));
        left.push(TSpan::styled(hint, th.status.patch(th.dim).remove_modifier(Modifier::DIM)));
    }
    frame.render_widget(Paragraph::new(Line::from(left)), r);
}

/// The key hints of `context` that fit in `room` columns: the effective
/// keymap's hints, taken in their priority order, shown in keymap order.
fn hint_text(app: &App, context: Context, room: usize) -> String {
    let all = app.keymap.hints(context);
    let mut chosen = vec![false; all.len()];
    let mut used = 0;
    let mut by_priority: Vec<usize> = (0..all.len()).collect();
    by_priority.sort_by_key(|&i| all[i].2);
    for i in by_priority {
        let w = all[i].0.width() + all[i].1.width() + 3;
        if used + w <= room {
            used += w;
            chosen[i] = true;
        }
    }
    let parts: Vec<String> =
        all.iter().zip(&chosen).filter(|(_, c)| **c).map(|((k, h, _), _)| format!("{k} {h}")).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} ", parts.join("  "))
    }
}

/// A box centred in `area`, at most `w` x `h`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

fn render_help(app: &App, scroll: usize, area: Rect, frame: &mut Frame) {
    let th = &app.theme;
    let lines = app.keymap.help_lines();
    let key_w = lines.iter().map(|(_, k, _)| k.width()).max().unwrap_or(0).min(28);
    let r = centered(area, 96, area.height.saturating_sub(2));
    frame.render_widget(Clear, r);
    let key = |c| app.keymap.key_for(Context::Help, c);
    let title = format!(
        " Help: keys ({} closes, {}/{} scroll) ",
        key(Command::Close),
        key(Command::LineDown),
        key(Command::LineUp)
    );
    let block = pane_block(th, title, true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let h = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(h));
    let text: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(h)
        .map(|(head, keys, desc)| match head {
            Some(hd) => Line::styled(hd.to_string(), th.heading),
            None => Line::from(vec![
                TSpan::styled(format!("  {keys:<key_w$} "), th.key),
                TSpan::styled(desc.to_string(), th.text),
            ]),
        })
        .collect();
    frame.render_widget(Paragraph::new(text), inner);
}

fn render_picker(app: &App, query: &str, cursor: usize, area: Rect, frame: &mut Frame) {
    let v = app.view();
    let ids = app.picker_matches(query);
    let r = centered(area, 50, (ids.len() as u16).saturating_add(4).max(6));
    let key = |c| app.keymap.key_for(Context::Picker, c);
    let title =
        format!(" Speaker filter (type to narrow, {} picks, {} cancels) ", key(Command::Accept), key(Command::Close));
    let row = |i: usize| {
        let n = v.index.quote_count.get(ids[i]).copied().unwrap_or(0);
        (v.entity_name(ids[i]).to_string(), format!(" {n} quote{}", plural(n)))
    };
    draw_picker(app, frame, r, title, query, (ids.len(), cursor), "(no speaker matches)", row);
}

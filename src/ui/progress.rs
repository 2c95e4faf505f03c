//! The Progress screen: the headline figures, a year's heatmap, true retention, the due
//! forecast, cards by state and mastery per domain and direction — drawn as charts.

use super::style;
use crate::i18n::I18n;
use crate::stats::{Mastery, Stats};
use crate::study::clock::date_of;
use egui::{Color32, Rect, RichText, Sense, Stroke, pos2, vec2};

/// Draws `stats`. `today` is the current study day; `retention_goal` the desired retention.
pub fn show(ui: &mut egui::Ui, stats: &Stats, today: i64, retention_goal: f32, i18n: &I18n) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            headline(ui, stats, i18n);
            ui.add_space(12.0);
            chart_title(ui, &i18n.t("progress-heatmap"));
            heatmap(ui, &stats.heatmap, today, i18n);
            ui.add_space(12.0);
            ui.columns(2, |columns| {
                chart_title(&mut columns[0], &i18n.t("progress-retention"));
                retention_chart(
                    &mut columns[0],
                    &stats.retention_daily,
                    retention_goal,
                    i18n,
                );
                chart_title(&mut columns[1], &i18n.t("progress-forecast"));
                forecast_chart(&mut columns[1], &stats.forecast, i18n);
            });
            ui.add_space(12.0);
            chart_title(ui, &i18n.t("progress-states"));
            states_bar(ui, stats, i18n);
            ui.add_space(12.0);
            ui.columns(2, |columns| {
                chart_title(&mut columns[0], &i18n.t("progress-by-domain"));
                let named: Vec<(String, &Mastery)> = stats
                    .mastery_by_domain
                    .iter()
                    .map(|m| (i18n.t(&format!("domain-{}", m.group)), m))
                    .collect();
                mastery_bars(&mut columns[0], &named, i18n);
                chart_title(&mut columns[1], &i18n.t("progress-by-direction"));
                let named: Vec<(String, &Mastery)> = stats
                    .mastery_by_direction
                    .iter()
                    .map(|m| (m.group.replace('-', " → ").to_uppercase(), m))
                    .collect();
                mastery_bars(&mut columns[1], &named, i18n);
            });
            ui.add_space(8.0);
        });
}

fn chart_title(ui: &mut egui::Ui, title: &str) {
    ui.label(RichText::new(title).strong());
}

fn headline(ui: &mut egui::Ui, stats: &Stats, i18n: &I18n) {
    let retention = stats
        .retention_30d
        .map_or("—".to_string(), |r| format!("{:.0} %", r * 100.0));
    let figures = [
        (stats.reviews_today.to_string(), i18n.t("progress-today")),
        (
            stats.streak_days.to_string(),
            i18n.t_with("progress-streak", "n", stats.streak_days),
        ),
        (stats.due_today.to_string(), i18n.t("progress-due")),
        (retention, i18n.t("progress-retention-30")),
    ];
    ui.columns(figures.len(), |columns| {
        for (column, (value, label)) in columns.iter_mut().zip(figures) {
            egui::Frame::group(column.style()).show(column, |ui| {
                ui.set_width(ui.available_width());
                ui.vertical_centered(|ui| {
                    ui.label(RichText::new(value).size(30.0).strong());
                    ui.weak(label);
                });
            });
        }
    });
}

/// A GitHub-style calendar: one column per week, Monday on top, the last column this week.
fn heatmap(ui: &mut egui::Ui, days: &[u32], today: i64, i18n: &I18n) {
    let dark = ui.visuals().dark_mode;
    let max = days.iter().copied().max().unwrap_or(0);
    let first = today - days.len() as i64 + 1;
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    let weekday = |day: i64| (day + 3).rem_euclid(7);
    let start = first - weekday(first);
    let weeks = ((today - start) / 7 + 1) as usize;
    let cell = ((ui.available_width() - 40.0) / weeks as f32).clamp(6.0, 14.0);
    let gap = (cell * 0.18).max(1.0);
    let size = vec2(40.0 + weeks as f32 * cell, 7.0 * cell + 16.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let small = egui::TextStyle::Small.resolve(ui.style());
    let text_color = ui.visuals().weak_text_color();
    for (row, key) in [(0, "weekday-mon"), (2, "weekday-wed"), (4, "weekday-fri")] {
        painter.text(
            pos2(
                rect.left(),
                rect.top() + 16.0 + row as f32 * cell + cell / 2.0,
            ),
            egui::Align2::LEFT_CENTER,
            i18n.t(key),
            small.clone(),
            text_color,
        );
    }
    let mut hovered = None;
    let mut last_month = None;
    for day in start..=today {
        let column = ((day - start) / 7) as f32;
        let row = weekday(day) as f32;
        let min = pos2(
            rect.left() + 40.0 + column * cell,
            rect.top() + 16.0 + row * cell,
        );
        let square = Rect::from_min_size(min, vec2(cell - gap, cell - gap));
        let date = date_of(day);
        let month = chrono::Datelike::month(&date);
        let room_for_label = last_month.is_none_or(|(_, x)| min.x - x > 3.0 * cell);
        if row == 0.0
            && day >= first
            && last_month.is_none_or(|(m, _)| m != month)
            && room_for_label
        {
            last_month = Some((month, min.x));
            painter.text(
                pos2(min.x, rect.top()),
                egui::Align2::LEFT_TOP,
                date.format("%m").to_string(),
                small.clone(),
                text_color,
            );
        }
        if day < first {
            continue;
        }
        let count = days[(day - first) as usize];
        painter.rect_filled(square, 2.0, style::heat_color(count, max, dark));
        if response.hover_pos().is_some_and(|p| square.contains(p)) {
            hovered = Some((date, count));
        }
    }
    if let Some((date, count)) = hovered {
        response.on_hover_text(format!(
            "{date}: {}",
            i18n.t_with("progress-answers", "n", count)
        ));
    }
}

/// Vertical bars, one per value, scaled to `max`, with a caption under the chart.
fn bars(
    ui: &mut egui::Ui,
    values: &[Option<f32>],
    max: f32,
    color: Color32,
    goal: Option<f32>,
    top_label: &str,
    caption: &str,
) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, 110.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let axis = ui.visuals().weak_text_color();
    painter.line_segment(
        [rect.left_bottom(), rect.right_bottom()],
        Stroke::new(1.0, axis),
    );
    let slot = width / values.len().max(1) as f32;
    for (at, value) in values.iter().enumerate() {
        let Some(value) = value else {
            continue;
        };
        let height = (value / max.max(f32::EPSILON)).clamp(0.0, 1.0) * (rect.height() - 4.0);
        let x = rect.left() + at as f32 * slot;
        let bar = Rect::from_min_max(
            pos2(x + slot * 0.15, rect.bottom() - height),
            pos2(x + slot * 0.85, rect.bottom()),
        );
        painter.rect_filled(bar, 1.0, color);
    }
    if let Some(goal) = goal {
        let y = rect.bottom() - (goal / max) * (rect.height() - 4.0);
        painter.line_segment(
            [pos2(rect.left(), y), pos2(rect.right(), y)],
            Stroke::new(1.0, style::warn_color(ui.visuals().dark_mode)),
        );
    }
    let small = egui::TextStyle::Small.resolve(ui.style());
    painter.text(
        rect.left_top(),
        egui::Align2::LEFT_TOP,
        top_label,
        small,
        axis,
    );
    ui.weak(RichText::new(caption).small());
}

fn retention_chart(ui: &mut egui::Ui, daily: &[Option<f64>], goal: f32, i18n: &I18n) {
    let values: Vec<Option<f32>> = daily.iter().map(|r| r.map(|r| r as f32)).collect();
    let color = style::good_color(ui.visuals().dark_mode);
    let caption = i18n.t_with(
        "progress-retention-caption",
        "goal",
        format!("{:.0} %", goal * 100.0),
    );
    bars(ui, &values, 1.0, color, Some(goal), "100 %", &caption);
}

fn forecast_chart(ui: &mut egui::Ui, forecast: &[u32], i18n: &I18n) {
    let max = forecast.iter().copied().max().unwrap_or(0).max(1) as f32;
    let values: Vec<Option<f32>> = forecast.iter().map(|&n| Some(n as f32)).collect();
    let color = style::chart_color(ui.visuals().dark_mode);
    let total: u32 = forecast.iter().sum();
    let caption = i18n.t_with("progress-forecast-caption", "n", total);
    bars(ui, &values, max, color, None, &format!("{max}"), &caption);
}

fn states_bar(ui: &mut egui::Ui, stats: &Stats, i18n: &I18n) {
    let dark = ui.visuals().dark_mode;
    let s = &stats.cards_by_state;
    let parts = [
        (
            s.new,
            i18n.t("state-new"),
            Color32::from_gray(if dark { 0x80 } else { 0xB0 }),
        ),
        (
            s.learning,
            i18n.t("state-learning"),
            style::warn_color(dark),
        ),
        (
            s.relearning,
            i18n.t("state-relearning"),
            ui.visuals().error_fg_color,
        ),
        (s.review, i18n.t("state-review"), style::good_color(dark)),
        (
            s.suspended,
            i18n.t("state-suspended"),
            Color32::from_gray(if dark { 0x50 } else { 0xD8 }),
        ),
    ];
    let total: u32 = parts.iter().map(|p| p.0).sum();
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 18.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let mut x = rect.left();
    for (count, _, color) in &parts {
        let width = rect.width() * *count as f32 / total.max(1) as f32;
        painter.rect_filled(
            Rect::from_min_size(pos2(x, rect.top()), vec2(width, rect.height())),
            0.0,
            *color,
        );
        x += width;
    }
    ui.horizontal_wrapped(|ui| {
        for (count, label, color) in parts {
            ui.label(RichText::new("■").color(color));
            ui.label(format!("{label} {count}"));
            ui.add_space(8.0);
        }
    });
}

fn mastery_bars(ui: &mut egui::Ui, groups: &[(String, &Mastery)], i18n: &I18n) {
    let dark = ui.visuals().dark_mode;
    egui::Grid::new(ui.next_auto_id())
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (name, mastery) in groups {
                ui.label(RichText::new(name).small());
                let (rect, response) = ui.allocate_exact_size(vec2(160.0, 12.0), Sense::hover());
                let painter = ui.painter_at(rect);
                painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
                let part = |n: u32| rect.width() * n as f32 / mastery.cards.max(1) as f32;
                let learned =
                    Rect::from_min_size(rect.min, vec2(part(mastery.learned), rect.height()));
                painter.rect_filled(learned, 2.0, style::warn_color(dark).gamma_multiply(0.6));
                let mastered =
                    Rect::from_min_size(rect.min, vec2(part(mastery.mastered), rect.height()));
                painter.rect_filled(mastered, 2.0, style::good_color(dark));
                response.on_hover_text(i18n.t_with("progress-learned", "n", mastery.learned));
                ui.weak(RichText::new(format!("{} / {}", mastery.mastered, mastery.cards)).small());
                ui.end_row();
            }
        });
    ui.weak(RichText::new(i18n.t("progress-mastery-caption")).small());
}

//! A real window under X (Xvfb when no display is set): `keruen --screenshot` paints the
//! screen, saves a PNG of the window's size, and exits.

mod common;

use std::path::Path;
use std::process::Command;

/// Runs keruen with `args`, under `xvfb-run` when there is no display.
fn keruen_in_a_window(data_dir: &Path, args: &[&str]) -> std::process::Output {
    let binary = env!("CARGO_BIN_EXE_keruen");
    let mut command = if std::env::var_os("DISPLAY").is_some() {
        Command::new(binary)
    } else {
        let mut xvfb = Command::new("xvfb-run");
        xvfb.args(["-a", "-s", "-screen 0 1600x1000x24", binary]);
        xvfb
    };
    command
        .args(args)
        .env("KERUEN_DATA_DIR", data_dir)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .output()
        .expect("xvfb-run (package xvfb) and keruen run")
}

fn distinct_colours(image: &image::RgbaImage) -> usize {
    let mut colours: Vec<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    colours.len()
}

fn screenshot(args: &[&str]) -> image::RgbaImage {
    screenshot_with_history(args, 0)
}

/// Keeps a copy of the PNG when `KERUEN_SCREENSHOT_DIR` names a folder (to refresh the
/// README's pictures), named after the arguments.
fn keep_copy(png: &Path, args: &[&str]) {
    if let Some(dir) = std::env::var_os("KERUEN_SCREENSHOT_DIR") {
        let name: String = args
            .iter()
            .filter(|a| !a.starts_with("--"))
            .map(|a| a.replace(|c: char| !c.is_alphanumeric(), ""))
            .collect::<Vec<_>>()
            .join("-");
        std::fs::copy(png, Path::new(&dir).join(format!("{name}.png"))).unwrap();
    }
}

/// A screenshot over a store holding `days` days of simulated study.
fn screenshot_with_history(args: &[&str], days: i64) -> image::RgbaImage {
    let dir = tempfile::tempdir().unwrap();
    if days > 0 {
        common::simulate_history(&dir.path().join("data"), days);
    }
    let png = dir.path().join("shot.png");
    let mut all = vec!["--screenshot", png.to_str().unwrap()];
    all.extend_from_slice(args);
    let output = keruen_in_a_window(&dir.path().join("data"), &all);
    assert!(
        output.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    keep_copy(&png, args);
    image::open(&png)
        .expect("the PNG exists and decodes")
        .to_rgba8()
}

#[test]
fn the_lookup_screen_renders_in_a_real_window() {
    let image = screenshot(&["--query", "коносамент", "--ui-lang", "zh"]);
    assert_eq!(image.dimensions(), (1280, 800), "the window's size");
    assert!(
        distinct_colours(&image) > 50,
        "not blank: {} colours",
        distinct_colours(&image)
    );
}

#[test]
fn the_settings_screen_renders_in_kazakh() {
    let image = screenshot(&["--view", "settings", "--ui-lang", "kk"]);
    assert_eq!(image.dimensions(), (1280, 800));
    assert!(distinct_colours(&image) > 20);
}

#[test]
fn the_study_screen_renders_a_card_in_russian() {
    let image = screenshot_with_history(&["--view", "study", "--ui-lang", "ru"], 20);
    assert_eq!(image.dimensions(), (1280, 800));
    assert!(distinct_colours(&image) > 20);
}

#[test]
fn the_progress_screen_renders_its_charts_in_chinese() {
    let image = screenshot_with_history(&["--view", "progress", "--ui-lang", "zh"], 60);
    assert_eq!(image.dimensions(), (1280, 800));
    assert!(distinct_colours(&image) > 50);
}

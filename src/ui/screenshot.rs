//! `keruen --screenshot FILE`: paint a few frames in a real window, save the last as PNG,
//! close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames painted before the picture is taken, so fonts and layout have settled.
const SETTLE_FRAMES: u32 = 6;

/// A pending screenshot and, once taken, how saving it went.
#[derive(Debug, Clone)]
pub struct ScreenshotRequest {
    /// Where the PNG goes.
    pub path: PathBuf,
    /// The window's inner size in points.
    pub size: [f32; 2],
    frames: u32,
    requested: bool,
    outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotRequest {
    /// A screenshot of a window of `size` points, to be saved at `path`.
    pub fn new(path: PathBuf, size: [f32; 2]) -> ScreenshotRequest {
        ScreenshotRequest {
            path,
            size,
            frames: 0,
            requested: false,
            outcome: Arc::default(),
        }
    }

    /// How saving went: `None` while the window has not got that far.
    pub fn outcome(&self) -> Option<Result<(), String>> {
        self.outcome.lock().map(|o| o.clone()).unwrap_or(None)
    }

    /// Called once per frame: keeps frames coming, then asks for the picture.
    pub fn tick(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.requested {
            return;
        }
        if self.frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return;
        }
        self.requested = true;
        let (path, outcome, ctx_for_close) = (self.path.clone(), self.outcome.clone(), ctx.clone());
        ctx.request_screenshot(move |image| {
            let result = save_png(&path, &image);
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(result);
            }
            ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
        });
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, image.as_raw().to_vec())
        .ok_or("the screenshot has the wrong number of pixels")?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

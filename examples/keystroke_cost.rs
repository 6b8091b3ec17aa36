//! What one line scrolled costs the reader, without a terminal: time to update and draw, and
//! bytes written, at 80×24 (two panes) and 60×24 (text only):
//! `cargo run --release --example keystroke_cost`.

use artikel::app::{Action, App, update};
use artikel::backend::{Ansi, Colors};
use ratatui::Terminal;
use ratatui::layout::Size;
use std::time::{Duration, Instant};

fn main() {
    for (w, h) in [(80u16, 24u16), (60, 24)] {
        let library = artikel::library::Library::bundled();
        let seed = library.position("nervesmerter").unwrap_or(0);
        let mut app = App::new(library, seed, artikel::clock::Clock::System);
        update(&mut app, Action::Resize(w, h));
        let Ok(mut terminal) = Terminal::new(Ansi::sized(Vec::new(), Colors::On, false, Size::new(w, h)))
        else {
            return;
        };
        // As the reader draws: into the buffer, then the backend writes what changed.
        let draw = |terminal: &mut Terminal<Ansi<Vec<u8>>>, app: &App| {
            let _ = artikel::backend::draw_frame(terminal, |frame| artikel::ui::draw(app, frame));
        };
        draw(&mut terminal, &app);
        let (keys, mut time, mut bytes) = (2000u32, Duration::ZERO, 0);
        for _ in 0..keys {
            terminal.backend_mut().writer_mut().clear();
            if app.scroll + usize::from(h) >= app.max_scroll() {
                update(&mut app, Action::Top);
                draw(&mut terminal, &app);
                terminal.backend_mut().writer_mut().clear();
            }
            let start = Instant::now();
            update(&mut app, Action::Down);
            draw(&mut terminal, &app);
            time += start.elapsed();
            bytes += terminal.backend_mut().writer_mut().len();
        }
        println!("{w}×{h}: {:?} and {} bytes per line scrolled", time / keys, bytes / keys as usize);
    }
}

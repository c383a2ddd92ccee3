//! The Tauri shell: starts the window, holds the open workspace, exposes the commands.
//! Domain logic lives in `bridgeplan-core`; this crate only wires it to the UI and the CLI.

pub mod cli;
pub mod commands;

use commands::session::Session;
use tauri::Manager;

/// Runs the desktop app. `file` is a workspace named on the command line, opened at start.
pub fn run_app(file: Option<std::path::PathBuf>) -> i32 {
    let result = tauri::Builder::default()
        // First, so a second launch hands its file to this window and ends before anything
        // else starts. Without a D-Bus session bus each launch runs on its own.
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            commands::paths::second_launch(app, argv, cwd)
        }))
        .plugin(tauri_plugin_dialog::init())
        // The window opens where and as large as it was last closed.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .target(tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::LogDir {
                    file_name: None,
                }))
                .build(),
        )
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                commands::bench::mark("page_load_started");
            }
        })
        .setup(move |app| {
            commands::bench::mark("setup");
            let paths = app.path();
            let session = Session::new(
                paths.app_config_dir()?.join("recent.json"),
                paths.app_data_dir()?.join("Northwind Logistics (demo).bridgeplan"),
                file.clone(),
            );
            app.manage(session);
            // The workspace opens while GTK and WebKit start the page, not on its first call.
            if !commands::bench::hello() {
                let handle = app.handle().clone();
                std::thread::Builder::new()
                    .name("open".into())
                    .spawn(move || handle.state::<Session>().start_early())?;
            }
            app.manage(commands::reports::ReportStore::default());
            commands::backups::start_automatic(app.handle().clone());
            open_window(app)?;
            commands::bench::mark("window_built");
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                commands::paths::allow_dropped(window.app_handle(), paths);
            }
        })
        .invoke_handler(commands::handlers())
        .build(tauri::generate_context!());
    match result {
        Ok(app) => {
            app.run(|handle, event| {
                // Fold the write-ahead log back into the file so it is complete on its own.
                if let tauri::RunEvent::Exit = event {
                    if let Some(session) = handle.try_state::<Session>() {
                        session.close_workspace();
                    }
                }
            });
            0
        }
        Err(err) => {
            eprintln!("bridgeplan: could not start the window: {err}");
            1
        }
    }
}

/// The main window, as tauri.conf.json describes it (`create: false` there, so it is made here,
/// after the set-up above). The start-up benchmark's hello-world shows its one-line page in it.
fn open_window(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let mut config = app
        .config()
        .app
        .windows
        .first()
        .cloned()
        .ok_or("tauri.conf.json has no window")?;
    if commands::bench::hello() {
        config.url = tauri::WebviewUrl::App(commands::bench::HELLO_PAGE.into());
    }
    tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?.build()?;
    Ok(())
}

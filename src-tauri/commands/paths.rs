//! The native open and save dialogs, asked for by the UI and answered here, so the backend
//! knows which files the user chose (`Session::check` takes only those), and the other ways a
//! user names a file: dropping it on the window, or launching the app on it again.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use ts_rs::TS;

use super::error::CommandResult;
use super::session::Session;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// What a file dialog shows: its title, the kinds of file it offers, and the file it starts
/// on (a name, or a whole path).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DialogOptions {
    pub title: String,
    #[serde(default)]
    pub filters: Vec<FileFilter>,
    #[serde(default)]
    #[ts(optional)]
    pub default_path: Option<String>,
}

fn builder<R: Runtime>(app: &AppHandle<R>, options: &DialogOptions) -> FileDialogBuilder<R> {
    let mut dialog = app.dialog().file().set_title(&options.title);
    for filter in &options.filters {
        let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(&filter.name, &extensions);
    }
    if let Some(default) = options.default_path.as_deref().map(Path::new) {
        match (default.parent(), default.file_name()) {
            (Some(folder), Some(name)) if folder.is_dir() => {
                dialog = dialog.set_directory(folder).set_file_name(name.to_string_lossy());
            }
            (_, Some(name)) => dialog = dialog.set_file_name(name.to_string_lossy()),
            _ => {}
        }
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog
}

/// Some save dialogs do not add the extension the chosen filter names: add the first one.
fn with_extension(path: PathBuf, filters: &[FileFilter]) -> PathBuf {
    let wanted: Vec<&str> = filters
        .iter()
        .flat_map(|f| f.extensions.iter().map(String::as_str))
        .collect();
    let has = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| w.eq_ignore_ascii_case(e)));
    match wanted.first() {
        Some(first) if !has => {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".{first}"));
            path.with_file_name(name)
        }
        _ => path,
    }
}

fn chosen(session: &Session, picked: Option<tauri_plugin_dialog::FilePath>) -> Option<String> {
    let path = picked?.into_path().ok()?;
    session.allowed.allow(&path);
    Some(path.display().to_string())
}

/// Shows the open dialog; the file chosen (or nothing, if cancelled).
#[tauri::command(rename_all = "snake_case")]
pub async fn path_open<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    options: DialogOptions,
) -> CommandResult<Option<String>> {
    Ok(chosen(&session, builder(&app, &options).blocking_pick_file()))
}

/// Shows the save dialog; the file chosen, with the filter's extension (or nothing).
#[tauri::command(rename_all = "snake_case")]
pub async fn path_save<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    options: DialogOptions,
) -> CommandResult<Option<String>> {
    let picked = builder(&app, &options).blocking_save_file();
    let picked = picked
        .and_then(|p| p.into_path().ok())
        .map(|p| tauri_plugin_dialog::FilePath::Path(with_extension(p, &options.filters)));
    Ok(chosen(&session, picked))
}

/// Files dropped on the window are files the user chose (the UI opens a dropped workspace).
pub fn allow_dropped<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) {
    if let Some(session) = app.try_state::<Session>() {
        for path in paths {
            session.allowed.allow(path);
        }
    }
}

/// The event the UI opens a file on when the app was launched on it again (a double click on
/// a `.bridgeplan` file, `bridgeplan FILE`) while this window runs.
pub const OPEN_FILE_EVENT: &str = "open-file";

/// The file a second launch named: the first argument that is not an option, relative to the
/// folder that launch started in.
pub fn file_of_launch(argv: &[String], cwd: &str) -> Option<PathBuf> {
    let file = argv.iter().skip(1).find(|a| !a.starts_with('-'))?;
    Some(Path::new(cwd).join(file))
}

/// A second launch handed its arguments over: bring this window forward and open its file.
pub fn second_launch<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let Some(file) = file_of_launch(&argv, &cwd) else {
        return;
    };
    if let Some(session) = app.try_state::<Session>() {
        session.allowed.allow(&file);
    }
    if let Err(err) = app.emit(OPEN_FILE_EVENT, file.display().to_string()) {
        log::warn!("could not hand the file to the window: {err}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(ext: &str) -> Vec<FileFilter> {
        vec![FileFilter {
            name: "x".into(),
            extensions: vec![ext.into()],
        }]
    }

    #[test]
    fn a_saved_file_gets_the_filters_extension_once() {
        let bp = filter("bridgeplan");
        assert_eq!(with_extension("/p/q3".into(), &bp), PathBuf::from("/p/q3.bridgeplan"));
        assert_eq!(
            with_extension("/p/q3.bridgeplan".into(), &bp),
            PathBuf::from("/p/q3.bridgeplan")
        );
        assert_eq!(
            with_extension("/p/Q3.BRIDGEPLAN".into(), &bp),
            PathBuf::from("/p/Q3.BRIDGEPLAN")
        );
        assert_eq!(
            with_extension("/p/v1.2".into(), &bp),
            PathBuf::from("/p/v1.2.bridgeplan")
        );
        assert_eq!(with_extension("/p/any".into(), &[]), PathBuf::from("/p/any"));
    }

    #[test]
    fn a_second_launch_names_its_file_relative_to_where_it_started() {
        let argv = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            file_of_launch(&argv(&["bridgeplan", "plans/q3.bridgeplan"]), "/home/dana"),
            Some(PathBuf::from("/home/dana/plans/q3.bridgeplan"))
        );
        assert_eq!(
            file_of_launch(&argv(&["bridgeplan", "--verbose", "/tmp/a.bridgeplan"]), "/x"),
            Some(PathBuf::from("/tmp/a.bridgeplan"))
        );
        assert_eq!(file_of_launch(&argv(&["bridgeplan"]), "/x"), None);
    }
}

// Release builds on Windows run without a console window; elsewhere this has no effect.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // GTK's GL probe loads Mesa (and LLVM) at start-up, in this process and in WebKit's, which
    // inherit the environment; nothing here draws with GTK's GL. Set before GTK starts.
    if std::env::var_os("GDK_GL").is_none() {
        std::env::set_var("GDK_GL", "disable");
    }
    std::process::exit(bridgeplan_lib::cli::main());
}

// Release builds on Windows run without a console window; elsewhere this has no effect.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(bridgeplan_lib::cli::main());
}

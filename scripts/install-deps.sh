#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Safe to run repeatedly:
# each step checks first, so a machine that has everything does nothing here.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian packages: the webview and GTK headers to build, Xvfb and the WebKit driver for
# end-to-end tests (xdotool answers native dialogs there), imagemagick for screenshots, poppler
# for reading PDFs back, sqlite3 for checks, dbus-daemon for the session bus a second launch
# hands its file over on; desktop-file-utils, shared-mime-info and
# libxml2-utils check the .deb's desktop entry and file type.
APT_PACKAGES="libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev \
libayatana-appindicator3-dev xvfb xauth dbus-daemon webkit2gtk-driver imagemagick sqlite3 poppler-utils \
fonts-dejavu-core librsvg2-bin xdotool desktop-file-utils shared-mime-info libxml2-utils"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# npm packages for the UI, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "Installing npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

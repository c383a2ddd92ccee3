#!/usr/bin/env bash
# Checks a built .deb the way a desktop would use it, without installing it system-wide: the
# package unpacks into a throwaway root; its binary runs; its desktop entry is valid, opens
# files and names the workspace type; the type's definition compiles with the system's MIME
# tools and recognises a real workspace by name and by contents; the icon comes in several sizes.
# Usage: check-deb.sh PACKAGE.deb
set -euo pipefail
deb="$1"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }

dpkg-deb -x "$deb" "$root"
[ "$(dpkg-deb -f "$deb" Package)" = bridgeplan ] || fail "the package is not named bridgeplan"
dpkg-deb -f "$deb" Depends | grep -q libwebkit2gtk-4.1 || fail "the package does not depend on the webview"

version="$("$root/usr/bin/bridgeplan" --version)"
[ "$version" = "bridgeplan $(dpkg-deb -f "$deb" Version)" ] || fail "--version said '$version'"

desktop="$root/usr/share/applications/Bridgeplan.desktop"
[ -f "$desktop" ] || fail "no desktop entry"
desktop-file-validate "$desktop" || fail "the desktop entry is not valid"
grep -qx 'Exec=bridgeplan %f' "$desktop" || fail "the desktop entry does not pass the file it opens"
grep -qx 'MimeType=application/x-bridgeplan;' "$desktop" || fail "the desktop entry does not name the workspace type"

mime="$root/usr/share/mime"
xmllint --noout "$mime/packages/bridgeplan.xml" || fail "the file type's definition is not well-formed XML"
XDG_DATA_DIRS="$root/usr/share" update-mime-database "$mime" || fail "the system's MIME tools refuse the file type"
grep -qx '50:application/x-bridgeplan:\*.bridgeplan' "$mime/globs2" || fail "*.bridgeplan is not in the compiled globs"
grep -qa 'BPLN' "$mime/magic" || fail "the application id is not in the compiled magic"

sizes=0
for size in 32x32 128x128 512x512; do
  icon="$root/usr/share/icons/hicolor/$size/apps/bridgeplan.png"
  [ -f "$icon" ] || fail "no $size icon"
  sizes=$((sizes + 1))
done

# A real workspace has the header the magic rule reads: "BPLN" at offset 68.
ws="$root/check.bridgeplan"
"$root/usr/bin/bridgeplan" demo "$ws" >/dev/null
[ "$(dd if="$ws" bs=1 skip=68 count=4 status=none)" = BPLN ] || fail "a workspace lacks the application id at offset 68"

echo "check-deb: $(basename "$deb") is sound: $version, desktop entry, file type, $sizes icon sizes"

#!/usr/bin/env bash
# Regenerates every app icon size from icons/icon.svg (the one source) with rsvg-convert. Run after editing it;
# the generated files are committed, so a build never needs this.
set -euo pipefail
cd "$(dirname "$0")/../icons"
CONVERT=/usr/bin/convert   # ImageMagick's own, for the .ico
render() { rsvg-convert -w "$1" -h "$1" icon.svg -o "$2"; }
render 32 32x32.png
render 64 64x64.png
render 128 128x128.png
render 256 128x128@2x.png
render 512 icon.png
"$CONVERT" 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.ico

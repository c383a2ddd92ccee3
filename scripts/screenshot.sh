#!/usr/bin/env bash
# Takes a screenshot of the real app window under Xvfb: scripts/screenshot.sh OUT.png [FILE]
# Uses the binary from `make build` and a throw-away config/data folder.
set -euo pipefail
out=${1:?usage: screenshot.sh OUT.png [WORKSPACE]}
file=${2:-}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache
export WEBKIT_DISABLE_DMABUF_RENDERER=1
bin=$(cd "$(dirname "$0")/.." && pwd)/target/debug/bridgeplan
xvfb-run -a -s "-screen 0 1280x800x24" sh -c "
  '$bin' ${file:+'$file'} & pid=\$!
  sleep \${SHOT_DELAY:-6}
  /usr/bin/import -window root '$out'
  kill \$pid"
echo "wrote $out"

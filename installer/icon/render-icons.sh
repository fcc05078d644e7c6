#!/usr/bin/env bash
# Renders trassenwerk.svg into the icon files jpackage takes on each system:
#   trassenwerk.png  (Linux, 256 px)   trassenwerk.ico (Windows, 16-256 px)   trassenwerk.icns (macOS, 16-1024 px)
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# The results are committed, so building the installers needs none of these tools.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" trassenwerk.svg -o "$work/icon-$size.png"
done
cp "$work/icon-256.png" trassenwerk.png
convert "$work"/icon-{16,24,32,48,64,128,256}.png trassenwerk.ico
png2icns trassenwerk.icns "$work"/icon-{16,32,48,128,256,512,1024}.png >/dev/null
ls -l trassenwerk.png trassenwerk.ico trassenwerk.icns

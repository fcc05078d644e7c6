#!/usr/bin/env bash
# Benchmark (not a test): import of a 1 000 000-polygon GeoJSON into a new GeoPackage layer with
# R-tree, Trassenwerk (java -Xmx1g) against GDAL's ogr2ogr on the same file in the same run.
#
#   bash bench/import.sh [WORKDIR] [RUNS]
#
# WORKDIR (default /tmp/trassenwerk-bench) receives the generated data: the sample city at scale 50
# and 1 000 000 of its coverage cells written as GeoJSON by ogr2ogr (about 500 MB). Nothing there
# belongs in the repository. Needs target/trassenwerk.jar (mvn -B -DskipTests package), ogr2ogr
# and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/trassenwerk-bench}"
runs="${2:-1}"
jar=target/trassenwerk.jar
mkdir -p "$work"

if [ ! -f "$work/cells1m.geojson" ]; then
  [ -f "$work/city50.gpkg" ] || java -Xmx4g -jar "$jar" sample --scale 50 --out "$work/city50.gpkg" > /dev/null
  ogr2ogr -f GeoJSON "$work/cells1m.geojson" "$work/city50.gpkg" coverage_cells -limit 1000000
fi
echo "input: $(du -mL "$work/cells1m.geojson" | cut -f1) MB GeoJSON, 1000000 polygons; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label, command...: prints "label wall_s cpu_s rss_mb"
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" \
    || { cat "$work/err.txt" >&2; exit 1; }
  awk '{printf "%s %.1f %.1f %d\n", $1, $2, $3 + $4, $5 / 1024}' "$work/time.txt"
}

best_g=""; best_o=""
for run in $(seq 1 "$runs"); do
  rm -f "$work/gdal.gpkg" "$work/ours.gpkg"
  gdal=$(measure ogr2ogr ogr2ogr -f GPKG "$work/gdal.gpkg" "$work/cells1m.geojson")
  ours=$(measure trassenwerk java -Xmx1g -jar "$jar" import "$work/cells1m.geojson" --into "$work/ours.gpkg" --layer cells)
  heap=$(grep -o 'peak_heap_mb=[0-9]*' "$work/out.txt" | cut -d= -f2)
  echo "run $run"
  echo "  $gdal" | awk '{printf "  %-12s wall %6.1f s  cpu %6.1f s  peak RSS %5d MB\n", $1, $2, $3, $4}'
  echo "  $ours" | awk -v h="$heap" '{printf "  %-12s wall %6.1f s  cpu %6.1f s  peak RSS %5d MB  peak heap %s MB (-Xmx1g)\n", $1, $2, $3, $4, h}'
  g=$(echo "$gdal" | cut -d' ' -f2); o=$(echo "$ours" | cut -d' ' -f2)
  awk -v o="$o" -v g="$g" 'BEGIN {printf "  ratio trassenwerk/ogr2ogr wall time: %.2f\n", o / g}'
  best_g=$(awk -v a="$g" -v b="$best_g" 'BEGIN {print (b == "" || a < b) ? a : b}')
  best_o=$(awk -v a="$o" -v b="$best_o" 'BEGIN {print (b == "" || a < b) ? a : b}')
done
# Other programs on the machine make single runs noisy: the best of the runs is the fairer figure.
awk -v o="$best_o" -v g="$best_g" -v n="$runs" \
  'BEGIN {printf "best of %d: ogr2ogr %.1f s, trassenwerk %.1f s, ratio %.2f\n", n, g, o, o / g}'

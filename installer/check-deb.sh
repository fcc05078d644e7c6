#!/usr/bin/env bash
# Builds the .deb (mvn -Pinstaller) or takes the one given, unpacks it into a temporary root with
# dpkg -x and checks the installed program as a user would meet it:
#   - package fields, desktop entry (German and English), file types, postinst/prerm link
#   - `trassenwerk info` on the bundled sample city, through the /usr/bin link the postinst makes
#   - the window opens under Xvfb on first start with the sample copied to the user's data folder,
#     and the install folder is not written to
# Usage: installer/check-deb.sh [PACKAGE.deb]
# Needs: JDK 17 with jpackage, Maven, dpkg-deb, fakeroot, Xvfb, xwininfo (x11-utils), GTK 3
# (libgtk-3-0, libxtst6) and ImageMagick (import, convert) for the screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "check-deb: ok: $*"; }

for tool in dpkg-deb Xvfb xwininfo import convert; do
  command -v "$tool" >/dev/null || fail "$tool is missing (see installer/README.md)"
done

if [ $# -ge 1 ]; then
  deb=$1
else
  # zstd instead of xz: the same content in seconds instead of minutes (release builds keep xz).
  mvn -B -q -Pinstaller -DskipTests -Dinstaller.deb.compressor=zstd package
  deb=$(ls target/installer/trassenwerk_*.deb)
fi
[ -f "$deb" ] || fail "no package $deb"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# --- the package ----------------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Package)" = trassenwerk ] || fail "package name"
version=$(dpkg-deb -f "$deb" Version)
[[ $version =~ ^[1-9][0-9]*\.[0-9]+\.[0-9]+-[0-9]+$ ]] || fail "version $version is not numeric with a first part >= 1"
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "Depends lacks libgtk-3-0"
ok "package trassenwerk $version, $(du -k "$deb" | cut -f1) KiB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"

root=$work/root
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/DEBIAN"
opt=$root/opt/trassenwerk
app=$opt/lib/app
for f in bin/Trassenwerk lib/app/trassenwerk.jar lib/app/sample-gpkg/duisburg.gpkg lib/Trassenwerk.png; do
  [ -e "$opt/$f" ] || fail "$f is not installed"
done
if [ -d styles ]; then
  [ -d "$app/styles" ] || fail "the styles folder is not installed"
fi
modules=$(grep '^MODULES=' "$opt/lib/runtime/release")
for m in java.base java.desktop java.sql jdk.localedata jdk.crypto.ec; do
  [[ " ${modules//\"/ } " == *" $m "* ]] || fail "runtime lacks $m"
done
for m in jdk.compiler java.scripting jdk.jshell; do
  [[ " ${modules//\"/ } " != *" $m "* ]] || fail "runtime is not trimmed: it has $m"
done
ok "installed files, trimmed runtime ($(du -sk "$opt/lib/runtime" | cut -f1) KiB)"

desktop=$opt/lib/trassenwerk-Trassenwerk.desktop
grep -q '^Name=Trassenwerk' "$desktop" || fail "desktop entry: English name"
grep -q '^Name\[de\]=Trassenwerk' "$desktop" || fail "desktop entry: German name"
grep -q '^Exec=/opt/trassenwerk/bin/Trassenwerk %f$' "$desktop" || fail "desktop entry: Exec"
grep -q '^MimeType=.*application/geopackage+sqlite3;' "$desktop" || fail "desktop entry: GeoPackage type"
grep -q '^MimeType=.*application/x-trassenwerk-project;' "$desktop" || fail "desktop entry: project type"
mime=$opt/lib/trassenwerk-Trassenwerk-MimeInfo.xml
grep -q '<glob pattern="\*.gpkg">' "$mime" || fail "MIME info: *.gpkg"
grep -q '<glob pattern="\*.twproj">' "$mime" || fail "MIME info: *.twproj"
ok "desktop entry and file types"

for script in postinst prerm; do
  sh -n "$work/DEBIAN/$script" || fail "$script is not a valid shell script"
  grep -q '^link=/usr/bin/trassenwerk$' "$work/DEBIAN/$script" || fail "$script does not handle /usr/bin/trassenwerk"
done
launcher=$(sed -n 's/^launcher=//p' "$work/DEBIAN/postinst")
[ -x "$root$launcher" ] || fail "postinst links to $launcher, which the package does not install"
grep -q "xdg-desktop-menu install" "$work/DEBIAN/postinst" || fail "postinst does not install the desktop entry"
grep -q "xdg-desktop-menu uninstall" "$work/DEBIAN/prerm" || fail "prerm does not remove the desktop entry"
ok "postinst/prerm link /usr/bin/trassenwerk -> $launcher"

# --- the command line, through the link the postinst makes ---------------------------------
mkdir -p "$root/usr/bin" "$work/home" "$work/cwd"
ln -s "$root$launcher" "$root/usr/bin/trassenwerk"
# A fresh user: Java takes its user.home from the password database, not from HOME.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
find "$opt" -type f -exec md5sum {} + | sort > "$work/before.md5"

info=$(cd "$work/cwd" && "$root/usr/bin/trassenwerk" info "$app/sample-gpkg/duisburg.gpkg")
grep -Eq '^districts +MULTIPOLYGON +EPSG:25832 +7 ' <<<"$info" || fail "info: districts"$'\n'"$info"
grep -Eq '^quarters +MULTIPOLYGON +EPSG:25832 +46 ' <<<"$info" || fail "info: quarters"$'\n'"$info"
set +e
(cd "$work/cwd" && "$root/usr/bin/trassenwerk" info "$work/missing.gpkg" 2>/dev/null)
code=$?
set -e
[ "$code" = 2 ] || fail "info on a missing file exits $code, not 2"
ok "trassenwerk info on the bundled sample city ($(grep -c EPSG <<<"$info") layers)"

# --- the window, first start --------------------------------------------------------------
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 1 30); do
  [ -s "$work/display" ] && break
  sleep 1
done
[ -s "$work/display" ] || fail "Xvfb did not start"$'\n'"$(cat "$work/xvfb.log")"
export DISPLAY=:$(head -n 1 "$work/display")
(cd "$work/cwd" && exec "$root/usr/bin/trassenwerk") >"$work/gui.log" 2>&1 &
gui=$!
pids+=("$gui")
title=
for _ in $(seq 1 120); do
  title=$(xwininfo -root -tree 2>/dev/null | grep -o '"Trassenwerk[^"]*duisburg\.gpkg"' | head -n 1 || true)
  [ -n "$title" ] && break
  kill -0 "$gui" 2>/dev/null || fail "the workbench exited"$'\n'"$(cat "$work/gui.log")"
  sleep 1
done
[ -n "$title" ] || fail "no window with the sample city within 120 s"$'\n'"$(cat "$work/gui.log")"
ok "window $title"
# The map is drawn on worker threads after the window opens: wait until the middle of the
# screen, where the city lies, shows more than a handful of colours.
mkdir -p target/installer
shot=target/installer/check-deb.png
colours=0
for _ in $(seq 1 90); do
  import -window root "$shot"
  colours=$(convert "$shot" -crop 500x500+700+250 +repage -format %k info:)
  [ "$colours" -gt 100 ] && break
  sleep 1
done
[ "$colours" -gt 100 ] || fail "the map was not drawn within 90 s (screenshot $shot)"
ok "map drawn ($colours colours in the middle), screenshot $shot"
kill "$gui"
wait "$gui" 2>/dev/null || true

copy=$XDG_DATA_HOME/trassenwerk/duisburg.gpkg
cmp -s "$copy" "$app/sample-gpkg/duisburg.gpkg" || fail "the sample was not copied to $copy"
find "$opt" -type f -exec md5sum {} + | sort > "$work/after.md5"
diff -q "$work/before.md5" "$work/after.md5" >/dev/null || fail "the install folder was written to"
ok "sample copied to the user's data folder; install folder unchanged"
echo "check-deb: all checks passed"

#!/usr/bin/env bash
# Register NN Studio with a Linux desktop: launcher entry, icons, AppStream metadata and the
# .nnstudio file type, for one user (default) or system-wide.
#
#   bash packaging/install-desktop.sh                       # into ~/.local/share
#   bash packaging/install-desktop.sh --prefix /usr/local   # system-wide (as root)
#   bash packaging/install-desktop.sh --bundle packaging/dist/nnstudio
#                                     # launcher runs the frozen app instead of `nnstudio-gui`
#                                     # from PATH (pip install)
#   bash packaging/install-desktop.sh --uninstall [--prefix ...]
#
# Idempotent; refreshes the desktop, MIME and icon caches when their tools are installed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
BUNDLE=""
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2/share"; shift 2 ;;
    --bundle) BUNDLE="$(cd "$2" && pwd)"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

APPS="$PREFIX/applications"
META="$PREFIX/metainfo"
MIME="$PREFIX/mime/packages"
ICONS="$PREFIX/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"
METAINFO_NAME="io.github.nnstudio.NNStudio.metainfo.xml"

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" 2>/dev/null || true
  command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/mime" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
}

if [ "$UNINSTALL" = 1 ]; then
  rm -f "$APPS/nnstudio.desktop" "$META/$METAINFO_NAME" "$MIME/nnstudio.xml" \
    "$ICONS/scalable/apps/nnstudio.svg"
  for s in $SIZES; do rm -f "$ICONS/${s}x${s}/apps/nnstudio.png"; done
  refresh
  echo "removed NN Studio's desktop files from $PREFIX"
  exit 0
fi

mkdir -p "$APPS" "$META" "$MIME" "$ICONS/scalable/apps"
if [ -n "$BUNDLE" ]; then
  [ -x "$BUNDLE/nnstudio-gui" ] || { echo "error: $BUNDLE/nnstudio-gui not found; build with packaging/build.sh" >&2; exit 1; }
  sed -e "s|^Exec=nnstudio-gui|Exec=\"$BUNDLE/nnstudio-gui\"|" \
      -e "s|^TryExec=nnstudio-gui|TryExec=$BUNDLE/nnstudio-gui|" \
      "$HERE/nnstudio.desktop" >"$APPS/nnstudio.desktop"
else
  cp "$HERE/nnstudio.desktop" "$APPS/nnstudio.desktop"
fi
cp "$HERE/$METAINFO_NAME" "$META/$METAINFO_NAME"
cp "$HERE/nnstudio-mime.xml" "$MIME/nnstudio.xml"
cp "$REPO/resources/icons/nnstudio.svg" "$ICONS/scalable/apps/nnstudio.svg"
for s in $SIZES; do
  mkdir -p "$ICONS/${s}x${s}/apps"
  cp "$REPO/resources/icons/app/nnstudio-$s.png" "$ICONS/${s}x${s}/apps/nnstudio.png"
done
refresh
echo "installed NN Studio's launcher, icons, metadata and file type into $PREFIX"

#!/usr/bin/env bash
# Install the system libraries Qt 6 (PySide6) needs to open windows on a Debian/Ubuntu
# desktop (the xcb and wayland platform plugins). The pip wheels bring Qt itself, not these.
#
#   bash scripts/install-linux-deps.sh            # install what is missing
#   bash scripts/install-linux-deps.sh --quiet    # same, fewer messages (used by scripts/test.sh)
#   bash scripts/install-linux-deps.sh --dev      # also desktop-file-utils + appstream, which
#                                                 # the tests use to validate packaging/ files
#   bash scripts/install-linux-deps.sh --check    # only report what is missing (exit 1 if any)
#
# Idempotent: packages already installed are left alone, and nothing is downloaded when all
# are present. Uses sudo only when not running as root. Under CI=true, --dev is implied.
# On systems without apt-get it prints what to install and exits 0.
set -euo pipefail

QUIET=0
DEV=0
CHECK=0
[ "${CI:-}" = "true" ] && DEV=1
for arg in "$@"; do
  case "$arg" in
    --quiet | -q) QUIET=1 ;;
    --dev) DEV=1 ;;
    --check) CHECK=1 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "error: unknown option '$arg' (use --quiet, --dev, --check or --help)" >&2; exit 2 ;;
  esac
done

say() { [ "$QUIET" = 1 ] || echo "$@"; }

# One entry per library; "a|b" lists alternative names (Ubuntu 24.04 renamed some to *t64),
# the first one the package index knows is used.
RUNTIME=(
  libxcb-cursor0 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-glx0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
  libxcb-xinerama0 libxcb-xkb1
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3
  "libglib2.0-0t64|libglib2.0-0" "libpng16-16t64|libpng16-16"
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  fonts-wqy-microhei  # a CJK font: the Chinese interface shows glyphs, not boxes
)
DEVTOOLS=(desktop-file-utils appstream)

WANTED=("${RUNTIME[@]}")
[ "$DEV" = 1 ] && WANTED+=("${DEVTOOLS[@]}")

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "note: no apt-get here; install your distribution's packages for: ${WANTED[*]//|/ or }"
  exit 0
fi

# (Output captured first: `grep -q` closing a pipe early would fail it under pipefail.)
installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
  [[ "$status" == *"install ok installed"* ]]
}
known() {
  local policy
  policy="$(apt-cache policy "$1" 2>/dev/null || true)"
  [[ "$policy" =~ Candidate:\ [^\(] ]]
}

# An entry is satisfied when any of its alternatives is installed.
missing=()
for entry in "${WANTED[@]}"; do
  ok=0
  IFS='|' read -r -a alts <<<"$entry"
  for name in "${alts[@]}"; do
    if installed "$name"; then ok=1; break; fi
  done
  [ "$ok" = 1 ] || missing+=("$entry")
done

if [ "${#missing[@]}" = 0 ]; then
  say "system libraries for Qt: all present"
  exit 0
fi
if [ "$CHECK" = 1 ]; then
  echo "missing: ${missing[*]//|/ or }"
  exit 1
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "error: not root and no sudo; run as root: apt-get install ${missing[*]//|/ or }" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
say "updating the package index"
"${SUDO[@]}" apt-get update -qq

to_install=()
for entry in "${missing[@]}"; do
  IFS='|' read -r -a alts <<<"$entry"
  chosen=""
  for name in "${alts[@]}"; do
    if known "$name"; then chosen="$name"; break; fi
  done
  if [ -n "$chosen" ]; then
    to_install+=("$chosen")
  else
    echo "warning: no package named ${entry//|/ or } in this distribution's index; skipped" >&2
  fi
done

if [ "${#to_install[@]}" -gt 0 ]; then
  say "installing: ${to_install[*]}"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${to_install[@]}" >/dev/null
fi
say "system libraries for Qt: done"

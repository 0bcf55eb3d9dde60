#!/usr/bin/env bash
# Runs CI's entry point (.ci/run: fonts if apt can, then `npm ci && npm test`) in a fresh clone as on a machine that
# has Node, npm and git but no browser and no apt: in a private mount namespace (nothing outside it changes),
# /usr/bin has no chromium and no apt-get, Debian's Chromium folder is empty, the NSS libraries a browser needs are
# gone and there are no fonts. Needs root (or CAP_SYS_ADMIN) and overlayfs.
# Usage: sudo scripts/fresh-clone-test.sh [<repository or checkout to clone> [<revision>]]
set -euo pipefail

source_repo=$(realpath "${1:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}")
# The commit checked out there (a worktree's clone would otherwise start at the main checkout's HEAD).
revision=$(git -C "$source_repo" rev-parse "${2:-HEAD}")
scratch=$(mktemp -d /tmp/fresh-clone-test.XXXXXX)

exec unshare --mount --propagation private bash -euo pipefail -c '
  source_repo=$1 revision=$2 scratch=$3

  # Hide a file by mounting an overlay over its folder and deleting it there (the real folder is untouched).
  hide() {
    local dir=$1; shift
    local name=$(echo "$dir" | tr / _)
    mkdir -p "$scratch/overlay/$name/upper" "$scratch/overlay/$name/work"
    mount -t overlay overlay -o "lowerdir=$dir,upperdir=$scratch/overlay/$name/upper,workdir=$scratch/overlay/$name/work" "$dir"
    for file in "$@"; do rm -f "$dir/$file"; done
  }
  hide /usr/bin chromium chromium-browser google-chrome google-chrome-stable apt-get apt
  hide /usr/lib/x86_64-linux-gnu libnss3.so libnssutil3.so libsmime3.so libnspr4.so libplc4.so libplds4.so libsoftokn3.so libfreebl3.so libfreeblpriv3.so
  for dir in /usr/lib/chromium /usr/share/fonts /etc/fonts; do [ -d "$dir" ] && mount -t tmpfs tmpfs "$dir"; done

  echo "== in the namespace: $(command -v chromium || echo "no chromium on PATH"); /usr/lib/chromium: $(ls /usr/lib/chromium | wc -l) files;" \
    "libnss3: $(ls /usr/lib/x86_64-linux-gnu/libnss3.so 2>/dev/null || echo gone); fonts: $(fc-list 2>/dev/null | wc -l);" \
    "$(command -v apt-get || echo "no apt-get")"
  git clone --quiet "$source_repo" "$scratch/clone"
  cd "$scratch/clone"
  git checkout --quiet "$revision"
  echo "== fresh clone of $source_repo at $(git rev-parse --short HEAD) in $scratch/clone"
  unset CHROMIUM_PATH CHROME_PATH
  CI=true bash .ci/run </dev/null
' fresh-clone-test "$source_repo" "$revision" "$scratch"

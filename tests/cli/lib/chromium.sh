# Sourced by the scripts that print or load HTML in headless Chromium: sets `browser`, or
# ends the script when Debian's `chromium` is missing — failing under CI (which installs it),
# skipped otherwise. Usage: need_chromium "the letters were not printed"
need_chromium() { # WHAT-WAS-NOT-DONE
  browser=/usr/bin/chromium
  [ -x "$browser" ] && return 0
  if [ "${CI:-}" = true ]; then
    echo "FAIL: $browser is missing (CI installs the Debian package chromium)"
    exit 1
  fi
  echo "SKIP: $browser is missing (apt-get install chromium); $1"
  exit 0
}

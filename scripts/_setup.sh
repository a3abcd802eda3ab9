# Shared by scripts/serve.sh and scripts/test.sh: a local virtual environment and the Debian
# packages daihoi needs, installed only when missing so that a second run starts at once.
VENV="${DAIHOI_VENV:-.venv}"

ensure_debs() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "daihoi: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "daihoi: these Debian packages are missing; run this once, then run this command again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

ensure_venv() {
  local extra="$1"
  if ! command -v python3 >/dev/null; then echo "daihoi: Python 3.11 or newer is needed" >&2; exit 1; fi
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "daihoi: Python 3.11 or newer is needed" >&2; exit 1; }
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  local stamp="$VENV/.daihoi-installed-$extra"
  local want
  want="$(sha256sum pyproject.toml | cut -c1-16)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "daihoi: installing Python packages into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".$extra"
    echo "$want" > "$stamp"
  fi
}

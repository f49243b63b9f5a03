#!/usr/bin/env bash
# Installs what the editor end-to-end test (test/e2e/run.sh) needs on a fresh Debian
# machine: Chromium, CJK fonts, ripgrep and code-server (a real VS Code, from npm) into
# a cache folder outside the repository. Idempotent: a second run only checks.
#   FACTCHECK_E2E_CACHE  where code-server goes (default ~/.cache/factcheck-e2e)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # VS Code 1.100.3; the newest that runs on Node 20
CACHE="${FACTCHECK_E2E_CACHE:-$HOME/.cache/factcheck-e2e}"
APT_PACKAGES=(chromium fonts-wqy-microhei ripgrep libkrb5-dev)

need_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "e2e-setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

CS="$CACHE/code-server-$CODE_SERVER_VERSION"
# XDG_CONFIG_HOME: keep `code-server --version` from writing ~/.config/code-server/config.yaml.
CONFIG_TMP="$(mktemp -d)"
trap 'rm -rf "$CONFIG_TMP"' EXIT
if [ -x "$CS/node_modules/.bin/code-server" ] && XDG_CONFIG_HOME="$CONFIG_TMP" "$CS/node_modules/.bin/code-server" --version >/dev/null 2>&1; then
  echo "e2e-setup: code-server $CODE_SERVER_VERSION already in $CS"
  exit 0
fi

# code-server's install script downloads ripgrep from a host out of reach; it looks in
# this cache first, so put Debian's rg there under the name it expects.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_TAR="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TAR" ]; then
  mkdir -p "$RG_CACHE"
  stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar -czf "$RG_TAR" -C "$stage" rg
  rm -rf "$stage"
fi

echo "e2e-setup: installing code-server $CODE_SERVER_VERSION into $CS (about a minute)"
mkdir -p "$CS"
[ -f "$CS/package.json" ] || echo '{"name":"factcheck-e2e-code-server","private":true}' > "$CS/package.json"
( cd "$CS" && npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" )
XDG_CONFIG_HOME="$CONFIG_TMP" "$CS/node_modules/.bin/code-server" --version

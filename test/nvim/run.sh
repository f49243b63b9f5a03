#!/usr/bin/env bash
# Neovim 0.7 headless test of the language server (`node bin/factcheck.js lsp --stdio`):
# diagnostics, hover and a quick fix in a real LSP client. Needs `apt-get install -y neovim`
# and a build (`npx tsc -b`). Exits non-zero on failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v nvim >/dev/null || { echo "test/nvim: nvim not found (apt-get install -y neovim)" >&2; exit 1; }
[ -f "$root/out/server/src/lsp/server.js" ] || { echo "test/nvim: build first (npx tsc -b)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/draft.md" "$tmp/draft.md"
FACTCHECK_ROOT="$root" FACTCHECK_DRAFT="$tmp/draft.md" HOME="$tmp" \
  timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $here/test.lua"
status=$?
if [ "$status" -ne 0 ]; then
  echo "test/nvim: FAILED (exit $status)" >&2
  exit 1
fi
echo "test/nvim: passed"

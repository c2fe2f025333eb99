#!/usr/bin/env bash
# Builds librdkafka's own examples/rdkafka_performance (the benchmark peer)
# from the librdkafka source that the rdkafka-sys crate ships, so kt and the
# peer use the same librdkafka. Cached; prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${KT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kt}"
sys_dir=$(cargo metadata --format-version 1 --locked 2>/dev/null \
  | python3 -c 'import json,sys; m=json.load(sys.stdin); print(next(p["manifest_path"] for p in m["packages"] if p["name"]=="rdkafka-sys").rsplit("/",1)[0])')
version=$(basename "$sys_dir")
peer="$cache/peer-$version/rdkafka_performance"
if [ ! -x "$peer" ]; then
  build="$cache/peer-$version/src"
  rm -rf "$build" && mkdir -p "$build"
  cp -r "$sys_dir/librdkafka/." "$build/"
  (cd "$build" && ./configure --disable-zstd --disable-gssapi --disable-curl >/dev/null \
     && make -j"$(nproc)" libs >/dev/null && make -C examples rdkafka_performance >/dev/null)
  cp "$build/examples/rdkafka_performance" "$peer"
fi
echo "$peer"

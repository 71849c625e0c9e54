#!/bin/sh
# Installs libcoach (components coach_runtime and coach_dev: library, headers, pkg-config file,
# CMake package) to a temporary prefix, then builds tiny hosts against it: through the CMake
# package (find_package(coach): C, and C++17 with coach.hpp) and through pkg-config.
# usage: consumer_test.sh CMAKE BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR DATA_DIR
set -eu
cmake=$1
build=$2
consumer=$3
work=$4
data=$5
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

set -x
"$cmake" --install "$build" --prefix "$prefix" --component coach_runtime >"$work/install.log"
"$cmake" --install "$build" --prefix "$prefix" --component coach_dev >>"$work/install.log"
set +x
# Rules and lexicons are not part of these components: use the given data folder.
COACH_DATA_DIR=$data
export COACH_DATA_DIR

set -x
"$cmake" -S "$consumer" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
"$cmake" --build "$work/cmake-build" >"$work/build.log"
"$work/cmake-build/consumer_c"
"$work/cmake-build/consumer_cxx"
set +x

pc=$(find "$prefix" -name coach.pc | head -n 1)
[ -n "$pc" ] || { echo "FAIL: coach.pc was not installed" >&2; exit 1; }
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
set -x
pkg-config --exists --print-errors coach
cc "$consumer/consumer.c" $(pkg-config --cflags coach) $(pkg-config --libs coach) \
  -o "$work/consumer_pc"
LD_LIBRARY_PATH=$(pkg-config --variable=libdir coach) "$work/consumer_pc"
set +x
echo "ok: hosts build and run against the installed package and pkg-config file"

#!/bin/sh
# Compile copies of bulletin.normalize.hardwrap (the hard-wrap decisions) and bulletin.parsing.lines
# (the line records) with mypyc into ./build (nothing in src/ changes).
# Needs mypy (it ships mypyc), setuptools and a C compiler:  sh benchmarks/prototype/build.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rm -rf "$here/build" && mkdir -p "$here/build"
cp "$root/src/bulletin/normalize/hardwrap.py" "$here/build/hardwrap_compiled.py"
cp "$root/src/bulletin/parsing/lines.py" "$here/build/lines_compiled.py"
cd "$here/build"
MYPYPATH="$root/src" mypyc hardwrap_compiled.py lines_compiled.py > mypyc.log 2>&1 || { cat mypyc.log; exit 1; }
ls "$here"/build/*.so

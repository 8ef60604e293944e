#!/usr/bin/env bash
# Build the one-folder app (dist/telereader/) and smoke-test it, offscreen:
#
#     bash packaging/build.sh
#
# 1. installs telereader (editable) and PyInstaller into .venv/ (made if missing, as the README does), 2. builds with packaging/telereader.spec,
# 3. runs the built program: --version, the window on an empty library (it must import the
# bundled sample day and show it), "Open with" on a digest file, and a command-line import of a
# month of digests (enough files for the import to start its parsing processes, which in a
# frozen program start as the program itself), 4. validates the Linux desktop files where
# Debian's desktop-file-utils and appstream are installed, 5. prints the folder's size and the
# start-up time for docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

python3 -m venv .venv
.venv/bin/python -m pip install -q -e . "pyinstaller>=6.10"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/telereader.spec

app=dist/telereader/telereader
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export QT_QPA_PLATFORM=offscreen TELEREADER_LANG=en

echo "== version"
"$app" --version | tee "$scratch/version"
grep -q "^telereader " "$scratch/version"

echo "== the window on an empty library"
start=$(date +%s%N)
TELEREADER_SMOKE_TEST=1 "$app" --data-dir "$scratch/first" | tee "$scratch/first.out"
end=$(date +%s%N)
grep -q "showing 2026-01-14 with 93 items" "$scratch/first.out"
echo "first start (window, sample import, quit): $(( (end - start) / 1000000 )) ms"
for run in 1 2 3; do
    start=$(date +%s%N)
    TELEREADER_SMOKE_TEST=1 "$app" --data-dir "$scratch/first" > /dev/null
    end=$(date +%s%N)
    echo "start $run (window on the library, quit): $(( (end - start) / 1000000 )) ms"
done

echo "== Open with: a digest file on the command line"
TELEREADER_SMOKE_TEST=1 "$app" --data-dir "$scratch/open" tests/fixtures/small.md | tee "$scratch/open.out"
grep -q "showing 2026-03-02 with 7 items" "$scratch/open.out"

echo "== a month of digests from the command line (parsing processes)"
.venv/bin/python benchmarks/synth.py --days 30 --out "$scratch/month" > /dev/null
"$app" --data-dir "$scratch/month-lib" import --json "$scratch/month" > "$scratch/month.json"
.venv/bin/python - "$scratch/month.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
files = report["files"]
assert len(files) == 30 and all(f["status"] == "imported" for f in files), files[:2]
print(f"imported {len(files)} files, {sum(f['added'] for f in files)} items")
PY

if command -v desktop-file-validate > /dev/null && command -v appstreamcli > /dev/null; then
    echo "== desktop files"
    desktop-file-validate resources/desktop/io.github.telereader.Telereader.desktop
    appstreamcli validate --no-net resources/desktop/io.github.telereader.Telereader.metainfo.xml
fi

echo "== size"
du -sh dist/telereader
echo "smoke test passed: dist/telereader/telereader"

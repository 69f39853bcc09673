#!/usr/bin/env bash
# Fails when the sources show texts a catalogue does not translate yet: runs lupdate over a copy of
# the .ts (the committed file is left alone) and looks for entries lupdate had to add unfinished.
set -euo pipefail
lupdate="$1"; sources="$2"; shift 2
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for ts in "$@"; do
    name="$(basename "$ts")"
    cp "$ts" "$scratch/$name"
    "$lupdate" -silent -locations none -no-obsolete "@$sources" -ts "$scratch/$name" >/dev/null
    missing="$(grep -B4 'type="unfinished"' "$scratch/$name" | grep '<source>' | sed 's/^ *//' || true)"
    if [ -n "$missing" ]; then
        echo "$name: texts in the sources without a translation (run the update_translations target,"
        echo "translate them and commit; see translations/README.md):"
        echo "$missing"
        status=1
    else
        echo "$name: every text in the sources is translated"
    fi
done
exit "$status"

#!/usr/bin/env bash
# Every user-visible string of the studio is translated: lupdate over the current sources finds
# no new or unfinished strings in any translations/*.ts file.
set -u
src=${1:?usage: check_translations.sh SOURCE_DIR LUPDATE SCRATCH_DIR}
lupdate=${2:?}
scratch=${3:?}
rm -rf "$scratch" && mkdir -p "$scratch"
status=0
for ts in "$src"/translations/*.ts; do
    copy="$scratch/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -silent -no-obsolete -I "$src" "$src/ui" "$src/app/studio" -ts "$copy" || status=1
    unfinished=$(grep -c 'type="unfinished"' "$copy")
    if [ "$unfinished" -ne 0 ]; then
        echo "$(basename "$ts"): $unfinished unfinished string(s):"
        grep -B2 'type="unfinished"' "$copy" | grep '<source>' | sed 's/^ */  /'
        status=1
    fi
done
[ $status -eq 0 ] && echo "translations complete"
exit $status

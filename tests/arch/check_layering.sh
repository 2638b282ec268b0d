#!/usr/bin/env bash
# The layering rules of the architecture, checked on the sources:
#   ui/ and the studio never include torch; inference/, training/, media/ never include Qt;
#   media/ never includes torch.
set -u
root=${1:?usage: check_layering.sh SOURCE_DIR}
cd "$root" || exit 2
status=0
torch_pattern='^\s*#\s*include\s*[<"](torch/|ATen/|c10/|caffe2/)'
qt_pattern='^\s*#\s*include\s*[<"](Q[A-Z][A-Za-z]*|Qt[A-Za-z]*/)'
report() { echo "layering violation: $1"; echo "$2" | sed 's/^/  /'; status=1; }

hits=$(grep -rnE "$torch_pattern" ui app/studio media 2>/dev/null)
[ -n "$hits" ] && report "ui/, app/studio and media/ must not include torch headers" "$hits"
hits=$(grep -rnE "$qt_pattern" inference training media 2>/dev/null)
[ -n "$hits" ] && report "inference/, training/ and media/ must not include Qt headers" "$hits"
[ $status -eq 0 ] && echo "layering OK"
exit $status

#!/bin/sh
# Golden cases: each directory testdata/golden/<case>/ holds
#   args   the sb-ingest arguments, one per line, run in the case directory
#          (paths relative to it, so outputs do not depend on the checkout)
#   in     standard input (optional)
#   out    expected standard output          (validated against the schema)
#   err    expected standard error (optional; absent means empty)
#   rc     expected exit status
# Regenerate one after a deliberate change with
#   SB_GOLDEN_UPDATE=1 sh tests/t0160-ingest-golden.sh
. "$(dirname "$0")/lib.sh"

run_case() {
	d=$1
	set --
	while IFS= read -r a; do
		set -- "$@" "$a"
	done <"$d/args"
	in=/dev/null
	[ -f "$d/in" ] && in="$d/in"
	(cd "$d" && sb-ingest "$@" <"$in" >"$TRASH/out" 2>"$TRASH/err")
	echo $? >"$TRASH/rc"
	if [ -n "${SB_GOLDEN_UPDATE:-}" ]; then
		cp "$TRASH/out" "$d/out" && cp "$TRASH/rc" "$d/rc" &&
		if [ -s "$TRASH/err" ]; then cp "$TRASH/err" "$d/err"; else rm -f "$d/err"; fi
	fi
	test_cmp "$d/rc" "$TRASH/rc" &&
	test_cmp "$d/out" "$TRASH/out" &&
	if [ -f "$d/err" ]; then test_cmp "$d/err" "$TRASH/err"; else test ! -s "$TRASH/err"; fi &&
	{ [ ! -s "$d/out" ] || validate_any "$d/out"; }
}

for d in "$TESTDATA"/golden/*/; do
	d=${d%/}
	test_expect_success "golden: $(basename "$d")" "run_case '$d'"
done
test_done

#!/bin/sh
# sb-synth: determinism, every layout read back by sb-ingest with zero
# rejects, dirty records rejected exactly, a consistent truth.
. "$(dirname "$0")/lib.sh"

# export path -> profile
LAYOUTS="be-parquet:be/parquet-bruxelles.csv bg-prb:bg/uis-prb.csv
fi-poliisi:fi/poliisi-patja.ndjson gr-eisaggelia:gr/eisaggelia.tsv
it-procura:it/procura-export.tar.gz pl-prokuratura:pl/prokuratura.csv
pt-htcds:pt/htcds-pt.csv ro-diicot:ro/diicot-export.zip"

# ingest_all DIR OUT ERR REJ: every export through its profile; the
# rejects of all of them in REJ.
ingest_all() {
	: >"$4"
	for l in $LAYOUTS; do
		sb-ingest -s -p "${l%%:*}" -r rej.tmp "$1/${l#*:}" \
		    >>"$2" 2>>"$3" && cat rej.tmp >>"$4" || return 1
	done
}

test_expect_success '--help, --version, usage errors' '
	sb-synth --help >out && grep -q "^usage: sb-synth" out &&
	sb-synth --version | grep -q "^sb-synth (SafeBorders)" &&
	test_rc 64 sb-synth 2>err && grep -q -- "--out" err &&
	test_rc 64 sb-synth -o x --cases -3 2>err &&
	test_rc 64 sb-synth -o x --dirty 2 2>err &&
	test_rc 64 sb-synth -o x extra 2>err
'

test_expect_success 'zero cases: empty exports, a truth with the run line' '
	sb-synth -o zero -n 0 &&
	test "$(jq -r .kind zero/truth.ndjson | head -1)" = run
'

test_expect_success 'the same seed gives the same bytes' '
	sb-synth -S 5 -n 300 -o a && sb-synth -S 5 -n 300 -o b &&
	diff -r a b && ! test -e a/.work
'

test_expect_success 'another seed gives other data' '
	sb-synth -S 6 -n 300 -o c && ! diff -q a/truth.ndjson c/truth.ndjson
'

test_expect_success 'every layout reads back with zero rejects, all cases' '
	ingest_all a cases.ndjson err rej &&
	test "$(count_lines rej)" = 0 &&
	test "$(count_lines cases.ndjson)" = 300 && validate cases.ndjson &&
	test "$(jq -s "map(.country)|unique|length" cases.ndjson)" = 8
'

test_expect_success 'the truth validates and is consistent' '
	validate a/truth.ndjson &&
	/usr/bin/python3 "$SB_TOP/tests/check-truth.py" a/truth.ndjson cases.ndjson
'

test_expect_success 'mentions name the ingested persons: names and roles agree' '
	/usr/bin/python3 "$SB_TOP/tests/check-truth.py" --mentions a/truth.ndjson cases.ndjson
'

test_expect_success '--dirty: exactly the dirty records are rejected' '
	sb-synth -S 9 -n 400 --dirty 0.05 -o d &&
	: >dc && : >de && ingest_all d dc de drej &&
	want=$(jq -r "select(.kind==\"case\" and .dirty)|.source" d/truth.ndjson | wc -l) &&
	test "$want" -gt 0 &&
	test "$(count_lines drej)" = "$want" && validate drej &&
	test "$(count_lines dc)" = $((400 - want))
'

test_expect_success 'planted trend and cluster are in the truth and the data' '
	sb-synth -S 3 -n 2000 -o t &&
	jq -se "[.[]|select(.kind==\"case\" and .trend)]|length > 20" t/truth.ndjson &&
	jq -se "[.[]|select(.kind==\"case\" and .cluster==1)]|length > 10" t/truth.ndjson
'

test_expect_success 'the fixed set in testdata/synth is what seed 2026 gives' '
	sb-synth -S 2026 -n 60 -o fixed && diff -r "$TESTDATA/synth" fixed
'

test_expect_success 'the fixed set reads back with zero rejects' '
	: >fc && : >fe && ingest_all "$TESTDATA/synth" fc fe frej &&
	test "$(count_lines fc)" = 60 && test "$(count_lines frej)" = 0 &&
	validate fc
'

test_done

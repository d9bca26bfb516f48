#!/bin/sh
# sb-anonymise on 10,000 synthetic cases (issue 4, point 7): no raw
# identifier or date of birth of the truth or the input in any output,
# narrative recall and precision on the planted spans, one token per
# identifier across borders, CLK Dice of one person's mentions.
. "$(dirname "$0")/lib.sh"

CHECK="/usr/bin/python3 $SB_TOP/tests/anon-check.py"
N=${SB_LEAK_CASES:-10000}
LAYOUTS="be-parquet:be/parquet-bruxelles.csv bg-prb:bg/uis-prb.csv
fi-poliisi:fi/poliisi-patja.ndjson gr-eisaggelia:gr/eisaggelia.tsv
it-procura:it/procura-export.tar.gz pl-prokuratura:pl/prokuratura.csv
pt-htcds:pt/htcds-pt.csv ro-diicot:ro/diicot-export.zip"

test_expect_success "setup: $N synthetic cases, ingested, anonymised" '
	sb-synth -S 4242 -n "$N" -o syn >/dev/null &&
	(cd syn && for l in $LAYOUTS; do
		sb-ingest -p "${l%%:*}" "${l#*:}" || exit 1
	done) >cases.ndjson && test "$(count_lines cases.ndjson)" -eq "$N" &&
	sb-anonymise --keygen key &&
	(cd syn && sb-anonymise -k ../key -s -r ../rej --hits ../hits \
	    ../cases.ndjson >../out 2>../err) &&
	check_invariant err && test "$(stats_total err)" = "$N $N 0"
'

test_expect_success 'a sample of the output is valid anonymised case/1' '
	awk "NR % 20 == 1" out >sample && validate sample &&
	head -2000 hits >hsample && validate hsample
'

test_expect_success 'no raw identifier or date of birth in out, err, rejects' '
	(cd syn && $CHECK leak ../cases.ndjson truth.ndjson ../out ../err \
	    ../rej)
'

test_expect_success 'narrative recall >= 99.9% identifiers, >= 99% persons' '
	(cd syn && $CHECK recall ../cases.ndjson truth.ndjson ../hits)
'

test_expect_success 'across borders: one token per identifier, Dice reported' '
	(cd syn && $CHECK crossborder ../cases.ndjson ../out truth.ndjson 0.9)
'

test_expect_success '--two-pass: names known anywhere in the batch go too' '
	(cd syn && sb-anonymise -k ../key --two-pass ../cases.ndjson \
	    >../out2 2>../err2) && test ! -s err2 &&
	(cd syn && $CHECK leak ../cases.ndjson truth.ndjson ../out2)
'

test_done

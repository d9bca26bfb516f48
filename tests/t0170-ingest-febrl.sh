#!/bin/sh
# sb-ingest: the FEBRL benchmark files through the febrl profile.  Reads
# ../shared (skipped cleanly where it is absent, as in a user's clone).
. "$(dirname "$0")/lib.sh"

F="$SHARED/bench/febrl"

if [ ! -f "$F/dataset1.csv" ]; then
	test_skip 'FEBRL files' "no $F (../shared is absent)"
	test_done
	exit 0
fi

# file, rows, invalid dates.  The data set's README counts 3, 10, 35, 0 and
# 64 invalid dates; 1, 4 and 9 of those have a 00 month or day, which
# sb-ingest reads as a partial date (year or year-month), as documented.
for spec in "dataset1 1000 3" "dataset2 5000 9" "dataset3 5000 31" \
    "dataset4a 5000 0" "dataset4b 5000 55"; do
	set -- $spec
	test_expect_success "$1: $2 records, no rejects, $3 bad dates flagged" "
		sb-ingest -p febrl -s -r rej '$F/$1.csv' >out 2>err &&
		test \$(count_lines out) = $2 && test ! -s rej &&
		check_invariant err && validate out &&
		grep -q 'bad_date $3 ' err
	"
done

test_expect_success 'dataset4a (CRLF, no final newline): fields trimmed' '
	sb-ingest -p febrl "$F/dataset4a.csv" | head -1 >one &&
	test "$(jq -r .local_id one)" = rec-1070-org &&
	test "$(jq -r .persons[0].name.given one)" = michaela &&
	test "$(jq -r .persons[0].dob one)" = 1915-11-11 &&
	test "$(jq -r .persons[0].addresses[0].text one)" = "8 stanley street miami" &&
	test "$(jq -r .persons[0].identifiers[0].value one)" = 5304218
'

test_expect_success 'empty given names are left out, not empty strings' '
	sb-ingest -p febrl "$F/dataset1.csv" >out &&
	test "$(jq -r "select(.local_id==\"rec-223-org\")|.persons[0].name|has(\"given\")" out)" = false
'

test_done

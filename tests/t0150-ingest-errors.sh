#!/bin/sh
# sb-ingest: every exit status, output errors, broken pipes, and no raw
# value on stderr.
. "$(dirname "$0")/lib.sh"

H="$TESTDATA/ingest/htcds-small.csv"

test_expect_success 'exit 66: missing input file, others still read' '
	test_rc 66 sb-ingest -p htcds-2.0 no-such-file.csv "$H" >out 2>err &&
	grep -q "no-such-file.csv" err && test "$(count_lines out)" = 3
'

test_expect_success 'exit 66: unknown profile name' '
	test_rc 66 sb-ingest -p no-such-profile "$H" >out 2>err &&
	test ! -s out && grep -q "no-such-profile" err
'

test_expect_success 'exit 78: invalid profile names the bad member' '
	echo "{\"profile\":1,\"case\":{\"local_id\":\"a\"},\"persons\":[{\"pid\":\"v\",\"role\":\"victim\",\"fields\":{\"shoe_size\":\"b\"}}]}" >bad.json &&
	test_rc 78 sb-ingest -p ./bad.json "$H" >out 2>err &&
	grep -q "persons\[0\].fields.shoe_size" err
'

test_expect_success 'exit 78: profile that is not JSON' '
	echo "{nope" >nojson.json &&
	test_rc 78 sb-ingest -p ./nojson.json "$H" >out 2>err
'

test_expect_success 'exit 78: map value outside its picklist' '
	echo "{\"profile\":1,\"maps\":{\"s\":{\"x\":\"Alien\"}},\"case\":{\"local_id\":\"a\"},\"persons\":[{\"pid\":\"v\",\"role\":\"victim\",\"fields\":{\"sex\":{\"column\":\"b\",\"map\":\"s\"}}}]}" >badmap.json &&
	test_rc 78 sb-ingest -p ./badmap.json "$H" >out 2>err &&
	grep -q "Alien" err
'

test_expect_success 'exit 64: bad option values' '
	test_rc 64 sb-ingest --format xml "$H" >out 2>err &&
	test_rc 64 sb-ingest --max-record 12 "$H" >out 2>err &&
	test_rc 64 sb-ingest -d ab -p htcds-2.0 "$H" >out 2>err &&
	test_rc 64 sb-ingest -p htcds-2.0 --country Atlantis "$H" >out 2>err
'

test_expect_success 'exit 65: corrupt archive' '
	printf "PK\003\004garbage that is not a zip at all" >bad.zip &&
	test_rc 65 sb-ingest -p htcds-2.0 bad.zip >out 2>err
'

# A write error two ways: /dev/full (ENOSPC) where it is a device, and a
# file-size limit (EFBIG, with SIGXFSZ ignored) everywhere.
if [ -c /dev/full ]; then
	test_expect_success 'exit 74: standard output is /dev/full' '
		test_rc 74 sb-ingest -p htcds-2.0 "$H" >/dev/full 2>err &&
		grep -q "No space left" err
	'
	test_expect_success 'exit 74: rejects to /dev/full' '
		printf "cas_CaseNumber,org_Name\n,x\n" >norec.csv &&
		test_rc 74 sb-ingest -p htcds-2.0 -r /dev/full norec.csv >out 2>err
	'
else
	test_skip 'exit 74 on /dev/full' '/dev/full is not a device here'
fi

test_expect_success 'exit 74: output over the file-size limit (EFBIG)' '
	(trap "" XFSZ; ulimit -f 1; test_rc 74 sb-ingest -p htcds-2.0 "$H" >big.out 2>err) &&
	grep -q "File too large" err
'

test_expect_success 'exit 73: output file cannot be created' '
	test_rc 73 sb-ingest -p htcds-2.0 -o no/such/dir/out.ndjson "$H" 2>err &&
	grep -q "no/such/dir" err
'

test_expect_success 'exit 1 only with --strict and rejects' '
	printf "cas_CaseNumber,org_Name,org_ShippingCountry\n,x,BG\nC1,x,BG\n" >onebad.csv &&
	test_rc 0 sb-ingest -p htcds-2.0 onebad.csv >out &&
	test_rc 1 sb-ingest -p htcds-2.0 --strict onebad.csv >out
'

test_expect_success 'broken pipe is silent: | head' '
	awk "NR==1{print; next} FNR>1{print}" "$H" >big.csv &&
	for i in $(seq 1 4000); do tail -n +2 "$H"; done >>big.csv &&
	sb-ingest -p htcds-2.0 big.csv 2>err | head -1 >one &&
	test "$(count_lines one)" = 1 && test ! -s err
'

test_expect_success 'failed -o run leaves no file and no temporary behind' '
	(trap "" XFSZ; ulimit -f 1; test_rc 74 sb-ingest -p htcds-2.0 -o out.ndjson "$H" "$H" "$H" "$H" 2>err) &&
	test ! -e out.ndjson && ! ls out.ndjson.tmp.* 2>/dev/null
'

# Exit 70 needs an internal failure: a shim makes pthread_create fail.
# (ASan must be the first library loaded, so not in the sanitised build.)
if [ "${SANITIZE:-}" != 1 ] && [ -f "${SB_HELPER:-}/nothreads.so" ]; then
	test_expect_success 'exit 70: internal error (threads cannot start)' '
		LD_PRELOAD="$SB_HELPER/nothreads.so" test_rc 70 \
		    sb-ingest -p htcds-2.0 "$H" >out 2>err &&
		grep -q "cannot start threads" err && test ! -s out
	'
else
	test_skip 'exit 70' 'needs the nothreads shim, not under ASan'
fi

# Privacy: every value of the bad records must stay off stderr.
test_expect_success 'no data value on stderr, even for rejects and flags' '
	printf "%s\n" "cas_CaseNumber,org_Name,org_ShippingCountry,prs_FirstName,prs_Citizenship,prs_Birthdate,prs_MobilePhone" \
	  ",PRB Sofia,BG,Zdravka,Narnia,1999-02-31,+359888777666" \
	  "SECRETCASE7,PRB Sofia,Ruritania,Zdravka,BG,,+359888777666" \
	  "C3,PRB Sofia,BG,Bad$(printf "\377")Name,BG,,0888111222" >leak.csv &&
	sb-ingest -p htcds-2.0 -s -r rej leak.csv >out 2>err &&
	check_invariant err && validate out rej &&
	for v in Zdravka Narnia 1999-02-31 359888777666 SECRETCASE7 Ruritania 0888111222 BadName; do
		if grep -q "$v" err; then echo "leaked: $v"; exit 1; fi
	done
'

test_done

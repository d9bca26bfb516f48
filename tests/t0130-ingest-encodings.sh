#!/bin/sh
# sb-ingest: legacy encodings converted; invalid bytes reject the record.
. "$(dirname "$0")/lib.sh"

P="$TESTDATA/ingest/simple.json"

# One name in each script, the test converts it with iconv(1).
check_enc() {
	enc=$1 name=$2
	printf "case,v_given,v_family\nE1,%s,X\n" "$name" | iconv -f UTF-8 -t "$enc" >in.csv &&
	sb-ingest -p "$P" --encoding "$enc" in.csv >out &&
	validate out &&
	test "$(jq -r .persons[0].name.given out)" = "$name"
}

test_expect_success 'windows-1251 (Bulgarian)' 'check_enc windows-1251 "Стоянка"'
test_expect_success 'windows-1253 (Greek)' 'check_enc windows-1253 "Γεώργιος"'
test_expect_success 'windows-1250 (Polish)' 'check_enc windows-1250 "Łucja Żółć"'
test_expect_success 'windows-1250 (Romanian)' 'check_enc windows-1250 "Ştefan Ţuţu"'
test_expect_success 'ISO-8859-1 (Portuguese)' 'check_enc ISO-8859-1 "João"'
test_expect_success 'ISO-8859-2 (Polish)' 'check_enc ISO-8859-2 "Łukasz Ślęzak"'
test_expect_success 'ISO-8859-5 (Cyrillic)' 'check_enc ISO-8859-5 "Петър"'
test_expect_success 'ISO-8859-7 (Greek)' 'check_enc ISO-8859-7 "Ελένη"'

test_expect_success 'encoding from the profile input section' '
	sed "s/\"constants\"/\"input\": {\"encoding\": \"windows-1251\"}, \"constants\"/" "$P" >p1251.json &&
	printf "case,v_given\nE1,Иван\n" | iconv -f UTF-8 -t windows-1251 >in.csv &&
	sb-ingest -p ./p1251.json in.csv >out &&
	test "$(jq -r .persons[0].name.given out)" = "Иван"
'

test_expect_success 'invalid UTF-8 row between good rows: rejected, base64 raw' '
	printf "case,v_given\nG1,Ana\nG2,Bad\377\376\nG3,Eva\n" >bad.csv &&
	sb-ingest -p "$P" -s -r rej bad.csv >out 2>err &&
	test "$(count_lines out)" = 2 && test "$(count_lines rej)" = 1 &&
	check_invariant err && validate out rej &&
	jq -e "has(\"raw_base64\") and (.reason|test(\"column 2\"))" rej &&
	test "$(jq -r .raw_base64 rej | base64 -d | head -c 6)" = "G2,Bad"
'

test_expect_success 'windows-1253 undefined byte: rejected, not mojibake' '
	printf "case,v_given\nG1,Ana\nG2,\252x\n" >bad1253.csv &&
	sb-ingest -p "$P" -e windows-1253 -s -r rej bad1253.csv >out 2>err &&
	test "$(count_lines out)" = 1 && test "$(count_lines rej)" = 1 &&
	check_invariant err && validate out rej
'

test_expect_success 'Cyrillic read as UTF-8 by mistake: rejected' '
	printf "case,v_given\nE1,Иван\n" | iconv -f UTF-8 -t windows-1251 >w.csv &&
	sb-ingest -p "$P" -s -r rej w.csv >out 2>err &&
	test ! -s out && test "$(count_lines rej)" = 1
'

test_expect_success 'unknown encoding name: usage error' '
	test_must_fail sb-ingest -p "$P" -e no-such-enc w.csv >out 2>err &&
	grep -qi "encoding" err
'

test_done

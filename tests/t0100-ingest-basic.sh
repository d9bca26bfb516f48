#!/bin/sh
# sb-ingest: the standard set every tool passes (help, version, empty
# stdin, good input, good+bad+good), and the record contents.
. "$(dirname "$0")/lib.sh"

H="$TESTDATA/ingest/htcds-small.csv"

test_expect_success '--help goes to stdout, exit 0' '
	sb-ingest --help >out 2>err &&
	grep -q "^usage: sb-ingest" out && test ! -s err
'

test_expect_success '-h is --help' '
	sb-ingest -h >out && grep -q "^usage: sb-ingest" out
'

test_expect_success '--version names the tool and version' '
	sb-ingest --version >out &&
	grep -Eq "^sb-ingest \(SafeBorders\) [0-9]+\.[0-9]+\.[0-9]+$" out
'

test_expect_success 'unknown option: usage error 64 on stderr' '
	test_rc 64 sb-ingest --no-such-option >out 2>err &&
	test ! -s out && grep -q "Try .sb-ingest --help." err
'

test_expect_success 'empty stdin: no output, exit 0' '
	sb-ingest </dev/null >out 2>err && test ! -s out && test ! -s err
'

test_expect_success 'empty stdin with a profile and --stats' '
	sb-ingest -p htcds-2.0 -s </dev/null >out 2>err && test ! -s out &&
	grep -q "stats: total: read 0 written 0 rejected 0" err
'

test_expect_success 'HTCDS CSV: three cases, valid case/1' '
	sb-ingest -p htcds-2.0 "$H" >out 2>err &&
	test "$(count_lines out)" = 3 && validate out
'

test_expect_success 'case ids are scoped by country and authority' '
	sb-ingest -p htcds-2.0 "$H" >out &&
	jq -r .case_id out >ids &&
	printf "%s\n" "BG:PRB Sofia:BG-2023-0001" "BG:PRB Sofia:BG-2023-0002" \
	    "BG:PRB Plovdiv:BG-2023-0003" >want && test_cmp want ids
'

test_expect_success 'country names, dates, lists and quoted newlines map' '
	sb-ingest -p htcds-2.0 "$H" | head -1 >one &&
	test "$(jq -r .country one)" = BG &&
	test "$(jq -r .offence_period.from one)" = 2022-11 &&
	test "$(jq -r ".route.transit|join(\",\")" one)" = RO,HU,AT &&
	test "$(jq -r .route.destination one)" = IT &&
	test "$(jq -r ".persons[0].name.given" one)" = "Мария" &&
	test "$(jq -r ".persons[0].addresses[0].country" one)" = BG &&
	test "$(jq -r ".persons[0].age_trafficked" one)" = 14 &&
	test "$(jq -r ".control_methods|length" one)" = 2 &&
	jq -e ".events[1].description == \"Held in a flat,\nforced to work nights.\"" one &&
	jq -e ".narratives[0].text|contains(\"\\\"M.\\\"\")" one
'

test_expect_success 'repeated persons: empty per3 left out, relations kept' '
	sb-ingest -p htcds-2.0 "$H" | head -1 >one &&
	test "$(jq -r "[.persons[].pid]|join(\",\")" one)" = victim,per1,per2 &&
	test "$(jq -r ".persons[1].role" one)" = suspect &&
	test "$(jq -c "[.relations[]|[.from,.type,.to]]" one)" = \
	    "[[\"per1\",\"recruited\",\"victim\"],[\"per2\",\"transported\",\"victim\"]]"
'

test_expect_success 'unknown values are kept and flagged, not rejected' '
	sb-ingest -p htcds-2.0 -s "$H" >out 2>err &&
	sed -n 2p out >two && sed -n 3p out >three &&
	jq -e ".persons[0].citizenships == [\"BG\",\"Atlantis\"]" two &&
	jq -e ".exploitation_types == [\"ForcedBegging\",\"Pickpocketing\"]" two &&
	jq -e "[.flags[].code]|sort == [\"unknown_country\",\"unknown_value\"]" two &&
	jq -e ".status == \"Paused\"" three &&
	jq -e "[.flags[]|select(.code==\"bad_date\")]|length == 2" three &&
	jq -e "[.flags[]|select(.code==\"bad_number\")]|length == 1" three &&
	jq -e ".persons[0]|has(\"sex\")|not" three &&
	grep -q "flags: unknown_value 3 unknown_country 1 bad_date 2 bad_number 1" err
'

test_expect_success 'good + bad + good: the bad one is rejected, exit 0' '
	sed -n 1,4p "$H" >mixed.csv &&
	printf "%s\r\n" ",PRB Sofia,BG,Active" >>mixed.csv &&
	sed -n "5,\$p" "$H" >>mixed.csv &&
	sb-ingest -p htcds-2.0 -s -r rej.ndjson mixed.csv >out 2>err &&
	test "$(count_lines out)" = 3 && test "$(count_lines rej.ndjson)" = 1 &&
	check_invariant err && validate out rej.ndjson &&
	jq -e ".reason|test(\"case number\")" rej.ndjson
'

test_expect_success '--strict: exit 1 when rejects exist, 0 otherwise' '
	test_rc 1 sb-ingest -p htcds-2.0 --strict -r rej.ndjson mixed.csv >out &&
	test "$(count_lines out)" = 3 &&
	sb-ingest -p htcds-2.0 --strict "$H" >out
'

test_expect_success 'reject file is created with mode 0600, even when empty' '
	sb-ingest -p htcds-2.0 -r empty-rej.ndjson "$H" >out &&
	test -f empty-rej.ndjson && test ! -s empty-rej.ndjson &&
	test "$(stat -c %a empty-rej.ndjson)" = 600
'

test_expect_success 'files and stdin mix; - is stdin; stats per source' '
	sb-ingest -p htcds-2.0 -s "$H" - "$H" <"$H" >out 2>err &&
	test "$(count_lines out)" = 9 &&
	grep -c "stats: .*: read 3 written 3 rejected 0" err >n &&
	test "$(cat n)" = 3 &&
	jq -r .provenance.source out | sort -u >srcs &&
	printf "%s\n" - "$H" | sort >want && test_cmp want srcs
'

test_expect_success 'provenance: record and line numbers (quoted newlines count)' '
	sb-ingest -p htcds-2.0 "$H" >out &&
	test "$(jq -r "[.provenance.record,.provenance.line]|join(\",\")" out | tr "\n" " ")" = "1,2 2,5 3,6 "
'

test_expect_success '-o FILE writes atomically, mode 0600, nothing on stdout' '
	sb-ingest -p htcds-2.0 -o cases.ndjson "$H" >out &&
	test ! -s out && test "$(count_lines cases.ndjson)" = 3 &&
	test "$(stat -c %a cases.ndjson)" = 600 &&
	! ls cases.ndjson.tmp.* 2>/dev/null
'

test_expect_success 'output is deterministic' '
	sb-ingest -p htcds-2.0 "$H" >a && sb-ingest -p htcds-2.0 "$H" >b &&
	test_cmp a b
'

test_done

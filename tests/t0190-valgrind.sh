#!/bin/sh
# The end-to-end paths under valgrind: no invalid access, no leak.
# Skipped in the sanitised build (ASan and valgrind do not mix).
. "$(dirname "$0")/lib.sh"

if [ "${SANITIZE:-}" = 1 ]; then
	test_skip 'valgrind' 'sanitised build: ASan covers it'
	test_done
	exit 0
fi
if ! command -v valgrind >/dev/null; then
	test_skip 'valgrind' 'valgrind is not installed'
	test_done
	exit 0
fi

P="$TESTDATA/ingest/simple.json"
H="$TESTDATA/ingest/htcds-small.csv"
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect "$@"
}

printf 'case,v_given,v_sex\nV1,Мария,Ж\nV2,Bad\377,M\nV3,Eva,Q\n' >mixed.csv
mkdir -p t/sub && cp mixed.csv t/sub/ && printf '%s\n' '{"case":"J1","v_given":"Ana"}' 'oops' >t/j.ndjson
(cd t && bsdtar -a -cf ../t.zip sub j.ndjson) && mkdir -p n && cp t.zip n/ && (cd n && bsdtar -a -cf ../n.tar.gz t.zip)

test_expect_success 'HTCDS CSV with rejects and stats' '
	test_rc 0 vg sb-ingest -p htcds-2.0 -s -r rej "$H" >out 2>err
'
test_expect_success 'good+bad+good CSV, windows-1251 path' '
	test_rc 1 vg sb-ingest -p "$P" --strict -r rej mixed.csv >out 2>err &&
	test_rc 0 vg sb-ingest -p "$P" -e windows-1251 mixed.csv >out 2>err
'
test_expect_success 'nested archive with NDJSON and a malformed line' '
	test_rc 0 vg sb-ingest -p "$P" -s -r rej n.tar.gz >out 2>err &&
	test "$(count_lines out)" = 3
'
test_expect_success 'canonical passthrough from stdin' '
	sb-ingest -p "$P" mixed.csv >canon &&
	test_rc 0 vg sb-ingest <canon >out 2>err
'
test_expect_success 'error paths: missing file, bad profile, write error' '
	test_rc 66 vg sb-ingest -p "$P" nope.csv >out 2>err &&
	echo "{\"profile\":1}" >bad.json &&
	test_rc 78 vg sb-ingest -p ./bad.json mixed.csv >out 2>err &&
	(trap "" XFSZ; ulimit -f 1; test_rc 74 vg sb-ingest -p htcds-2.0 "$TESTDATA/ingest/htcds-small.csv" >big 2>err)
'
test_expect_success 'sb-anonymise: keygen, records, rejects, --k, --two-pass' '
	vg sb-anonymise --keygen key &&
	{ cat "$TESTDATA/anon/cross.ndjson"; echo "not json";
	  echo "{\"sb\":\"link/1\"}"; } >anon-in &&
	test_rc 0 vg sb-anonymise -k key -s -r rej --hits hits anon-in \
	    >out 2>err && test "$(count_lines out)" = 3 &&
	test_rc 0 vg sb-anonymise -k key --k 2 --two-pass anon-in >out 2>err &&
	test_rc 78 vg sb-anonymise -k anon-in anon-in >out 2>err
'
test_expect_success 'sb-link: linking, rejects, --truth, --allow-raw' '
	sb-anonymise -k key anon-in >anon 2>/dev/null &&
	{ cat anon; echo "not json"; } >link-in &&
	jq -r "select(.sb == \"case/1\") | .case_id + \"#\" + .persons[0].pid + \",x\"" \
	    anon >truth.csv &&
	test_rc 0 vg sb-link -s -r rej --truth truth.csv link-in >out 2>err &&
	grep -q "link/1" out &&
	test_rc 0 vg sb-link --allow-raw "$TESTDATA/anon/cross.ndjson" >out 2>err &&
	test_rc 66 vg sb-link nope.ndjson >out 2>err &&
	: | test_rc 0 vg sb-link >out 2>err
'

test_done

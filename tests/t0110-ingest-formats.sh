#!/bin/sh
# sb-ingest: CSV dialects, JSON and NDJSON, format found from content.
. "$(dirname "$0")/lib.sh"

P="$TESTDATA/ingest/simple.json"

# The same three cases in every dialect; names and story in Cyrillic.
cat >base.csv <<'CSV'
case,opened,v_given,v_family,v_sex,v_dob,s1_given,s1_family,s1_phone,story
C1,01.02.2023,Мария,Иванова,Ж,14.05.2008,Иван,Петров,0887123456|+359887654321,"Recruited in Sliven.
Moved, then ""sold""."
C2,2023-03-04,Elena,Dimitrova,K,2007-01-01,,,,short
C3,05.06.2023,Petar,Petrov,M,,Georgi,,,
CSV

expect_three() {
	test "$(count_lines "$1")" = 3 && validate "$1" &&
	test "$(jq -r .local_id "$1" | tr "\n" ,)" = "C1,C2,C3," &&
	test "$(jq -r ".persons[0].name.given" "$1" | head -1)" = "Мария" &&
	test "$(jq -r ".persons[1].identifiers|length" "$1" | head -1)" = 2
}

test_expect_success 'plain CSV (LF)' '
	sb-ingest -p "$P" base.csv >out && expect_three out &&
	jq -se ".[]|select(.local_id==\"C1\")|.narratives[0].text == \"Recruited in Sliven.\nMoved, then \\\"sold\\\".\"" out
'

test_expect_success 'CRLF line ends and a UTF-8 BOM' '
	printf "\357\273\277" >bom.csv && sed "s/\$/\r/" base.csv >>bom.csv &&
	sb-ingest -p "$P" bom.csv >out && expect_three out &&
	jq -se ".[]|select(.local_id==\"C3\")|.persons[0].name.family == \"Petrov\"" out
'

test_expect_success 'no final newline' '
	printf "%s" "$(cat base.csv)" >nonl.csv &&
	sb-ingest -p "$P" nonl.csv >out && expect_three out
'

test_expect_success 'semicolon delimiter found from content' '
	sed "s/,/;/g" base.csv >semi.csv &&
	sb-ingest -p "$P" semi.csv >out && test "$(count_lines out)" = 3
'

test_expect_success 'TSV found from content, and with --format tsv' '
	tr , "\t" <base.csv >t.tsv &&
	sb-ingest -p "$P" t.tsv >out && test "$(count_lines out)" = 3 &&
	sb-ingest -p "$P" --format tsv t.tsv >out2 && test_cmp out out2
'

test_expect_success 'pipe delimiter with -d' '
	sed "s/|/\//; s/,/|/g" base.csv >pipe.csv &&
	sb-ingest -p "$P" -d "|" pipe.csv >out && test "$(count_lines out)" = 3
'

test_expect_success 'CSV on stdin through a pipe' '
	cat base.csv | sb-ingest -p "$P" >out && expect_three out &&
	test "$(jq -r .provenance.source out | sort -u)" = -
'

cat >cases.ndjson <<'ND'
{"case":"C1","opened":"01.02.2023","v_given":"Мария","v_family":"Иванова","s1_given":"Иван","s1_phone":["0887123456","+359887654321"]}
{"case":"C2","opened":"2023-03-04","v_given":"Elena","s1_given":"Georgi"}
{"case":"C3","v_given":"Petar","s1_given":"Georgi","s1_phone":"0888000111"}
ND

test_expect_success 'NDJSON with a profile (arrays give several values)' '
	sb-ingest -p "$P" cases.ndjson >out && test "$(count_lines out)" = 3 &&
	validate out &&
	test "$(jq -r ".persons[1].identifiers|length" out | tr "\n" ,)" = "2,0,1," &&
	test "$(jq -r .provenance.format out | sort -u)" = ndjson
'

test_expect_success 'JSON array, pretty-printed over many lines' '
	jq -s . cases.ndjson >cases.json &&
	sb-ingest -p "$P" cases.json >out && test "$(count_lines out)" = 3 &&
	test "$(jq -r .provenance.format out | sort -u)" = json &&
	test "$(jq -r .provenance.record out | tr "\n" ,)" = "1,2,3,"
'

test_expect_success 'canonical case/1 input passes through unchanged' '
	sb-ingest -p "$P" base.csv >canon &&
	sb-ingest canon >again && test_cmp canon again
'

test_expect_success 'other record types pass through, in order' '
	{ head -1 canon; echo "{\"sb\":\"note/1\",\"x\":1}"; tail -n +2 canon; } >mixed &&
	sb-ingest mixed >out && test_cmp mixed out
'

test_expect_success 'non-canonical JSON without a profile is rejected' '
	sb-ingest -s -r rej cases.ndjson >out 2>err && test ! -s out &&
	test "$(count_lines rej)" = 3 && check_invariant err &&
	jq -e ".reason|test(\"--profile\")" rej >/dev/null
'

test_expect_success 'CSV without a profile is a usage error (64)' '
	test_rc 64 sb-ingest base.csv >out 2>err && grep -q "profile" err
'

test_expect_success 'NDJSON: malformed line between good ones is rejected' '
	{ sed -n 1p cases.ndjson; echo "{\"case\": \"C9\", oops}"; sed -n 2p cases.ndjson; } >bad.ndjson &&
	sb-ingest -p "$P" -s -r rej bad.ndjson >out 2>err &&
	test "$(count_lines out)" = 2 && test "$(count_lines rej)" = 1 &&
	check_invariant err && validate rej &&
	test "$(jq -r .record rej)" = 2 && test "$(jq -r .line rej)" = 2
'

test_expect_success 'ragged CSV row is rejected, the rest kept' '
	{ cat base.csv; echo "C4,x,y,z,a,b,c,d,e,f,g,h,i"; echo "C5,,Ana"; } >rag.csv &&
	sb-ingest -p "$P" -s -r rej rag.csv >out 2>err &&
	test "$(count_lines out)" = 4 && test "$(count_lines rej)" = 1 &&
	check_invariant err && validate out rej
'

test_expect_success '--max-record: over-long record rejected, truncated raw' '
	awk "BEGIN{printf \"C6,,,,,,,,,\\\"\"; for(i=0;i<3000;i++) printf \"x\"; print \"\\\"\"}" >long.csv &&
	cat base.csv long.csv >withlong.csv &&
	sb-ingest -p "$P" --max-record 2048 -s -r rej withlong.csv >out 2>err &&
	test "$(count_lines out)" = 3 && test "$(count_lines rej)" = 1 &&
	jq -e ".truncated == true" rej && check_invariant err
'

test_expect_success 'blank lines in CSV are skipped' '
	{ head -1 base.csv; echo; echo "C7,,Ana"; echo; } >blank.csv &&
	sb-ingest -p "$P" -s blank.csv >out 2>err &&
	test "$(count_lines out)" = 1 && check_invariant err
'

test_expect_success '--no-header: columns are numbered' '
	printf "%s\n" "N1,Ana" "N2,Eva" >nohead.csv &&
	printf "%s" "{\"profile\":1,\"name\":\"num\",\"constants\":{\"country\":\"PL\",\"authority\":\"t\"},\"case\":{\"local_id\":\"1\"},\"persons\":[{\"pid\":\"v\",\"role\":\"victim\",\"fields\":{\"given\":\"2\"}}]}" >num.json &&
	sb-ingest -p ./num.json --no-header nohead.csv >out &&
	test "$(jq -r .persons[0].name.given out | tr "\n" ,)" = "Ana,Eva,"
'

test_expect_success 'two CSV operands with different headers map each by its own' '
	printf "%s\n" "case,v_given" "H1,Ana" >h1.csv &&
	printf "%s\n" "v_given,opened,case" "Eva,2023-01-02,H2" >h2.csv &&
	sb-ingest -p "$P" h1.csv h2.csv >out &&
	test "$(jq -r "[.local_id,.persons[0].name.given]|join(\" \")" out | tr "\n" ,)" = "H1 Ana,H2 Eva,"
'

test_expect_success 'rejected row is re-joined with the file delimiter' '
	printf "%s\n" "case;v_given" ";Ana" >semi-rej.csv &&
	sb-ingest -p "$P" -r rej semi-rej.csv >out &&
	test "$(jq -r .raw rej)" = ";Ana"
'

test_done

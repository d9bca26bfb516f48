#!/bin/sh
# sb-ingest: archives read as streams, members in subfolders, nesting.
. "$(dirname "$0")/lib.sh"

P="$TESTDATA/ingest/simple.json"

mkdir -p tree/2023/q1 tree/2023/q2 &&
cat >tree/2023/q1/a.csv <<'CSV'
case,v_given,v_family
A1,Мария,Иванова
A2,Elena,Dimitrova
CSV
cat >tree/2023/q2/b.csv <<'CSV'
case;v_given
B1;Petar
CSV
printf '%s\n' '{"case":"J1","v_given":"Ana"}' '{"case":"J2","v_given":"Eva"}' >tree/2023/c.ndjson

members() {
	jq -r '.provenance.member' "$1" | sort
}

for fmt in zip tar tar.gz tar.xz tar.bz2 7z; do
	test_expect_success "$fmt archive with subfolders" "
		(cd tree && bsdtar -a -cf ../x.$fmt 2023) &&
		sb-ingest -p '$P' -s x.$fmt >out 2>err &&
		test \$(count_lines out) = 5 && validate out && check_invariant err &&
		members out >got &&
		printf '%s\n' 2023/c.ndjson 2023/c.ndjson 2023/q1/a.csv 2023/q1/a.csv 2023/q2/b.csv >want &&
		test_cmp want got
	"
done

test_expect_success 'archive on stdin (a pipe)' '
	(cd tree && bsdtar -a -cf ../s.tar.gz 2023) &&
	cat s.tar.gz | sb-ingest -p "$P" >out && test "$(count_lines out)" = 5
'

test_expect_success 'archive inside an archive (zip in tar.gz)' '
	mkdir -p outer/inner && cp x.zip outer/inner/nested.zip &&
	cp tree/2023/q1/a.csv outer/top.csv &&
	(cd outer && bsdtar -a -cf ../outer.tar.gz inner top.csv) &&
	sb-ingest -p "$P" outer.tar.gz >out && test "$(count_lines out)" = 7 &&
	jq -r .provenance.member out | sort -u >got &&
	printf "%s\n" "inner/nested.zip!/2023/c.ndjson" "inner/nested.zip!/2023/q1/a.csv" \
	    "inner/nested.zip!/2023/q2/b.csv" top.csv >want && test_cmp want got
'

test_expect_success 'two levels of nesting (tar.xz in zip in tar.gz)' '
	mkdir -p l2 && cp x.tar.xz l2/deep.tar.xz && (cd l2 && bsdtar -a -cf ../l2.zip deep.tar.xz) &&
	mkdir -p l3 && cp l2.zip l3/ && (cd l3 && bsdtar -a -cf ../l3.tar.gz l2.zip) &&
	sb-ingest -p "$P" l3.tar.gz >out && test "$(count_lines out)" = 5 &&
	jq -r .provenance.member out | grep -q "^l2.zip!/deep.tar.xz!/2023/q1/a.csv$"
'

test_expect_success 'a gzip-compressed CSV' '
	gzip -c tree/2023/q1/a.csv >a.csv.gz &&
	sb-ingest -p "$P" a.csv.gz >out && test "$(count_lines out)" = 2
'

test_expect_success 'binary member is skipped with a note, no reject' '
	mkdir -p bin/docs && cp tree/2023/q1/a.csv bin/ &&
	head -c 2000 /dev/urandom | tr -d "PK" >bin/docs/scan.bin && printf "\0\0\0" >>bin/docs/scan.bin &&
	(cd bin && bsdtar -a -cf ../bin.zip a.csv docs) &&
	sb-ingest -p "$P" -s bin.zip >out 2>err &&
	test "$(count_lines out)" = 2 && grep -q "scan.bin" err &&
	check_invariant err
'

test_expect_success 'truncated archive: data error 65, no crash' '
	head -c 300 x.tar.gz >trunc.tar.gz &&
	test_rc 65 sb-ingest -p "$P" trunc.tar.gz >out 2>err &&
	grep -q "trunc.tar.gz" err
'

test_expect_success 'a bad operand does not stop the good ones' '
	test_rc 65 sb-ingest -p "$P" -s trunc.tar.gz x.zip >out 2>err &&
	test "$(count_lines out)" = 5
'

test_done

#!/bin/sh
# sb-anonymise: keys, tokens, encodings, scrubbing, generalisation,
# k-anonymity, nothing lost, no raw value out.
. "$(dirname "$0")/lib.sh"

X="$TESTDATA/anon/cross.ndjson"
CHECK="/usr/bin/python3 $SB_TOP/tests/anon-check.py"
SYN="$TESTDATA/synth"
LAYOUTS="be-parquet:be/parquet-bruxelles.csv bg-prb:bg/uis-prb.csv
fi-poliisi:fi/poliisi-patja.ndjson gr-eisaggelia:gr/eisaggelia.tsv
it-procura:it/procura-export.tar.gz pl-prokuratura:pl/prokuratura.csv
pt-htcds:pt/htcds-pt.csv ro-diicot:ro/diicot-export.zip"

# A member of the n-th record of an NDJSON file, by a jq path.
member() {
	sed -n "$1p" "$2" | jq -r "$3"
}

test_expect_success 'setup: a key, the synthetic fixture ingested' '
	sb-anonymise --keygen key && test "$(stat -c %a key)" = 600 &&
	(cd "$SYN" && for l in $LAYOUTS; do
		sb-ingest -p "${l%%:*}" "${l#*:}" || exit 1
	done) >syn.ndjson && test "$(count_lines syn.ndjson)" -eq 60
'

test_expect_success '--help, --version, usage errors' '
	sb-anonymise --help >out 2>err && grep -q "^usage: sb-anonymise" out &&
	test ! -s err &&
	sb-anonymise --version | grep -q "^sb-anonymise (SafeBorders)" &&
	test_rc 64 sb-anonymise <"$X" >out 2>err && test ! -s out &&
	grep -q -- "--key FILE is required" err &&
	test_rc 64 sb-anonymise --key key --k 0 "$X" 2>err &&
	test_rc 64 sb-anonymise --key key --k x "$X" 2>err &&
	test_rc 64 sb-anonymise --key key --qi sex "$X" 2>err &&
	grep -q -- "--qi needs --k" err &&
	test_rc 64 sb-anonymise --key key --k 2 --qi sex,nope "$X" 2>err &&
	test_rc 64 sb-anonymise --key key --k 2 <"$X" 2>err &&
	grep -q "give files, not standard input" err &&
	test_rc 64 sb-anonymise --key key --two-pass - <"$X" 2>err &&
	test_rc 64 sb-anonymise --key key --dates week "$X" 2>err &&
	test_rc 64 sb-anonymise --key key --clk 100,20,2 "$X" 2>err &&
	test_rc 64 sb-anonymise --keygen k2 --key key 2>err &&
	test_rc 64 sb-anonymise --no-such-option 2>err
'

test_expect_success 'keys: never overwritten; missing, open or short refused' '
	cp key key.orig &&
	test_rc 73 sb-anonymise --keygen key 2>err && cmp key key.orig &&
	grep -q "key" err &&
	test_rc 66 sb-anonymise --key nokey "$X" >out 2>err &&
	test ! -s out && grep -q "nokey" err &&
	cp key open && chmod 644 open &&
	test_rc 78 sb-anonymise --key open "$X" >out 2>err && test ! -s out &&
	grep -q "open" err &&
	printf "sb-key/1 c2hvcnQ=\n" >short && chmod 600 short &&
	test_rc 78 sb-anonymise --key short "$X" >out 2>err && test ! -s out
'

test_expect_success 'output: valid anonymised case/1, key id in every record' '
	sb-anonymise --key key "$X" syn.ndjson >out 2>err && test ! -s err &&
	test "$(count_lines out)" -eq 62 && validate out &&
	id=$(jq -r .anon.key_id out | sort -u) &&
	test "$(echo "$id" | wc -l)" -eq 1 &&
	echo "$id" | grep -Eq "^[0-9a-f]{16}$" &&
	jq -e ".anon.scheme == \"sb-anon/1\" and .anon.clk.bits == 1024" \
	    out >/dev/null
'

test_expect_success 'the key itself appears nowhere' '
	k=$(cut -d" " -f2 key) &&
	sb-anonymise --key key -s -r rej --hits hits "$X" syn.ndjson \
	    >out 2>err &&
	! grep -F -- "$k" out err rej hits
'

test_expect_success 'deterministic under one key, different under another' '
	sb-anonymise --key key "$X" >a && sb-anonymise --key key "$X" >b &&
	cmp a b &&
	sb-anonymise --keygen key2 && sb-anonymise --key key2 "$X" >c &&
	test "$(member 1 a ".persons[0].name_enc.token")" != \
	    "$(member 1 c ".persons[0].name_enc.token")"
'

test_expect_success 'equal identifiers written two ways give one token' '
	sb-anonymise --key key "$X" >out &&
	p1=$(member 1 out ".persons[0].identifiers[0].token") &&
	p2=$(member 2 out ".persons[0].identifiers[0].token") &&
	test "$p1" = "$p2" && echo "$p1" | grep -Eq "^phone:[0-9a-f]{32}$" &&
	i1=$(member 1 out ".persons[1].identifiers[0].token") &&
	i2=$(member 2 out ".persons[1].identifiers[0].token") &&
	test "$i1" = "$i2" &&
	e1=$(member 1 out ".persons[1].identifiers[1].token") &&
	e2=$(member 2 out ".persons[1].identifiers[1].token") &&
	test "$e1" = "$e2" &&
	test "$p1" != "$(member 2 out ".persons[1].identifiers[2].token")"
'

test_expect_success 'the same value in two fields gives two tokens' '
	printf "%s\n" "{\"sb\":\"case/1\",\"case_id\":\"BG:A:1\",\"local_id\":\"1\",\"country\":\"BG\",\"authority\":\"A\",\"persons\":[{\"pid\":\"p\",\"role\":\"victim\",\"identifiers\":[{\"type\":\"passport\",\"value\":\"382145610\"},{\"type\":\"id_card\",\"value\":\"382145610\"}]}],\"provenance\":{\"source\":\"-\",\"record\":1}}" |
	sb-anonymise --key key >out &&
	a=$(jq -r ".persons[0].identifiers[0].token" out) &&
	b=$(jq -r ".persons[0].identifiers[1].token" out) &&
	test "${a#*:}" != "${b#*:}"
'

test_expect_success 'a transliterated name: one token, CLK Dice above 0.9' '
	sb-anonymise --key key "$X" >out &&
	t1=$(member 1 out ".persons[0].name_enc.token") &&
	t2=$(member 2 out ".persons[0].name_enc.token") && test "$t1" = "$t2" &&
	d=$($CHECK dice "$(member 1 out ".persons[1].name_enc.clk")" \
	    "$(member 2 out ".persons[1].name_enc.clk")") &&
	echo "# Христо Стоянов / STOYANOV Hristo: Dice $d" &&
	awk -v d="$d" "BEGIN { exit !(d > 0.9) }" &&
	d=$($CHECK dice "$(member 1 out ".persons[0].name_enc.clk")" \
	    "$(member 1 out ".persons[1].name_enc.clk")") &&
	awk -v d="$d" "BEGIN { exit !(d < 0.5) }"
'

test_expect_success 'names, dates of birth, streets and postcodes leave' '
	sb-anonymise --key key "$X" >out &&
	# Tokens and CLKs are random-looking text that may hold "4000" by
	# chance: the check reads everything else.
	jq -c "walk(if type == \"object\" then del(.token, .clk, .given_clk,
	    .family_clk, .aliases, .key_id, .parts, .postcode) else . end)" \
	    out |
	    sed "s/\[[A-Z_]*:[0-9a-f]*\]//g" >plain &&
	! grep -e "Петрова" -e "Snezhana" -e "PETROVA" -e "Стоянов" \
	    -e "Hristo" -e "Ицо" -e "2010-07-21" -e "21.07.2010" \
	    -e "Васил Левски" -e "Гео Милев" -e "4000" -e "0888" \
	    -e "BNBG" -e "1047216857" -e "example.org" plain &&
	test "$(member 1 out ".persons[0].birth.year")" = 2010 &&
	test "$(member 1 out ".persons[0].birth.month")" = null &&
	test "$(member 1 out ".persons[0].age")" = 14 &&
	test "$(member 1 out ".persons[0].age_band")" = 10-14 &&
	test "$(member 1 out ".persons[0].addresses[0]|keys|join(\",\")")" = \
	    country,enc,locality,region &&
	test "$(member 1 out ".persons[0].addresses[0].enc|keys|join(\",\")")" \
	    = clk,postcode &&
	test "$(member 1 out ".persons[0].dob_enc.parts|keys|join(\",\")")" = \
	    digits,m,md,y,yd,ym &&
	test "$(member 1 out ".flags[0]|keys|join(\",\")")" = code,field &&
	test "$(member 1 out ".persons[0].name_enc.aliases")" = null &&
	test "$(member 1 out ".persons[1].name_enc.aliases|length")" = 1
'

test_expect_success 'dates: month by default, --dates and --birth-month' '
	sb-anonymise --key key "$X" >out &&
	test "$(member 1 out .opened)" = 2025-03 &&
	test "$(member 1 out .events[0].date)" = 2024-11 &&
	sb-anonymise --key key --dates year --birth-month "$X" >out &&
	test "$(member 1 out .opened)" = 2025 &&
	test "$(member 1 out .offence_period.to)" = 2025 &&
	test "$(member 1 out .persons[0].birth.month)" = 7 &&
	sb-anonymise --key key --dates day "$X" >out &&
	test "$(member 1 out .opened)" = 2025-03-14
'

test_expect_success 'narratives: placeholders carry the structured tokens' '
	sb-anonymise --key key "$X" >out &&
	t=$(member 1 out ".narratives[0].text") &&
	ph=$(member 1 out ".persons[0].identifiers[0].token") &&
	ib=$(member 1 out ".persons[1].identifiers[0].token") &&
	nm=$(member 1 out ".persons[0].name_enc.token") &&
	case "$t" in *"[PHONE:${ph#phone:}]"*) ;; *) false ;; esac &&
	case "$t" in *"[IBAN:${ib#iban:}]"*) ;; *) false ;; esac &&
	case "$t" in *"[PERSON:${nm#name:}]"*) ;; *) false ;; esac &&
	case "$t" in *"[DATE]"*) ;; *) false ;; esac &&
	d=$(member 1 out ".events[0].description") &&
	case "$d" in *"[PHONE:${ph#phone:}]"*) ;; *) false ;; esac &&
	t=$(member 2 out ".narratives[0].text") &&
	ph=$(member 2 out ".persons[1].identifiers[2].token") &&
	case "$t" in *"[PHONE:${ph#phone:}]"*) ;; *) false ;; esac
'

test_expect_success 'hits: offsets and types only, valid hit/1' '
	sb-anonymise --key key --hits hits "$X" >out &&
	test "$(stat -c %a hits)" = 600 && validate hits &&
	test "$(count_lines hits)" -ge 8 &&
	! grep -e "Петрова" -e "0888" hits
'

test_expect_success 'nothing lost: bad lines rejected with reasons, 0600' '
	{
		sed -n 1p "$X"
		echo "not json"
		echo "{\"sb\":\"reject/1\",\"raw\":\"x\"}"
		sb-anonymise --key key "$X" | sed -n 1p
		sed -n 2p "$X" | sed "s/\"local_id\"/\"secret_field\":\"x\",&/"
		sed -n 2p "$X" | sed "s/\"pid\":\"victim\"/\"eye_colour\":\"x\",&/"
		echo
		echo "{\"x\":1}"
		sed -n 2p "$X"
	} >mixed &&
	sb-anonymise --key key -s -r rej mixed >out 2>err &&
	test "$(count_lines out)" -eq 2 && test "$(count_lines rej)" -eq 6 &&
	check_invariant err && test "$(stats_total err)" = "8 2 6" &&
	test "$(stat -c %a rej)" = 600 && validate rej out &&
	jq -r .reason rej >reasons &&
	grep -q "^not JSON$" reasons &&
	grep -q "reject record may hold raw data" reasons &&
	grep -q "not a SafeBorders record" reasons &&
	grep -q "already anonymised" reasons &&
	grep -q "unknown member in the record" reasons &&
	grep -q "unknown member in a person" reasons &&
	test "$(jq -r .line rej | tr "\n" " ")" = "2 3 4 5 6 8 " &&
	test_rc 1 sb-anonymise --key key --strict mixed >/dev/null
'

test_expect_success 'records of other types pass through, in order' '
	{
		echo "{\"sb\":\"link/1\",\"a\":\"x\",\"b\":\"y\"}"
		sed -n 1p "$X"
		echo "{\"sb\":\"node/1\",\"id\":\"n1\"}"
	} >typed &&
	sb-anonymise -k key -s typed >out 2>err &&
	test "$(sed -n 1p out)" = "$(sed -n 1p typed)" &&
	test "$(sed -n 3p out)" = "$(sed -n 3p typed)" &&
	test "$(member 2 out .anon.scheme)" = sb-anon/1 &&
	grep -q "passed_through 2 " err
'

test_expect_success 'lines across read blocks: long, CRLF, no final newline' '
	pad=$(head -c 300000 /dev/zero | tr "\\0" x) &&
	{
		sed -n "1,3p" syn.ndjson | sed "s/\$/\r/"
		echo "{\"sb\":\"link/1\",\"pad\":\"$pad\"}"
		echo
		sed -n "1,3p" syn.ndjson | head -c -1
	} >blocks &&
	sb-anonymise -k key -s blocks >out 2>err &&
	test "$(stats_total err)" = "7 7 0" &&
	test "$(sed -n 4p out)" = "$(sed -n 4p blocks)" &&
	test "$(member 7 out .case_id)" = "$(member 3 syn.ndjson .case_id)" &&
	cat blocks | sb-anonymise -k key >out2 && cmp out out2 &&
	sb-anonymise -k key -s --max-record 100000 -r rej blocks >out 2>err &&
	test "$(stats_total err)" = "7 6 1" &&
	test "$(jq -r .line rej)" = 4 &&
	test "$(member 6 out .case_id)" = "$(member 3 syn.ndjson .case_id)"
'

test_expect_success 'wrong shapes inside persons and narratives are rejected' '
	sed -n 1p "$X" | sed "s/\"role\":\"recruiter\"/\"role\":\"recruiter\",\"htcds_roles\":[{\"x\":\"Petrov\"}]/" >shape &&
	sed -n 1p "$X" | sed "s/\"kind\":\"summary\"/\"kind\":{\"x\":1}/" >>shape &&
	sed -n 1p "$X" | sed "s/\"sb\":\"case\/1\"/\"sb\":\"case\/2\"/" >>shape &&
	sb-anonymise -k key -r rej shape >out &&
	test ! -s out && test "$(count_lines rej)" -eq 3 &&
	grep -q "htcds_roles is not a list of text" rej &&
	grep -q "narratives.0.kind is not text" rej &&
	grep -q "a case record may hold raw data" rej
'

test_expect_success 'a narrative that is not UTF-8 is rejected, one pass or two' '
	sed -n 1p "$X" | sed "s/\"lang\":\"bg\",\"text\":\"/&caf$(printf "\\377")e /" >badtext &&
	sed -n 2p "$X" >>badtext &&
	sb-anonymise -k key -r rej badtext >out &&
	test "$(count_lines out)" -eq 1 && test "$(count_lines rej)" -eq 1 &&
	jq -r .reason rej | grep -q "^narratives\.0\.text is not UTF-8$" &&
	sb-anonymise -k key --two-pass -r rej2 badtext >out2 &&
	test "$(count_lines out2)" -eq 1 && test "$(count_lines rej2)" -eq 1 &&
	jq -r .reason rej2 | grep -q "^narratives\.0\.text is not UTF-8$"
'

test_expect_success 'a file changed between the two passes is an error' '
	mkfifo twice &&
	{ cat syn.ndjson >twice; sleep 1; cat "$X" >twice; } &
	test_rc 65 timeout 30 sb-anonymise -k key --k 2 -o o2 twice 2>err &&
	test ! -e o2 &&
	grep -q "twice: changed between the two passes" err &&
	test "$(grep -c "twice" err)" -eq 1
'

test_expect_success 'no data value on stderr, even for bad input' '
	sed "s/\"pid\":\"victim\"/\"pid\":7/" "$X" >bad &&
	sb-anonymise --key key -s -r rej bad "$X" >out 2>err &&
	! grep -e "Петрова" -e "0888" -e "Snezhana" err
'

test_expect_success 'standard input, | head, /dev/full, missing file' '
	sb-anonymise --key key <"$X" >out && test "$(count_lines out)" -eq 2 &&
	cat syn.ndjson syn.ndjson syn.ndjson | sb-anonymise --key key |
	    head -1 >out 2>err && test ! -s err &&
	test_rc 66 sb-anonymise --key key nofile >out 2>err &&
	grep -q nofile err &&
	if [ -c /dev/full ]; then
		test_rc 74 sb-anonymise --key key "$X" >/dev/full 2>err
	fi
'

test_expect_success '-o writes atomically, mode 0600' '
	sb-anonymise --key key -o o.ndjson "$X" && test "$(stat -c %a o.ndjson)" = 600 &&
	test "$(count_lines o.ndjson)" -eq 2
'

test_expect_success '--k 3: classes of at least 3, achieved k recorded' '
	sb-anonymise --key key --k 3 -s syn.ndjson >out 2>err &&
	validate out &&
	grep -q "stats: k-anonymity: k 3 " err &&
	$CHECK kanon out 3 age_band,sex,citizenship,region,year &&
	test "$(jq -r .anon.k out | sort -u)" -ge 3
'

test_expect_success '--k with a chosen set, and k too large: all suppressed' '
	sb-anonymise --key key --k 2 --qi sex,citizenship syn.ndjson >out &&
	$CHECK kanon out 2 sex,citizenship &&
	sb-anonymise --key key --k 100000 -s syn.ndjson >out 2>err &&
	test "$(jq -r .anon.k out | sort -u)" = 0 &&
	jq -e "[.persons[] | select(.role == \"victim\") | .qi.suppressed] |
	    all" out >/dev/null
'

test_expect_success '--two-pass: names known elsewhere in the batch go too' '
	sed -n 1p "$X" >one &&
	printf "%s\n" "{\"sb\":\"case/1\",\"case_id\":\"RO:D:9\",\"local_id\":\"9\",\"country\":\"RO\",\"authority\":\"D\",\"persons\":[],\"narratives\":[{\"text\":\"Martorul l-a recunoscut pe Stoyanov la Constanta.\"}],\"provenance\":{\"source\":\"ro\",\"record\":1}}" >>one &&
	sb-anonymise --key key one >out &&
	member 2 out ".narratives[0].text" | grep -q Stoyanov &&
	sb-anonymise --key key --two-pass one >out &&
	! member 2 out ".narratives[0].text" | grep -q Stoyanov &&
	member 2 out ".narratives[0].text" | grep -q "\[PERSON:"
'

test_expect_success '--two-pass: names of a record rejected go too' '
	printf "%s\n" "{\"sb\":\"case/1\",\"case_id\":\"BG:P:8\",\"local_id\":\"8\",\"country\":\"BG\",\"authority\":\"P\",\"bogus\":1,\"persons\":[{\"pid\":\"s\",\"role\":\"recruiter\",\"name\":{\"given\":\"Kalin\",\"family\":\"Dragnev\"}}],\"provenance\":{\"source\":\"bg\",\"record\":1}}" >two &&
	printf "%s\n" "{\"sb\":\"case/1\",\"case_id\":\"RO:D:9\",\"local_id\":\"9\",\"country\":\"RO\",\"authority\":\"D\",\"persons\":[],\"narratives\":[{\"text\":\"Martorul l-a recunoscut pe Dragnev la Constanta.\"}],\"provenance\":{\"source\":\"ro\",\"record\":1}}" >>two &&
	sb-anonymise --key key --two-pass -r rej two >out &&
	test "$(wc -l <out)" = 1 && test "$(wc -l <rej)" = 1 &&
	! grep -q Dragnev out && grep -q "\[PERSON:" out &&
	sb-anonymise --key key --two-pass --k 2 two >out 2>/dev/null &&
	! grep -q Dragnev out && grep -q "\[PERSON:" out
'

test_expect_success 'leaks: no raw identifier of the fixture in any output' '
	sb-anonymise --key key -s -r rej --hits hits syn.ndjson >out 2>err &&
	$CHECK leak syn.ndjson "$SYN/truth.ndjson" out err rej
'

test_done

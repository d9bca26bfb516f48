#!/bin/sh
# sb-link: entity ids on every person and identifier, link/1 records,
# determinism, standard input, -o, rejects, keys, records passed through,
# --stats, --truth; one person across borders, two persons of one case;
# accuracy on FEBRL (skipped where ../shared is absent) and sb-synth.
. "$(dirname "$0")/lib.sh"

N=300		# cases in the small synthetic batch
ACC_N=2000	# cases in the accuracy batch
FEBRL="$SHARED/bench/febrl"
LAYOUTS="be-parquet:be/parquet-bruxelles.csv bg-prb:bg/uis-prb.csv
fi-poliisi:fi/poliisi-patja.ndjson gr-eisaggelia:gr/eisaggelia.tsv
it-procura:it/procura-export.tar.gz pl-prokuratura:pl/prokuratura.csv
pt-htcds:pt/htcds-pt.csv ro-diicot:ro/diicot-export.zip"

# synth SEED N DIR OUT: an sb-synth batch in DIR, every export ingested
# through its profile (from inside DIR, so that provenance sources are the
# truth's), the case/1 records in OUT.
synth() {
	sb-synth -S "$1" -n "$2" -o "$3" >/dev/null &&
	(cd "$3" && for l in $LAYOUTS; do
		sb-ingest -p "${l%%:*}" "${l#*:}" || exit 1
	done) >"$4"
}

# The accuracy tests use a fixed key: the CLKs, and so the scores, depend
# on the key, and a score must not change from one run to the next.
fixed_key() {
	printf 'sb-key/1 %s\n' U2FmZUJvcmRlcnMgdDA0MDAgYWNjdXJhY3kga2V5ISE= \
	    >"$1" && chmod 600 "$1"
}

# valid FILE...: validate, showing the first few complaints only.
valid() {
	validate "$@" >valid.log 2>&1 && return 0
	head -n 5 valid.log
	tail -n 1 valid.log
	return 1
}

# entities FILE: "case_id#pid entity" for every person in FILE, sorted.
entities() {
	jq -r 'select(.sb == "case/1") | .case_id as $c |
	    .persons[] | "\($c)#\(.pid) \(.entity)"' "$1" | LC_ALL=C sort
}

# links FILE: the link/1 records of FILE, one a line, the two mentions in
# a fixed order, with entity, p and weight; sorted.
links() {
	jq -r 'select(.sb == "link/1") | [([.a, .b] | map(.case_id + "#" +
	    .pid) | sort | join(" ")), .entity, .p, .weight] | @tsv' "$1" |
	    LC_ALL=C sort
}

# entity_of FILE CASE_ID PID: the entity of one mention.
entity_of() {
	jq -r --arg c "$2" --arg p "$3" 'select(.sb == "case/1" and
	    .case_id == $c) | .persons[] | select(.pid == $p) | .entity' "$1"
}

# f1 FILE: the pairwise F1 of a --truth report.
f1() {
	sed -n 's/.*truth: pairwise precision [0-9.]* recall [0-9.]* F1 \([0-9.]*\) .*/\1/p' "$1"
}

# at_least X Y: X is a number and X >= Y.
at_least() {
	awk -v x="$1" -v y="$2" \
	    'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x + 0 >= y + 0) }'
}

# diag FILE: FILE's first line as a TAP comment (what a test measured).
diag() {
	[ -s "$1" ] && echo "# $(head -1 "$1")"
	return 0
}

# case/1 lines with the entities taken out, as jq -c writes them.
J_STRIP='if .sb == "case/1" then
	del(.persons[].entity, .persons[].identifiers[]?.entity) else . end'

# An entity on every person and on every identifier, of the right shapes.
J_SHAPES='[.[] | select(.sb == "case/1") | .persons[] |
	((.entity // "") | test("^E[0-9a-f]{16}$")),
	(.identifiers[]? | (.entity // "") | test("^I[0-9a-f]{16}$"))] |
	length > 0 and all'

# Every link/1 names two mentions of two cases, both in the link's
# entity, with p at or above the default threshold.
J_LINKS='(map(select(.sb == "case/1") | .case_id as $c | .persons[] |
	{key: "\($c)#\(.pid)", value: .entity}) | from_entries) as $e |
	map(select(.sb == "link/1")) | length > 0 and all(.[];
	.a.case_id != .b.case_id and .p >= 0.5 and
	$e["\(.a.case_id)#\(.a.pid)"] == .entity and
	$e["\(.b.case_id)#\(.b.pid)"] == .entity)'

# No entity holds two mentions of one case.
J_ONE_CASE='map(select(.sb == "case/1") | .case_id as $c | .persons[] |
	{e: .entity, c: $c}) | group_by(.e) |
	all(.[]; (map(.c) | unique | length) == length)'

# One identifier entity per token, one token per identifier entity, and
# some tokens held by several identifiers (so the check means something).
J_IDS='[.[] | select(.sb == "case/1") | .persons[].identifiers[]? |
	{t: .token, e: .entity}] as $ids | ($ids | unique) as $u |
	($ids | length) > ($u | length) and
	($u | map(.t) | unique | length) == ($u | length) and
	($u | map(.e) | unique | length) == ($u | length)'

# A CSV truth from sb-synth's truth.ndjson ($t, slurped) and the case
# records: "case_id#pid","person", found through the provenance.
J_TRUTH_CSV='($t | map(select(.kind == "mention") |
	{key: "\(.source)|\(.member // "")|\(.record)|\(.person_index)",
	value: .person}) | from_entries) as $m |
	select(.sb == "case/1") | . as $r | .persons | to_entries[] |
	[$r.case_id + "#" + .value.pid, $m["\($r.provenance.source)|\($r.provenance.member // "")|\($r.provenance.record)|\(.key)"]] |
	@csv'

# A CSV truth from FEBRL's record ids, rec-N-org and rec-N-dup-K: N.
J_FEBRL_CSV='.case_id as $c | (.local_id | capture("^rec-(?<n>[0-9]+)-").n)
	as $n | .persons[] | [$c + "#" + .pid, $n] | @csv'

# One victim in two countries: Bulgaria writes her name in Cyrillic,
# Romania in Latin letters; no identifier in common.  The two suspects
# are two other people: other names, dates of birth and phones.
cross_records() {
	printf '%s\n' \
	'{"sb":"case/1","case_id":"BG:SGP:77/2025","local_id":"77/2025","country":"BG","authority":"SGP","persons":[{"pid":"victim","role":"victim","name":{"given":"Радостина","family":"Кирилова"},"dob":"1999-04-17","sex":"Feminine","citizenships":["BG"]},{"pid":"suspect_1","role":"recruiter","name":{"given":"Благой","family":"Церовски"},"dob":"1971-12-02","sex":"Masculine","citizenships":["BG"],"identifiers":[{"type":"phone","value":"0878 555 210"}]}],"provenance":{"source":"bg.csv","record":1}}' \
	'{"sb":"case/1","case_id":"RO:DIICOT:301/2025","local_id":"301/2025","country":"RO","authority":"DIICOT","persons":[{"pid":"victim","role":"victim","name":{"given":"Radostina","family":"KIRILOVA"},"dob":"1999-04-17","sex":"Feminine","citizenships":["BG"]},{"pid":"suspect_1","role":"exploiter","name":{"given":"Ovidiu","family":"Munteanu"},"dob":"1983-06-25","sex":"Masculine","citizenships":["RO"],"identifiers":[{"type":"phone","value":"+40 721 334 908"}]}],"provenance":{"source":"ro.csv","record":1}}'
}

# One case with two persons alike in everything: name, date of birth,
# sex, citizenship, phone.  They are two people.
twin_record() {
	p='"role":"victim","name":{"given":"Radostina","family":"KIRILOVA"},"dob":"1999-04-17","sex":"Feminine","citizenships":["BG"],"identifiers":[{"type":"phone","value":"+359 899 410 733"}]'
	printf '%s\n' \
	"{\"sb\":\"case/1\",\"case_id\":\"GR:EIS:5/2025\",\"local_id\":\"5/2025\",\"country\":\"GR\",\"authority\":\"EIS\",\"persons\":[{\"pid\":\"victim_1\",$p},{\"pid\":\"victim_2\",$p}],\"provenance\":{\"source\":\"gr.csv\",\"record\":1}}"
}

# One suspect in two cases, his given name spelt two ways, with the same
# accomplice in both: the link between the two mentions shows the
# accomplice shared.
accomplice_records() {
	s2='{"pid":"suspect_2","role":"transporter","name":{"given":"Ivan","family":"Sirko"},"dob":"1975-07-01","sex":"Masculine","citizenships":["UA"]}'
	printf '%s\n' \
	"{\"sb\":\"case/1\",\"case_id\":\"IT:PRO:12/2025\",\"local_id\":\"12/2025\",\"country\":\"IT\",\"authority\":\"PRO\",\"persons\":[{\"pid\":\"suspect_1\",\"role\":\"exploiter\",\"name\":{\"given\":\"Oleg\",\"family\":\"Petrenko\"},\"dob\":\"1980-03-12\",\"sex\":\"Masculine\",\"citizenships\":[\"UA\"]},$s2],\"provenance\":{\"source\":\"it.csv\",\"record\":1}}" \
	"{\"sb\":\"case/1\",\"case_id\":\"PL:PRK:31/2025\",\"local_id\":\"31/2025\",\"country\":\"PL\",\"authority\":\"PRK\",\"persons\":[{\"pid\":\"suspect_1\",\"role\":\"recruiter\",\"name\":{\"given\":\"Oleh\",\"family\":\"Petrenko\"},\"dob\":\"1980-03-12\",\"sex\":\"Masculine\",\"citizenships\":[\"UA\"]},$s2],\"provenance\":{\"source\":\"pl.csv\",\"record\":1}}"
}

test_expect_success "setup: keys, $N synthetic cases ingested, anonymised" '
	sb-anonymise --keygen key && sb-anonymise --keygen key2 &&
	synth 11 $N syn raw.ndjson && test "$(count_lines raw.ndjson)" -eq $N &&
	sb-anonymise -k key raw.ndjson >all.ndjson &&
	test "$(count_lines all.ndjson)" -eq $N &&
	head -n 150 all.ndjson >a.ndjson && tail -n +151 all.ndjson >b.ndjson &&
	cross_records >cross.raw && twin_record >twin.raw &&
	accomplice_records >acc.raw &&
	sb-anonymise -k key cross.raw >cross.ndjson &&
	sb-anonymise -k key twin.raw >twin.ndjson &&
	sb-anonymise -k key acc.raw >acc.ndjson &&
	sb-anonymise -k key2 cross.raw >other-key.ndjson &&
	valid all.ndjson cross.ndjson twin.ndjson acc.ndjson other-key.ndjson
'

test_expect_success '--help, --version, usage errors (64), missing file (66)' '
	sb-link --help >out 2>err && grep -q "^usage: sb-link" out &&
	test ! -s err &&
	sb-link --version >out && grep -q "^sb-link (SafeBorders)" out &&
	for p in 0 1 1.5 -0.2 x 0.5x ""; do
		test_rc 64 sb-link --threshold "$p" all.ndjson >out 2>err &&
		test ! -s out && grep -q -- "--threshold" err || exit 1
	done &&
	test_rc 64 sb-link --ignore-id fingerprint all.ndjson >out 2>err &&
	test ! -s out && grep -q -- "--ignore-id" err &&
	test_rc 64 sb-link --ignore-id "" all.ndjson >out 2>err &&
	test_rc 64 sb-link - - <all.ndjson >out 2>err && test ! -s out &&
	grep -q "standard input given twice" err &&
	test_rc 64 sb-link --no-such-option all.ndjson >out 2>err &&
	test ! -s out &&
	test_rc 66 sb-link all.ndjson nofile >out 2>err && test ! -s out &&
	grep -q nofile err &&
	sb-link --threshold 0.9 --ignore-id national_id --ignore-id phone \
	    all.ndjson >out 2>err && test ! -s err
'

test_expect_success 'output: every record in order, then link/1 records' '
	sb-link all.ndjson >out 2>err && test ! -s err &&
	test "$(head -n $N out | jq -r .sb | sort -u)" = case/1 &&
	tail -n +$((N + 1)) out >links &&
	test "$(count_lines links)" -gt 0 &&
	test "$(jq -r .sb links | sort -u)" = link/1 &&
	head -n $N out | jq -c "$J_STRIP" >got &&
	jq -c . all.ndjson >want && test_cmp want got
'

test_expect_success 'an entity on every person (E...) and identifier (I...)' '
	jq -se "$J_SHAPES" out >/dev/null &&
	! jq -se "$J_SHAPES" all.ndjson >/dev/null
'

test_expect_success 'link/1: two cases, both mentions in the entity, p >= 0.5' '
	jq -se "$J_LINKS" out >/dev/null &&
	jq -se "$J_ONE_CASE" out >/dev/null &&
	# The checks see a link into another entity, a case twice in one.
	sed "\$s/\"entity\":\"E[0-9a-f]*\"/\"entity\":\"E0000000000000000\"/" \
	    out >bad && ! cmp -s out bad && ! jq -se "$J_LINKS" bad >/dev/null &&
	sed "1s/\"entity\":\"E[0-9a-f]*\"/\"entity\":\"E0\"/g" out >bad &&
	! jq -se "$J_ONE_CASE" bad >/dev/null
'

test_expect_success 'one identifier entity per token, the same everywhere' '
	jq -se "$J_IDS" out >/dev/null &&
	sed "s/\"entity\":\"I[0-9a-f]*\"/\"entity\":\"I0\"/" out >bad &&
	! jq -se "$J_IDS" bad >/dev/null &&
	cat all.ndjson cross.ndjson | sb-link >out2 &&
	jq -se "$J_IDS" out2 >/dev/null &&
	# The identifiers of the batch have the same entities with more input.
	head -n $N out2 | jq -c "[.persons[].identifiers[]?.entity]" >e2 &&
	head -n $N out | jq -c "[.persons[].identifiers[]?.entity]" >e1 &&
	test_cmp e1 e2
'

test_expect_success 'entities: deterministic, independent of input order' '
	sb-link all.ndjson >again && test_cmp out again &&
	sb-link a.ndjson b.ndjson >ab && test_cmp out ab &&
	sb-link b.ndjson a.ndjson >ba && test "$(head -n 1 ba)" = \
	    "$(sed -n "$((N / 2 + 1))p" ab)" &&
	awk "{ l[NR] = \$0 } END { for (i = NR; i > 0; i--) print l[i] }" \
	    all.ndjson >rev.ndjson && sb-link rev.ndjson >rev &&
	awk "NR % 2 == 0" all.ndjson >even && awk "NR % 2" all.ndjson >odd &&
	sb-link even odd >eo &&
	entities ab >eab && entities ba >eba && entities rev >erev &&
	entities eo >eeo &&
	test "$(count_lines eab)" -gt $N && test_cmp eab eba &&
	test_cmp eab erev && test_cmp eab eeo
'

test_expect_success 'link/1: the same pairs, p and weights, in any order' '
	links ab >lab && links ba >lba && links rev >lrev && links eo >leo &&
	test "$(count_lines lab)" -gt 0 &&
	test_cmp lab lba && test_cmp lab lrev && test_cmp lab leo
'

test_expect_success 'standard input is read as a file is' '
	sb-link <all.ndjson >in1 && test_cmp out in1 &&
	sb-link - <all.ndjson >in2 && test_cmp out in2 &&
	sb-link a.ndjson - <b.ndjson >in3 && test_cmp out in3 &&
	cat all.ndjson | sb-link >in4 && test_cmp out in4
'

test_expect_success '-o writes atomically, mode 0600; nothing on failure' '
	sb-link -o o.ndjson all.ndjson >stdout && test ! -s stdout &&
	test "$(stat -c %a o.ndjson)" = 600 && test_cmp out o.ndjson &&
	mkdir od && echo old >od/o.ndjson &&
	test_rc 65 sb-link -o od/o.ndjson all.ndjson other-key.ndjson \
	    2>err &&
	test "$(cat od/o.ndjson)" = old && test "$(ls -A od)" = o.ndjson &&
	test_rc 65 sb-link -o od/new.ndjson all.ndjson other-key.ndjson \
	    2>err &&
	test "$(ls -A od)" = o.ndjson &&
	test_rc 73 sb-link -o nodir/o.ndjson all.ndjson 2>err
'

test_expect_success '-o: a failure after megabytes were written keeps the old file' '
	mkfifo grows &&
	{ cat all.ndjson >grows; sleep 1;
	  timeout 30 cat all.ndjson all.ndjson >grows; } &
	test_rc 65 timeout 30 sb-link -o od/o.ndjson grows 2>err &&
	grep -q "grows: changed while it was read" err &&
	test "$(cat od/o.ndjson)" = old && test "$(ls -A od)" = o.ndjson
'

test_expect_success '-r: a record not anonymised is rejected, naming sb-anonymise' '
	{ head -n 2 all.ndjson; head -n 1 cross.raw; tail -n +3 all.ndjson; } \
	    >withraw &&
	sb-link -s -r rej withraw >out3 2>err &&
	test "$(count_lines rej)" = 1 && test "$(stat -c %a rej)" = 600 &&
	cp rej rej3 && test "$(jq -r .line rej)" = 3 &&
	jq -r .reason rej | grep -q "sb-anonymise" &&
	test "$(grep -c "\"case/1\"" out3)" = $N &&
	! grep -q "BG:SGP:77/2025" out3 &&
	grep -q "stats: records $((N + 1)) cases $N passed 0 rejected 1 " err &&
	sb-link withraw >out4 2>err && test_cmp out3 out4 &&
	grep -q "1 records rejected" err &&
	test_rc 1 sb-link --strict withraw >/dev/null 2>&1
'

test_expect_success '--allow-raw: records not anonymised are linked' '
	sb-link --allow-raw -s -r rej raw.ndjson >rout 2>err &&
	grep -e "stats: records" -e "stats: candidates" -e "stats: links" err &&
	test ! -s rej &&
	test "$(grep -c "\"case/1\"" rout)" = $N &&
	jq -se "[.[] | select(.sb == \"case/1\") | .persons[] |
	    (.entity // \"\") | test(\"^E[0-9a-f]{16}$\")] | all" rout \
	    >/dev/null &&
	test "$(grep "\"link/1\"" rout | jq -r .key_id | sort -u)" = raw &&
	jq -se "$J_LINKS" rout >/dev/null && jq -se "$J_ONE_CASE" rout >/dev/null
'

test_expect_success '--allow-raw: the output is valid case/1 and link/1' '
	sb-link --allow-raw raw.ndjson >rout && valid rout
'

test_expect_success 'another key: exit 65, a message on keys, no value or token' '
	test_rc 65 sb-link all.ndjson other-key.ndjson >out5 2>err &&
	test ! -s out5 && grep -q "key" err &&
	test "$(wc -l <err)" -le 2 &&
	test_rc 65 sb-link other-key.ndjson all.ndjson >out5 2>err &&
	grep -q "key" err &&
	jq -r ".. | objects | (.token, .clk, .given_clk, .family_clk) //
	    empty" all.ndjson other-key.ndjson | sed "s/^[a-z_]*://" >secrets &&
	test "$(count_lines secrets)" -gt 100 &&
	! grep -F -f secrets err &&
	! grep -e Радостина -e Кирилова -e KIRILOVA -e Munteanu -e Благой \
	    -e 1999-04 -e "721 334" -e "0878 555" err
'

test_expect_success 'other record types pass through unchanged, in place' '
	echo "{\"sb\":\"link/1\",\"a\":\"x\",\"b\":\"y\"}" >typed &&
	head -n 1 all.ndjson >>typed &&
	echo "{\"sb\":\"other/1\"}" >>typed &&
	tail -n +2 all.ndjson >>typed &&
	echo "{\"sb\":\"node/1\", \"id\": 1.50}" >>typed &&
	sb-link -s typed >out6 2>err &&
	test "$(sed -n 1p out6)" = "$(sed -n 1p typed)" &&
	test "$(sed -n 3p out6)" = "$(sed -n 3p typed)" &&
	test "$(sed -n $((N + 3))p out6)" = "$(sed -n $((N + 3))p typed)" &&
	sed "1d;3d;$((N + 3))d" out6 >out6b && test_cmp out out6b &&
	grep -q "stats: records $((N + 3)) cases $N passed 3 rejected 0 " err
'

test_expect_success 'blank lines are skipped' '
	{ echo; head -n 5 all.ndjson; printf "  \n\n"; tail -n +6 all.ndjson;
	  echo; } >blanks &&
	sb-link -s blanks >out7 2>err && test_cmp out out7 &&
	grep -q "stats: records $N cases $N passed 0 rejected 0 " err
'

test_expect_success 'a line that is not JSON is rejected, the rest linked' '
	{ head -n 1 all.ndjson; echo "not json {"; tail -n +2 all.ndjson; } \
	    >notjson &&
	sb-link -r rej notjson >out8 2>err && test_cmp out out8 &&
	test "$(count_lines rej)" = 1 && cp rej rej8 &&
	test "$(jq -r .reason rej)" = "not JSON" &&
	test "$(jq -r .line rej)" = 2 &&
	test_rc 1 sb-link --strict -r rej notjson >/dev/null
'

test_expect_success 'input with no case record: no crash, records passed' '
	sb-link </dev/null >out9 && test ! -s out9 &&
	echo "{\"sb\":\"other/1\"}" >other &&
	sb-link other >out9 && test_cmp other out9 &&
	echo "not json" | sb-link -r rej >out9 && test ! -s out9 &&
	test "$(count_lines rej)" = 1
'

test_expect_success '--links-only: the link/1 records only' '
	sb-link --links-only all.ndjson >lo &&
	test "$(count_lines lo)" -gt 0 && test_cmp links lo
'

test_expect_success '--stats: counts that agree with the output' '
	sb-link -s all.ndjson >out10 2>err && test_cmp out out10 &&
	m=$(jq -s "map(.persons | length) | add" all.ndjson) &&
	grep -q "^sb-link: stats: records $N cases $N passed 0 rejected 0 mentions $m encoded [0-9]*$" err &&
	grep -q "^sb-link: stats: candidates [0-9]* of $((m * (m - 1) / 2)) possible pairs, reduction ratio 0\.[0-9]*, blocks skipped [0-9]*, windowed [0-9]*$" err &&
	grep -q "^sb-link: stats: model: matches among candidates 0\.[0-9]* (EM, [0-9]* iterations)$" err &&
	for f in given family dob sex citizenship identifier address postcode \
	    place co_offenders; do
		grep -q "^sb-link: stats: field $f m/u [0-9]" err || exit 1
	done &&
	nl=$(count_lines links) &&
	entities out | sed "s/.* //" | sort >ents &&
	ne=$(sort -u ents | wc -l) && nm=$(uniq -d ents | wc -l) &&
	grep -q "^sb-link: stats: links $nl entities $ne ($nm of more than one mention)$" err &&
	grep -q "^sb-link: stats: seconds: " err &&
	sb-link all.ndjson 2>err >/dev/null && test ! -s err
'

test_expect_success '--threshold: a higher one, fewer links, all above it' '
	sb-link --links-only --threshold 0.999 all.ndjson >hi &&
	test "$(count_lines hi)" -le "$(count_lines links)" &&
	test "$(count_lines hi)" -gt 0 &&
	jq -se "all(.[]; .p >= 0.999)" hi >/dev/null &&
	jq -se "any(.[]; .p < 0.999)" links >/dev/null
'

test_expect_success '--truth truth.ndjson: pairs completeness, F1, B-cubed' '
	sb-link --truth syn/truth.ndjson all.ndjson >out11 2>err &&
	test_cmp out out11 &&
	m=$(jq -s "map(.persons | length) | add" all.ndjson) &&
	grep -q "^sb-link: truth: $m of $m mentions known$" err &&
	grep -q "^sb-link: truth: pairs completeness [01]\.[0-9]* ([0-9]* of [1-9][0-9]* true pairs among the candidates)$" err &&
	grep -q "^sb-link: truth: pairwise precision [01]\.[0-9]* recall [01]\.[0-9]* F1 [01]\.[0-9]* ([0-9]* of [1-9][0-9]* predicted pairs true)$" err &&
	grep -q "^sb-link: truth: B-cubed precision [01]\.[0-9]* recall [01]\.[0-9]* F1 [01]\.[0-9]*$" err &&
	at_least "$(f1 err)" 0.5 &&
	grep "truth:" err >truth-ndjson.txt
'

test_expect_success '--truth CSV: the same scores as truth.ndjson' '
	jq -r --slurpfile t syn/truth.ndjson "$J_TRUTH_CSV" all.ndjson \
	    >t.csv &&
	test "$(count_lines t.csv)" = \
	    "$(jq -s "map(.persons | length) | add" all.ndjson)" &&
	! grep -q ",$" t.csv && head -n 1 t.csv | grep -q "^\"" &&
	sb-link --truth t.csv all.ndjson >/dev/null 2>err &&
	grep "truth:" err >truth-csv.txt &&
	test_cmp truth-ndjson.txt truth-csv.txt
'

test_expect_success '--truth CSV: its own entities score 1, singletons 0' '
	{ echo "mention,id"; jq -r "select(.sb == \"case/1\") | .case_id as \$c |
	    .persons[] | [\$c + \"#\" + .pid, .entity] | @csv" out; } >self.csv &&
	sb-link --truth self.csv all.ndjson >/dev/null 2>err &&
	grep -q "pairwise precision 1.000000 recall 1.000000 F1 1.000000" err &&
	grep -q "B-cubed precision 1.000000 recall 1.000000 F1 1.000000" err &&
	jq -r "select(.sb == \"case/1\") | .case_id as \$c | .persons[] |
	    [\$c + \"#\" + .pid, \$c + \"#\" + .pid] | @csv" out >single.csv &&
	sb-link --truth single.csv all.ndjson >/dev/null 2>err &&
	grep -q "pairwise precision 0.000000 recall 1.000000 F1 0.000000 (0 of [1-9][0-9]* predicted" err &&
	test_rc 66 sb-link --truth nofile.csv all.ndjson >/dev/null 2>err
'

test_expect_success 'across borders: Cyrillic and Latin, one entity; others two' '
	sb-link all.ndjson cross.ndjson >xo &&
	v1=$(entity_of xo BG:SGP:77/2025 victim) &&
	v2=$(entity_of xo RO:DIICOT:301/2025 victim) &&
	s1=$(entity_of xo BG:SGP:77/2025 suspect_1) &&
	s2=$(entity_of xo RO:DIICOT:301/2025 suspect_1) &&
	echo "$v1$s1$s2" | grep -Eq "^(E[0-9a-f]{16}){3}$" &&
	test "$v1" = "$v2" && test "$s1" != "$s2" &&
	test "$v1" != "$s1" && test "$v1" != "$s2" &&
	grep "\"link/1\"" xo | jq -se "any(.[]; .entity == \"$v1\" and
	    ([.a.case_id, .b.case_id] | sort) ==
	    [\"BG:SGP:77/2025\", \"RO:DIICOT:301/2025\"])" >/dev/null
'

test_expect_success 'co_offenders: an accomplice in common weighs for, none against' '
	sb-link --links-only all.ndjson cross.ndjson acc.ndjson >co &&
	jq -se "any(.[]; ([.a.case_id, .b.case_id] | sort) ==
	    [\"IT:PRO:12/2025\", \"PL:PRK:31/2025\"] and
	    .a.pid == \"suspect_1\" and .b.pid == \"suspect_1\" and
	    .fields.co_offenders.agreement == \"shared\" and
	    .fields.co_offenders.weight > 0)" co >/dev/null &&
	jq -se "any(.[]; ([.a.case_id, .b.case_id] | sort) ==
	    [\"BG:SGP:77/2025\", \"RO:DIICOT:301/2025\"] and
	    .fields.co_offenders.agreement == \"none shared\" and
	    .fields.co_offenders.weight < 0)" co >/dev/null &&
	jq -se "all(.[]; .fields.co_offenders.agreement // \"shared\" |
	    IN(\"shared\", \"none shared\"))" co >/dev/null
'

test_expect_success 'two persons of one case: two entities, even if alike' '
	sb-link all.ndjson cross.ndjson twin.ndjson >to &&
	t1=$(entity_of to GR:EIS:5/2025 victim_1) &&
	t2=$(entity_of to GR:EIS:5/2025 victim_2) &&
	test -n "$t1" && test -n "$t2" && test "$t1" != "$t2" &&
	test "$(jq -r "select(.case_id == \"GR:EIS:5/2025\") |
	    .persons[].identifiers[0].entity" to | sort -u | wc -l)" = 1 &&
	jq -se "$J_ONE_CASE" to >/dev/null &&
	! grep "\"link/1\"" to | jq -se "any(.[];
	    .a.case_id == .b.case_id)" >/dev/null
'

# out3 and lo hold the records of out again (test_cmp above); of xo and
# to, the records of the hand-written cases and their links are new.
test_expect_success 'every record written above is valid case/1, link/1, reject/1' '
	grep -h -e "BG:SGP:77/2025" -e "RO:DIICOT:301/2025" -e "GR:EIS:5/2025" \
	    xo to >hand && test "$(count_lines hand)" -ge 6 &&
	test -s out && test -s rej3 && test -s rej8 && test -s hi &&
	grep -h -e "IT:PRO:12/2025" co >acclinks && test -s acclinks &&
	valid out hand rej3 rej8 hi acclinks
'

if [ -f "$FEBRL/dataset4a.csv" ] && [ -f "$FEBRL/dataset3.csv" ]; then
	test_expect_success 'FEBRL 4a+4b, no national id: pairwise F1 >= 0.998' '
		fixed_key fkey &&
		sb-ingest -p febrl "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv" |
		    sb-anonymise -k fkey >f4.ndjson &&
		test "$(count_lines f4.ndjson)" = 10000 &&
		jq -r "$J_FEBRL_CSV" f4.ndjson >f4.csv &&
		test "$(cut -d, -f2 f4.csv | sort -u | wc -l)" = 5000 &&
		sb-link --ignore-id national_id --truth f4.csv f4.ndjson \
		    >f4.out 2>err &&
		grep "truth: pairwise" err | sed "s/^sb-link: /FEBRL 4a+4b: /" \
		    >f4.f1 &&
		grep -q "10000 of 10000 mentions known" err &&
		at_least "$(f1 err)" 0.998
	'
	diag f4.f1
	test_expect_success 'FEBRL dataset3, no national id: pairwise F1 >= 0.99' '
		fixed_key fkey3 &&
		sb-ingest -p febrl "$FEBRL/dataset3.csv" |
		    sb-anonymise -k fkey3 >f3.ndjson &&
		jq -r "$J_FEBRL_CSV" f3.ndjson >f3.csv &&
		sb-link --ignore-id national_id --truth f3.csv f3.ndjson \
		    >f3.out 2>err &&
		grep "truth: pairwise" err | sed "s/^sb-link: /FEBRL 3: /" \
		    >f3.f1 &&
		grep -q "5000 of 5000 mentions known" err &&
		at_least "$(f1 err)" 0.99
	'
	diag f3.f1
else
	test_skip 'FEBRL 4a+4b, no national id: pairwise F1 >= 0.998' \
	    "no $FEBRL (../shared is absent)"
	test_skip 'FEBRL dataset3, no national id: pairwise F1 >= 0.99' \
	    "no $FEBRL (../shared is absent)"
fi

test_expect_success "sb-synth, $ACC_N cases: pairwise F1 >= 0.97" '
	fixed_key skey &&
	synth 2026 $ACC_N acc acc.raw &&
	sb-anonymise -k skey acc.raw >acc.ndjson &&
	test "$(count_lines acc.ndjson)" = $ACC_N &&
	sb-link --truth acc/truth.ndjson acc.ndjson >acc.out 2>err &&
	grep "truth: pairwise" err | sed "s/^sb-link: /sb-synth: /" >acc.f1 &&
	m=$(jq -s "map(.persons | length) | add" acc.ndjson) &&
	grep -q "truth: $m of $m mentions known" err &&
	at_least "$(f1 err)" 0.97
'
diag acc.f1

test_done

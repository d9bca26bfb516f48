#!/bin/sh
# sb-ingest: the eight national export layouts of testdata/layouts, each
# read by its profile (profiles/<cc>-*.json) with no reject and no flag.
. "$(dirname "$0")/lib.sh"

L="$TESTDATA/layouts"

# ingest PROFILE FILE: out, rej and err for the checks below.
ingest() {
	sb-ingest -p "$1" -s -r rej "$L/$2" >out 2>err
}

# common CC LANG PROFILE LOCAL_ID GIVEN: what every layout must give: four
# valid case/1 records of country CC, no reject, no flag, no profile column
# missing from the header, canonical picklist values, the victim's given
# name of case LOCAL_ID decoded to GIVEN, and a case with two suspects (or
# more) and a relation.
common() {
	test "$(count_lines out)" = 4 && test "$(count_lines rej)" = 0 &&
	check_invariant err && validate out &&
	! grep -q "not in the header" err &&
	test "$(jq -r .country out | sort -u)" = "$1" &&
	test "$(jq -r ".narratives[].lang" out | sort -u)" = "$2" &&
	test "$(jq -r .provenance.profile out | sort -u)" = "$3" &&
	jq -e -s 'all(.[]; has("flags") | not)' out >/dev/null &&
	jq -e -s 'all(.[]; .status | IN("Active", "FollowUp", "Closed",
	    "ClosedReferred"))' out >/dev/null &&
	jq -e -s 'all(.[]; (.offences | length) >= 1 and has("opened") and
	    has("offence_period") and has("route"))' out >/dev/null &&
	jq -e -s 'all(.[]; [.persons[] | select(.role == "victim")] | length
	    == 1)' out >/dev/null &&
	jq -e -s '[.[].persons[] | select(.role == "victim") | .sex] |
	    length == 4 and all(.[]; IN("Feminine", "Masculine"))' out >/dev/null &&
	jq -e -s '[.[].persons[].role] |
	    (map(select(. == "recruiter")) | length > 0) and
	    (map(select(. == "exploiter")) | length > 0)' out >/dev/null &&
	jq -e -s 'all(.[]; (.exploitation_types | length) >= 1)' out >/dev/null &&
	jq -e -s 'any(.[]; ([.persons[] | select(.role != "victim")] |
	    length) >= 2 and (.relations | length) >= 1)' out >/dev/null &&
	jq -e -s 'all(.[]; [.events[]?.type] - ["Recruitment", "Transit",
	    "Exploitation"] == [])' out >/dev/null &&
	test "$(jq -r --arg id "$4" 'select(.local_id == $id) | .persons[] |
	    select(.role == "victim") | .name.given' out)" = "$5"
}

# in_case ID FILTER: FILTER is true on case ID (jq -e on one value: jq 1.6
# takes -e's status from the last input, even one that gave no output).
in_case() {
	jq -e -s --arg id "$1" "map(select(.local_id == \$id)) | .[0] | $2" \
	    out >/dev/null
}

# relations ID: "from>type" of case ID, sorted, comma-separated.
relations() {
	jq -r --arg id "$1" 'select(.local_id == $id) | .relations[] |
	    "\(.from)>\(.type)"' out | sort | tr "\n" ,
}

test_expect_success 'the eight layout profiles load and are listed' '
	sb-ingest --list-profiles >list &&
	for p in be-parquet bg-prb fi-poliisi gr-eisaggelia it-procura \
	    pl-prokuratura pt-htcds ro-diicot; do
		grep -q "^$p	" list || { echo "not listed: $p"; return 1; }
	done
'

test_expect_success 'BE: Parquet de Bruxelles, French, ";", UTF-8 with BOM, CRLF' '
	ingest be-parquet be/parquet-bruxelles.csv &&
	common BE fr be-parquet BR.37.L8.004512/23 "Ioana Maria" &&
	test "$(jq -r .authority out | sort -u)" = "Parquet de Bruxelles" &&
	test "$(jq -r "select(.local_id == \"NI.37.L2.000931/24\") | .offences | length" out)" = 3 &&
	test "$(jq -c "select(.local_id == \"BR.37.L8.011877/23\") | .route" out)" = \
	    "{\"origin\":\"BG\",\"transit\":[\"RS\",\"HU\",\"AT\",\"DE\"],\"destination\":\"BE\"}" &&
	test "$(relations BR.37.L8.004512/23)" = "suspect_1>recruited,suspect_1>transported,suspect_2>exploited," &&
	in_case "NI.37.L2.000931/24" ".persons[0].identifiers[0] |
	    .scheme == \"NN\" and .country == \"BE\"" &&
	test "$(jq -r "select(.local_id == \"BR.37.L8.002210/22\") | .offence_period.from" out)" = 2021-01
'

test_expect_success 'BG: Prosecutor'"'"'s Office UIS, Cyrillic, ";", windows-1251' '
	ingest bg-prb bg/uis-prb.csv &&
	common BG bg bg-prb 12873/2023 "Цветелина Асенова" &&
	test "$(jq -r "select(.local_id == \"3345/2023\") | .authority" out)" = "Окръжна прокуратура - Варна" &&
	test "$(jq -r "select(.local_id == \"12873/2023\") | .opened" out)" = 2023-04-21 &&
	test "$(jq -r "select(.local_id == \"12873/2023\") | .offences[0]" out)" = "чл. 159а, ал. 2, т. 1 НК" &&
	test "$(jq -r "select(.local_id == \"12873/2023\") | .persons[0].name.family" out)" = "Стоянова" &&
	test "$(jq -r "select(.local_id == \"12873/2023\") | .persons[1].role" out)" = recruiter &&
	test "$(relations 901/2024)" = "suspect_1>recruited,suspect_2>transported,suspect_3>exploited," &&
	test "$(jq -r "select(.local_id == \"901/2024\") | [.persons[].role] | join(\",\")" out)" = \
	    "victim,suspect,other,exploiter" &&
	in_case "12873/2023" ".persons[0].identifiers[0] |
	    .scheme == \"EGN\" and .value == \"0745144474\"" &&
	in_case "12873/2023" ".narratives[0].text | test(\"\n\")"
'

test_expect_success 'FI: Poliisi, NDJSON with nested persons ("each")' '
	ingest fi-poliisi fi/poliisi-patja.ndjson &&
	common FI fi fi-poliisi 5010/R/23417/23 "Kertu Liis" &&
	test "$(jq -r .provenance.format out | sort -u)" = ndjson &&
	test "$(jq -r "[.persons[] | select(.role != \"victim\")] | length" out | tr "\n" ,)" = "2,1,3,1," &&
	test "$(jq -r "select(.local_id == \"5010/R/1208/24\") | [.persons[].pid] | join(\",\")" out)" = \
	    "victim,suspect_1,suspect_2,suspect_3" &&
	test "$(relations 5010/R/1208/24)" = "suspect_1>recruited,suspect_2>transported,suspect_3>exploited," &&
	test "$(relations 5010/R/23417/23)" = "suspect_1>recruited,suspect_1>transported,suspect_2>exploited," &&
	test "$(jq -r "select(.local_id == \"8310/R/4412/23\") | .opened" out)" = 2023-06-19 &&
	test "$(jq -r "select(.local_id == \"6140/R/778/22\") | .persons[0].citizenships | join(\",\")" out)" = SO,FI &&
	in_case "6140/R/778/22" "has(\"relations\") | not" &&
	in_case "5010/R/1208/24" ".persons[0].identifiers[0] |
	    .scheme == \"HETU\" and .value == \"170308A4576\""
'

test_expect_success 'GR: Eisaggelia, Greek, TSV, windows-1253' '
	ingest gr-eisaggelia gr/eisaggelia.tsv &&
	common GR el gr-eisaggelia Α2023/4512 "Ραντοστίνα" &&
	test "$(jq -r "select(.local_id == \"Α2023/4512\") | .persons[0].name.family" out)" = "Δημητρόβα" &&
	test "$(jq -r "select(.local_id == \"Α2024/0133\") | .route.transit | join(\",\")" out)" = IR,TR &&
	test "$(relations Α2024/0133)" = \
	    "suspect_1>recruited,suspect_1>transported,suspect_2>exploited,suspect_3>transported," &&
	in_case "Α2022/7701" ".persons[0].identifiers[0] |
	    .scheme == \"AMKA\" and .value == \"14020800042\"" &&
	test "$(jq -r "select(.local_id == \"Α2023/9077\") | .status" out)" = ClosedReferred
'

test_expect_success 'IT: Procura DDA, Italian, ";", UTF-8' '
	ingest it-procura it/procura-sicp.csv &&
	common IT it it-procura 4521/2023 Blessing &&
	test "$(jq -r "select(.local_id == \"4521/2023\") | .opened" out)" = 2023-03-12 &&
	test "$(jq -r "select(.local_id == \"4521/2023\") | .persons[0].age_trafficked" out)" = 15 &&
	test "$(jq -r "select(.local_id == \"4521/2023\") | .route.transit | join(\",\")" out)" = NE,LY &&
	test "$(jq -r "select(.local_id == \"4521/2023\") | .control_methods | join(\",\")" out)" = \
	    DebtBondage,PsychologicalAbuse,WithholdsDocuments,ThreatensChildrenFamily &&
	test "$(relations 233/2024)" = \
	    "suspect_1>transported,suspect_2>exploited,suspect_2>recruited,suspect_3>exploited," &&
	in_case "4521/2023" ".persons[0].identifiers[0] |
	    .scheme == \"CF\" and .value == \"KFRBSS06P43Z335L\""
'

test_expect_success 'PL: Prokuratura, Polish, ";", windows-1250, T/N flags' '
	ingest pl-prokuratura pl/prokuratura.csv &&
	common PL pl pl-prokuratura "RP I Ds 14.2023" "Zuzanna Łucja" &&
	test "$(jq -r "select(.local_id == \"RP I Ds 3.2024\") | .exploitation_types | join(\",\")" out)" = \
	    ForcedBegging,ForcedCriminality &&
	test "$(jq -r "select(.local_id == \"RP I Ds 3.2024\") | .persons[0].name.family" out)" = "Lăcătuş" &&
	test "$(jq -r "select(.local_id == \"RP I Ds 14.2023\") | .offences[0]" out)" = "art. 189a § 1 k.k." &&
	test "$(relations "RP I Ds 14.2023")" = "suspect_1>recruited,suspect_1>transported,suspect_2>exploited," &&
	in_case "RP I Ds 14.2023" ".persons[0].identifiers[0] |
	    .scheme == \"PESEL\" and .value == \"07250834245\""
'

test_expect_success 'PT: HTCDS v2.0 CSV with Portuguese labels' '
	ingest pt-htcds pt/htcds-pt.csv &&
	common PT pt pt-htcds 1234/23.0JDLSB "Beatriz Sofia" &&
	test "$(jq -r "select(.local_id == \"1234/23.0JDLSB\") | .persons[1].htcds_roles | join(\",\")" out)" = \
	    RecruiterOrIntermediary,Transporter &&
	test "$(jq -r ".persons[0].trafficking_status" out | tr "\n" ,)" = \
	    "ActualVictimOfTrafficking,PossibleVictimOfTrafficking,ActualVictimOfTrafficking,NotAVictimOfTrafficking," &&
	test "$(jq -r "select(.local_id == \"45/24.1PBPRT\") | .authority" out)" = "Ministério Público - DIAP do Porto" &&
	test "$(relations 45/24.1PBPRT)" = "per1>transported,per2>exploited,per2>recruited,per3>exploited," &&
	in_case "1234/23.0JDLSB" ".persons[0].identifiers[0] |
	    .scheme == \"NIF\" and .value == \"274512360\""
'

test_expect_success 'RO: DIICOT, Romanian, ",", UTF-8, zip with subfolders' '
	ingest ro-diicot ro/diicot-export.zip &&
	common RO ro ro-diicot 412/D/P/2023 "Andreea-Ștefania" &&
	jq -r .provenance.member out | sort -u >got &&
	printf "%s\n" DIICOT_export_2024-01/ST_Constanta/dosare.csv \
	    DIICOT_export_2024-01/ST_Iasi/dosare.csv >want && test_cmp want got &&
	test "$(jq -r .authority out | tr "\n" ,)" = \
	    "DIICOT - Serviciul Teritorial Constanța,DIICOT - Serviciul Teritorial Constanța,DIICOT - Serviciul Teritorial Iași,DIICOT - Structura Centrală," &&
	test "$(jq -r "select(.local_id == \"88/D/P/2024\") | .route | [.origin, .destination] | join(\",\")" out)" = MD,ES &&
	test "$(relations 88/D/P/2024)" = \
	    "suspect_1>transported,suspect_2>exploited,suspect_2>recruited,suspect_3>exploited," &&
	in_case "412/D/P/2023" ".persons[0].identifiers[0] |
	    .scheme == \"CNP\" and .value == \"6070123134128\""
'

test_expect_success 'all eight layouts in one run: 32 cases, distinct case ids' '
	sb-ingest -s -r rej -p be-parquet "$L/be/parquet-bruxelles.csv" >all 2>err &&
	for x in bg-prb:bg/uis-prb.csv fi-poliisi:fi/poliisi-patja.ndjson \
	    gr-eisaggelia:gr/eisaggelia.tsv it-procura:it/procura-sicp.csv \
	    pl-prokuratura:pl/prokuratura.csv pt-htcds:pt/htcds-pt.csv \
	    ro-diicot:ro/diicot-export.zip; do
		sb-ingest -p "${x%%:*}" "$L/${x#*:}" >>all || return 1
	done &&
	test "$(count_lines all)" = 32 &&
	test "$(jq -r .case_id all | sort -u | wc -l | tr -d " ")" = 32 &&
	test "$(jq -r .country all | sort -u | tr "\n" ,)" = "BE,BG,FI,GR,IT,PL,PT,RO,"
'

if command -v python3 >/dev/null 2>&1 && command -v bsdtar >/dev/null 2>&1; then
	test_expect_success 'the fixtures are what make-fixtures.py writes' '
		python3 "$L/make-fixtures.py" regen &&
		for f in be/parquet-bruxelles.csv bg/uis-prb.csv \
		    fi/poliisi-patja.ndjson gr/eisaggelia.tsv it/procura-sicp.csv \
		    pl/prokuratura.csv pt/htcds-pt.csv; do
			test_cmp "$L/$f" "regen/$f" || return 1
		done &&
		# The zip by members and content: its bytes may change with
		# the libarchive version.
		bsdtar -tvf "$L/ro/diicot-export.zip" >zip.want &&
		bsdtar -tvf regen/ro/diicot-export.zip >zip.got &&
		test_cmp zip.want zip.got &&
		bsdtar -xOf "$L/ro/diicot-export.zip" >zip.want &&
		bsdtar -xOf regen/ro/diicot-export.zip >zip.got &&
		test_cmp zip.want zip.got
	'
else
	test_skip 'the fixtures are what make-fixtures.py writes' 'no python3 or bsdtar'
fi

test_done

#!/bin/sh
# Documentation kept in sync with the code (STYLE.md item 11), for each
# tool doc_checks() is called for (sb-ingest, sb-anonymise, sb-link):
#  - the options of `TOOL --help` against OPTIONS in man/TOOL.1;
#  - the codes of libsb/sb_exit.h against its EXIT STATUS list;
#  - `mandoc -T lint` (skipped when mandoc is not installed);
# and for sb-ingest:
#  - schemas/profile-1.schema.json against profiles/*.json, and against the
#    profile loader: both accept the shipped profiles and reject the same
#    mistakes; its members, the target fields and the picklists match
#    libsb/sb_profile.c and libsb/sb_vocab.c, and the man page names them.
. "$(dirname "$0")/lib.sh"

MAN="$SB_TOP/man/sb-ingest.1"
EXIT_H="$SB_TOP/libsb/sb_exit.h"
PSCHEMA="$SCHEMAS/profile-1.schema.json"

# The tool whose page the checks of doc_checks() read, and its page; the
# test bodies below run at once, so they see the values of the call.
TOOL=sb-ingest
PAGE=$MAN

have_tool() {
	[ -x "$SB_BIN/${1:-$TOOL}" ]
}

# man_section NAME: the lines of one .Sh section of $PAGE.
man_section() {
	sed -n "/^\.Sh $1\$/,/^\.Sh /p" "$PAGE" | sed '$d'
}

# Long option names, one a line, sorted.
help_longopts() {
	sed -n 's/^ *\(-[A-Za-z0-9], \)\{0,1\}--\([a-z][a-z0-9-]*\).*/\2/p' |
	    sort -u
}
fl_longopts() {
	grep -o 'Fl -[a-z][a-z0-9-]*' | sed 's/^Fl -//' | sort -u
}

# The codes the EXIT STATUS section lists, one a line, in page order.
man_exit_codes() {
	man_section 'EXIT STATUS' | sed -n 's/^\.It \([0-9][0-9]*\)$/\1/p'
}

# man_exit_entry N: the text of the EXIT STATUS entry for code N.
man_exit_entry() {
	man_section 'EXIT STATUS' |
	    awk -v n="$1" '/^\.It /{on = ($2 == n); next} /^\.El/{on = 0} on'
}

# "VALUE" or "VALUE EX_NAME" for each member of enum sb_exit.
exit_enum() {
	sed -n 's/^[[:space:]]*SB_EXIT_[A-Z_]* *= *\([0-9][0-9]*\),.*/\1/p' \
	    "$EXIT_H"
}
exit_enum_ex() {
	sed -n 's/^[[:space:]]*SB_EXIT_[A-Z_]* *= *\([0-9][0-9]*\),.*\/\* *\(EX_[A-Z]*\).*/\1 \2/p' \
	    "$EXIT_H"
}

# validate_profiles FILE...: each file against the profile schema.
validate_profiles() {
	/usr/bin/python3 - "$PSCHEMA" "$@" <<'EOF'
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.Draft202012Validator
cls.check_schema(schema)
validator = cls(schema)
bad = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc),
                    key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors[:5]:
        where = "/".join(str(p) for p in e.absolute_path)
        print(f"{path}: /{where}: {e.message[:200]}")
    bad += bool(errors)
sys.exit(1 if bad else 0)
EOF
}

# Profiles that the loader and the schema must both reject, and one that
# both must accept.
write_profiles() {
	k='"profile": 1, "constants": {"country": "BG", "authority": "t"}'
	c='"case": {"local_id": "id"}'
	printf '{%s, %s, "foo": 1}\n' "$k" "$c" >bad-top.json &&
	printf '{%s}\n' "$k" >bad-nocase.json &&
	printf '{"profile": 2, %s}\n' "$c" >bad-version.json &&
	printf '{%s, "case": {"local_id": {"column": "a", "const": "b"}}}\n' \
	    "$k" >bad-spec.json &&
	printf '{%s, "case": {"local_id": {"column": "a", "formats": "yyyy"}}}\n' \
	    "$k" >bad-formats.json &&
	printf '{%s, "case": {"local_id": "id", "opened": {"column": "d", "fromat": "yyyy"}}}\n' \
	    "$k" >bad-member.json &&
	printf '{%s, %s, "persons": [{"pid": "v", "role": "victim", "fields": {"nam": "n"}}]}\n' \
	    "$k" "$c" >bad-field.json &&
	printf '{%s, %s, "persons": [{"pid": "v", "role": "boss", "fields": {}}]}\n' \
	    "$k" "$c" >bad-role.json &&
	printf '{%s, %s, "narratives": [{"column": "c{n}", "repeat": [0, 1]}]}\n' \
	    "$k" "$c" >bad-repeat.json &&
	printf '{%s, %s, "narratives": [{"kind": "summary"}]}\n' \
	    "$k" "$c" >bad-narrative.json &&
	printf '{%s, %s, "relations": [{"from": "a", "to": "b", "type": "hit"}]}\n' \
	    "$k" "$c" >bad-relation.json &&
	printf '{%s, %s, "input": {"delimiter": ";;"}}\n' \
	    "$k" "$c" >bad-delimiter.json &&
	printf '{%s, %s, "events": [{"type": "Transit"}]}\n' \
	    "$k" "$c" >bad-event.json &&
	cat >good.json <<'EOF'
{
  "profile": 1,
  "name": "good",
  "input": {"format": "csv", "delimiter": ";", "encoding": "windows-1250",
            "header": true, "trim": false, "quote": "'"},
  "constants": {"country": "Polska", "authority": "PR Katowice"},
  "dates": ["dd.mm.yyyy", "yyyy"],
  "maps": {"plec": {"K": "Feminine", "M": "Masculine"}},
  "case": {
    "local_id": {"columns": ["rok", "nr"], "join": "/"},
    "opened": [{"column": "data", "formats": "dd.mm.yy"}, "rok"],
    "status": {"column": "stan", "map": {"w toku": "Active"},
               "default": "Active"},
    "control_methods": [{"column": "dlug", "if_set": "DebtBondage"}],
    "route_transit": {"column": "tranzyt", "split": ","}
  },
  "persons": [
    {"pid": "victim", "role": "victim",
     "fields": {"given": "imie", "sex": {"column": "plec", "map": "plec"},
                "national_id": {"column": "pesel", "scheme": "PESEL",
                                "country": "PL"}}},
    {"pid": "suspect_{n}", "repeat": [1, 3],
     "role": {"column": "rola{n}", "default": "suspect"},
     "fields": {"full_name": "pod{n}", "phone": ["tel{n}", "kom{n}"]}},
    {"pid": "s{n}", "role": "suspect", "each": "suspects",
     "fields": {"given": "name.first"}}
  ],
  "events": [
    {"type": "Recruitment", "fields": {"date": "werbunek", "country": "kraj"}},
    {"type": {"column": "typ{n}"}, "repeat": [1, 2],
     "fields": {"description": "opis{n}"}}
  ],
  "narratives": [{"column": "opis", "kind": "summary", "lang": "pl"}],
  "relations": [
    {"from": "suspect_{n}", "to": "victim", "type": "recruited",
     "repeat": [1, 3], "when": "werbowal{n}"},
    {"from": "suspect_1", "to": "victim", "type": "paid",
     "when": {"column": "zaplata", "if_set": "tak"}}
  ]
}
EOF
}

# The profile members, target fields and picklists of the C sources
# against the schema and the man page.
profile_sync() {
	/usr/bin/python3 - "$SB_TOP" "$PSCHEMA" "$MAN" <<'EOF'
import json
import re
import sys

top, schema_path, man_path = sys.argv[1:4]
with open(f"{top}/libsb/sb_profile.c", encoding="utf-8") as f:
    src = f.read()
with open(f"{top}/libsb/sb_vocab.c", encoding="utf-8") as f:
    vocab_src = f.read()
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(man_path, encoding="utf-8") as f:
    man = f.read()
problems = []


def found(pattern, text, what):
    m = re.search(pattern, text, re.S)
    if m is None:
        problems.append(f"cannot find {what} in the C source")
        return ""
    return m.group(1)


def keys(name):
    return re.findall(r'"([a-z_]+)"',
                      found(name + r'\[\] = \{(.*?)\};', src, name))


def targets(name):
    return re.findall(r'^\s*\{"([a-z_]+)",',
                      found(r'struct target ' + name + r'\[\] = \{(.*?)\n\};',
                            src, name), re.M)


inline = [re.findall(r'"([a-z_]+)"', b) for b in
          re.findall(r'\(const char \*const\[\]\)\{(.*?)NULL\}', src, re.S)]


def inline_with(key):
    for k in inline:
        if key in k:
            return k
    problems.append(f"cannot find the member list with \"{key}\"")
    return []


d = schema["$defs"]
pairs = {
    "top-level members": (keys("top_keys"), schema["properties"]),
    "SPEC members": (keys("spec_keys"), d["specObject"]["properties"]),
    "person members": (keys("person_keys"), d["person"]["properties"]),
    "event members": (re.findall(r'strcmp\(it->string, "([a-z_]+)"\) != 0',
                                 src), d["event"]["properties"]),
    "input members": (inline_with("delimiter"), d["input"]["properties"]),
    "narrative members": (inline_with("lang"), d["narrative"]["properties"]),
    "relation members": (inline_with("when"), d["relation"]["properties"]),
    "case fields": (targets("case_targets"), d["case"]["properties"]),
    "constants": (targets("case_targets"), d["constants"]["properties"]),
    "person fields": (targets("person_targets"),
                      d["person"]["properties"]["fields"]["properties"]),
    "event fields": (targets("event_targets"),
                     d["event"]["properties"]["fields"]["properties"]),
}

m = re.search(r'\n\.Sh PROFILES\n(.*?)\n\.Sh ', man, re.S)
profiles = m.group(1) if m else ""
m = re.search(r'\n\.Ss Picklists\n(.*?)\n\.S[sh] ', man, re.S)
picklists = m.group(1) if m else ""
if not profiles or not picklists:
    problems.append("sb-ingest.1: no PROFILES section or Picklists subsection")


def in_text(word, text):
    return re.search(r'(?<![A-Za-z0-9_])' + re.escape(word) +
                     r'(?![A-Za-z0-9_])', text) is not None


for what, (code, props) in pairs.items():
    if not code:
        problems.append(f"no {what} found in the C source")
    if set(code) != set(props):
        problems.append(f"{what}: loader {sorted(set(code) - set(props))} "
                        f"not in the schema, schema "
                        f"{sorted(set(props) - set(code))} not in the loader")
    for k in code:
        if not in_text(k, profiles):
            problems.append(f"{what}: \"{k}\" not in PROFILES of sb-ingest.1")

lists = dict(re.findall(r'static const char \*const (\w+)\[\] = \{(.*?)NULL\};',
                        vocab_src, re.S))
names = re.findall(r'\[SB_V_\w+\] = \{"(\w+)", (\w+)\}', vocab_src)
if not names:
    problems.append("cannot find the picklists in sb_vocab.c")
values = {}
for name, var in names:
    values[name] = re.findall(r'"([^"]*)"', lists.get(var, ""))
    if not in_text(name, picklists):
        problems.append(f"picklist {name} not in Picklists of sb-ingest.1")
    for v in values[name]:
        for word in v.split("="):
            if not in_text(word, picklists):
                problems.append(f"picklist {name}: \"{word}\" not in "
                                f"Picklists of sb-ingest.1")


def spelled(name):
    return [v.split("=")[0] for v in values.get(name, [])]


for name, enum in (
        ("role", d["roleSpec"]["oneOf"][0]["enum"]),
        ("event", d["event"]["properties"]["type"]["oneOf"][0]["enum"]),
        ("relation", d["relation"]["properties"]["type"]["enum"])):
    if sorted(spelled(name)) != sorted(enum):
        problems.append(f"schema enum for {name} is not the picklist "
                        f"{spelled(name)}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

# (a) options, (b) exit codes, (c) mandoc: the same checks for the page
# of every tool.

# doc_checks TOOL CODES: check man/TOOL.1; CODES (space-separated) are
# exit codes its EXIT STATUS must list besides those TOOL's source uses.
doc_checks() {
	TOOL=$1
	PAGE="$SB_TOP/man/$1.1"
	CODES=$2

	if have_tool; then
		test_expect_success "$TOOL: every --help option has an .It Fl entry in OPTIONS, and back" '
			"$TOOL" --help >help &&
			help_longopts <help >help.long &&
			test -s help.long &&
			man_section OPTIONS | grep "^\.It " | fl_longopts >man.long &&
			test_cmp help.long man.long
		'

		test_expect_success "$TOOL: short and long forms pair as in --help" '
			"$TOOL" --help >help &&
			sed -n "s/^ *-\([A-Za-z0-9]\), --\([a-z][a-z0-9-]*\).*/\1 \2/p" \
			    help >pairs &&
			test -s pairs &&
			man_section OPTIONS | grep "^\.It " >items &&
			while read -r s l; do
				grep -q "^\.It Fl $s .*Fl -$l\( \|\$\)" items || {
					echo "no .It Fl $s ... Fl -$l in OPTIONS"
					return 1
				}
			done <pairs
		'

		test_expect_success "$TOOL: every Fl -option the page names exists" '
			"$TOOL" --help >help &&
			help_longopts <help >help.long &&
			grep "^\." "$PAGE" | fl_longopts >all.long &&
			comm -23 all.long help.long >unknown &&
			{ test ! -s unknown || { cat unknown; false; }; }
		'
	else
		for t in 'every --help option has an .It Fl entry in OPTIONS, and back' \
		    'short and long forms pair as in --help' \
		    'every Fl -option the page names exists'
		do
			test_skip "$TOOL: $t" "no $SB_BIN/$TOOL (run make)"
		done
	fi

	test_expect_success "$TOOL: EXIT STATUS lists only codes of sb_exit.h, once each" '
		test -f "$PAGE" &&
		exit_enum >enum &&
		test -s enum &&
		man_exit_codes >codes &&
		test -s codes &&
		sort -n codes | uniq -d >dups &&
		{ test ! -s dups || { echo "listed twice:"; cat dups; false; }; } &&
		while read -r n; do
			grep -qx "$n" enum || { echo "$n is not in sb_exit.h"; return 1; }
		done <codes
	'

	test_expect_success "$TOOL: EXIT STATUS lists $CODES and every code $TOOL uses" '
		man_exit_codes >codes &&
		for n in $CODES; do
			grep -qx "$n" codes || { echo "code $n not listed"; return 1; }
		done &&
		grep -ho "SB_EXIT_[A-Z_]*" "$SB_TOP/tools/$TOOL.c" \
		    "$SB_TOP/tools/cli.c" | sort -u >used &&
		test -s used &&
		while read -r name; do
			n=$(sed -n "s/^[[:space:]]*$name *= *\([0-9][0-9]*\),.*/\1/p" \
			    "$EXIT_H") &&
			test -n "$n" &&
			grep -qx "$n" codes || { echo "$name ($n) not listed"; return 1; }
		done <used
	'

	test_expect_success "$TOOL: each EXIT STATUS entry names its sysexits(3) constant" '
		exit_enum_ex >ex &&
		test -s ex &&
		man_exit_codes >codes &&
		while read -r n name; do
			grep -qx "$n" codes || continue
			man_exit_entry "$n" >entry &&
			grep -q "$name" entry || { echo "entry $n lacks $name"; return 1; }
		done <ex &&
		man_section "EXIT STATUS" | grep -q "^\.Xr sysexits 3" &&
		! grep -q "^\.Ex" "$PAGE"
	'

	if command -v mandoc >/dev/null 2>&1; then
		test_expect_success "$TOOL: mandoc -T lint: nothing at level warning or above" '
			mandoc -T lint -W warning "$PAGE" >lint 2>&1
			rc=$?
			cat lint
			test "$rc" -eq 0 && test ! -s lint
		'
	else
		test_skip "$TOOL: mandoc -T lint: nothing at level warning or above" \
		    'mandoc not installed'
	fi
}

doc_checks sb-ingest "0 1 64 65 66 70 74 78"
# sb-anonymise's page lists every code of sb_exit.h.
doc_checks sb-anonymise "$(exit_enum | tr '\n' ' ' | sed 's/ $//')"
# So does sb-link's (78, which it does not use, says so).
doc_checks sb-link "$(exit_enum | tr '\n' ' ' | sed 's/ $//')"
TOOL=sb-ingest
PAGE=$MAN

# (d) the profile schema

test_expect_success 'every profiles/*.json validates against profile-1.schema.json' '
	set -- "$SB_TOP"/profiles/*.json &&
	test -f "$1" &&
	validate_profiles "$@"
'

test_expect_success 'the schema rejects the usual mistakes and accepts a full profile' '
	write_profiles &&
	for p in bad-*.json; do
		test_must_fail --rc 1 validate_profiles "$p" >/dev/null || {
			echo "the schema accepts $p"
			return 1
		}
	done &&
	validate_profiles good.json
'

test_expect_success 'schema, loader and man page agree on members, fields, picklists' '
	profile_sync
'

# (e) the loader

if have_tool; then
	test_expect_success 'every profile loads in sb-ingest, by path and by name' '
		for p in "$SB_TOP"/profiles/*.json; do
			sb-ingest --profile "$p" </dev/null >out 2>err || {
				cat err
				return 1
			}
			test ! -s out || return 1
			sb-ingest -p "$(basename "$p" .json)" </dev/null >out 2>err || {
				cat err
				return 1
			}
		done
	'

	test_expect_success '--list-profiles lists every profile' '
		sb-ingest --list-profiles >list &&
		tab=$(printf "\t") &&
		for p in "$SB_TOP"/profiles/*.json; do
			grep -q "^$(basename "$p" .json)$tab" list || {
				echo "$p not listed"
				return 1
			}
		done
	'

	test_expect_success 'the loader rejects the same mistakes (exit 78), accepts the full profile' '
		write_profiles &&
		for p in bad-*.json; do
			test_must_fail --rc 78 sb-ingest -p "./$p" </dev/null \
			    >/dev/null 2>err || {
				cat err
				echo "sb-ingest: $p"
				return 1
			}
		done &&
		sb-ingest -p ./good.json </dev/null
	'
else
	for t in 'every profile loads in sb-ingest, by path and by name' \
	    '--list-profiles lists every profile' \
	    'the loader rejects the same mistakes (exit 78), accepts the full profile'
	do
		test_skip "$t" "no $SB_BIN/sb-ingest (run make)"
	done
fi

test_done

# tests/lib.sh: a small TAP harness for the end-to-end tests, after git's
# t/test-lib.sh.  Source it, call the test functions, end with test_done.
#
#   test_expect_success 'title' 'commands joined with &&'
#   test_must_fail [--rc N] cmd...   (a crash is never an expected failure)
#   test_cmp expected actual
#   test_skip 'title' 'reason'
#
# Each script runs in its own trash directory.  Environment (set by make
# check): SB_BIN (the tools), SB_TOP (the source tree), SB_UNIT.

set -u
: "${SB_TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${SB_BIN:=$SB_TOP/bin}"
: "${SB_PROFILE_PATH:=$SB_TOP/profiles}"
export SB_TOP SB_BIN SB_PROFILE_PATH
PATH="$SB_BIN:$PATH"
export PATH
SHARED="$SB_TOP/../shared"
SCHEMAS="$SB_TOP/schemas"
TESTDATA="$SB_TOP/testdata"
# The sanitised build reports leaks; valgrind runs only on the plain build.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

test_count=0
test_failed=0
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/sb-test.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1

test_expect_success() {
	[ -n "${SB_TEST_ONLY:-}" ] && [ "$((test_count + 1))" != "$SB_TEST_ONLY" ] && { test_count=$((test_count + 1)); return 0; }
	test_count=$((test_count + 1))
	if (eval "$2") >"$TRASH/.out" 2>&1; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.out"
	fi
}

test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # skip $1 ($2)"
}

# test_must_fail [--rc N] cmd...: cmd must exit non-zero (N if given), and
# not by a signal or a sanitizer abort.
test_must_fail() {
	want=""
	if [ "$1" = "--rc" ]; then
		want=$2
		shift 2
	fi
	"$@"
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "expected failure, got success: $*" >&2
		return 1
	fi
	if [ $rc -gt 128 ] && [ $rc -ne 141 ]; then
		echo "died by signal $((rc - 128)): $*" >&2
		return 1
	fi
	if [ -n "$want" ] && [ "$rc" -ne "$want" ]; then
		echo "expected exit $want, got $rc: $*" >&2
		return 1
	fi
	return 0
}

# test_rc N cmd...: cmd must exit with exactly N.
test_rc() {
	want=$1
	shift
	"$@"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "expected exit $want, got $rc: $*" >&2
		return 1
	fi
}

test_cmp() {
	if ! cmp -s "$1" "$2"; then
		diff -u "$1" "$2" | head -40 >&2
		return 1
	fi
}

# validate FILE...: every line of every file against its schema (by "sb").
validate() {
	/usr/bin/python3 "$SB_TOP/tests/validate.py" "$SCHEMAS" "$@"
}

# validate_any FILE...: the same, passing record types with no schema here.
validate_any() {
	/usr/bin/python3 "$SB_TOP/tests/validate.py" --allow-unknown "$SCHEMAS" "$@"
}

# count_lines FILE: number of lines (0 for a missing file).
count_lines() {
	if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi
}

# stats_total FILE: "read written rejected" from an --stats log.
stats_total() {
	sed -n 's/.*stats: total: read \([0-9]*\) written \([0-9]*\) rejected \([0-9]*\).*/\1 \2 \3/p' "$1"
}

# The invariant read == written + rejected, from a --stats log.
check_invariant() {
	set -- $(stats_total "$1")
	[ $# -eq 3 ] && [ "$1" -eq $(($2 + $3)) ]
}

have_shared() {
	[ -d "$SHARED/bench" ]
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

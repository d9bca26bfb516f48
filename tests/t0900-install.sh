#!/bin/sh
# make install: tools, man pages, schemas and profiles land under PREFIX,
# and the installed sb-ingest finds its profiles there.
. "$(dirname "$0")/lib.sh"

test_expect_success 'make install PREFIX=...' '
	make -s -C "$SB_TOP" install PREFIX="$TRASH/inst" SANITIZE="${SANITIZE:-}" >log 2>&1 &&
	test -x inst/bin/sb-ingest &&
	test -f inst/share/man/man1/sb-ingest.1 &&
	test -f inst/share/safeborders/schemas/case-1.schema.json &&
	test -f inst/share/safeborders/profiles/htcds-2.0.json &&
	test -f inst/include/safeborders/sb.h && test -f inst/lib/libsb.a
'

test_expect_success 'installed sb-ingest finds installed profiles' '
	env -u SB_PROFILE_PATH inst/bin/sb-ingest --list-profiles >list &&
	grep -q "^htcds-2.0	$TRASH/inst/bin/../share/safeborders/profiles/htcds-2.0.json$" list &&
	env -u SB_PROFILE_PATH inst/bin/sb-ingest -p febrl </dev/null
'

test_done

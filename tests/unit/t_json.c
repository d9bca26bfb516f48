/* sb_json: UTF-8 validation and the streaming writer. */
#include "sb_json.h"
#include "tap.h"

int
main(void)
{
	struct sb_buf b = SB_BUF_INIT(1 << 20);
	struct sb_buf small = SB_BUF_INIT(8);
	struct sb_jw w;

	ok(sb_utf8_valid("plain ascii text, long enough for words", 39),
	    "ASCII is UTF-8");
	ok(sb_utf8_valid("Иван Петров Γεώργιος Łódź", strlen("Иван Петров "
	    "Γεώργιος Łódź")), "Cyrillic, Greek, Polish");
	ok(!sb_utf8_valid("abc\xff", 4), "0xff refused");
	ok(!sb_utf8_valid("\xc0\xaf", 2), "overlong refused");
	ok(!sb_utf8_valid("\xed\xa0\x80", 3), "surrogate refused");
	ok(!sb_utf8_valid("\xe2\x82", 2), "truncated sequence refused");
	ok(!sb_utf8_valid("abcdefgh\0ijklmnop", 17), "NUL in fast path refused");
	ok(!sb_utf8_valid("ab\0", 3), "NUL in slow path refused");
	ok(sb_utf8_valid("\xf0\x9f\x98\x80", 4), "4-byte sequence");
	ok(!sb_utf8_valid("\xf4\x90\x80\x80", 4), "above U+10FFFF refused");

	sb_jw_init(&w, &b);
	sb_jw_obj(&w);
	sb_jw_key(&w, "a");
	sb_jw_cstr(&w, "q\"b\\n\n\t\x01");
	sb_jw_key(&w, "l");
	sb_jw_arr(&w);
	sb_jw_int(&w, -3);
	sb_jw_obj(&w);
	sb_jw_end_obj(&w);
	sb_jw_cstr(&w, "Иван");
	sb_jw_end_arr(&w);
	sb_jw_end_obj(&w);
	is_str(b.data, "{\"a\":\"q\\\"b\\\\n\\n\\t\\u0001\",\"l\":[-3,{},"
	    "\"Иван\"]}", "writer output and escapes");
	ok(!sb_jw_failed(&w), "no failure");

	sb_jw_init(&w, &small);
	sb_jw_cstr(&w, "longer than eight bytes");
	ok(sb_jw_failed(&w), "limit makes the writer fail");
	sb_buf_release(&b);
	sb_buf_release(&small);
	return tap_done();
}

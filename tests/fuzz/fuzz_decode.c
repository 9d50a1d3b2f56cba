/*
 * fuzz_decode.c — libFuzzer target for dz_decode (util/text.c), the one
 * place where every text input is detected and converted to UTF-8.
 *
 * Input: byte 0 selects the options, the rest is the file content.
 *   bits 0-1: declared encoding: none (detect), "UTF-8", "GB18030", "UTF-16"
 *   bit 2:    is_xml (honour an XML declaration; no GB18030 guessing)
 * On success the output must be what text.h promises: NUL-terminated,
 * `outlen` bytes of valid UTF-8 with no NUL inside, and `used` set.
 */
#include <stdint.h>
#include <stdlib.h>
#include "util/util.h"
#include "util/text.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const enc[4] = {NULL, "UTF-8", "GB18030", "UTF-16"};
	char *out = NULL;
	size_t outlen = 0, i;
	const char *used = NULL;
	int rc;
	if (size < 1)
		return 0;
	rc = dz_decode(&out, &outlen, &used, (const char *)data + 1, size - 1,
		       enc[data[0] & 3], "fuzz.txt", (data[0] >> 2) & 1);
	if (rc == 0) {
		const unsigned char *u = (const unsigned char *)out;
		if (!out || !used || out[outlen] != '\0')
			abort();
		for (i = 0; i < outlen;) {
			uint32_t cp;
			int l = dz_utf8_decode(u + i, outlen - i, &cp);
			if (l == 0 || cp == 0)
				abort(); /* invalid UTF-8 or a NUL inside the text */
			i += (size_t)l;
		}
	} else if (out) {
		abort(); /* failure must leave *out NULL */
	}
	dz_free(out);
	dossier_error_clear();
	return 0;
}

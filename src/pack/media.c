/*
 * media.c — media types of package entries and whether to compress them.
 *
 * The type comes from the extension (the manifest records it for the
 * receiver; nothing trusts it). Formats that are already compressed (PDF,
 * JPEG, PNG, OFD and the Office ZIP formats, archives, video) are stored:
 * deflating them costs time for no gain. Text is deflated. Anything else
 * is judged on its first chunk, so an unknown format is neither wasted time
 * nor wasted space.
 */
#include <string.h>
#include <zlib.h>
#include "util/util.h"
#include "pack_int.h"

typedef struct {
	const char *ext, *type;
	dz_packhint hint;
} media;

static const media table[] = {
	{"pdf", "application/pdf", DZ_PACK_STORE},
	{"ofd", "application/ofd", DZ_PACK_STORE},
	{"jpg", "image/jpeg", DZ_PACK_STORE},
	{"jpeg", "image/jpeg", DZ_PACK_STORE},
	{"png", "image/png", DZ_PACK_STORE},
	{"gif", "image/gif", DZ_PACK_STORE},
	{"webp", "image/webp", DZ_PACK_STORE},
	{"heic", "image/heic", DZ_PACK_STORE},
	{"jp2", "image/jp2", DZ_PACK_STORE},
	{"tif", "image/tiff", DZ_PACK_SNIFF},
	{"tiff", "image/tiff", DZ_PACK_SNIFF},
	{"bmp", "image/bmp", DZ_PACK_DEFLATE},
	{"svg", "image/svg+xml", DZ_PACK_DEFLATE},
	{"xml", "application/xml", DZ_PACK_DEFLATE},
	{"md", "text/markdown", DZ_PACK_DEFLATE},
	{"txt", "text/plain", DZ_PACK_DEFLATE},
	{"csv", "text/csv", DZ_PACK_DEFLATE},
	{"json", "application/json", DZ_PACK_DEFLATE},
	{"html", "text/html", DZ_PACK_DEFLATE},
	{"htm", "text/html", DZ_PACK_DEFLATE},
	{"rtf", "application/rtf", DZ_PACK_DEFLATE},
	{"doc", "application/msword", DZ_PACK_DEFLATE},
	{"xls", "application/vnd.ms-excel", DZ_PACK_DEFLATE},
	{"ppt", "application/vnd.ms-powerpoint", DZ_PACK_DEFLATE},
	{"wps", "application/vnd.ms-works", DZ_PACK_DEFLATE},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DZ_PACK_STORE},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DZ_PACK_STORE},
	{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", DZ_PACK_STORE},
	{"odt", "application/vnd.oasis.opendocument.text", DZ_PACK_STORE},
	{"ods", "application/vnd.oasis.opendocument.spreadsheet", DZ_PACK_STORE},
	{"zip", "application/zip", DZ_PACK_STORE},
	{"gz", "application/gzip", DZ_PACK_STORE},
	{"7z", "application/x-7z-compressed", DZ_PACK_STORE},
	{"rar", "application/vnd.rar", DZ_PACK_STORE},
	{"xz", "application/x-xz", DZ_PACK_STORE},
	{"mp4", "video/mp4", DZ_PACK_STORE},
	{"mov", "video/quicktime", DZ_PACK_STORE},
	{"mp3", "audio/mpeg", DZ_PACK_STORE},
	{"p7s", "application/pkcs7-signature", DZ_PACK_STORE},
	{"pem", "application/x-pem-file", DZ_PACK_DEFLATE},
};

const char *dz_media_type(const char *name, dz_packhint *hint)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');
	size_t i;
	*hint = DZ_PACK_SNIFF;
	if (!dot || !dot[1])
		return "application/octet-stream";
	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		const char *a = dot + 1, *b = table[i].ext;
		while (*a && *b && (*a | 0x20) == *b) {
			a++;
			b++;
		}
		if (!*a && !*b) {
			*hint = table[i].hint;
			return table[i].type;
		}
	}
	return "application/octet-stream";
}

/* Deflate (level 1) at most the first 256 KiB of a file and report how
 * much went in and what came out (0 if zlib failed; storing is always
 * correct then). */
size_t dz_media_trial(const unsigned char *p, size_t n, size_t *in_used,
		      unsigned char *out)
{
	const size_t cap = DZ_TRIAL_BYTES;
	z_stream z;
	size_t in = n < (256u << 10) ? n : (256u << 10), got = 0;
	*in_used = in;
	if (in == 0)
		return 0;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
		z.next_in = (Bytef *)p;
		z.avail_in = (uInt)in;
		z.next_out = out;
		z.avail_out = (uInt)cap;
		if (deflate(&z, Z_FINISH) == Z_STREAM_END)
			got = z.total_out;
		deflateEnd(&z);
	}
	return got;
}

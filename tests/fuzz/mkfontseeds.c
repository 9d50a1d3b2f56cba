/*
 * mkfontseeds.c — makes the seed corpus of fuzz_font from installed fonts:
 * each FONT[#FACE] given is subset with hb-subset to the text fuzz_font
 * shows, so a seed is a few KB yet keeps the tables the real font has. Not part of the
 * build; doc/fuzzing.md gives the command that made the committed seeds:
 *   cc -o mkfontseeds tests/fuzz/mkfontseeds.c $(pkg-config --cflags --libs harfbuzz-subset harfbuzz)
 *   ./mkfontseeds OUTDIR FONT[#FACE]...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hb.h>
#include <hb-subset.h>

static const char text[] =
	"ABCabc0123 .,;:!?()%-—中国创新中心年度报告总结一二三四五六七八九十"
	"（）。，、；：“”《》％…国家工程研究中心评价指标研发投入";

int main(int argc, char **argv)
{
	int i;
	if (argc < 3) {
		fprintf(stderr, "usage: mkfontseeds OUTDIR FONT[#FACE]...\n");
		return 2;
	}
	for (i = 2; i < argc; i++) {
		char path[1024], out[1200], *hash, *base;
		unsigned face = 0, len = 0;
		hb_blob_t *blob, *res;
		hb_face_t *f, *sub;
		hb_buffer_t *buf = hb_buffer_create();
		hb_subset_input_t *in = hb_subset_input_create_or_fail();
		const char *data;
		FILE *o;
		snprintf(path, sizeof path, "%s", argv[i]);
		if ((hash = strrchr(path, '#')) != NULL) {
			face = (unsigned)atoi(hash + 1);
			*hash = '\0';
		}
		blob = hb_blob_create_from_file(path);
		f = hb_face_create(blob, face);
		hb_buffer_add_utf8(buf, text, -1, 0, -1);
		{
			unsigned n, k;
			hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(buf, &n);
			for (k = 0; k < n; k++)
				hb_set_add(hb_subset_input_unicode_set(in), gi[k].codepoint);
		}
		sub = hb_subset_or_fail(f, in);
		if (!sub) {
			fprintf(stderr, "%s: subsetting failed\n", argv[i]);
			return 1;
		}
		res = hb_face_reference_blob(sub);
		data = hb_blob_get_data(res, &len);
		base = strrchr(path, '/');
		snprintf(out, sizeof out, "%s/%s-%u.ttf", argv[1], base ? base + 1 : path, face);
		if (!(o = fopen(out, "wb")) || fwrite(data, 1, len, o) != len || fclose(o)) {
			perror(out);
			return 1;
		}
		printf("%s %u bytes\n", out, len);
		hb_blob_destroy(res);
		hb_face_destroy(sub);
		hb_face_destroy(f);
		hb_blob_destroy(blob);
		hb_buffer_destroy(buf);
		hb_subset_input_destroy(in);
	}
	return 0;
}

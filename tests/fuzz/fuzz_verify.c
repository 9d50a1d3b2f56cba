/*
 * fuzz_verify.c — libFuzzer target for stage 6 on a received package: the
 * input is written as package.asice in a private scratch directory and
 * verified with dossier_verify_run against the committed test CAs
 * tests/fuzz/verify-ca.pem (the roots of the two PKIs that signed the seed
 * packages), with extraction into a scratch folder that is emptied after
 * every input. This runs the ZIP structure checks (local and central
 * headers, ZIP64, names, overlaps, sizes, ratios), the manifest parser, the
 * DER walk of the CAdES file, CMS and SM2 signature checks, RFC 3161
 * time-stamp tokens, revocation against a committed CRL, the algorithm
 * policy and the digests. Every string of the verdict is read so
 * a dangling one shows under ASan.
 *
 * Limits are small (1 MiB entries, 4 MiB in all) so a mutated size field
 * cannot make a run slow. Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

#define CA "tests/fuzz/verify-ca.pem"
/* a CRL of the second test PKI's issuing CA (one unrelated certificate
 * revoked): every chain of that PKI is looked up in it */
#define CRL "tests/fuzz/verify-crl.pem"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char pkg[300], out[300];
	dossier_verify_options vo = DOSSIER_VERIFY_OPTIONS_INIT;
	dossier_verify_result *r = NULL;
	size_t i, n, sum = 0;
	if (!pkg[0]) {
		snprintf(pkg, sizeof pkg, "%s/package.asice", fz_tmpdir());
		snprintf(out, sizeof out, "%s/out", fz_tmpdir());
	}
	fz_write(pkg, data, size);
	vo.ca_file = CA;
	vo.crl_file = CRL;
	vo.extract_dir = out;
	vo.max_package = 8u << 20;
	vo.max_entries = 200;
	vo.max_entry_size = 1u << 20;
	vo.max_total = 4u << 20;
	if (dossier_verify_run(&r, pkg, &vo) == 0) {
		const dossier_verify_problem *pr = dossier_verify_result_problem(r);
		const dossier_verify_info *in = dossier_verify_result_info(r);
		if (!pr != !!dossier_verify_result_passed(r))
			abort(); /* a pass has no problem, a reject has one */
		if (pr)
			sum += strlen(pr->reason) + strlen(pr->entry) + strlen(pr->msg_zh) +
			       strlen(pr->msg_en) + strlen(pr->hint_zh) + strlen(pr->hint_en);
		sum += strlen(in->signer) + strlen(in->scheme) + strlen(in->centre) +
		       strlen(in->created) + strlen(in->tool);
		n = dossier_verify_result_count(r);
		for (i = 0; i < n; i++) {
			const dossier_verify_entry *e = dossier_verify_result_entry(r, i);
			sum += strlen(e->name) + strlen(e->media_type) + strlen(e->role);
		}
		dossier_verify_result_free(r);
	}
	fz_rmtree(out);
	unlink(pkg);
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}

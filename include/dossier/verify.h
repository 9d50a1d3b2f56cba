/*
 * verify.h — stage 6: check a submission package before trusting any of it.
 *
 * dossier_verify_run() fails closed. It judges the ZIP structure first —
 * before reading any content — then the manifest, the signatures and every
 * digest, and only when everything has passed does it extract (if asked).
 * A rejected package yields a verdict with one specific reason; it is not an
 * error of the call. doc/package.md lists every check.
 */
#ifndef DOSSIER_VERIFY_H
#define DOSSIER_VERIFY_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"
#include "pack.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dossier_verify_result dossier_verify_result;

typedef struct {
	unsigned version;          /**< DOSSIER_VERIFY_OPTIONS_VERSION */
	const char *ca_file;       /**< PEM file of trusted root (and intermediate)
					certificates; NULL: the system's trust store */
	const char *extract_dir;   /**< extract here after a pass; must be absent
					or empty; NULL: no extraction */
	uint64_t max_package;      /**< largest package file */
	uint64_t max_entries;      /**< most entries */
	uint64_t max_entry_size;   /**< largest uncompressed entry */
	uint64_t max_total;        /**< largest sum of uncompressed sizes */
	unsigned max_ratio;        /**< largest compression ratio (for entries
					above 1 MiB) */
	dossier_progress_cb progress;  /**< or NULL */
	void *payload;
	/* version 2 */
	unsigned max_expansion;    /**< the sum of uncompressed sizes may be at
					most this many times the package's size
					(0: the default, 100) */
	const char *policy_file;   /**< algorithm policy that tightens the
					default one (doc/package.md, "Algorithm
					policy"), or NULL */
	/* version 3 */
	const char *crl_file;      /**< CRLs (PEM, or one DER): a signer or CA
					on one is refused, unless a time-stamp
					proves it signed before the revocation */
} dossier_verify_options;

#define DOSSIER_VERIFY_OPTIONS_VERSION 3
#define DOSSIER_VERIFY_OPTIONS_INIT \
	{DOSSIER_VERIFY_OPTIONS_VERSION, NULL, NULL, (uint64_t)64 << 30, 100000, \
	 (uint64_t)16 << 30, (uint64_t)64 << 30, 200, NULL, NULL, 100, NULL, NULL}

/** Why a package was rejected. Strings are borrowed from the result. */
typedef struct {
	const char *reason;    /**< stable id, e.g. "zip-overlap", "digest-mismatch" */
	const char *entry;     /**< entry concerned, or "" */
	const char *msg_zh, *msg_en;
	const char *hint_zh, *hint_en;
} dossier_verify_problem;

/** What a package says about itself (only meaningful after a pass).
 *  Strings are borrowed from the result, "" when absent. */
typedef struct {
	const char *signer;        /**< CAdES signer's subject, or "" */
	const char *signer_issuer;
	const char *signing_time;  /**< CAdES signing-time, ISO 8601 UTC */
	const char *sm2_signer;    /**< SM2 signer's subject, or "" */
	const char *created;       /**< creation time recorded in the manifest */
	const char *scheme, *centre, *tool;
	int complete;              /**< 0 if packed with --allow-incomplete */
	size_t errors;             /**< error findings recorded when incomplete */
	size_t entries;            /**< data entries */
	uint64_t bytes;            /**< their uncompressed size */
	int sm3;                   /**< SM3 digests were checked too */
	const char *timestamp;     /**< the time an RFC 3161 time-stamp proves
					the signature existed, ISO 8601 UTC; "" */
	const char *tsa;           /**< the time-stamp authority, or "" */
	int signer_expired;        /**< the signer's certificate has expired
					since; the time-stamp keeps it valid */
	int signer_revoked_after;  /**< a --crl revokes the signer (or a CA),
					but after the time-stamp */
	const char *stage;         /**< the stage of submission the package is
					for (the outline's stage id), or "" */
} dossier_verify_info;

/** One data entry as listed in the manifest (borrowed strings). */
typedef struct {
	const char *name, *media_type, *role, *supports;
	uint64_t size;
} dossier_verify_entry;

/**
 * Verify the package at `path`. Returns 0 when a verdict was reached (pass
 * or reject; see dossier_verify_result_passed) and *out holds it (free with
 * dossier_verify_result_free). Returns a negative code, with *out NULL, when
 * no verdict could be reached: the package or the CA file cannot be read,
 * the extraction directory is unusable or extraction failed (nothing of it
 * remains), or memory ran out.
 */
int dossier_verify_run(dossier_verify_result **out, const char *path,
		       const dossier_verify_options *opts);
int dossier_verify_result_passed(const dossier_verify_result *r);
/** The reason for rejection, or NULL after a pass. */
const dossier_verify_problem *dossier_verify_result_problem(const dossier_verify_result *r);
const dossier_verify_info *dossier_verify_result_info(const dossier_verify_result *r);
size_t dossier_verify_result_count(const dossier_verify_result *r);
const dossier_verify_entry *dossier_verify_result_entry(const dossier_verify_result *r,
							 size_t i);
void dossier_verify_result_free(dossier_verify_result *r);

#ifdef __cplusplus
}
#endif
#endif

/*
 * dossier.h — umbrella header of libdossier.
 *
 * Pipeline: load (load.h) → check (check.h) → layout → render (PDF, XML) →
 * pack → verify. Each stage has its own small header under dossier/.
 */
#ifndef DOSSIER_H
#define DOSSIER_H
#include "dossier/common.h"
#include "dossier/load.h"
#include "dossier/check.h"
#include "dossier/pack.h"
#include "dossier/verify.h"
#include "dossier/layout.h"
#include "dossier/pdf.h"
#include "dossier/xml.h"
#include "dossier/office.h"
#include "dossier/review.h"
#endif

/*
 * progress.c — the progress bar of long commands (pack, verify) and their
 * handling of Ctrl-C.
 *
 * The bar goes to stderr, only when stderr is a terminal and --quiet is not
 * given: bytes done and total, rate and time left, redrawn at most ten
 * times a second. A signal only sets a flag; the library sees it through
 * the progress callback, stops, removes what it wrote, and returns; then
 * the command dies of the same signal, as the shell expects.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static volatile sig_atomic_t got_signal;
static struct sigaction saved[3];
static const int sigs[3] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
	got_signal = sig;
}

void cli_interrupt_install(void)
{
	struct sigaction sa;
	int i;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART; /* a write in progress is not cut short */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++) {
		sigaction(sigs[i], &sa, &saved[i]);
		/* a signal the parent told us to ignore (nohup, a background
		 * job of a script) stays ignored */
		if (saved[i].sa_handler == SIG_IGN)
			sigaction(sigs[i], &saved[i], NULL);
	}
}

int cli_interrupted(void)
{
	return got_signal;
}

void cli_interrupt_finish(void)
{
	int i, sig = got_signal;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &saved[i], NULL);
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

void cli_progress_init(cli_progress *p, int quiet, const char *verb)
{
	memset(p, 0, sizeof *p);
	p->enabled = !quiet && isatty(2);
	p->verb = verb;
	p->start = now();
}

static void human(char *buf, size_t n, double v)
{
	const char *unit[] = {"B", "KiB", "MiB", "GiB", "TiB"};
	int u = 0;
	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	snprintf(buf, n, u ? "%.1f %s" : "%.0f %s", v, unit[u]);
}

int cli_progress_cb(const dossier_progress *pr, void *payload)
{
	cli_progress *p = payload;
	double t, el, rate, frac;
	char done[32], total[32], speed[32], eta[32];
	int width = 24, fill, i;
	if (got_signal)
		return 1;
	if (!p || !p->enabled)
		return 0;
	t = now();
	if (t - p->last < 0.1 && pr->done < pr->total)
		return 0;
	p->last = t;
	el = t - p->start;
	frac = pr->total ? (double)pr->done / (double)pr->total : 1.0;
	rate = el > 0 ? (double)pr->done / el : 0;
	human(done, sizeof done, (double)pr->done);
	human(total, sizeof total, (double)pr->total);
	human(speed, sizeof speed, rate);
	if (rate > 0 && pr->done < pr->total) {
		double left = (double)(pr->total - pr->done) / rate;
		snprintf(eta, sizeof eta, "%d:%02d", (int)(left / 60), (int)left % 60);
	} else {
		snprintf(eta, sizeof eta, "0:00");
	}
	fill = (int)(frac * width + 0.5);
	fprintf(stderr, "\r%s [", p->verb);
	for (i = 0; i < width; i++)
		fputc(i < fill ? '#' : '.', stderr);
	fprintf(stderr, "] %3d%%  %s / %s  %s/s  %s %s\033[K", (int)(frac * 100 + 0.5),
		done, total, speed, L("剩余", "ETA"), eta);
	fflush(stderr);
	p->drawn = 1;
	return 0;
}

void cli_progress_end(cli_progress *p)
{
	if (p->drawn) {
		fprintf(stderr, "\r\033[K");
		fflush(stderr);
	}
	p->drawn = 0;
}

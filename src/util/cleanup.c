/*
 * cleanup: the signal handler that removes registered temporaries (see
 * cleanup.h).
 */
#include "util/cleanup.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CLEANUP_SLOTS 64

/* A slot holds its path until cleanup_forget; the handler reads each
 * pointer once, and a path is freed only after its slot is cleared. */
static char *volatile slots[CLEANUP_SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_signal(int sig)
{
	for (int i = 0; i < CLEANUP_SLOTS; i++) {
		char *p = slots[i];
		if (p)
			unlink(p);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void cleanup_install(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

int cleanup_register(const char *path)
{
	char *copy = xstrdup(path);
	pthread_mutex_lock(&slots_lock);
	int slot = -1;
	for (int i = 0; i < CLEANUP_SLOTS && slot < 0; i++)
		if (slots[i] == NULL) {
			slots[i] = copy;
			slot = i;
		}
	pthread_mutex_unlock(&slots_lock);
	if (slot < 0)
		free(copy);
	return slot;
}

void cleanup_forget(int slot)
{
	if (slot < 0 || slot >= CLEANUP_SLOTS)
		return;
	pthread_mutex_lock(&slots_lock);
	char *p = slots[slot];
	slots[slot] = NULL;
	pthread_mutex_unlock(&slots_lock);
	free(p);
}

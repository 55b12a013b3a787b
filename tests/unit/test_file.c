/* libs: folio_util */
/*
 * test_file: util/file.h, the one way folio opens what it reads: regular
 * files only, without blocking, each remembered by device and inode; and
 * util/cleanup.h's registry of temporaries.
 */
#include "harness.h"
#include "util/cleanup.h"
#include "util/file.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static char dir[] = "/tmp/folio-test-file.XXXXXX";

static char *in_dir(const char *name)
{
	static char path[4][256];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	return p;
}

static void test_regular(void)
{
	const char *p = in_dir("plain.txt");
	FILE *f = fopen(p, "w");
	fputs("words\n", f);
	fclose(f);
	char *data;
	size_t len;
	INT_EQ(file_read_all(p, 100, &data, &len), 0);
	INT_EQ(len, 6);
	STR_EQ(data, "words\n");
	free(data);
	INT_EQ(file_read_all(p, 5, &data, &len), EFBIG);
	OK(data == NULL);
	/* remembered by device and inode, under the path it was opened by */
	struct stat st;
	OK(stat(p, &st) == 0);
	STR_EQ(file_was_read(st.st_dev, st.st_ino), p);
	OK(file_was_read(st.st_dev, st.st_ino + 1000000) == NULL);
	INT_EQ(file_check_regular(in_dir("absent")), ENOENT);
}

static void test_not_regular(void)
{
	/* a FIFO without a writer: refused at once, never waited on */
	const char *fifo = in_dir("fifo");
	OK(mkfifo(fifo, 0600) == 0);
	INT_EQ(file_check_regular(fifo), FILE_E_FIFO);
	char *data;
	size_t len;
	INT_EQ(file_read_all(fifo, 100, &data, &len), FILE_E_FIFO);
	int err;
	OK(file_fopen_regular(fifo, &err) == NULL);
	INT_EQ(err, FILE_E_FIFO);
	INT_EQ(file_check_regular(dir), EISDIR);
	INT_EQ(file_check_regular("/dev/zero"), FILE_E_DEVICE);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof a.sun_path, "%s", in_dir("sock"));
	OK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
	INT_EQ(file_check_regular(in_dir("sock")), FILE_E_SOCKET);
	close(s);
	STR_EQ(file_strerror(FILE_E_FIFO), "a named pipe (FIFO), not a regular file");
	STR_EQ(file_strerror(FILE_E_DEVICE), "a device, not a regular file");
	STR_EQ(file_strerror(EISDIR), "a folder, not a file");
	STR_EQ(file_strerror(ENOENT), "No such file or directory");
}

static void test_urls(void)
{
	OK(file_is_url("https://example.org/a.png"));
	OK(file_is_url("data:image/png;base64,AAAA"));
	OK(file_is_url("svn+ssh://host/x"));
	OK(!file_is_url("figures/a.png"));
	OK(!file_is_url("/abs/a.png"));
	OK(!file_is_url("C:x.png")); /* one letter: a drive, not a scheme */
	OK(!file_is_url("3d:model"));
}

static void test_cleanup_slots(void)
{
	int a = cleanup_register("/nonexistent/a");
	int b = cleanup_register("/nonexistent/b");
	OK(a >= 0 && b >= 0 && a != b);
	cleanup_forget(a);
	INT_EQ(cleanup_register("/nonexistent/c"), a); /* the slot is free again */
	cleanup_forget(a);
	cleanup_forget(b);
	cleanup_forget(-1); /* no slot: nothing happens */
}

int main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	test_regular();
	test_not_regular();
	test_urls();
	test_cleanup_slots();
	unlink(in_dir("plain.txt"));
	unlink(in_dir("fifo"));
	unlink(in_dir("sock"));
	rmdir(dir);
	DONE();
}

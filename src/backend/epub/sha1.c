/*
 * sha1: SHA-1 (FIPS 180-4), used only to make the name-based UUID
 * (RFC 4122 version 5) that identifies a book without ISBN or DOI.  Not
 * used for anything that needs collision resistance.
 */
#include "backend/epub/epub.h"

#include <stdint.h>
#include <string.h>

typedef struct sha1_state {
	uint32_t h[5];
	unsigned char block[64];
	size_t fill;
	uint64_t total;
} sha1_state;

static uint32_t rol(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void sha1_block(sha1_state *s, const unsigned char *p)
{
	uint32_t w[80];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		uint32_t t = rol(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rol(b, 30);
		b = a;
		a = t;
	}
	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
}

static void sha1_update(sha1_state *s, const unsigned char *p, size_t n)
{
	s->total += n;
	while (n > 0) {
		size_t take = 64 - s->fill;
		if (take > n)
			take = n;
		memcpy(s->block + s->fill, p, take);
		s->fill += take;
		p += take;
		n -= take;
		if (s->fill == 64) {
			sha1_block(s, s->block);
			s->fill = 0;
		}
	}
}

void epub_sha1(const void *data, size_t len, unsigned char out[20])
{
	sha1_state s = { { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
			   0xc3d2e1f0 }, { 0 }, 0, 0 };
	sha1_update(&s, data, len);
	uint64_t bits = s.total * 8;
	unsigned char pad = 0x80;
	sha1_update(&s, &pad, 1);
	unsigned char zero = 0;
	while (s.fill != 56)
		sha1_update(&s, &zero, 1);
	unsigned char len_be[8];
	for (int i = 0; i < 8; i++)
		len_be[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_update(&s, len_be, 8);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(s.h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(s.h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(s.h[i] >> 8);
		out[4 * i + 3] = (unsigned char)s.h[i];
	}
}

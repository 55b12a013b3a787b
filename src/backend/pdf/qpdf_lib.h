/*
 * qpdf_lib.h: libqpdf's C API, loaded when the first SVG figure is drawn.
 * Linked into folio, libqpdf (C++) would cost every build its symbol
 * binding before main(); the PDF of a book without SVG figures should not
 * pay that (see src/media/rsvg_lib.h, which does the same for librsvg).
 * The types are qpdf's own header's, checked at compile time.
 */
#ifndef FOLIO_BACKEND_PDF_QPDF_LIB_H
#define FOLIO_BACKEND_PDF_QPDF_LIB_H

#include <qpdf/qpdf-c.h>

#include <stddef.h>

#define QPDF_LIB_FUNCTIONS(X) \
	X(qpdf_cleanup) \
	X(qpdf_get_num_pages) \
	X(qpdf_get_page_n) \
	X(qpdf_init) \
	X(qpdf_oh_begin_dict_key_iter) \
	X(qpdf_oh_dict_more_keys) \
	X(qpdf_oh_dict_next_key) \
	X(qpdf_oh_get_array_item) \
	X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_binary_string_value) \
	X(qpdf_oh_get_bool_value) \
	X(qpdf_oh_get_dict) \
	X(qpdf_oh_get_generation) \
	X(qpdf_oh_get_int_value) \
	X(qpdf_oh_get_key) \
	X(qpdf_oh_get_name) \
	X(qpdf_oh_get_numeric_value) \
	X(qpdf_oh_get_object_id) \
	X(qpdf_oh_get_page_content_data) \
	X(qpdf_oh_get_stream_data) \
	X(qpdf_oh_get_type_code) \
	X(qpdf_oh_get_type_name) \
	X(qpdf_oh_has_key) \
	X(qpdf_oh_is_indirect) \
	X(qpdf_oh_is_number) \
	X(qpdf_read_memory) \
	X(qpdf_set_suppress_warnings) \
	X(qpdf_silence_errors)

typedef struct qpdf_lib {
#define QPDF_LIB_FIELD(f) __typeof__(f) *f;
	QPDF_LIB_FUNCTIONS(QPDF_LIB_FIELD)
#undef QPDF_LIB_FIELD
} qpdf_lib;

/* The table, loaded once (thread-safe); NULL with the reason in why. */
const qpdf_lib *qpdf_lib_get(char *why, size_t whylen);

#endif

/* pngout.c: PNG encoding with libpng (see pngout.h). */
#include "typeset/pngout.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>

static void on_write(png_structp p, png_bytep data, png_size_t n)
{
    sb_buf_put(png_get_io_ptr(p), data, n);
}

static void on_flush(png_structp p)
{
    (void)p;
}

int sb_png_write(cairo_surface_t *s, struct sb_buf *out, struct sb_error *err)
{
    png_structp p = NULL;
    png_infop info = NULL;
    unsigned char *volatile row = NULL;
    const unsigned char *data;
    int w, h, stride;

    cairo_surface_flush(s);
    if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE)
        return sb_error_set(err, SB_ERENDER, NULL, "PNG: not an image");
    w = cairo_image_surface_get_width(s);
    h = cairo_image_surface_get_height(s);
    stride = cairo_image_surface_get_stride(s);
    data = cairo_image_surface_get_data(s);
    p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (p != NULL)
        info = png_create_info_struct(p);
    if (p == NULL || info == NULL || setjmp(png_jmpbuf(p))) {
        png_destroy_write_struct(&p, &info);
        free(row);
        return sb_error_set(err, SB_ERENDER, NULL, "PNG: libpng failed");
    }
    row = sb_xmalloc((size_t)w * 3);
    png_set_write_fn(p, out, on_write, on_flush);
    png_set_compression_level(p, 3);
    png_set_filter(p, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(p, info);
    for (int y = 0; y < h; y++) {
        const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);

        /* Cairo pixels are native-endian 0xAARRGGBB words; opaque
         * charts need no unpremultiplying. */
        for (int x = 0; x < w; x++) {
            row[3 * x] = (unsigned char)(px[x] >> 16);
            row[3 * x + 1] = (unsigned char)(px[x] >> 8);
            row[3 * x + 2] = (unsigned char)px[x];
        }
        png_write_row(p, row);
    }
    png_write_end(p, info);
    png_destroy_write_struct(&p, &info);
    free(row);
    return SB_OK;
}

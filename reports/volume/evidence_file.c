/* evidence_file.c: probing and drawing evidence files (see
 * evidence_file.h). The image headers (PNG IHDR and pHYs, JPEG SOFn and
 * JFIF density) are read here; the pixels only by Cairo, and only for
 * PNG. */
#include "volume/evidence_file.h"

#include <errno.h>
#include <fcntl.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define PT_PER_INCH 72.0
#define HEAD_MAX (1 << 20) /* image headers are looked for in the first MiB */

int sb_ev_kind_of(const char *name)
{
    const char *dot = strrchr(name, '.');

    if (dot == NULL)
        return -1;
    if (strcasecmp(dot, ".pdf") == 0)
        return SB_EV_PDF;
    if (strcasecmp(dot, ".png") == 0)
        return SB_EV_PNG;
    if (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0)
        return SB_EV_JPEG;
    return -1;
}

/* The whole file into *out (caller frees) and its size; NULL on error
 * with errno set. */
static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;

    if (fp == NULL)
        return NULL;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            buf = sb_xrealloc(buf, cap);
        }
        got = fread(buf + n, 1, cap - n, fp);
        n += got;
    } while (got > 0);
    if (ferror(fp)) {
        int e = errno;

        fclose(fp);
        free(buf);
        errno = e ? e : EIO;
        return NULL;
    }
    fclose(fp);
    *size = n;
    return buf;
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
           (unsigned long)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* A resolution that makes sense for a document image, or the default. */
static double dpi_or_default(double dpi)
{
    return dpi >= 50 && dpi <= 4800 ? dpi : SB_EV_DEFAULT_DPI;
}

/* dpi from a PNG's pHYs chunk (before IDAT), or 0. */
static double png_dpi(const unsigned char *b, size_t n)
{
    size_t i = 8;

    while (i + 8 <= n) {
        unsigned long len = be32(b + i);
        const unsigned char *type = b + i + 4;

        if (memcmp(type, "IDAT", 4) == 0 || len > n - i - 8)
            break;
        if (memcmp(type, "pHYs", 4) == 0 && len == 9 && b[i + 16] == 1)
            return be32(b + i + 8) * 0.0254; /* pixels per metre */
        i += 12 + len;
    }
    return 0;
}

static int probe_png(struct sb_ev_file *f, struct sb_error *err)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(f->path);
    unsigned char *head;
    size_t n = 0;
    double dpi;

    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        sb_error_set(err, SB_EIO, NULL, "不是可读的 PNG 图像（%s）",
                     cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return SB_EIO;
    }
    head = slurp(f->path, &n);
    dpi = dpi_or_default(head != NULL ? png_dpi(head, n) : 0);
    free(head);
    f->w[0] = cairo_image_surface_get_width(s) * PT_PER_INCH / dpi;
    f->h[0] = cairo_image_surface_get_height(s) * PT_PER_INCH / dpi;
    cairo_surface_destroy(s);
    return SB_OK;
}

/* Size and density of a JPEG from its markers. Returns 0; -1 when it
 * has no frame header Cairo's PDF surface can embed; -2 when its image
 * data does not end (a cut file: no EOI marker after the scan). */
static int jpeg_info(const unsigned char *b, size_t n, int *w, int *h,
                     double *dpi)
{
    size_t i = 2;
    int comps = 0;

    *dpi = 0;
    *w = *h = 0;
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return -1;
    while (i + 4 <= n && i < HEAD_MAX) {
        unsigned m, len;

        if (b[i] != 0xFF)
            return -1;
        m = b[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        len = be16(b + i + 2);
        if (len < 2 || i + 2 + len > n || m == 0xD9)
            return -1;
        if (m == 0xDA) {
            /* in the scan data FF is followed by 00 or a restart
             * marker, so FF D9 is the end of the image */
            if (*w <= 0 || *h <= 0 || !(comps == 1 || comps == 3 || comps == 4))
                return -1;
            for (i += 2 + len; i + 1 < n; i++)
                if (b[i] == 0xFF && b[i + 1] == 0xD9)
                    return 0;
            return -2;
        }
        if (m == 0xE0 && len >= 16 && memcmp(b + i + 4, "JFIF", 5) == 0) {
            unsigned units = b[i + 11], x = be16(b + i + 12);

            *dpi = units == 1 ? x : units == 2 ? x * 2.54 : 0;
        }
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (len < 8)
                return -1;
            *h = (int)be16(b + i + 5);
            *w = (int)be16(b + i + 7);
            comps = b[i + 9];
        }
        i += 2 + len;
    }
    return -1;
}

static int probe_jpeg(struct sb_ev_file *f, struct sb_error *err)
{
    size_t n = 0;
    unsigned char *b = slurp(f->path, &n);
    int w, h, rc;
    double dpi;

    if (b == NULL)
        return sb_error_set(err, SB_EIO, NULL, "无法读取（%s）",
                            strerror(errno));
    rc = jpeg_info(b, n, &w, &h, &dpi);
    free(b);
    if (rc != 0)
        return sb_error_set(err, SB_EIO, NULL, "%s",
                            rc == -2
                                ? "JPEG 图像不完整（文件被截断）"
                                : "不是可读的 JPEG 图像（找不到图像帧头）");
    dpi = dpi_or_default(dpi);
    f->w[0] = w * PT_PER_INCH / dpi;
    f->h[0] = h * PT_PER_INCH / dpi;
    return SB_OK;
}

/* Open f's PDF; NULL with err set. */
static PopplerDocument *open_pdf(const char *path, struct sb_error *err)
{
    GError *ge = NULL;
    PopplerDocument *doc;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        sb_error_set(err, SB_EIO, NULL, "无法打开（%s）", strerror(errno));
        return NULL;
    }
    doc = poppler_document_new_from_fd(fd, NULL, &ge); /* owns fd */
    if (doc == NULL) {
        sb_error_set(err, SB_EIO, NULL, "不是可读的 PDF 文件（%s）",
                     ge != NULL ? ge->message : "poppler");
        if (ge != NULL)
            g_error_free(ge);
    }
    return doc;
}

static int probe_pdf(struct sb_ev_file *f, struct sb_error *err)
{
    PopplerDocument *doc = open_pdf(f->path, err);
    int n;

    if (doc == NULL)
        return SB_EIO;
    n = poppler_document_get_n_pages(doc);
    if (n < 1) {
        g_object_unref(doc);
        return sb_error_set(err, SB_EIO, NULL, "PDF 文件没有页面");
    }
    f->n_pages = n;
    f->w = sb_xrealloc(f->w, (size_t)n * sizeof *f->w);
    f->h = sb_xrealloc(f->h, (size_t)n * sizeof *f->h);
    for (int i = 0; i < n; i++) {
        PopplerPage *pg = poppler_document_get_page(doc, i);

        f->w[i] = f->h[i] = 0;
        if (pg != NULL) {
            poppler_page_get_size(pg, &f->w[i], &f->h[i]);
            g_object_unref(pg);
        }
        if (!(f->w[i] > 0 && f->h[i] > 0)) {
            g_object_unref(doc);
            return sb_error_set(err, SB_EIO, NULL, "PDF 第 %d 页无法读取",
                                i + 1);
        }
    }
    g_object_unref(doc);
    return SB_OK;
}

int sb_ev_file_probe(struct sb_ev_file *f, const char *path,
                     enum sb_ev_kind kind, struct sb_error *err)
{
    int rc;

    memset(f, 0, sizeof *f);
    f->path = sb_xstrdup(path);
    f->kind = kind;
    f->n_pages = 1;
    f->w = sb_xcalloc(1, sizeof *f->w);
    f->h = sb_xcalloc(1, sizeof *f->h);
    if (kind == SB_EV_PDF)
        rc = probe_pdf(f, err);
    else if (kind == SB_EV_PNG)
        rc = probe_png(f, err);
    else
        rc = probe_jpeg(f, err);
    if (rc != SB_OK)
        sb_ev_file_fini(f);
    return rc;
}

static void free_bytes(void *p)
{
    free(p);
}

/* The JPEG as an image surface carrying its own bytes, or NULL. */
static cairo_surface_t *jpeg_surface(const char *path)
{
    size_t n = 0;
    unsigned char *b = slurp(path, &n);
    cairo_surface_t *s;
    int w, h;
    double dpi;

    if (b == NULL || jpeg_info(b, n, &w, &h, &dpi) != 0) {
        free(b);
        return NULL;
    }
    /* the pixels are never drawn: the PDF gets the JPEG's bytes */
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, b, n, free_bytes,
                                    b) != CAIRO_STATUS_SUCCESS) {
        free(b);
        cairo_surface_destroy(s);
        return NULL;
    }
    return s;
}

static int draw_image(struct sb_ev_file *f, cairo_t *cr, double w, double h,
                      struct sb_error *err)
{
    cairo_surface_t *s = f->kind == SB_EV_PNG
                             ? cairo_image_surface_create_from_png(f->path)
                             : jpeg_surface(f->path);
    int pw, ph;

    if (s == NULL || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        if (s != NULL)
            cairo_surface_destroy(s);
        return sb_error_set(err, SB_EIO, NULL, "图像无法再次读取");
    }
    pw = cairo_image_surface_get_width(s);
    ph = cairo_image_surface_get_height(s);
    cairo_scale(cr, w / pw, h / ph);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_surface_destroy(s);
    return SB_OK;
}

int sb_ev_file_draw(struct sb_ev_file *f, int page, cairo_t *cr, double w,
                    double h, struct sb_error *err)
{
    PopplerPage *pg;
    double pw, ph;
    int rc = SB_OK;

    cairo_save(cr);
    if (f->kind != SB_EV_PDF) {
        rc = draw_image(f, cr, w, h, err);
        cairo_restore(cr);
        return rc;
    }
    if (f->pdf == NULL)
        f->pdf = open_pdf(f->path, err);
    pg = f->pdf != NULL ? poppler_document_get_page(f->pdf, page) : NULL;
    if (pg == NULL) {
        cairo_restore(cr);
        return f->pdf == NULL
                   ? SB_EIO
                   : sb_error_set(err, SB_EIO, NULL, "PDF 第 %d 页无法再次读取",
                                  page + 1);
    }
    poppler_page_get_size(pg, &pw, &ph);
    cairo_scale(cr, w / pw, h / ph);
    /* as printed: annotations without the print flag are left out */
    poppler_page_render_for_printing(pg, cr);
    g_object_unref(pg);
    cairo_restore(cr);
    return rc;
}

void sb_ev_file_close(struct sb_ev_file *f)
{
    if (f->pdf != NULL)
        g_object_unref(f->pdf);
    f->pdf = NULL;
}

void sb_ev_file_fini(struct sb_ev_file *f)
{
    sb_ev_file_close(f);
    free(f->path);
    free(f->w);
    free(f->h);
    memset(f, 0, sizeof *f);
}

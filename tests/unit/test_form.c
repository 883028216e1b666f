/* test_form.c: loading form editions, and the mistakes a broken one
 * must be reported with (file, row, column, what). */
#include <sys/stat.h>
#include <unistd.h>

#include "rules/bind.h"
#include "rules/open.h"
#include "rules/special.h"
#include "form/expr.h"
#include "form/form.h"
#include "test.h"
#include "base/utf8.h"

static int enum_index(const struct sb_enum *e, const char *text)
{
    struct sb_buf k = {0};
    int i;

    sb_norm_key(text, strlen(text), &k);
    i = sb_enum_find(e, k.data);
    sb_buf_free(&k);
    return i;
}

static void platform_2023_loads(void)
{
    struct sb_form *f = NULL;
    struct sb_error err = {0};
    const struct sb_field *fd;
    const struct sb_annex *a;
    struct sb_enum *e;

    CHECK_INT(sb_form_open(&f, "platform-2023", &err), SB_OK);
    if (f == NULL) {
        printf("%s\n", err.msg);
        return;
    }
    CHECK_STR(sb_form_meta(f, "code"), "platform-2023");
    fd = sb_form_field(f, "devices.operating");
    CHECK(fd != NULL);
    if (fd != NULL) {
        CHECK_STR(fd->label, "运行设备");
        CHECK_STR(fd->section, "1.1 工业设备数量");
        CHECK_STR(fd->unit, "台/套");
        CHECK_INT(fd->type, SB_TYPE_INT);
    }
    fd = sb_form_field(f, "sme.contract_amount");
    CHECK(fd != NULL && fd->type == SB_TYPE_MONEY &&
          fd->yuan_per_unit == 10000.0);
    CHECK_INT(f->n_annexes, 8);
    a = sb_form_annex(f, "killer_apps");
    CHECK(a != NULL && a->number == 6 && strcmp(a->title, "杀手锏APP清单") == 0);
    e = sb_form_enum(f, "industry");
    CHECK(e != NULL && e->n == 22);
    CHECK_INT(sb_form_enum(f, "domain")->n, 9);
    CHECK_INT(sb_form_enum(f, "model_class")->n, 4);
    e = sb_form_enum(f, "device_class");
    CHECK_INT(e->n, 4);
    CHECK_INT(enum_index(e, "其它设备"), enum_index(e, "其他设备"));
    CHECK_INT(enum_index(e, "运行类设备"), 0);
    CHECK_INT(enum_index(e, "设备"), -1);
    e = sb_form_enum(f, "device_type");
    CHECK_STR(e->values[enum_index(e, "机床")].parent, "加工设备");
    CHECK(f->n_rules >= 60);
    CHECK(f->n_aggs > 40);
    sb_form_free(f);
}

static void green_design_loads(void)
{
    struct sb_form *f = NULL;
    struct sb_error err = {0};

    CHECK_INT(sb_form_open(&f, "green-design", &err), SB_OK);
    if (f == NULL)
        return;
    CHECK_INT(f->n_rules, 1);
    CHECK(sb_special_at(f->rules[0].expr->special) ==
          &sb_special_heading_counts);
    CHECK_INT(f->rules[0].expr->n_hidden, 1);
    /* the hidden aggregate, built as a tree: count(products by batch,
     * category) */
    if (f->rules[0].expr->n_hidden == 1) {
        const struct sb_expr *h = f->rules[0].expr->hidden[0];

        CHECK_STR(h->str, "count");
        CHECK_INT(h->n_by, 2);
        CHECK_INT(h->bound, SB_BOUND_AGG);
        CHECK_INT(h->vtype, SB_VT_GROUPS);
    }
    sb_form_free(f);
}

static void unknown_edition(void)
{
    struct sb_form *f = NULL;
    struct sb_error err = {0};

    CHECK(sb_form_open(&f, "platform-1999", &err) != SB_OK);
    CHECK(f == NULL);
    CHECK(strstr(err.path, "platform-1999") != NULL ||
          strstr(err.msg, "platform-1999") != NULL);
    CHECK_INT(sb_form_open(&f, "../etc", &err), SB_EUSAGE);
}

/* The default edition is the one edition.csv marks "default,1";
 * sb_form_open(NULL) opens it. */
static void default_edition(void)
{
    struct sb_form *f = NULL;
    struct sb_error err = {0};
    char *code = NULL;

    CHECK_INT(sb_form_default_edition(&code, &err), SB_OK);
    CHECK_STR(code, "platform-2023");
    CHECK_INT(sb_form_open(&f, NULL, &err), SB_OK);
    if (f != NULL && code != NULL) {
        CHECK_STR(sb_form_meta(f, "code"), code);
        CHECK_STR(sb_form_meta(f, "default"), "1");
    }
    sb_form_free(f);
    free(code);
    CHECK_INT(sb_form_open(&f, "green-design", &err), SB_OK);
    CHECK(f != NULL && sb_form_meta(f, "default") == NULL);
    sb_form_free(f);
}

/* A minimal edition in a temporary directory; rules.csv given. */
static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "w");
    fputs(text, fp);
    fclose(fp);
}

static int load_with_rules(const char *rules, struct sb_error *err)
{
    struct sb_form *f = NULL;
    int rc;

    write_file("rules.csv", rules);
    rc = sb_form_load(&f, dir, err);
    if (rc == SB_OK)
        rc = sb_form_bind(f, err);
    sb_form_free(f);
    return rc;
}

static void broken_editions_name_the_cell(void)
{
    struct sb_error err = {0};

    strcpy(dir, "/tmp/sb-form-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return;
    write_file("edition.csv", "key,value\ncode,t\n");
    write_file("enums.csv", "enum,value,aliases,parent,note\n"
                            "color,红,红色,,\ncolor,蓝,,,\n");
    write_file("fields.csv",
               "code,section,label,type,unit,required,none_ok,note\n"
               "total,1,合计,int,个,1,0,\nred,1,红,int,个,1,0,\n"
               "day,1,日期,date,,1,0,\n");
    write_file("annexes.csv", "code,number,title,required,files,note\n"
                              "items,1,清单,1,items,\n");
    write_file("columns.csv",
               "annex,code,header,aliases,type,unit,required,unique,enum,"
               "min,max,parent_of,mask,note\n"
               "items,color,颜色,,enum,,1,0,color,,,,,\n"
               "items,on,日期,,date,,1,0,,2000-01-01,day,,,\n"
               "items,name,名称,,text,,1,0,,,,,,\n"
               "items,qty,数量,,int,,1,0,,,,,,\n");
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,count(items where color = '红') "
                              "= red,s,m\n",
                              &err),
              SB_OK);
    /* unknown name, in row 3 column 4 of rules.csv */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,total = red,s,m\n"
                              "b,error,x,total = blue,s,m\n",
                              &err),
              SB_EFORMAT);
    CHECK(strstr(err.path, "rules.csv") != NULL);
    CHECK_INT(err.row, 3);
    CHECK_INT(err.col, 4);
    CHECK(strstr(err.msg, "unknown name \"blue\"") != NULL);
    /* a string that is not a value of the enumeration */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,count(items where color = '绿') "
                              "= red,s,m\n",
                              &err),
              SB_EFORMAT);
    CHECK(strstr(err.msg, "'绿' is not a value") != NULL);
    /* comparing a date with a number */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,day = total,s,m\n",
                              &err),
              SB_EFORMAT);
    CHECK(strstr(err.msg, "different types") != NULL);
    /* a rule that compares nothing */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,count(items),s,m\n",
                              &err),
              SB_EFORMAT);
    /* a special rule needs the messages of its cases */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,\"top_n(items.name, items.qty, "
                              "items.name, items.qty, 1)\",s,m,"
                              "missing={label}|outside={label}\n",
                              &err),
              SB_EFORMAT);
    CHECK_INT(err.row, 2);
    CHECK(strstr(err.msg, "needs the message \"rank\"") != NULL);
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,\"top_n(items.name, items.qty, "
                              "items.name, items.qty, 1)\",s,m,"
                              "missing={label}|outside={label}|rank=r|"
                              "value=v|expected=e\n",
                              &err),
              SB_OK);
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,total = red,s,m,no key\n",
                              &err),
              SB_EFORMAT);
    CHECK_INT(err.col, 7);
    /* severity */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,fatal,x,total = red,s,m\n",
                              &err),
              SB_EFORMAT);
    CHECK_INT(err.col, 2);
    /* repeated rule id */
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n"
                              "a,error,x,total = red,s,m\n"
                              "a,error,x,total = red,s,m\n",
                              &err),
              SB_EFORMAT);
    CHECK(strstr(err.msg, "repeated") != NULL);
    /* an unknown type in fields.csv */
    write_file("fields.csv",
               "code,section,label,type,unit,required,none_ok,note\n"
               "total,1,合计,integer,个,1,0,\n");
    CHECK_INT(load_with_rules("id,severity,name,expr,source,message,cases\n",
                              &err),
              SB_EFORMAT);
    CHECK(strstr(err.path, "fields.csv") != NULL);
    CHECK_INT(err.row, 2);
    CHECK_INT(err.col, 4);
    CHECK(strstr(err.msg, "unknown type \"integer\"") != NULL);
    {
        char cmd[128];

        snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
        CHECK_INT(system(cmd), 0);
    }
}

int main(void)
{
    RUN(platform_2023_loads);
    RUN(green_design_loads);
    RUN(unknown_edition);
    RUN(default_edition);
    RUN(broken_editions_name_the_cell);
    return TEST_REPORT();
}

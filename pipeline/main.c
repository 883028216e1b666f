/* main.c: the shenbao command line. */
#include <stdio.h>
#include <string.h>

#include "sb.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("shenbao %s\n", SB_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: shenbao COMMAND ...\n");
    return 2;
}

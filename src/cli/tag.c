/* hearsay tag: a thin wrapper over hs_tool_tag (src/tag/show.c). */
#include "cli/cli.h"

int hs_cmd_tag(int argc, char **argv) { return hs_tool_tag(argc, argv, stdout); }

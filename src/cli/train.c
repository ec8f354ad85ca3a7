/* hearsay train: a thin wrapper over hs_tool_train (src/tag/tools.c). */
#include "cli/cli.h"

int hs_cmd_train(int argc, char **argv) { return hs_tool_train(argc, argv, stdout); }

/* hearsay eval / hearsay train: thin wrappers over the library's tools. */
#include "cli/cli.h"

int hs_cmd_eval(int argc, char **argv) { return hs_tool_eval(argc, argv, stdout); }

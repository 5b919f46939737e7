"""The command line: argument parsing, one library call per command, rendering, exit codes."""

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VocabularyError } from "../../schema/vocabulary-error.js";
import { ProjectError } from "../build/project-error.js";
import { PACKAGE_ROOT } from "../paths/package-root.js";
import { processIO, type CliIO } from "./io.js";
import { USAGE, UsageError } from "./usage.js";

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command's module is imported when it runs: `check` need not load the site, print and search
// stages, and Node's start is a large part of a quick command.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check.js")).checkCommand,
  build: async () => (await import("./build.js")).buildCommand,
  new: async () => (await import("./new.js")).newCommand,
  schema: async () => (await import("./schema.js")).schemaCommand,
  status: async () => (await import("./status.js")).statusCommand,
  stamp: async () => (await import("./stamp.js")).stampCommand,
  docs: async () => (await import("./docs.js")).docsCommand,
  release: async () => (await import("./release.js")).releaseCommand,
  dev: async () => {
    const { devCommand } = await import("./dev.js");
    return (args, io) => devCommand(args, io);
  },
};

/** Runs one command line and returns the exit code. Never throws. */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [command, ...rest] = args;
  if (command === undefined || command === "help" || command === "-h" || command === "--help") {
    (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`casebook: unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const handler = await load();
    return await handler(rest, io);
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}

function reportFailure(error: unknown, io: CliIO, debug: boolean): number {
  const code = (error as { code?: string }).code ?? "";
  if (error instanceof UsageError || code.startsWith("ERR_PARSE_ARGS")) {
    io.stderr(`casebook: ${(error as Error).message}\nRun \`casebook --help\` for the commands and options.\n`);
    return 2;
  }
  if (error instanceof ProjectError) {
    io.stderr(`casebook: ${error.message}\n  hint: ${error.hint}\n`);
  } else if (error instanceof VocabularyError) {
    io.stderr(`casebook: a vocabulary file is broken: ${error.message}\n  hint: fix the file named above; every term needs an id and labels in en, zh, fr and ru.\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`casebook: unexpected error: ${message}\n  hint: this is a bug in Casebook; run again with --debug and report the output.\n`);
  }
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 1;
}

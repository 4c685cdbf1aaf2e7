/** Thrown for a command line that cannot be run as written: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: casebook <command> [options]

Commands:
  check [--cases DIR] [--format pretty|github|json] [--strict]
                         validate every case; exit 0 clean, 1 errors, 2 usage
  build [--cases DIR] [--out DIR] [--no-pdf] [--no-cache] [--lang L] [--wait-search]
                         build the casebook into dist/ (--wait-search, or CI set:
                         make the search index before exiting, never in the background)
  dev [--port N] [--cases DIR]
                         preview on 127.0.0.1 with live reload and an error overlay
  new <id> [--lang L]    write a new draft case from the template
  new <id> --translate --lang L
                         start a translation of the case into L, stamped with the
                         version of the original it is made from
  stamp <id> --lang L    record that the translation L matches its original as it
                         is now (clears the translation-stale warning)
  status [--format pretty|json]
                         cases by status, language coverage, stale translations
  release <version> [--cases DIR] [--out DIR] [--no-pdf]
                         make an edition (semantic version or year, e.g. 2025):
                         strict, drafts left out; writes dist/releases/<version>/
                         (site, PDFs, open data, manifest, changelog) and its .tar.gz
  schema                 print the JSON Schema of a case file
  docs [--check]         regenerate the tables of CONTRIBUTING.md and CONTRIBUTING.zh.md

Options for every command:
  --debug                show the stack trace of an unexpected error
  -h, --help             show this help
  --version              print Casebook's version

Exit codes: 0 success, 1 problems found or the command failed, 2 wrong usage.`;

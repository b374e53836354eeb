export const USAGE = `Usage: hoplint [options] [paths...]
       hoplint <command> [...]

Lints nginx/Tengine, sysctl, CNI/network and Kubernetes configs, per file and across files.
Paths are files, directories (walked; node_modules, .git and .gitignored paths skipped) and
globs; the default is the current directory.

Commands:
  parse <file>           Print the parsed nginx config (crossplane-compatible JSON)
  rules                  List every rule: id, layer, severity, fixable, summary
  explain <rule-id>      What a rule catches, why (the incident), how to fix, examples
  init                   Write a commented starter hoplint.config.yaml
  test [policy-files...] Run the tests of policy files (default: the config's policies)
  lsp [--stdio]          Start the language server (LSP over standard input/output)

Options:
  -f, --format <name>        stylish (default), json, sarif, github, junit
  -o, --output <file>        Write the report to a file instead of stdout
  -c, --config <file>        Use this config file instead of looking for hoplint.config.yaml
      --no-config-lookup     Use no config file at all
      --rule <id=severity>   Set a rule's severity (off, error, warning, info); repeatable
      --max-warnings <n>     Exit 1 when there are more than n warnings
      --fail-on <level>      Lowest severity that makes the exit code 1: error (default),
                             warning, info, or never
  -q, --quiet                Report errors only
      --report-unused-disables
                             Report hoplint-disable comments that suppress nothing
      --stdin                Lint text from standard input...
      --stdin-filename <name>
                             ...as if it were this file (its name decides the language)
      --no-gitignore         Lint .gitignored paths too
      --policy <file>        Load this policy file (YAML or JSON) besides the config's
                             \`policies\`; repeatable
      --context <path>       Read this file, directory or glob for cross-file rules but
                             report only on the paths given; repeatable (the pre-commit
                             hook runs "hoplint --context . <staged files>")
      --changed-since <ref>  Report only files changed since this git ref (its merge base
                             with HEAD, plus uncommitted and untracked files); the paths
                             given stay context for cross-file rules
      --fix                  Apply safe fixes to the files, then report what remains
      --fix-unsafe           Apply unsafe fixes too (they change behaviour: review them)
      --fix-dry-run          Print the fixes as a unified diff and change nothing
      --color, --no-color    Force colours on or off (default: on for a terminal, off with NO_COLOR)
  -v, --version              Print the version
  -h, --help                 Print this help

Exit codes: 0 no findings at the --fail-on level and warnings within --max-warnings;
            1 findings over that; 2 usage or configuration error.
`;

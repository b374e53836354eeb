type ModuleImporter = (url: string) => Promise<Record<string, unknown>>;

let importer: ModuleImporter = async (url) => (await import(url)) as Record<string, unknown>;

/**
 * Lets the bundled CLI hand over Node's module loader: bin/load-cli.js compiles the bundle with
 * `vm.Script` (to use a code cache), and `import()` inside such a script has no loader of its own.
 */
export function setModuleImporter(next: ModuleImporter): void {
  importer = next;
}

/** Imports an ES module (or CommonJS, through Node's interop) by its `file:` URL. */
export function importModule(url: string): Promise<Record<string, unknown>> {
  return importer(url);
}

import type { Rule } from './rule.js';
import { docsFromReadme, type RuleDocs } from './rule-docs.js';
import { didYouMean } from '../core/suggest.js';
import { UsageError } from '../core/errors.js';

export interface RegisteredRule {
  /** Options typed by the rule itself; the engine validates them against its optionsSchema. */
  rule: Rule<object>;
  /** Folder under `rules/` holding the rule's README.md and fixtures; absent for built-in rules. */
  dir?: string;
  /** Reads the rule's documentation page (its README), when it has one; the project knows where pages are. */
  readme?: () => string | undefined;
}

/** The rules of a run, by id: built-in, shipped, policies and plugins, as the project assembles them. */
export class RuleRegistry {
  private readonly byId = new Map<string, RegisteredRule>();
  private readonly docs = new Map<string, RuleDocs>();

  constructor(entries: Iterable<RegisteredRule>) {
    for (const entry of entries) {
      const id = entry.rule.meta.id;
      if (this.byId.has(id)) throw new Error(`rule "${id}" is registered twice`);
      this.byId.set(id, entry);
    }
  }

  get(id: string): RegisteredRule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /**
   * Core rules (`syntax`, `unused-disable`) first, then by id. Ids are lower-case ASCII, so code
   * unit order is their order; `localeCompare` would load ICU's collator on every start.
   */
  all(): RegisteredRule[] {
    return [...this.byId.values()].sort((a, b) => {
      const core = Number(b.rule.meta.layer === 'core') - Number(a.rule.meta.layer === 'core');
      const x = a.rule.meta.id;
      const y = b.rule.meta.id;
      return core || (x < y ? -1 : x > y ? 1 : 0);
    });
  }

  /**
   * What a rule's documentation says: its README when it has one, else the `docs` it carries,
   * else its summary alone. Read once per rule.
   */
  docsOf(id: string): RuleDocs | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    let docs = this.docs.get(id);
    if (!docs) {
      const readme = entry.readme?.();
      docs = readme !== undefined ? docsFromReadme(readme) : (entry.rule.docs ?? { description: entry.rule.meta.summary, howToFix: '' });
      this.docs.set(id, docs);
    }
    return docs;
  }

  /** Throws a UsageError naming the closest id when `id` is unknown. */
  require(id: string, where: string): RegisteredRule {
    const entry = this.byId.get(id);
    if (!entry) throw new UsageError(`unknown rule "${id}"${where}${didYouMean(id, this.ids())}`);
    return entry;
  }
}

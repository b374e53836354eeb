/**
 * A rule's documentation. For the shipped rules it is their README.md, the one source: the tools
 * (explain, SARIF, the editor's hover) read it, and a test holds it to a fixed set of sections and
 * runs its examples. Policies and plugins without a README describe themselves in code.
 */
export interface RuleExample {
  /** Language of the snippets: how `hoplint explain` labels them. */
  language: 'nginx' | 'sysctl' | 'yaml' | 'json';
  bad: string;
  good: string;
}

export interface RuleDocs {
  /** Why it matters — the mechanism, and the incident it comes from (one paragraph). */
  description: string;
  /** What to write instead (one paragraph). */
  howToFix: string;
  /** Bad and good snippets, for a rule whose page does not show them. */
  examples?: RuleExample[];
  /** The whole page, when the rule has one. */
  markdown?: string;
}

/**
 * The sections a rule's README has, in this order: a title `# <id>`, a summary paragraph (the
 * rule's one-line `summary`), then these `##` sections. `Options` appears exactly when the rule
 * takes options, `Fix safety` exactly when it offers fixes; `Incident` is optional.
 */
export const README_SECTIONS = ['Incident', 'Why', 'How to fix', 'Bad', 'Good', 'Options', 'Fix safety', 'References'] as const;

export type ReadmeSection = (typeof README_SECTIONS)[number];

/** A fenced code block of a README: its language and `file=` path from the info string, and its text. */
export interface ReadmeBlock {
  language: string;
  /** The file the block is, when the info string says so (`nginx file=conf.d/app.conf`). */
  file?: string;
  text: string;
}

export interface ParsedReadme {
  /** The text after `# ` on the first line. */
  title: string;
  /** The first paragraph after the title, its lines joined by spaces. */
  summary: string;
  /** The `##` sections in the order written, with their Markdown and code blocks. */
  sections: Array<{ heading: string; body: string; blocks: ReadmeBlock[] }>;
}

const FENCE = /^(```+|~~~+)(.*)$/;

function firstParagraph(body: string): string {
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    if (lines.length === 0 && (FENCE.test(line) || line.startsWith('#'))) break;
    lines.push(line.trim());
  }
  return lines.join(' ');
}

function blocksOf(body: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  let open: { fence: string; language: string; file?: string; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && fence[1]!.startsWith(open.fence) && fence[2]!.trim() === '') {
        blocks.push({ language: open.language, ...(open.file ? { file: open.file } : {}), text: `${open.lines.join('\n')}\n` });
        open = undefined;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    if (fence) {
      const [language = '', ...attributes] = fence[2]!.trim().split(/\s+/);
      const file = attributes.find((attribute) => attribute.startsWith('file='))?.slice('file='.length);
      open = { fence: fence[1]!, language, ...(file ? { file } : {}), lines: [] };
    }
  }
  return blocks;
}

/** Splits a README into its title, summary and `##` sections (headings inside code blocks do not count). */
export function parseReadme(markdown: string): ParsedReadme {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const title = /^# (.+)$/.exec(lines[0] ?? '')?.[1]?.trim() ?? '';
  const sections: ParsedReadme['sections'] = [];
  const preamble: string[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let inFence = false;
  for (const line of lines.slice(1)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? undefined : /^## (.+)$/.exec(line)?.[1]?.trim();
    if (heading !== undefined) {
      if (current) sections.push({ heading: current.heading, body: current.lines.join('\n'), blocks: [] });
      current = { heading, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  if (current) sections.push({ heading: current.heading, body: current.lines.join('\n'), blocks: [] });
  for (const section of sections) section.blocks = blocksOf(section.body);
  const summary = firstParagraph(preamble.join('\n'));
  return { title, summary, sections };
}

/** The docs the tools show, from a README: the lead paragraphs of `Why` and `How to fix`, and the page. */
export function docsFromReadme(markdown: string): RuleDocs {
  const readme = parseReadme(markdown);
  const lead = (heading: ReadmeSection): string => firstParagraph(readme.sections.find((section) => section.heading === heading)?.body ?? '');
  return { description: lead('Why'), howToFix: lead('How to fix'), markdown };
}

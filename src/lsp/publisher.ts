import { resolve } from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { ConfigError } from '../core/errors.js';
import { toDiagnostic } from './diagnostics.js';
import { describeError } from './guard.js';
import type { LintedUnit, OpenBuffer } from './linter.js';
import { KeyedScheduler } from './scheduler.js';
import type { Session } from './session.js';
import type { LintUnit } from './units.js';

/**
 * Lints units when their buffers change (debounced, one lint per unit at a time) and publishes
 * the findings of each open buffer; a config error becomes a diagnostic on the config file and
 * one message to the user.
 */
export class DiagnosticsPublisher {
  /** Config files that carry an error diagnostic, by the unit whose lint failed on them. */
  private readonly configErrorUris = new Map<string, string>();
  private readonly shownErrors = new Set<string>();
  private readonly scheduler: KeyedScheduler;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
  ) {
    this.scheduler = new KeyedScheduler(
      () => session.debounceMs,
      (key, error) => connection.console.error(`hoplint: linting ${key} failed: ${describeError(error)}`),
    );
  }

  scheduleUnit(unit: LintUnit): void {
    this.scheduler.schedule(unit.key, () => this.lintAndPublish(unit));
  }

  scheduleBuffer(buffer: OpenBuffer): void {
    const unit = this.session.linter.unitOf(buffer);
    if (unit) this.scheduleUnit(unit);
  }

  /** Every unit with an open buffer, each once. */
  scheduleAll(): void {
    const seen = new Set<string>();
    for (const buffer of this.session.documents.all()) {
      const unit = this.session.linter.unitOf(buffer);
      if (unit && !seen.has(unit.key)) {
        seen.add(unit.key);
        this.scheduleUnit(unit);
      }
    }
  }

  /** Waits for the lints under way, then stops scheduling. */
  async shutdown(): Promise<void> {
    await this.scheduler.idle();
    this.scheduler.dispose();
  }

  private showOnce(message: string): void {
    if (this.shownErrors.has(message)) return;
    this.shownErrors.add(message);
    void this.connection.window.showErrorMessage(`hoplint: ${message}`);
  }

  private publishConfigError(unit: LintUnit, error: ConfigError): void {
    const uri = this.session.uriOf(resolve(unit.cwd, error.file));
    const position = { line: Math.max(0, error.line - 1), character: Math.max(0, error.column - 1) };
    const diagnostic: Diagnostic = { range: { start: position, end: position }, severity: 1, source: 'hoplint', code: 'config', message: error.detail };
    this.configErrorUris.set(unit.key, uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [diagnostic] });
  }

  private clearConfigError(unit: LintUnit): void {
    const uri = this.configErrorUris.get(unit.key);
    if (uri === undefined) return;
    this.configErrorUris.delete(unit.key);
    if (![...this.configErrorUris.values()].includes(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async lintAndPublish(unit: LintUnit): Promise<void> {
    const { session } = this;
    let linted: LintedUnit;
    try {
      linted = await session.linter.lintUnit(unit);
    } catch (error) {
      if (error instanceof ConfigError) this.publishConfigError(unit, error);
      this.showOnce(error instanceof Error ? error.message : String(error));
      return;
    }
    this.clearConfigError(unit);
    session.latest.set(unit.key, linted);
    const registry = linted.result.registry;
    const related = (file: string): string => session.uriOf(linted.absolute(file));
    for (const buffer of session.documents.all()) {
      if (session.linter.unitOf(buffer)?.key !== unit.key) continue;
      // Changed while linting: the scheduler lints again, and that lint publishes.
      if (linted.versions.get(buffer.uri) !== buffer.version) continue;
      const findings = linted.findingsByPath.get(session.pathIn(buffer, unit)) ?? [];
      void this.connection.sendDiagnostics({ uri: buffer.uri, version: buffer.version, diagnostics: findings.map((finding) => toDiagnostic(finding, registry, related)) });
    }
  }
}

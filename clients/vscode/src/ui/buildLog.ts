import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { BuildReport, BuildStartedNotification, DiagnosticReport, ExplainResult } from '../protocol';

/** The build lines in the packd LogOutputChannel: one line per build, one per diagnostic, in compiler format. */
export class BuildLog {
  public constructor(private readonly channel: vscode.LogOutputChannel) {}

  public started(notification: BuildStartedNotification): void {
    const files = notification.changedFiles === 1 ? '1 changed file' : `${notification.changedFiles} changed files`;
    this.channel.info(`${notification.root}: building generation ${notification.generation} (${notification.trigger}, ${files})`);
  }

  public finished(report: BuildReport): void {
    const artifacts = report.artifacts.map(a => `${path.basename(a.path)} (${a.entries} entries, ${a.size} bytes${a.rewritten ? '' : ', unchanged'})`);
    const outcome = report.succeeded ? 'built' : 'FAILED';
    const mode = report.mode === 'native' ? '' : ` [${report.mode}]`;
    const line = `${report.root}: ${outcome} generation ${report.generation} in ${report.timings.totalMs} ms${mode}` +
      (report.upToDate ? ', up to date' : `, ${report.changedEntries.length} entries rebuilt`) +
      (artifacts.length > 0 ? `: ${artifacts.join(', ')}` : '');
    if (report.succeeded) {
      this.channel.info(line);
    } else {
      this.channel.error(line);
    }
    this.diagnostics(report.diagnostics);
  }

  public diagnostics(reports: readonly DiagnosticReport[]): void {
    for (const report of reports) {
      const text = formatDiagnostic(report);
      switch (report.severity) {
        case 'error': this.channel.error(text); break;
        case 'warning': this.channel.warn(text); break;
        case 'info': this.channel.info(text); break;
      }
    }
  }

  public explained(result: ExplainResult): void {
    this.channel.info(describeExplain(result));
  }

  public info(message: string): void {
    this.channel.info(message);
  }

  public error(message: string): void {
    this.channel.error(message);
  }
}

/** `file:line:column: severity CODE: message Fix: …`, the format terminals and problem matchers understand. */
export function formatDiagnostic(report: DiagnosticReport): string {
  const where = report.file ? `${report.file}${report.line > 0 ? `:${report.line}${report.column > 0 ? `:${report.column}` : ''}` : ''}: ` : '';
  return `${where}${report.severity} ${report.code}: ${report.message}${report.fix ? ` Fix: ${report.fix}` : ''}`;
}

/** One sentence per artifact: in or out, under which archive path, and the rule that decided. */
export function describeExplain(result: ExplainResult): string {
  if (!result.wheel && !result.sdist) {
    const why = result.diagnostics.map(formatDiagnostic).join('; ');
    return `${result.path}: the project could not be loaded${why ? `: ${why}` : ''}`;
  }
  const part = (name: string, decision: ExplainResult['wheel']): string => {
    if (!decision) {
      return `${name}: unknown`;
    }
    return decision.included
      ? `in the ${name} as ${decision.archivePath ?? result.path} (${decision.rule})`
      : `not in the ${name} (${decision.rule})`;
  };
  return `${result.path}: ${part('wheel', result.wheel)}; ${part('sdist', result.sdist)}`;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { DiagnosticReport } from '../protocol';
import { diagnosticRange } from './diagnosticRange';
import type { VscodeApi } from './vscodeApi';

/** Reads a file's lines for ranges; injectable so tests need no files. Undefined when unreadable. */
export type LineReader = (file: string) => readonly string[] | undefined;

export const readLinesFromDisk: LineReader = file => {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
};

/**
 * Puts the daemon's diagnostics in the Problems panel. Each `diagnostics/changed` carries the complete set for a
 * project, so the project's previous files are cleared before the new set is shown. A diagnostic without a file is
 * about the project as a whole and is shown on its pyproject.toml.
 */
export class DiagnosticsPresenter implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly filesByRoot = new Map<string, vscode.Uri[]>();

  public constructor(private readonly api: VscodeApi, private readonly readLines: LineReader = readLinesFromDisk) {
    this.collection = api.languages.createDiagnosticCollection('packd');
  }

  public replace(root: string, reports: readonly DiagnosticReport[]): void {
    for (const uri of this.filesByRoot.get(root) ?? []) {
      this.collection.delete(uri);
    }
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const report of reports) {
      const file = path.join(root, report.file ?? 'pyproject.toml');
      const list = byFile.get(file) ?? [];
      list.push(this.toDiagnostic(file, report));
      byFile.set(file, list);
    }
    const uris: vscode.Uri[] = [];
    for (const [file, diagnostics] of byFile) {
      const uri = this.api.Uri.file(file);
      this.collection.set(uri, diagnostics);
      uris.push(uri);
    }
    this.filesByRoot.set(root, uris);
  }

  public clear(root: string): void {
    this.replace(root, []);
    this.filesByRoot.delete(root);
  }

  public dispose(): void {
    this.collection.dispose();
  }

  private toDiagnostic(file: string, report: DiagnosticReport): vscode.Diagnostic {
    const lines = this.readLines(file);
    const r = diagnosticRange(report, line => lines?.[line]);
    const range = new this.api.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);
    const message = report.fix ? `${report.message}\nFix: ${report.fix}` : report.message;
    const diagnostic = new this.api.Diagnostic(range, message, this.severity(report.severity));
    diagnostic.source = 'packd';
    diagnostic.code = report.code;
    return diagnostic;
  }

  private severity(severity: DiagnosticReport['severity']): vscode.DiagnosticSeverity {
    switch (severity) {
      case 'error':
        return this.api.DiagnosticSeverity.Error;
      case 'warning':
        return this.api.DiagnosticSeverity.Warning;
      case 'info':
        return this.api.DiagnosticSeverity.Information;
    }
  }
}

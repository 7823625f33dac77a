import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiagnosticReport } from '../protocol';
import { diagnosticRange } from '../ui/diagnosticRange';
import { DiagnosticsPresenter } from '../ui/diagnosticsPresenter';
import { type Diagnostic, DiagnosticSeverity, FakeVscode } from './support/fakeVscode';

const lines = (...text: string[]) => (line: number) => text[line];

describe('diagnostic ranges', () => {
  it('spans the token at a known line and column', () => {
    const requirement = lines('flask>=2.0', 'requests ==2..1  # pinned');
    assert.deepEqual(diagnosticRange({ line: 2, column: 10 }, requirement),
      { startLine: 1, startCharacter: 9, endLine: 1, endCharacter: 15 });
  });

  it('marks the last character when the column is past the end of the line (a missing TOML bracket)', () => {
    assert.deepEqual(diagnosticRange({ line: 1, column: 9 }, lines('[project', 'name = "x"')),
      { startLine: 0, startCharacter: 7, endLine: 0, endCharacter: 8 });
  });

  it('spans the line without its indentation when the column is unknown', () => {
    assert.deepEqual(diagnosticRange({ line: 2, column: 0 }, lines('a', '    secret = "x"  ')),
      { startLine: 1, startCharacter: 4, endLine: 1, endCharacter: 16 });
  });

  it('uses the start of the file when the line is unknown, and one character when the file is unreadable', () => {
    assert.deepEqual(diagnosticRange({ line: 0, column: 0 }, lines('x')), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 });
    assert.deepEqual(diagnosticRange({ line: 3, column: 5 }, () => undefined), { startLine: 2, startCharacter: 4, endLine: 2, endCharacter: 5 });
  });
});

describe('the Problems panel', () => {
  const files: Record<string, string[]> = {
    '/w/p/pyproject.toml': ['[project', 'name = "p"'],
    '/w/p/requirements.txt': ['flask', 'requests ==2..1'],
  };
  const report = (r: Partial<DiagnosticReport>): DiagnosticReport =>
    ({ code: 'PD1002', severity: 'error', message: 'bad', line: 0, column: 0, ...r });

  it('maps the daemon diagnostics to vscode diagnostics with exact ranges, severities and codes', () => {
    const fake = new FakeVscode();
    const presenter = new DiagnosticsPresenter(fake.api, file => files[file]);
    presenter.replace('/w/p', [
      report({ file: 'pyproject.toml', line: 1, column: 9, message: 'not valid TOML', fix: 'Fix the TOML syntax' }),
      report({ code: 'PD2001', severity: 'warning', file: 'requirements.txt', line: 2, column: 10, message: 'bad specifier' }),
      report({ code: 'PD3001', severity: 'info', message: 'about the whole project' }),
    ]);
    const toml = fake.problems.byFile.get('/w/p/pyproject.toml') ?? [];
    assert.equal(toml.length, 2, 'a diagnostic without a file goes on pyproject.toml');
    const [first, whole] = toml as [Diagnostic, Diagnostic];
    assert.deepEqual([first.range.start.line, first.range.start.character, first.range.end.line, first.range.end.character], [0, 7, 0, 8]);
    assert.equal(first.severity, DiagnosticSeverity.Error);
    assert.equal(first.code, 'PD1002');
    assert.equal(first.source, 'packd');
    assert.equal(first.message, 'not valid TOML\nFix: Fix the TOML syntax');
    assert.equal(whole.severity, DiagnosticSeverity.Information);
    const [requirement] = fake.problems.byFile.get('/w/p/requirements.txt') ?? [];
    assert.ok(requirement);
    assert.deepEqual([requirement.range.start.character, requirement.range.end.character], [9, 15]);
    assert.equal(requirement.severity, DiagnosticSeverity.Warning);
  });

  it('replaces the whole set of a project, clearing files that no longer have diagnostics', () => {
    const fake = new FakeVscode();
    const presenter = new DiagnosticsPresenter(fake.api, file => files[file]);
    presenter.replace('/w/p', [report({ file: 'requirements.txt', line: 1, column: 1 })]);
    presenter.replace('/w/other', [report({ file: 'pyproject.toml', line: 1, column: 1 })]);
    presenter.replace('/w/p', [report({ file: 'pyproject.toml', line: 1, column: 1 })]);
    assert.deepEqual([...fake.problems.byFile.keys()].sort(), ['/w/other/pyproject.toml', '/w/p/pyproject.toml']);
    presenter.replace('/w/p', []);
    assert.deepEqual([...fake.problems.byFile.keys()], ['/w/other/pyproject.toml']);
  });
});

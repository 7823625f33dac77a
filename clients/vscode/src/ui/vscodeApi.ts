import type * as vscode from 'vscode';

/**
 * The `vscode` module, passed in rather than imported: only extension.ts imports it, so every other part of the
 * VS Code layer runs under node's test runner against a hand-written fake (src/test/support/fakeVscode.ts).
 */
export type VscodeApi = typeof vscode;

import * as vscode from 'vscode';
import { wireExtension } from './ui/extensionWiring';

/** Only wires things: every part and disposable is created in wireExtension and owned by context.subscriptions. */
export function activate(context: vscode.ExtensionContext): void {
  wireExtension(vscode, context);
}

/** Nothing to do: VS Code disposes context.subscriptions, which closes the daemon connection. */
export function deactivate(): void {
  // Intentionally empty.
}

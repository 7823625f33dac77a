import type * as vscode from 'vscode';
import type { BuildStatusModel, StatusSummary } from './buildStatusModel';
import type { VscodeApi } from './vscodeApi';

export const SHOW_DETAILS_COMMAND = 'packd.showDetails';

/** Renders the model's summary in one status bar item; a click runs the details command. */
export class StatusBarPresenter implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  public constructor(private readonly api: VscodeApi, private readonly model: BuildStatusModel) {
    this.item = api.window.createStatusBarItem('packd.status', api.StatusBarAlignment.Left, 10);
    this.item.name = 'packd';
    this.item.command = SHOW_DETAILS_COMMAND;
  }

  public render(): void {
    const summary = this.model.summary();
    if (summary.state === 'no-project') {
      this.item.hide();
      return;
    }
    const { text, tooltip, error } = describeSummary(summary);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = error ? new this.api.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  public dispose(): void {
    this.item.dispose();
  }
}

/** The text and tooltip for a summary; codicons in `$(…)`. */
export function describeSummary(summary: StatusSummary): { text: string; tooltip: string; error: boolean } {
  const project = summary.project;
  const wheel = project?.wheelName ? ` · ${project.wheelName}` : '';
  const ms = project?.lastBuildMs !== undefined ? ` ${project.lastBuildMs} ms` : '';
  const where = project ? `\n${project.root}` : '';
  switch (summary.state) {
    case 'no-project':
      return { text: '', tooltip: '', error: false };
    case 'disconnected':
      return {
        text: '$(debug-disconnect) packd',
        tooltip: `packd: not connected to the daemon${summary.reason ? `: ${summary.reason}` : ''}`,
        error: summary.reason !== undefined,
      };
    case 'stopped':
      return { text: '$(circle-slash) packd stopped', tooltip: 'packd: the daemon was stopped. Build Now or Restart Daemon starts it.', error: false };
    case 'settling':
      return { text: `$(clock) packd settling${wheel}`, tooltip: `packd: waiting for the files to settle${where}`, error: false };
    case 'building':
      return { text: `$(sync~spin) packd building${wheel}`, tooltip: `packd: building${where}`, error: false };
    case 'failed': {
      const errors = project ? `${project.errors} error${project.errors === 1 ? '' : 's'}` : 'errors';
      return { text: `$(error) packd failed (${errors})${ms ? ` ·${ms}` : ''}`, tooltip: `packd: the last build failed; see the Problems panel${where}`, error: true };
    }
    case 'idle':
      return { text: `$(package) packd${ms}${wheel}`, tooltip: `packd: built${ms ? ` in${ms}` : ''}${where}`, error: false };
  }
}

import type { VscodeApi } from '../../ui/vscodeApi';

/**
 * A small hand-written fake of the parts of the `vscode` module the extension uses: enough to observe the status bar,
 * the Problems panel, the log, messages and commands. Only what the VS Code layer touches is modelled.
 */
type Handler = (...args: unknown[]) => unknown;

class FakeEvent<T> {
  private listeners: ((value: T) => void)[] = [];
  public readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
  };
  public fire(value: T): void { this.listeners.forEach(l => { l(value); }); }
  public get count(): number { return this.listeners.length; }
}

export class Position {
  public constructor(public readonly line: number, public readonly character: number) {}
}

export class Range {
  public readonly start: Position;
  public readonly end: Position;
  public constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export class Diagnostic {
  public source: string | undefined;
  public code: string | number | undefined;
  public constructor(public readonly range: Range, public readonly message: string, public readonly severity: number) {}
}

export class ThemeColor {
  public constructor(public readonly id: string) {}
}

export class FakeUri {
  private constructor(public readonly fsPath: string, public readonly scheme: string) {}
  public static file(fsPath: string): FakeUri { return new FakeUri(fsPath, 'file'); }
  public toString(): string { return `${this.scheme}://${this.fsPath}`; }
}

export class FakeStatusBarItem {
  public text = '';
  public tooltip: unknown = '';
  public command: unknown;
  public name: string | undefined;
  public backgroundColor: ThemeColor | undefined;
  public visible = false;
  public disposed = false;
  public constructor(public readonly id: string) {}
  public show(): void { this.visible = true; }
  public hide(): void { this.visible = false; }
  public dispose(): void { this.disposed = true; this.visible = false; }
}

export class FakeLogChannel {
  public readonly lines: { level: string; message: string }[] = [];
  public shown = false;
  public disposed = false;
  public constructor(public readonly name: string, public readonly options: unknown) {}
  public info(message: string): void { this.lines.push({ level: 'info', message }); }
  public warn(message: string): void { this.lines.push({ level: 'warn', message }); }
  public error(message: string): void { this.lines.push({ level: 'error', message }); }
  public debug(message: string): void { this.lines.push({ level: 'debug', message }); }
  public trace(message: string): void { this.lines.push({ level: 'trace', message }); }
  public show(): void { this.shown = true; }
  public dispose(): void { this.disposed = true; }
}

export class FakeDiagnosticCollection {
  public readonly byFile = new Map<string, Diagnostic[]>();
  public disposed = false;
  public constructor(public readonly name: string) {}
  public set(uri: FakeUri, diagnostics: Diagnostic[]): void { this.byFile.set(uri.fsPath, diagnostics); }
  public delete(uri: FakeUri): void { this.byFile.delete(uri.fsPath); }
  public get(uri: FakeUri): Diagnostic[] | undefined { return this.byFile.get(uri.fsPath); }
  public dispose(): void { this.disposed = true; this.byFile.clear(); }
}

/** The fake plus handles for the test to drive and observe it. */
export class FakeVscode {
  public readonly statusBarItems: FakeStatusBarItem[] = [];
  public readonly channels: FakeLogChannel[] = [];
  public readonly collections: FakeDiagnosticCollection[] = [];
  public readonly commandHandlers = new Map<string, Handler>();
  public readonly executed: { id: string; args: unknown[] }[] = [];
  public readonly messages: { kind: 'info' | 'warning' | 'error'; text: string }[] = [];
  public readonly quickPicks: { items: unknown[]; options: unknown }[] = [];
  public readonly settings = new Map<string, unknown>();
  public readonly folderChanges = new FakeEvent<unknown>();
  public readonly saves = new FakeEvent<{ uri: FakeUri }>();
  public activeFile: string | undefined;
  public folders: string[] = [];

  public get api(): VscodeApi {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below belong to the api object, not to the fake.
    const fake = this;
    const api = {
      Range, Position, Diagnostic, DiagnosticSeverity, ThemeColor, Uri: FakeUri,
      StatusBarAlignment: { Left: 1, Right: 2 },
      window: {
        createStatusBarItem: (id: string) => { const item = new FakeStatusBarItem(id); fake.statusBarItems.push(item); return item; },
        createOutputChannel: (name: string, options: unknown) => { const channel = new FakeLogChannel(name, options); fake.channels.push(channel); return channel; },
        showQuickPick: (items: unknown[], options: unknown) => { fake.quickPicks.push({ items, options }); return Promise.resolve(items[0]); },
        showInformationMessage: (text: string) => { fake.messages.push({ kind: 'info', text }); return Promise.resolve(undefined); },
        showWarningMessage: (text: string) => { fake.messages.push({ kind: 'warning', text }); return Promise.resolve(undefined); },
        showErrorMessage: (text: string) => { fake.messages.push({ kind: 'error', text }); return Promise.resolve(undefined); },
        get activeTextEditor() {
          return fake.activeFile === undefined ? undefined : { document: { uri: FakeUri.file(fake.activeFile) } };
        },
      },
      languages: {
        createDiagnosticCollection: (name: string) => { const c = new FakeDiagnosticCollection(name); fake.collections.push(c); return c; },
      },
      commands: {
        registerCommand: (id: string, handler: Handler) => {
          if (fake.commandHandlers.has(id)) {
            throw new Error(`command '${id}' already exists`);
          }
          fake.commandHandlers.set(id, handler);
          return { dispose: () => { fake.commandHandlers.delete(id); } };
        },
        executeCommand: (id: string, ...args: unknown[]) => {
          fake.executed.push({ id, args });
          return Promise.resolve(fake.commandHandlers.get(id)?.(...args));
        },
      },
      workspace: {
        get workspaceFolders() { return fake.folders.map((folder, index) => ({ uri: FakeUri.file(folder), name: folder, index })); },
        getConfiguration: (section: string) => ({
          get: <T>(key: string, fallback: T): T => (fake.settings.has(`${section}.${key}`) ? fake.settings.get(`${section}.${key}`) as T : fallback),
        }),
        onDidChangeWorkspaceFolders: fake.folderChanges.event,
        onDidSaveTextDocument: fake.saves.event,
      },
    };
    return api as unknown as VscodeApi;
  }

  /** Runs a registered command as VS Code would. */
  public run(id: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.commandHandlers.get(id);
    if (!handler) {
      return Promise.reject(new Error(`command '${id}' is not registered`));
    }
    return Promise.resolve(handler(...args));
  }

  public get statusBar(): FakeStatusBarItem {
    const item = this.statusBarItems[0];
    if (!item) {
      throw new Error('no status bar item was created');
    }
    return item;
  }

  public get problems(): FakeDiagnosticCollection {
    const collection = this.collections[0];
    if (!collection) {
      throw new Error('no diagnostic collection was created');
    }
    return collection;
  }

  public get log(): FakeLogChannel {
    const channel = this.channels[0];
    if (!channel) {
      throw new Error('no output channel was created');
    }
    return channel;
  }
}

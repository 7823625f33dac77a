/** Something that can be undone; the same shape as vscode.Disposable, so the VS Code layer can hold these. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

/**
 * A minimal typed event source. The connection layer must not import `vscode`, so it cannot use vscode.EventEmitter;
 * the `event` function it exposes has the same shape, so VS Code code subscribes to it the same way.
 */
export class Emitter<T> implements Disposable {
  private listeners: Listener<T>[] = [];

  public readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
  };

  public fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  public dispose(): void {
    this.listeners = [];
  }
}

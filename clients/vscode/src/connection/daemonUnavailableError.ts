/** The daemon could not be found, trusted or started; the message names the file or the fix. */
export class DaemonUnavailableError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'DaemonUnavailableError';
  }
}

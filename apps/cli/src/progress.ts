/**
 * "spacelint: 7/20 Spaces" on stderr while a several-Space run goes on, only on a terminal and only once
 * the run has taken longer than a second (a fast run prints nothing extra). Cleared before the report.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private done = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    delayMs = Number(process.env.SPACELINT_PROGRESS_AFTER_MS ?? 1000),
  ) {
    if (!stream.isTTY || process.env.TERM === 'dumb') return;
    this.timer = setTimeout(() => {
      this.shown = true;
      this.render();
    }, delayMs);
    this.timer.unref();
  }

  update(done: number): void {
    this.done = done;
    if (this.shown) this.render();
  }

  stop(): void {
    clearTimeout(this.timer);
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }

  private render(): void {
    this.stream.write(`\r\u001b[2Kspacelint: ${this.done}/${this.total} Spaces linted`);
  }
}

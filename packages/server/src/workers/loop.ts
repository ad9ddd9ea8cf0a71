/**
 * A background loop: runs `round` again and again until stopped, napping `pollMs` after a round that
 * found nothing to do. `wake()` ends a nap early; `stop()` resolves once the current round is over.
 */
export class BackgroundLoop {
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private endNap: (() => void) | undefined;

  constructor(
    /** One round of work; true when there may be more right away. */
    private readonly round: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.done;
  }

  wake(): void {
    this.endNap?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        busy = await this.round();
      } catch (error) {
        this.onError(error);
      }
      if (!busy && this.running) await this.nap();
    }
  }

  private nap(): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endNap = undefined;
        resolve();
      };
      const timer = setTimeout(end, this.pollMs);
      this.endNap = end;
    });
  }
}

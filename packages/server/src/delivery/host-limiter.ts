/** At most `perHost` requests in flight to any one host, so one slow receiver cannot starve the others. */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await work();
    } finally {
      this.release(host);
    }
  }

  private acquire(host: string): Promise<void> {
    const count = this.active.get(host) ?? 0;
    if (count < this.perHost) {
      this.active.set(host, count + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) return next(); // the slot passes straight to the next waiter
    if (this.waiting.get(host)?.length === 0) this.waiting.delete(host);
    const count = (this.active.get(host) ?? 1) - 1;
    if (count === 0) this.active.delete(host);
    else this.active.set(host, count);
  }
}

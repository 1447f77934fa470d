// A counting semaphore: bounds how many compilers run at once.
export class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private available: number) {}

  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.available > 0) this.available--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.available++;
    }
  }
}

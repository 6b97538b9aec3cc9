import argon2 from "argon2";

type Options = Parameters<typeof argon2.hash>[1];

/**
 * A FIFO gate: at most `limit` tasks run at once, the rest wait their turn. argon2 runs on
 * libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which /token's
 * signatures use too: a flood of wrong secrets must not queue every token behind it.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Tasks running and waiting now (for /metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer cannot take it first.
      if (next === undefined) this.running -= 1;
      else next();
    }
  }
}

const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const gate = new Gate(Math.max(1, poolSize - 2));

/** argon2 hashes running and waiting for a slot, process-wide. */
export function hashingNow(): { running: number; waiting: number } {
  return gate.load;
}

export function hashArgon2(text: string, options: Options): Promise<string> {
  return gate.run(() => argon2.hash(text, options));
}

/** False for a malformed hash as for a wrong text: callers need only yes or no. */
export async function verifyArgon2(hash: string, text: string): Promise<boolean> {
  try {
    return await gate.run(() => argon2.verify(hash, text));
  } catch {
    return false;
  }
}

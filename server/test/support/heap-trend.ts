export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Theil–Sen slope of y over x: the median of the slopes between all pairs, so one outlier cannot tilt it. */
export function robustSlope(points: { x: number; y: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      if (points[j].x !== points[i].x) slopes.push((points[j].y - points[i].y) / (points[j].x - points[i].x));
    }
  }
  return median(slopes);
}

/**
 * Lets load workers be held between steps: `quiet()` stops new steps, resolves once none is in
 * flight, and returns the function that lets them go on.
 */
export class StepGate {
  private held: Promise<void> | null = null;
  private inFlight = 0;
  private drained: (() => void) | null = null;

  async step<T>(run: () => Promise<T>): Promise<T> {
    while (this.held !== null) await this.held;
    this.inFlight += 1;
    try {
      return await run();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  async quiet(): Promise<() => void> {
    let release = () => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    this.drained = null;
    return () => {
      this.held = null;
      release();
    };
  }
}

import type { MessageKey } from "../../lib/i18n";

const UNITS: { seconds: number; one: MessageKey; many: MessageKey }[] = [
  { seconds: 86_400, one: "duration.day", many: "duration.days" },
  { seconds: 3600, one: "duration.hour", many: "duration.hours" },
  { seconds: 60, one: "duration.minute", many: "duration.minutes" },
  { seconds: 1, one: "duration.second", many: "duration.seconds" },
];

/** "1 hour", "90 minutes", "2 days": the largest unit that divides the time exactly. */
export function formatDuration(seconds: number, t: (key: MessageKey, values?: Record<string, number>) => string): string {
  const unit = UNITS.find((candidate) => seconds % candidate.seconds === 0 && seconds >= candidate.seconds) ?? UNITS[UNITS.length - 1];
  const count = seconds / unit.seconds;
  return t(count === 1 ? unit.one : unit.many, { count });
}

// The app's "today" comes from the core's one clock (which BRIDGEPLAN_TODAY can fix), so the
// UI, the core and the reports always agree on what is overdue, due today or in the past.

let coreDay: { year: number; month: number; day: number } | null = null;

/** Sets the day the core calls today (YYYY-MM-DD); `null` goes back to the system date. */
export function setToday(iso: string | null) {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  coreDay = m ? { year: +m[1], month: +m[2] - 1, day: +m[3] } : null;
}

/** Now: on the core's day, at the local time of day. */
export function now(): Date {
  const real = new Date();
  if (!coreDay) return real;
  const { year, month, day } = coreDay;
  return new Date(year, month, day, real.getHours(), real.getMinutes(), real.getSeconds(), real.getMilliseconds());
}

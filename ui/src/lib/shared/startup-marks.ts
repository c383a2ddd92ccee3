// When the UI's script started and when its first IPC call was answered (unix ms), and each
// call made until the first view is painted, for the start-up benchmark. main.ts imports this
// first, so it is the first module to run.
export const startupMarks: { scriptStart: number; firstIpc: number | null; calls: string[] | null } = {
  scriptStart: Date.now(),
  firstIpc: null,
  calls: [],
};

/** Notes a call's span ("name sent_ms took_ms", since the page's time origin) until painted. */
export function noteStartupCall(cmd: string, sent: number) {
  startupMarks.calls?.push(`${cmd} ${sent.toFixed(1)} ${(performance.now() - sent).toFixed(1)}`);
}

/** The calls noted so far, with the page's own marks; noting stops here. */
export function takeStartupCalls(): string[] {
  const marks = performance.getEntriesByType('mark').map((m) => `mark:${m.name} ${m.startTime.toFixed(1)} 0`);
  const calls = startupMarks.calls ?? [];
  startupMarks.calls = null;
  return [...calls, ...marks];
}

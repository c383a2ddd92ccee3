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

const span = (name: string, start: number, duration: number) => `${name} ${start.toFixed(1)} ${duration.toFixed(1)}`;

/** The calls noted so far, with the page's own marks, the files it loaded and when its
 * document was parsed; noting stops here. */
export function takeStartupCalls(): string[] {
  const marks = performance.getEntriesByType('mark').map((m) => span(`mark:${m.name}`, m.startTime, 0));
  const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) =>
    span(`file:${r.name.split('/').pop()}`, r.startTime, r.duration),
  );
  const page = (performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]).flatMap((n) => [
    span('page:response', n.responseStart, n.responseEnd - n.responseStart),
    span('page:dom_interactive', n.domInteractive, 0),
    span(
      'page:dom_content_loaded',
      n.domContentLoadedEventStart,
      n.domContentLoadedEventEnd - n.domContentLoadedEventStart,
    ),
  ]);
  const calls = startupMarks.calls ?? [];
  startupMarks.calls = null;
  return [...page, ...files, ...calls, ...marks];
}

// The start-up benchmark's probes (see src-tauri/commands/bench.rs); unheard outside `make bench`.
import { call } from './index';

/**
 * The first view is in the DOM and painted; with the moments the script started and the first
 * IPC call was answered, and the page's timeline ("name start duration", ms since the page's
 * time origin). Answers whether the benchmark wants edits timed next.
 */
export const reportBoardPainted = (scriptStartMs: number, firstIpcMs: number | null, pageEntries: string[]) =>
  call<boolean>('report_board_painted', {
    script_start_ms: scriptStartMs,
    first_ipc_ms: firstIpcMs,
    page_entries: pageEntries,
  });
/** The timed edits, each from the key to the repainted chart (ms). */
export const reportBenchEdits = (editMs: number[]) => call<null>('report_bench_edits', { edit_ms: editMs });

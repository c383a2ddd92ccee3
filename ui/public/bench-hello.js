// The start-up benchmark's hello-world: one line of text, one IPC call, and its first paint
// reported as the app's first view reports its own (lib/shared/paint-probe.ts).
const scriptStart = Date.now();
const { invoke } = window.__TAURI_INTERNALS__;
invoke('recent_list').then(() => {
  const firstIpc = Date.now();
  document.getElementById('hello').textContent = 'Hello from Bridgeplan';
  requestAnimationFrame(() =>
    setTimeout(() => invoke('report_board_painted', { script_start_ms: scriptStart, first_ipc_ms: firstIpc }), 0),
  );
});

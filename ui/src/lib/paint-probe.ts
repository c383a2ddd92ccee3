// The start-up benchmark's probe: once the first view of a workspace (board or timeline) is
// in the DOM and painted, the backend is told; it only listens when measuring.
import { tick } from 'svelte';
import * as api from './api';

export async function reportPainted() {
  await tick();
  requestAnimationFrame(() => setTimeout(() => void api.reportBoardPainted().catch(() => undefined), 0));
}

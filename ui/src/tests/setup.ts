// Runs before every test file: a clean DOM, no IPC mock and fresh app state after each test.
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { resetAppState } from './helpers';
import { setToday } from '../lib/shared/clock';

// No UI test reads the real date: the fake backend's today is this one, as the core's would be.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
export const TEST_TODAY = env?.BRIDGEPLAN_TODAY || '2026-12-01';
setToday(TEST_TODAY);

// Most screens load their own script when first shown (lib/shared/Lazy.svelte); the first
// such load in a test file goes through the test server's transform and can take a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  setToday(TEST_TODAY);
  cleanup();
  clearMocks();
  resetAppState();
  localStorage.clear();
});

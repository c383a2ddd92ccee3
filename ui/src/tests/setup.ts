// Runs before every test file: a clean DOM, no IPC mock and fresh app state after each test.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { resetAppState } from './helpers';

afterEach(() => {
  cleanup();
  clearMocks();
  resetAppState();
  localStorage.clear();
});

import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// One config for the dev server, the build (→ dist/, loaded by the Tauri window) and Vitest.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  // Svelte 5 must resolve its browser build under Vitest; the app build keeps Vite's defaults.
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/tests/setup.ts'],
  },
}));

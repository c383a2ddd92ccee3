// One typed function per backend command. Argument names are the Rust parameter names
// (snake_case) exactly. A rejected call carries a CommandError {code, message}: branch on
// `code`, show `message` as it is (it is written for the user). The wrappers live in one module
// per area (./work.ts, ./plan.ts, ...), re-exported here so `import * as api` sees them all.
import { invoke } from '@tauri-apps/api/core';
import type { CommandError } from '../bindings/CommandError';
import type { ErrorCode } from '../bindings/ErrorCode';
import { noteStartupCall } from '../shared/startup-marks';

const ERROR_CODES: readonly ErrorCode[] = [
  'not_a_workspace',
  'damaged',
  'newer_version',
  'read_only',
  'locked',
  'not_found',
  'invalid_input',
  'duplicate',
  'no_workspace',
  'path_not_chosen',
  'io',
  'internal',
];

/** Turns whatever a failed call rejected with into a CommandError the UI can show. */
export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    if (ERROR_CODES.includes(code as ErrorCode) && typeof message === 'string') {
      return { code: code as ErrorCode, message };
    }
  }
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong.';
  return { code: 'internal', message };
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  const sent = performance.now();
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toCommandError(e);
  } finally {
    noteStartupCall(cmd, sent);
  }
}

export * from './workspace';
export * from './work';
export * from './plan';
export * from './agile';
export * from './people';
export * from './skills';
export * from './reports';
export * from './time';
export * from './budget';
export * from './lifecycle';
export * from './resources';
export * from './scope';
export * from './search';
export * from './lessons';
export * from './myday';
export * from './health';
export * from './raid';
export * from './stakeholders';
export * from './meetings';
export * from './operations';
export * from './backups';
export * from './interchange-csv';
export * from './interchange';
export * from './paths';
export * from './bench';

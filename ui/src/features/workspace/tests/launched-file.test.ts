import { afterEach, describe, expect, it } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { listenForLaunchedFiles, OPEN_FILE_EVENT } from '../launched-file';

afterEach(() => clearMocks());

describe('a second launch on a file', () => {
  it('opens the file it named here, until the listener stops', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const opened: string[] = [];
    const stop = await listenForLaunchedFiles((path) => opened.push(path));
    await emit(OPEN_FILE_EVENT, '/home/dana/plans/Q3.bridgeplan');
    expect(opened).toEqual(['/home/dana/plans/Q3.bridgeplan']);
    stop();
    await emit(OPEN_FILE_EVENT, '/home/dana/plans/other.bridgeplan');
    expect(opened).toHaveLength(1);
  });
});

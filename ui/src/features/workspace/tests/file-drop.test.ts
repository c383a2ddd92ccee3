import { describe, expect, it } from 'vitest';
import { workspaceFromDrop } from '../file-drop';

describe('dropping files on the window', () => {
  it('picks the first workspace file, whatever the case of its extension', () => {
    expect(
      workspaceFromDrop([
        '/home/dana/plans/notes.txt',
        '/home/dana/plans/Plan.BRIDGEPLAN',
        '/home/dana/plans/b.bridgeplan',
      ]),
    ).toBe('/home/dana/plans/Plan.BRIDGEPLAN');
  });

  it('finds nothing among other files', () => {
    expect(workspaceFromDrop(['/home/dana/plans/report.pdf'])).toBeNull();
    expect(workspaceFromDrop([])).toBeNull();
  });
});

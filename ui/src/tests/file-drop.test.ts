import { describe, expect, it } from 'vitest';
import { workspaceFromDrop } from '../lib/file-drop';

describe('dropping files on the window', () => {
  it('picks the first workspace file, whatever the case of its extension', () => {
    expect(workspaceFromDrop(['/tmp/notes.txt', '/tmp/Plan.BRIDGEPLAN', '/tmp/b.bridgeplan'])).toBe(
      '/tmp/Plan.BRIDGEPLAN',
    );
  });

  it('finds nothing among other files', () => {
    expect(workspaceFromDrop(['/tmp/report.pdf'])).toBeNull();
    expect(workspaceFromDrop([])).toBeNull();
  });
});

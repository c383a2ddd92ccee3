import { describe, expect, test } from 'vitest';
import { addItem, moveItem, removeItem, replaceItem, replaceStatus } from '../board-ops';
import { OVERSCAN, slotAt, visibleRange } from '../../../lib/shared/geometry';
import { standardBackend } from '../../../tests/fake-backend';

const titles = (board: ReturnType<typeof make>['board'], status: string) =>
  board.columns.find((c) => c.status.name === status)!.items.map((i) => i.title);

function make() {
  const fake = standardBackend();
  return { fake, board: fake.board(fake.projects[0].id) };
}

describe('board-ops', () => {
  test('moveItem counts the index after the item left its place, within and across columns', () => {
    const { fake, board } = make();
    const ssh = fake.item('Harden SSH config').id;
    const down = moveItem(board, ssh, fake.status('In progress').id, 2);
    expect(titles(down, 'In progress')).toEqual(['Review firewall rules', 'Audit S3 buckets', 'Harden SSH config']);
    expect(titles(board, 'In progress')[0]).toBe('Harden SSH config'); // the old board is untouched

    const across = moveItem(board, ssh, fake.status('Review').id, 5);
    expect(titles(across, 'Review')).toEqual(['Harden SSH config']);
    expect(across.columns.find((c) => c.status.name === 'In progress')!.over_limit).toBe(false);
    expect(across.columns.find((c) => c.status.name === 'Review')!.items[0].status_id).toBe(fake.status('Review').id);
  });

  test('add, replace and remove keep the WIP flag right', () => {
    const { fake, board } = make();
    const [extra] = fake.addItems('Review', ['One', 'Two', 'Three']);
    let b = addItem(board, { ...extra });
    expect(b.columns.find((c) => c.status.name === 'Review')!.over_limit).toBe(false);
    b = replaceStatus(b, { ...fake.status('Review'), wip_limit: 0 });
    expect(b.columns.find((c) => c.status.name === 'Review')!.over_limit).toBe(true);
    b = removeItem(b, extra.id);
    expect(b.columns.find((c) => c.status.name === 'Review')!.over_limit).toBe(false);
  });

  test('replaceItem with keepPlace never moves the card', () => {
    const { fake, board } = make();
    const vpn = fake.item('Patch VPN gateway');
    const moved = moveItem(board, vpn.id, fake.status('Done').id, 0);
    const stale = { ...vpn, title: 'Patch VPN gateway now' }; // still says "Ready"
    const b = replaceItem(moved, stale, { keepPlace: true });
    expect(titles(b, 'Done')[0]).toBe('Patch VPN gateway now');
    expect(titles(b, 'Ready')).toEqual([]);
  });

  test('virtual range and drop slots follow the fixed card geometry', () => {
    // 920 px show 10 rows of 92 px; the overscan rows are rendered beyond them.
    expect(visibleRange(5000, 0, 920)).toEqual([0, 10 + OVERSCAN]);
    const [start, end] = visibleRange(5000, 92 * 1000, 920);
    expect(start).toBeLessThanOrEqual(1000);
    expect(end - start).toBeLessThan(30);
    expect(visibleRange(3, 0, 920)).toEqual([0, 3]);
    expect(slotAt(0, 10)).toBe(0);
    expect(slotAt(8 + 92 * 3 + 30, 10)).toBe(3);
    expect(slotAt(8 + 92 * 3 + 60, 10)).toBe(4);
    expect(slotAt(99999, 10)).toBe(10);
  });
});

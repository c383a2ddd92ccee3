import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';
import { todayIso } from '../../../lib/shared/format';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('flow view', () => {
  test('Kanban projects have a Flow tab that asks for the last 60 days', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    expect(screen.queryByTestId('view-sprints')).toBeNull();
    await fireEvent.click(screen.getByTestId('view-flow'));
    await screen.findByTestId('flow-view');
    const call = await waitFor(() => fake.callsOf('flow_cumulative')[0]);
    expect(call.project_id).toBe(fake.projects[0].id);
    expect(call.to).toBe(todayIso());
    const days = (Date.parse(call.to as string) - Date.parse(call.from as string)) / 86_400_000;
    expect(days).toBe(59);
  });

  test('the diagram has one band per column, done at the bottom, a legend, and the averages', async () => {
    const fake = standardBackend();
    const ids = ['Backlog', 'Ready', 'In progress', 'Review', 'Done'].map((n) => fake.status(n));
    fake.flow = {
      days: ['2025-03-01', '2025-03-02', '2025-03-03'],
      bands: ids.map((s, i) => ({ status_id: s.id, name: s.name, category: s.category, counts: [i, i + 1, 2] })),
    };
    fake.flowTimes = {
      items: [
        { item_id: 1, title: 'Inventory of servers', done_on: '2025-03-02', lead_days: 6, cycle_days: 2.5 },
        { item_id: 2, title: 'Close old ports', done_on: '2025-02-27', lead_days: 4, cycle_days: null },
      ],
      average_lead_days: 5,
      average_cycle_days: 2.5,
    };
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('view-flow'));
    const cfd = await screen.findByTestId('cfd');
    const bands = within(cfd).getAllByTestId('cfd-band');
    expect(bands).toHaveLength(5);
    // Drawn bottom first: Done, then back up the board to Backlog on top.
    expect(bands.map((b) => Number(b.dataset.statusId))).toEqual(ids.map((s) => s.id).reverse());
    expect(cfd.querySelector('title')?.textContent).toContain('Cumulative flow');
    expect(text(cfd.querySelector('desc'))).toContain('Backlog 2, Ready 2');
    expect(screen.getAllByTestId('cfd-legend-item').map((l) => text(l))).toEqual(ids.map((s) => s.name));

    expect(screen.getByTestId('avg-cycle').textContent).toBe('2.5 d');
    expect(screen.getByTestId('avg-lead').textContent).toBe('5 d');
    const rows = screen.getAllByTestId('flow-time-row');
    expect(rows).toHaveLength(2);
    expect([...rows[1].querySelectorAll('td')].map((c) => text(c))).toEqual([
      'Close old ports',
      expect.any(String),
      '4 d',
      '–',
    ]);
  });

  test('without history the diagram explains why it is empty', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('view-flow'));
    expect(text(await screen.findByTestId('cfd-empty'))).toContain('No history yet');
    expect(screen.queryByTestId('cfd')).toBeNull();
    expect(screen.getByTestId('avg-cycle').textContent).toBe('–');
    expect(screen.getByTestId('times-empty')).toBeTruthy();
  });
});

import { describe, expect, test } from 'vitest';
import { curveGeometry, money, moneyInput, parseMoney, signedMoney, tiles } from '../budget';
import { textbookFigures } from '../../../tests/fake-budget';

describe('money', () => {
  test('minor units print grouped with two decimals and a real minus sign', () => {
    expect(money(0)).toBe('0.00');
    expect(money(5)).toBe('0.05');
    expect(money(112_500_00)).toBe('112,500.00');
    expect(money(-12_500_00)).toBe('−12,500.00');
    expect(signedMoney(1_00)).toBe('+1.00');
    expect(moneyInput(1_250_50)).toBe('1250.50');
    expect(moneyInput(null)).toBe('');
  });

  test('typed amounts become minor units; bad ones get a message', () => {
    expect(parseMoney('1250')).toEqual({ minor: 125_000 });
    expect(parseMoney(' 1,250.5 ')).toEqual({ minor: 125_050 });
    expect(parseMoney('0.07')).toEqual({ minor: 7 });
    expect(parseMoney('')).toEqual({ minor: null });
    for (const bad of ['-5', '1.234', 'abc', '1e5', '100000000000.01']) {
      expect('error' in parseMoney(bad), bad).toBe(true);
    }
    expect(parseMoney('100000000000')).toEqual({ minor: 10_000_000_000_000 });
  });
});

describe('earned value tiles', () => {
  test('the textbook figures read with sign, colour and formula', () => {
    const t = Object.fromEntries(tiles(textbookFigures()).map((x) => [x.key, x]));
    expect(t.sv).toMatchObject({
      value: '−10,000.00',
      tone: 'bad',
      label: 'Behind schedule by',
      formula: 'SV = EV − PV',
    });
    expect(t.cv).toMatchObject({ value: '−5,000.00', tone: 'bad', label: 'Over budget by' });
    expect(t.spi).toMatchObject({ value: '0.80', tone: 'bad' });
    expect(t.cpi).toMatchObject({ value: '0.89', tone: 'bad' });
    expect(t.eac).toMatchObject({ value: '112,500.00', formula: 'EAC = BAC / CPI', tone: 'bad' });
    expect(t.etc.value).toBe('67,500.00');
    expect(t.vac).toMatchObject({ value: '−12,500.00', tone: 'bad' });
    expect(t.tcpi).toMatchObject({ value: '1.09', tone: 'bad' });
  });

  test('missing ratios show a dash and no colour', () => {
    const f = { ...textbookFigures(), cpi: null, eac: null, etc: null, vac: null };
    const t = Object.fromEntries(tiles(f).map((x) => [x.key, x]));
    expect([t.cpi.value, t.eac.value, t.vac.value]).toEqual(['–', '–', '–']);
    expect(t.eac.tone).toBe('neutral');
  });
});

describe('S-curve geometry', () => {
  test('series stop where their values stop; the axis is in whole currency units', () => {
    const g = curveGeometry(
      [
        { date: '2026-03-02', pv: 0, ev: 0, ac: 0, forecast: null },
        { date: '2026-03-09', pv: 50_000_00, ev: 40_000_00, ac: 45_000_00, forecast: 45_000_00 },
        { date: '2026-03-16', pv: 100_000_00, ev: null, ac: null, forecast: 112_500_00 },
      ],
      { width: 300, height: 200, left: 40, right: 20, top: 10, bottom: 20 },
    );
    expect(g.max).toBe(200_000);
    expect(g.xs).toEqual([40, 160, 280]);
    expect(g.pv.split(' ')).toHaveLength(3);
    expect(g.ev.split(' ')).toHaveLength(2);
    expect(g.forecast.split(' ')).toHaveLength(2);
    expect(g.y(0)).toBe(180);
  });
});

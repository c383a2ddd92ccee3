// Money of the scope screens: integer minor units of the workspace currency.

/** How many minor digits a currency has (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1850000 EUR → "+€18,500.00"; a saving shows with a minus sign; zero as "—". */
export function formatMoney(minor: number, currency: string, signed = true): string {
  if (minor === 0) return '—';
  const digits = minorDigits(currency);
  const amount = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** What a manager types ("18500", "-1 200,50") as minor units, or null if it is no amount. */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s_]/g, '')
    .replace(/,(\d{1,2})$/, '.$1')
    .replace(/,/g, '');
  if (cleaned === '') return 0;
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10 ** minorDigits(currency));
}

/** 6 → "+6 days", -3 → "−3 days", 0 → "—". */
export function formatDays(days: number): string {
  if (days === 0) return '—';
  const n = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${n} working day${n === 1 ? '' : 's'}`;
}

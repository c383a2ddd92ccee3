// Words for the RAID log's values, as the screen and the docs use them.
import type { AssumptionStatus } from '../../lib/bindings/AssumptionStatus';
import type { DependencyStatus } from '../../lib/bindings/DependencyStatus';
import type { IssuePriority } from '../../lib/bindings/IssuePriority';
import type { IssueStatus } from '../../lib/bindings/IssueStatus';
import type { RiskResponse } from '../../lib/bindings/RiskResponse';
import type { RiskStatus } from '../../lib/bindings/RiskStatus';
import type { ScoreBand } from '../../lib/bindings/ScoreBand';

export const RESPONSES: [RiskResponse, string][] = [
  ['avoid', 'Avoid'],
  ['mitigate', 'Mitigate'],
  ['transfer', 'Transfer'],
  ['accept', 'Accept'],
  ['escalate', 'Escalate'],
];
export const RISK_STATUSES: [RiskStatus, string][] = [
  ['open', 'Open'],
  ['monitoring', 'Monitoring'],
  ['occurred', 'Occurred'],
  ['closed', 'Closed'],
];
export const ISSUE_PRIORITIES: [IssuePriority, string][] = [
  ['critical', 'Critical'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
];
export const ISSUE_STATUSES: [IssueStatus, string][] = [
  ['open', 'Open'],
  ['in_progress', 'In progress'],
  ['resolved', 'Resolved'],
  ['closed', 'Closed'],
];
export const ASSUMPTION_STATUSES: [AssumptionStatus, string][] = [
  ['unvalidated', 'Not yet validated'],
  ['valid', 'Valid'],
  ['invalid', 'Invalid'],
];
export const DEPENDENCY_STATUSES: [DependencyStatus, string][] = [
  ['open', 'Open'],
  ['delivered', 'Delivered'],
  ['cancelled', 'Cancelled'],
];

export const label = <T extends string>(list: [T, string][], key: T | null): string =>
  list.find(([k]) => k === key)?.[1] ?? '—';

/** The band of a score: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (as the core). */
export function bandOf(score: number): ScoreBand {
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical';
}

export const BAND_LABELS: Record<ScoreBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

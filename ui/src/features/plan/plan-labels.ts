// What the plan's editors call link types and constraints, in the order their selects list them.
import type { ConstraintKind } from '../../lib/bindings/ConstraintKind';

export const LINK_KINDS = [
  { kind: 'fs', short: 'FS', name: 'Finish-to-start' },
  { kind: 'ss', short: 'SS', name: 'Start-to-start' },
  { kind: 'ff', short: 'FF', name: 'Finish-to-finish' },
  { kind: 'sf', short: 'SF', name: 'Start-to-finish' },
] as const;

export const CONSTRAINTS: { kind: ConstraintKind; name: string; finish: boolean }[] = [
  { kind: 'asap', name: 'As soon as possible', finish: false },
  { kind: 'snet', name: 'Start no earlier than', finish: false },
  { kind: 'snlt', name: 'Start no later than', finish: false },
  { kind: 'fnet', name: 'Finish no earlier than', finish: true },
  { kind: 'fnlt', name: 'Finish no later than', finish: true },
  { kind: 'mso', name: 'Must start on', finish: false },
  { kind: 'mfo', name: 'Must finish on', finish: true },
];

export const constraintName = (kind: ConstraintKind) => CONSTRAINTS.find((c) => c.kind === kind)?.name ?? kind;

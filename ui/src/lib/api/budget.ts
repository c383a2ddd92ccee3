// A project's budget: the grid (category × month), actual cost entries, budget against actual,
// and earned value with its S-curve. Money is integer minor units of the workspace currency.
import { call } from './index';
import type { BudgetCell } from '../bindings/BudgetCell';
import type { BudgetGrid } from '../bindings/BudgetGrid';
import type { CostEntry } from '../bindings/CostEntry';
import type { CostEntryInput } from '../bindings/CostEntryInput';
import type { CostSummary } from '../bindings/CostSummary';
import type { SCurve } from '../bindings/SCurve';

export const budgetGridGet = (project_id: number) => call<BudgetGrid>('budget_grid_get', { project_id });
/** Sets cells in one undoable step; `amount_minor: null` clears a cell. */
export const budgetCellsSet = (project_id: number, cells: BudgetCell[]) =>
  call<BudgetGrid>('budget_cells_set', { project_id, cells });
export const costEntriesList = (project_id: number) => call<CostEntry[]>('cost_entries_list', { project_id });
export const costEntryAdd = (project_id: number, input: CostEntryInput) =>
  call<CostEntry>('cost_entry_add', { project_id, input });
export const costEntryUpdate = (id: number, input: CostEntryInput) =>
  call<CostEntry>('cost_entry_update', { id, input });
export const costEntryDelete = (id: number) => call<null>('cost_entry_delete', { id });
/** Budget against actual per category over months `from`..`to` (YYYY-MM; null: open). */
export const costSummaryGet = (project_id: number, from: string | null, to: string | null) =>
  call<CostSummary>('cost_summary_get', { project_id, from, to });
/** Earned value as of the end of `as_of` (YYYY-MM-DD), with the S-curve. */
export const earnedValueGet = (project_id: number, as_of: string) =>
  call<SCurve>('earned_value_get', { project_id, as_of });

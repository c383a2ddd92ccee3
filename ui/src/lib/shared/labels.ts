// User-facing names and icons for the enums that come from the core. One icon set (Lucide).
import type { LucideIcon } from '@lucide/svelte';
import type { ItemType } from '../bindings/ItemType';
import type { Methodology } from '../bindings/Methodology';
import type { Priority } from '../bindings/Priority';
import type { StatusCategory } from '../bindings/StatusCategory';
import SquareKanban from '@lucide/svelte/icons/square-kanban';
import IterationCw from '@lucide/svelte/icons/iteration-cw';
import ChartGantt from '@lucide/svelte/icons/chart-gantt';
import Layers from '@lucide/svelte/icons/layers';
import SquareCheckBig from '@lucide/svelte/icons/square-check-big';
import BookOpen from '@lucide/svelte/icons/book-open';
import Bug from '@lucide/svelte/icons/bug';
import Zap from '@lucide/svelte/icons/zap';
import Milestone from '@lucide/svelte/icons/milestone';
import Package from '@lucide/svelte/icons/package';
import ChevronsUp from '@lucide/svelte/icons/chevrons-up';
import ChevronUp from '@lucide/svelte/icons/chevron-up';
import Equal from '@lucide/svelte/icons/equal';
import ChevronDown from '@lucide/svelte/icons/chevron-down';
import ChevronsDown from '@lucide/svelte/icons/chevrons-down';

type Icon = LucideIcon;

export const METHODOLOGIES: { value: Methodology; label: string; icon: Icon }[] = [
  { value: 'kanban', label: 'Kanban', icon: SquareKanban },
  { value: 'scrum', label: 'Scrum', icon: IterationCw },
  { value: 'waterfall', label: 'Waterfall', icon: ChartGantt },
  { value: 'hybrid', label: 'Hybrid', icon: Layers },
];

export const ITEM_TYPES: { value: ItemType; label: string; icon: Icon }[] = [
  { value: 'task', label: 'Task', icon: SquareCheckBig },
  { value: 'story', label: 'Story', icon: BookOpen },
  { value: 'bug', label: 'Bug', icon: Bug },
  { value: 'epic', label: 'Epic', icon: Zap },
  { value: 'milestone', label: 'Milestone', icon: Milestone },
  { value: 'deliverable', label: 'Deliverable', icon: Package },
];

export const PRIORITIES: { value: Priority; label: string; icon: Icon }[] = [
  { value: 'highest', label: 'Highest', icon: ChevronsUp },
  { value: 'high', label: 'High', icon: ChevronUp },
  { value: 'medium', label: 'Medium', icon: Equal },
  { value: 'low', label: 'Low', icon: ChevronDown },
  { value: 'lowest', label: 'Lowest', icon: ChevronsDown },
];

export const CATEGORIES: { value: StatusCategory; label: string }[] = [
  { value: 'todo', label: 'To do' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
];

export const methodology = (m: Methodology) => METHODOLOGIES.find((x) => x.value === m) ?? METHODOLOGIES[0];
export const itemType = (t: ItemType) => ITEM_TYPES.find((x) => x.value === t) ?? ITEM_TYPES[0];
export const priority = (p: Priority) => PRIORITIES.find((x) => x.value === p) ?? PRIORITIES[2];

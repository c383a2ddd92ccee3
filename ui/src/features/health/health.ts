// Shared pieces of the health area: labels and the order of the areas.
import type { HealthArea } from '../../lib/bindings/HealthArea';
import type { Rag } from '../../lib/bindings/Rag';

export const AREAS: HealthArea[] = ['scope', 'schedule', 'budget', 'risk', 'overall'];
export const AREA_LABELS: Record<HealthArea, string> = {
  scope: 'Scope',
  schedule: 'Schedule',
  budget: 'Budget',
  risk: 'Risk',
  overall: 'Overall',
};
export const RAG_TEXT: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
/** The letter beside the colour, so the rating never rests on colour alone. */
export const RAG_LETTER: Record<Rag, string> = { green: 'G', amber: 'A', red: 'R' };

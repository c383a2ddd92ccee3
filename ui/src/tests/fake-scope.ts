// The Scope tab's side of the fake backend: each project's scope held whole, edits that answer
// with it (undoable through fake.edit), CR numbering, refused transitions and absurd amounts,
// and an approved change applied to the plan as links in the words the core uses.
import type { ChangeInput } from '../lib/bindings/ChangeInput';
import type { ChangeRequest } from '../lib/bindings/ChangeRequest';
import type { DecisionInput } from '../lib/bindings/DecisionInput';
import type { DeliverableInput } from '../lib/bindings/DeliverableInput';
import type { PlanAction } from '../lib/bindings/PlanAction';
import type { PlannedAction } from '../lib/bindings/PlannedAction';
import type { ProjectScope } from '../lib/bindings/ProjectScope';
import type { FakeBackend } from './fake-backend';

const invalid = (message: string) => ({ code: 'invalid_input', message });

export class FakeScope {
  scopes = new Map<number, ProjectScope>();
  #nextId = 50_000;

  constructor(fake: FakeBackend) {
    const snapshot = () => structuredClone(this.scopes);
    const restore = (s: Map<number, ProjectScope>) => (this.scopes = structuredClone(s));
    /** An undoable edit of the scope of the project that owns `find`'s row; answers with that scope. */
    const edit = (label: string, projectId: number, fn: (s: ProjectScope) => void): ProjectScope =>
      fake.edit(label, snapshot, restore, () => {
        const s = this.of(projectId);
        fn(s);
        return structuredClone(s);
      });
    const text = (t: unknown, what: string) => {
      const v = String(t ?? '').trim();
      if (!v) throw invalid(`${what} cannot be empty.`);
      return v;
    };
    const ownerOf = (id: number): ProjectScope => {
      for (const s of this.scopes.values()) {
        if (
          [...s.objectives, ...s.deliverables, ...s.in_scope, ...s.out_of_scope, ...s.changes].some((r) => r.id === id)
        )
          return s;
      }
      throw { code: 'not_found', message: 'That no longer exists.' };
    };
    const change = (id: number) => ownerOf(id).changes.find((c) => c.id === id)!;
    const checkChange = (input: ChangeInput) => {
      text(input.title, "The change's title");
      if (Math.abs(input.cost_impact_minor) > 1e13) throw invalid('The cost impact is beyond any real change.');
    };
    fake
      .answer('scope_get', (a) => structuredClone(this.of(a.project_id as number)))
      .answer('objective_add', (a) =>
        edit('Add objective', a.project_id as number, (s) =>
          s.objectives.push({ id: this.#nextId++, text: text(a.text, 'An objective') }),
        ),
      )
      .answer('objective_update', (a) =>
        edit('Edit objective', ownerOf(a.id as number).project_id, (s) => {
          s.objectives.find((o) => o.id === a.id)!.text = text(a.text, 'An objective');
        }),
      )
      .answer('objective_move', (a) =>
        edit('Reorder objectives', ownerOf(a.id as number).project_id, (s) => {
          const at = s.objectives.findIndex((o) => o.id === a.id);
          const [o] = s.objectives.splice(at, 1);
          s.objectives.splice(Math.min(a.index as number, s.objectives.length), 0, o);
        }),
      )
      .answer('objective_delete', (a) =>
        edit('Delete an objective', ownerOf(a.id as number).project_id, (s) => {
          s.objectives = s.objectives.filter((o) => o.id !== a.id);
        }),
      )
      .answer('deliverable_add', (a) => {
        const input = a.input as DeliverableInput;
        return edit('Add deliverable', a.project_id as number, (s) =>
          s.deliverables.push({
            id: this.#nextId++,
            title: text(input.title, "The deliverable's title"),
            acceptance_criteria: input.acceptance_criteria,
            acceptance: input.acceptance ?? 'pending',
            item_id: input.item_id,
            item_title: null,
            due_date: input.due_date,
          }),
        );
      })
      .answer('deliverable_update', (a) => {
        const input = a.input as DeliverableInput;
        return edit('Edit deliverable', ownerOf(a.id as number).project_id, (s) => {
          const d = s.deliverables.find((x) => x.id === a.id)!;
          Object.assign(d, { ...input, acceptance: input.acceptance ?? 'pending' });
        });
      })
      .answer('deliverable_delete', (a) =>
        edit('Delete a deliverable', ownerOf(a.id as number).project_id, (s) => {
          s.deliverables = s.deliverables.filter((d) => d.id !== a.id);
        }),
      )
      .answer('scope_statement_add', (a) =>
        edit('Add scope statement', a.project_id as number, (s) =>
          (a.in_scope ? s.in_scope : s.out_of_scope).push({
            id: this.#nextId++,
            text: text(a.text, 'A scope statement'),
          }),
        ),
      )
      .answer('scope_statement_update', (a) =>
        edit('Edit scope statement', ownerOf(a.id as number).project_id, (s) => {
          [...s.in_scope, ...s.out_of_scope].find((x) => x.id === a.id)!.text = text(a.text, 'A scope statement');
        }),
      )
      .answer('scope_statement_move', (a) =>
        edit('Move scope statement', ownerOf(a.id as number).project_id, (s) => {
          const row = [...s.in_scope, ...s.out_of_scope].find((x) => x.id === a.id)!;
          s.in_scope = s.in_scope.filter((x) => x.id !== a.id);
          s.out_of_scope = s.out_of_scope.filter((x) => x.id !== a.id);
          (a.in_scope ? s.in_scope : s.out_of_scope).push(row);
        }),
      )
      .answer('scope_statement_delete', (a) =>
        edit('Delete a scope statement', ownerOf(a.id as number).project_id, (s) => {
          s.in_scope = s.in_scope.filter((x) => x.id !== a.id);
          s.out_of_scope = s.out_of_scope.filter((x) => x.id !== a.id);
        }),
      )
      .answer('change_add', (a) => {
        const input = a.input as ChangeInput;
        checkChange(input);
        return edit('Raise a change', a.project_id as number, (s) => {
          const number = Math.max(0, ...s.changes.map((c) => c.number)) + 1;
          s.changes.unshift(this.newChange(s.project_id, number, input));
        });
      })
      .answer('change_update', (a) => {
        const input = a.input as ChangeInput;
        checkChange(input);
        return edit('Edit a change', ownerOf(a.id as number).project_id, () =>
          Object.assign(change(a.id as number), {
            ...input,
            raised_on: input.raised_on ?? change(a.id as number).raised_on,
          }),
        );
      })
      .answer('change_decide', (a) => {
        const c = change(a.id as number);
        const input = a.input as DecisionInput;
        const status = input.status ?? c.status;
        if (status === 'implemented' && c.status !== 'implemented')
          throw invalid(`${c.code} is implemented by applying it to the plan.`);
        if (c.status === 'implemented' && status !== 'implemented') throw invalid(`${c.code} is already implemented.`);
        if (c.status === 'rejected' && status === 'approved')
          throw invalid(`${c.code} was rejected; reopen it before approving it.`);
        if (input.decided_on && input.decided_on < c.raised_on)
          throw invalid(`The decision date ${input.decided_on} is before ${c.code} was raised (${c.raised_on}).`);
        return edit(`Decide ${c.code}`, c.project_id, () =>
          Object.assign(c, {
            status,
            decision: input.decision,
            decided_by: input.decided_by,
            decided_on: status === 'proposed' ? null : input.decided_on,
          }),
        );
      })
      .answer('change_delete', (a) =>
        edit('Delete a change', ownerOf(a.id as number).project_id, (s) => {
          s.changes = s.changes.filter((c) => c.id !== a.id);
        }),
      )
      .answer('change_preview', (a) => this.plan(fake, change(a.id as number), a.actions as PlanAction[]))
      .answer('change_apply', (a) => {
        const c = change(a.id as number);
        if (c.status === 'rejected') throw invalid(`${c.code} was rejected, so it cannot be implemented.`);
        if (c.status !== 'approved') throw invalid(`${c.code} is not approved yet.`);
        const planned = this.plan(fake, c, a.actions as PlanAction[]);
        return edit(`Implement ${c.code}`, c.project_id, () => {
          c.status = 'implemented';
          c.links = planned.map((p) => ({
            id: this.#nextId++,
            item_id: this.#nextId++,
            item_title: p.title,
            action: p.action,
            detail: p.detail,
          }));
        });
      });
  }

  /** The scope of a project (an empty one until a test or an edit gives it rows). */
  of(projectId: number): ProjectScope {
    let s = this.scopes.get(projectId);
    if (!s) {
      s = {
        project_id: projectId,
        objectives: [],
        deliverables: [],
        in_scope: [],
        out_of_scope: [],
        changes: [],
        currency: 'EUR',
      };
      this.scopes.set(projectId, s);
    }
    return s;
  }

  newChange(projectId: number, number: number, input: Partial<ChangeInput> & { title: string }): ChangeRequest {
    return {
      id: this.#nextId++,
      project_id: projectId,
      number,
      code: `CR-${number}`,
      title: input.title,
      description: input.description ?? '',
      requester: input.requester ?? '',
      schedule_impact_days: input.schedule_impact_days ?? 0,
      cost_impact_minor: input.cost_impact_minor ?? 0,
      risk_impact: input.risk_impact ?? '',
      status: 'proposed',
      decision: '',
      decided_by: '',
      decided_on: null,
      raised_on: input.raised_on ?? '2026-03-02',
      links: [],
    };
  }

  /** What the actions would do, worded like the core (dates left out: the fake has no calendar). */
  plan(fake: FakeBackend, c: ChangeRequest, actions: PlanAction[]): PlannedAction[] {
    const tasks = fake.handle('schedule_get', { project_id: c.project_id, baseline_id: null }) as {
      tasks: { item_id: number; name: string }[];
    };
    const name = (id: number) => {
      const t = tasks.tasks.find((x) => x.item_id === id);
      if (!t) throw invalid(`That task is not in the plan of ${c.code}'s project.`);
      return t.name;
    };
    return actions.map((a): PlannedAction => {
      if (a.kind === 'add_task') {
        const title = String(a.title).trim();
        if (!title) throw invalid("The new task's title cannot be empty.");
        const after = a.predecessor_id != null ? `, after "${name(a.predecessor_id)}"` : '';
        return { action: 'added', title, detail: `Added: ${a.duration_days} working days${after}` };
      }
      if (a.kind === 'shift_start')
        return { action: 'moved', title: name(a.item_id), detail: `Start moved by ${a.days} working days` };
      return {
        action: 'changed',
        title: name(a.item_id),
        detail: `Duration changed to ${a.duration_days} working days`,
      };
    });
  }
}

// The team's side of career skills in the fake backend: the skills matrix, editing frameworks
// (expected levels, skill criteria), importing and exporting them, and a project's manager.
import type { FrameworkImport } from '../lib/bindings/FrameworkImport';
import type { Project } from '../lib/bindings/Project';
import type { RoleFramework } from '../lib/bindings/RoleFramework';
import type { SkillCatalog } from '../lib/bindings/SkillCatalog';
import type { SkillInput } from '../lib/bindings/SkillInput';
import type { SkillsMatrix } from '../lib/bindings/SkillsMatrix';
import type { FakeBackend } from './fake-backend';
import { FakeSkills } from './fake-skills';

export class FakeTeam extends FakeSkills {
  /** Roles a successful import adds (any path the dialog answers). */
  toImport: RoleFramework[] = [];
  /** Paths frameworks were exported to. */
  exported: string[] = [];
  #nextPerson = 9000;

  constructor(fake: FakeBackend) {
    super(fake);
    const snapshot = () => structuredClone(this.catalog);
    const restore = (s: SkillCatalog) => (this.catalog = structuredClone(s));
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('skills_matrix', (a) => this.matrix(fake, a.role_id as number | null, a.area_id as number | null))
      .answer('role_skill_set', (a) => {
        const role = this.catalog.roles.find((r) => r.id === a.role_id);
        if (!role) throw { code: 'not_found', message: 'That role is no longer in the frameworks.' };
        const level = a.level as number | null;
        return edit('Change a role', () => {
          role.skills = role.skills.filter((s) => s.skill_id !== a.skill_id);
          if (level != null) role.skills.push({ skill_id: a.skill_id as number, level });
          return null;
        });
      })
      .answer('skill_update', (a) => {
        const input = a.input as SkillInput;
        if (!input.name.trim()) throw { code: 'invalid_input', message: 'A skill needs a name.' };
        const skill = this.catalog.skills.find((s) => s.id === a.skill_id)!;
        return edit(`Edit skill "${input.name}"`, () => {
          Object.assign(skill, input);
          return null;
        });
      })
      .answer('frameworks_import', () =>
        edit('Import frameworks', (): FrameworkImport => {
          this.catalog.roles.push(...structuredClone(this.toImport));
          return { areas: this.catalog.areas.length, skills: this.catalog.skills.length, roles: this.toImport.length };
        }),
      )
      .answer('frameworks_export', (a) => {
        this.exported.push(a.path as string);
        return null;
      })
      .answer('project_manager_set', (a) =>
        fake.edit(
          'Set the project manager',
          () => null,
          () => undefined,
          () => {
            const project = fake.projects.find((p) => p.id === a.id) as Project;
            const name = a.manager as string | null;
            if (name && !fake.people.some((p) => p.name === name))
              fake.people.push({ id: this.#nextPerson++, name, role: '' });
            project.manager = name;
            return { ...project };
          },
        ),
      );
  }

  /** What the core's skills_matrix answers: current levels of everyone in the chosen skills. */
  matrix(fake: FakeBackend, roleId: number | null, areaId: number | null): SkillsMatrix {
    const role = this.catalog.roles.find((r) => r.id === roleId);
    const skills = this.catalog.skills.filter(
      (s) => (!role || role.skills.some((r) => r.skill_id === s.id)) && (areaId == null || s.area_id === areaId),
    );
    const profiles = fake.people.map((p) => this.profile(p.id));
    const levels = profiles.map((profile) =>
      skills.map((s) => profile.skills.find((x) => x.skill_id === s.id)?.current ?? null),
    );
    return {
      people: fake.people.map((p, i) => ({
        id: p.id,
        name: p.name,
        title: p.role,
        role: this.catalog.roles.find((r) => r.id === profiles[i].current_role_id)?.name ?? null,
      })),
      skill_ids: skills.map((s) => s.id),
      levels,
      thin: skills.filter((_, c) => levels.filter((row) => (row[c] ?? 0) >= 3).length <= 1).map((s) => s.id),
    };
  }
}

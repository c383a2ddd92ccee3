// Creating a project from a project type, for the New project form: one undoable edit in the
// backend; the new project opens on its Overview.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { ProjectInput } from '../../lib/bindings/ProjectInput';
import { enqueue } from '../../lib/shared/queue.svelte';
import { showProject } from '../workspace/navigate';
import { workspace } from '../workspace/workspace.svelte';

export async function createFromTemplate(templateId: number, input: ProjectInput): Promise<CommandError | null> {
  try {
    const project = await enqueue(() => api.projectCreateFromTemplate(templateId, input));
    workspace.projects = [...workspace.projects, project];
    showProject(project.id, 'overview');
    workspace.afterEdit();
    return null;
  } catch (e) {
    return toCommandError(e);
  }
}

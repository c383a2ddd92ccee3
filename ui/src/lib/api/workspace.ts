// App info, the start screen (session, recent list), opening and closing workspaces, undo/redo.
import { call } from './index';
import type { AppInfo } from '../bindings/AppInfo';
import type { HistoryState } from '../bindings/HistoryState';
import type { RecentEntry } from '../bindings/RecentEntry';
import type { Replayed } from '../bindings/Replayed';
import type { StartState } from '../bindings/StartState';
import type { WorkspaceInfo } from '../bindings/WorkspaceInfo';

export const appInfo = () => call<AppInfo>('app_info');
export const sessionStart = () => call<StartState>('session_start');
export const recentList = () => call<RecentEntry[]>('recent_list');
export const recentRemove = (path: string) => call<RecentEntry[]>('recent_remove', { path });
export const workspaceNew = (path: string) => call<WorkspaceInfo>('workspace_new', { path });
export const workspaceOpen = (path: string) => call<WorkspaceInfo>('workspace_open', { path });
export const workspaceOpenDemo = () => call<WorkspaceInfo>('workspace_open_demo');
export const workspaceSaveCopy = (path: string) => call<null>('workspace_save_copy', { path });
export const workspaceClose = () => call<null>('workspace_close');
export const appQuit = () => call<null>('app_quit');
export const historyState = () => call<HistoryState>('history_state');
export const historyUndo = () => call<Replayed | null>('history_undo');
export const historyRedo = () => call<Replayed | null>('history_redo');

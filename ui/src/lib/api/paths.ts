// The native open and save dialogs. The backend shows them, so it knows which files the user
// chose: it takes no other path from the UI (a refusal has the code `path_not_chosen`).
import { call } from './index';
import type { DialogOptions } from '../bindings/DialogOptions';

/** The file chosen in the open dialog, or null when cancelled. */
export const pathOpen = (options: DialogOptions) => call<string | null>('path_open', { options });
/** The file chosen in the save dialog (with the filter's extension), or null when cancelled. */
export const pathSave = (options: DialogOptions) => call<string | null>('path_save', { options });

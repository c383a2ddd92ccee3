// Lessons learned, kept across projects.
import { call } from './index';
import type { Lesson } from '../bindings/Lesson';
import type { LessonInput } from '../bindings/LessonInput';

export const lessonsList = (): Promise<Lesson[]> => call('lessons_list');
export const lessonAdd = (input: LessonInput): Promise<Lesson> => call('lesson_add', { input });
export const lessonUpdate = (id: number, input: LessonInput): Promise<Lesson> => call('lesson_update', { id, input });
export const lessonDelete = (id: number): Promise<null> => call('lesson_delete', { id });

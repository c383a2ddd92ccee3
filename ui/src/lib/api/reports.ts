// Reports: typeset PDFs of a project, the portfolio or a person.
import { call } from './index';
import type { KindInfo } from '../bindings/KindInfo';
import type { RenderedReport } from '../bindings/RenderedReport';
import type { ReportRequest } from '../bindings/ReportRequest';

/** Every kind of report, in display order, with what each needs (project, sprint, person, period). */
export const reportKinds = () => call<KindInfo[]>('report_kinds');
/** Typesets the whole PDF (seconds for a big plan) and keeps it under `token`; returns page 1 as SVG. */
export const reportRender = (request: ReportRequest) => call<RenderedReport>('report_render', { request });
/** Writes the PDF of render `token` to `path`. Refused with `not_found` unless it is the latest render. */
export const reportSave = (token: number, path: string) => call<null>('report_save', { token, path });

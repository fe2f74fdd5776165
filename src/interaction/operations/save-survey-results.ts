import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { parseStaffText } from '../messages.schema.ts';
import { findSurvey, updateSurvey, type Survey } from '../surveys.repo.ts';

/**
 * Whether a survey's results are public, and the staff's summary of the free-text answers (the only form
 * in which those answers reach the portal).
 */
export async function saveSurveyResults(ctx: AppContext, o: { centerId: number; surveyId: number; isResultPublic: boolean; resultSummary: unknown; actor: Actor }): Promise<Survey> {
  const errors: FieldError[] = [];
  const resultSummary = parseStaffText(o.resultSummary, { field: 'resultSummary', label: '结果说明', max: 5000, isRequired: false }, errors);
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const before = await findSurvey(tx, o.surveyId);
    if (!before || before.centerId !== o.centerId) throw notFound('调查');
    const after = await updateSurvey(tx, before.id, { isResultPublic: o.isResultPublic, resultSummary });
    if (!after) throw notFound('调查');
    await recordAudit(tx, o.actor, { action: 'survey.results', centerId: o.centerId, targetType: 'survey', targetId: before.id, before: { isResultPublic: before.isResultPublic, resultSummary: before.resultSummary }, after: { isResultPublic: after.isResultPublic, resultSummary } });
    return after;
  });
}

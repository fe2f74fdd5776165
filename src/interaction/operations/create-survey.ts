import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { validationError } from '../../platform/errors.ts';
import { insertSurvey, type Survey } from '../surveys.repo.ts';
import { parseSurveyForm } from '../surveys.schema.ts';

/** 调查征集: a new survey with its questions and period. Its questions are fixed once created. */
export async function createSurvey(ctx: AppContext, o: { centerId: number; form: Record<string, unknown>; actor: Actor }): Promise<Survey> {
  const { draft, errors } = parseSurveyForm(o.form);
  if (!draft) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const s = await insertSurvey(tx, { centerId: o.centerId, ...draft, createdBy: o.actor.userId ?? 0 });
    await recordAudit(tx, o.actor, { action: 'survey.create', centerId: o.centerId, targetType: 'survey', targetId: s.id, after: draft });
    return s;
  });
}

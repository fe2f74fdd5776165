import { AppError, notFound, validationError } from '../../platform/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { formatDate } from '../../platform/dates.ts';
import { findSurvey, insertSurveyResponse } from '../surveys.repo.ts';
import { parseSurveyAnswers } from '../surveys.schema.ts';

/** A visitor answers a survey during its period. The address is kept only as a hash (counted, not enforced). */
export async function answerSurvey(ctx: AppContext, o: { centerId: number; surveyId: number; form: Record<string, unknown>; clientIp: string; now: Date }): Promise<void> {
  const survey = await findSurvey(ctx.db, o.surveyId);
  if (!survey || survey.centerId !== o.centerId) throw notFound('调查');
  const today = formatDate(o.now);
  if (today < survey.opensOn || today > survey.closesOn) throw new AppError('SURVEY_NOT_OPEN', { userMessage: today < survey.opensOn ? `本调查 ${survey.opensOn} 开始` : `本调查已于 ${survey.closesOn} 截止` });
  const { answers, errors } = parseSurveyAnswers(survey.questions, o.form);
  if (!answers) throw validationError(errors);
  await insertSurveyResponse(ctx.db, { surveyId: survey.id, answers, clientHash: sha256Hex(`${o.clientIp}|${survey.id}`), createdAt: o.now });
}

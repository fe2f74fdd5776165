import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { surveyResponses, surveys } from './interaction.tables.ts';

export type Survey = typeof surveys.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;

export async function insertSurvey(ex: Executor, row: typeof surveys.$inferInsert): Promise<Survey> {
  const [r] = await ex.insert(surveys).values(row).returning();
  if (!r) throw new Error('insert survey returned nothing');
  return r;
}

export async function findSurvey(ex: Executor, id: number): Promise<Survey | null> {
  const [r] = await ex.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  return r ?? null;
}

export async function updateSurvey(ex: Executor, id: number, patch: Partial<Pick<Survey, 'isResultPublic' | 'resultSummary' | 'closesOn'>>): Promise<Survey | null> {
  const [r] = await ex.update(surveys).set(patch).where(eq(surveys.id, id)).returning();
  return r ?? null;
}

export async function listSurveysOfCenter(ex: Executor, centerId: number): Promise<(Survey & { responses: number })[]> {
  const rows = await ex
    .select({ survey: surveys, responses: sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id})` })
    .from(surveys)
    .where(eq(surveys.centerId, centerId))
    .orderBy(desc(surveys.opensOn), desc(surveys.id));
  return rows.map((r) => ({ ...r.survey, responses: Number(r.responses) }));
}

/** Surveys a visitor may see: open on `today`, or closed with published results. Not yet open: hidden. */
export async function listVisibleSurveys(ex: Executor, centerIds: number[], today: string, limit: number): Promise<Survey[]> {
  if (centerIds.length === 0) return [];
  return ex
    .select()
    .from(surveys)
    .where(and(inArray(surveys.centerId, centerIds), lte(surveys.opensOn, today), or(sql`${surveys.closesOn} >= ${today}`, eq(surveys.isResultPublic, true))))
    .orderBy(desc(surveys.opensOn), desc(surveys.id))
    .limit(limit);
}

export async function insertSurveyResponse(ex: Executor, row: typeof surveyResponses.$inferInsert): Promise<void> {
  await ex.insert(surveyResponses).values(row);
}

export async function listSurveyResponses(ex: Executor, surveyId: number): Promise<SurveyResponse[]> {
  return ex.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).orderBy(asc(surveyResponses.id));
}

import type { Role } from '../accounts/accounts.policy.ts';
import { can } from '../accounts/accounts.policy.ts';
import type { Article } from './articles.repo.ts';

export type StaffUser = { id: number; departmentId: number | null };

/** Editors change their own articles and those of their department. */
export function canEditArticle(user: StaffUser, roles: ReadonlySet<Role> | undefined, article: Pick<Article, 'authorId' | 'departmentId'>): boolean {
  if (!can(roles, 'article.edit')) return false;
  return article.authorId === user.id || (article.departmentId !== null && article.departmentId === user.departmentId);
}

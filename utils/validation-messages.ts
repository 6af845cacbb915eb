// Validation issues in the UI language (the validator itself stays pure: utils/profile-validation.ts).
import { t } from './i18n';
import type { ValidationIssue } from './profile-validation';

export function issueText(issue: Pick<ValidationIssue, 'messageKey' | 'values'>): string {
  return t(issue.messageKey as Parameters<typeof t>[0], issue.values);
}

/** A refused profile import: the reader's own message, or the validator's issues under one heading. */
export function importFailureText(result: { message: string; issues?: ValidationIssue[] }): string {
  if (!result.issues?.length) return result.message;
  return [t('validateImportRefused'), ...result.issues.map(issueText)].join('\n');
}

import type { FormField } from '../contract/schemas';
import { materialRoute, TERMINAL_CAPTURES_MATERIALS, type RoutedMaterial } from './material-route';

/** One problem found by the pre-check; every problem is reported at once ("一次性告知"). */
export interface PrecheckProblem {
  target: 'field' | 'material';
  id: string;
  problem: 'missing' | 'invalid' | 'too-long';
}

const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function checkField(field: FormField, value: string | undefined): PrecheckProblem['problem'] | null {
  const v = (value ?? '').trim();
  if (v.length === 0) return field.required ? 'missing' : null;
  if (v.length > field.maxLength) return 'too-long';
  switch (field.kind) {
    case 'phone':
      return PHONE.test(v) ? null : 'invalid';
    case 'date':
      return DATE.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'invalid';
    case 'number':
      return NUMBER.test(v) ? null : 'invalid';
    case 'select':
      return field.options && !field.options.includes(v) ? 'invalid' : null;
    default:
      return null;
  }
}

/**
 * Checks a filled form and the materials checklist against a service's
 * definition and returns every problem in one list (empty = ready to submit).
 * Fields with `prefill` are filled by main/core and are checked like any other.
 * Materials held electronically by the platform are never reported missing;
 * nor are those handed in at the window (the platform takes them captured and
 * this terminal cannot capture: `canCapture`, see {@link materialRoute}), which
 * the screens and the receipt name instead.
 */
export function precheckApplication(
  form: FormField[],
  values: Record<string, string>,
  materials: Array<{ id: string } & RoutedMaterial>,
  provided: Array<{ id: string; provided: boolean }>,
  canCapture = TERMINAL_CAPTURES_MATERIALS,
): PrecheckProblem[] {
  const problems: PrecheckProblem[] = [];
  for (const field of form) {
    const problem = checkField(field, values[field.id]);
    if (problem) problems.push({ target: 'field', id: field.id, problem });
  }
  const providedIds = new Set(provided.filter((p) => p.provided).map((p) => p.id));
  for (const m of materials) {
    if (m.required && materialRoute(m, canCapture) === 'checklist' && !providedIds.has(m.id)) problems.push({ target: 'material', id: m.id, problem: 'missing' });
  }
  return problems;
}

// Filters naming a record that does not exist are a 400 naming the parameter, never a silently empty list.
import { invalidParameter } from '../http/problem.js';

export async function requireKnown(
  name: string,
  value: string | undefined,
  exists: (value: string) => Promise<boolean>,
): Promise<void> {
  if (value !== undefined && !(await exists(value))) throw invalidParameter('query', name, `unknown ${name} ${value}`);
}

import type { FormInstance } from 'antd';

/**
 * Empties the named fields under `base`. A choice that hides fields (another authentication type,
 * another signature preset) clears them too, so that no stale secret stays in the saved config.
 */
export function clearFields(form: FormInstance, base: string[], names: readonly string[]) {
  for (const name of names) {
    form.setFieldValue([...base, name], undefined);
  }
}

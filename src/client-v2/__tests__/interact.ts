import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

/** Clicks and picks as a person does. jsdom computes styles slowly under antd's CSS-in-JS, so the pointer-events check is skipped. */
export const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });

/** Types a whole value into an input or text area at once, and lets the field validate it. */
export async function fill(element: Element, value: string) {
  await act(async () => {
    fireEvent.change(element, { target: { value } });
  });
}

/** Opens an antd Select and picks the option with this label. */
export async function pick(select: Element, label: string) {
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options[options.length - 1]);
}

/** Adds entries to a tags Select, as a person typing them separated by commas. */
export async function addTags(select: Element, entries: string[]) {
  await user.type(select.querySelector('input') as HTMLInputElement, `${entries.join(',')},`);
}

/** Picks a variable in the "Variables" select the test doubles give a variable input. */
export async function pickVariable(input: Element, variable: string) {
  const picker = input.closest('[data-variables]')?.querySelector('select[aria-label="Variables"]');
  if (!picker) {
    throw new Error('this input offers no variables of its own');
  }
  await user.selectOptions(picker as HTMLSelectElement, variable);
}

/** The variables a variable input offers, or "canvas" for the workflow's own. */
export function offeredBy(input: Element): string[] | 'canvas' {
  const offered = input.closest('[data-variables]')?.getAttribute('data-variables');
  if (offered == null) {
    throw new Error('not a variable input');
  }
  return offered === 'canvas' ? 'canvas' : offered.split(' ').filter(Boolean);
}

/** The messages under the fields, once antd has shown them. */
export async function fieldErrors(): Promise<string[]> {
  const read = () =>
    Array.from(document.querySelectorAll('.ant-form-item-explain-error'), (node) => node.textContent ?? '');
  await waitFor(() => expect(read().length).toBeGreaterThan(0)).catch(() => undefined);
  return read();
}

/** Submits as the drawer does, and returns the messages of the fields that refused. */
export async function submitErrors(submit: () => Promise<unknown>): Promise<string[]> {
  await act(async () => {
    await submit().catch(() => undefined);
  });
  return fieldErrors();
}

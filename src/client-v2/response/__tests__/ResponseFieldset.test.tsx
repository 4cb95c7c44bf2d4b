/**
 * The "HTTP Response" node's drawer, rendered for real inside an antd Form. The modules the
 * NocoBase page provides are TEST DOUBLES here (src/client-v2/__tests__/doubles): a variable input
 * without a tree of its own stands for the canvas's picker and is marked `canvas`.
 */
import { screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { fill, offeredBy, submitErrors, user } from '../../__tests__/interact';
import { renderInForm } from '../../__tests__/renderInForm';
import ResponseFieldset from '../ResponseFieldset';

const node = { id: 5, key: 'n5', type: 'response' };

describe('the HTTP Response node', () => {
  it('answers 200 unless told, with headers and a body that take the workflow variables', async () => {
    const { config } = renderInForm(<ResponseFieldset />, { node });
    expect(config()).toEqual({ statusCode: 200 });
    await fill(screen.getByTestId('response-status-code'), '201');
    await user.click(screen.getByTestId('response-node-headers-add'));
    await fill(screen.getByTestId('response-node-headers-name'), 'X-Handled-By');
    const value = screen.getByTestId('response-node-headers-value');
    expect(offeredBy(value)).toBe('canvas');
    await fill(value, '{{$context.headers.x-request-id}}');
    const body = screen.getByTestId('response-node-body').querySelector('textarea') as HTMLTextAreaElement;
    expect(offeredBy(body)).toBe('canvas');
    await fill(body, 'Order {{$context.body.order.id}}');
    expect(config()).toEqual({
      statusCode: 201,
      headers: [{ name: 'X-Handled-By', value: '{{$context.headers.x-request-id}}' }],
      body: 'Order {{$context.body.order.id}}',
    });
  });

  it('refuses a header without a valid name', async () => {
    const { submit } = renderInForm(<ResponseFieldset />, { node, config: { headers: [{ name: '', value: 'x' }] } });
    expect(await submitErrors(submit)).toEqual(['Required']);
    await fill(screen.getByTestId('response-node-headers-name'), 'X Bad');
    expect(await screen.findByText("Letters, digits and !#$%&'*+.^_`|~- only, without spaces")).toBeInTheDocument();
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });

  it('switches the body between text and JSON, keeping what converts', async () => {
    const { config } = renderInForm(<ResponseFieldset />, { node, config: { statusCode: 200, body: '{"ok": true}' } });
    const body = screen.getByTestId('response-node-body');
    await user.click(within(body).getByText('JSON'));
    expect(config().body).toEqual({ ok: true });
    expect(offeredBy(body.querySelector('textarea') as Element)).toBe('canvas');
    await user.click(within(body).getByText('Text'));
    await waitFor(() => expect(config().body).toBe('{\n  "ok": true\n}'));
  });

  it('shows a saved JSON body as JSON', () => {
    renderInForm(<ResponseFieldset />, { node, config: { body: { id: '{{$context.body.id}}' } } });
    const text = screen.getByTestId('response-node-body').querySelector('textarea') as HTMLTextAreaElement;
    expect(JSON.parse(text.value)).toEqual({ id: '{{$context.body.id}}' });
  });
});

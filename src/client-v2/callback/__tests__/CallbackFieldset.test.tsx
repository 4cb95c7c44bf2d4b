/**
 * The "Wait for callback" node's drawer, rendered for real inside an antd Form. The modules the
 * NocoBase page provides are TEST DOUBLES here (src/client-v2/__tests__/doubles).
 */
import { screen, within } from '@testing-library/react';
import React from 'react';
import { fill, submitErrors, user } from '../../__tests__/interact';
import { renderInForm } from '../../__tests__/renderInForm';
import CallbackFieldset from '../CallbackFieldset';

const node = { id: 9, key: 'wait1', type: 'webhookCallback', title: 'Wait for callback' };

describe('the Wait for callback node', () => {
  it('shows the variable that hands out the callback URL, with a copy button', () => {
    renderInForm(<CallbackFieldset />, { node, config: { methods: ['POST'], onTimeout: 'fail' } });
    const variable = screen.getByTestId('webhook-callback-variable');
    expect(variable).toHaveTextContent('{{$context.callbackUrls.wait1}}');
    expect(within(variable).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('takes its methods, credentials and timeout, and what happens after it', async () => {
    const { config, submit } = renderInForm(<CallbackFieldset />, {
      node,
      config: { methods: ['POST'], onTimeout: 'fail' },
    });
    const methods = within(screen.getByTestId('webhook-callback-methods'));
    await user.click(methods.getByText('PUT'));
    await user.click(screen.getByText('Bearer token'));
    expect(await submitErrors(submit)).toEqual(['Required']);
    await fill(screen.getByTestId('webhook-auth-token'), '{{$env.CALLBACK_TOKEN}}');
    expect(screen.queryByTestId('webhook-callback-on-timeout')).not.toBeInTheDocument();
    await fill(screen.getByTestId('webhook-callback-timeout'), '3600');
    const onTimeout = screen.getByTestId('webhook-callback-on-timeout');
    expect(within(onTimeout).getByLabelText('Fail the node')).toBeChecked();
    await user.click(within(onTimeout).getByText(/^Continue/));
    expect(config()).toMatchObject({
      methods: ['POST', 'PUT'],
      auth: { type: 'bearer', token: '{{$env.CALLBACK_TOKEN}}' },
      timeout: 3600,
      onTimeout: 'continue',
    });
  });

  it('answers the callback with a fixed response: its fields take no variables', async () => {
    const { config } = renderInForm(<CallbackFieldset />, { node, config: { methods: ['POST'] } });
    await fill(screen.getByTestId('webhook-callback-response-status'), '202');
    await user.click(screen.getByTestId('webhook-callback-response-headers-add'));
    await fill(screen.getByTestId('webhook-callback-response-headers-name'), 'X-Seen');
    const value = screen.getByTestId('webhook-callback-response-headers-value');
    expect(value.closest('[data-variables]')).toBeNull();
    await fill(value, 'yes');
    const body = screen.getByTestId('webhook-callback-response-body').querySelector('textarea') as HTMLTextAreaElement;
    expect(body.closest('[data-variables]')).toBeNull();
    await fill(body, 'thanks');
    expect(config().response).toEqual({ statusCode: 202, headers: [{ name: 'X-Seen', value: 'yes' }], body: 'thanks' });
  });
});

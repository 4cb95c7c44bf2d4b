import { render, type RenderResult } from '@testing-library/react';
import { App, Form, type FormInstance } from 'antd';
import React, { useEffect, useState } from 'react';
import { CurrentWorkflowContext, NodeContext } from './doubles/pluginWorkflowClientV2';

export interface RenderInFormOptions {
  /** The saved `config`, as the drawer puts it in the form. */
  config?: Record<string, unknown>;
  /** The workflow the drawer is opened from (`useCurrentWorkflowContext`). */
  workflow?: Record<string, unknown>;
  /** The node a node's drawer is opened for (`useNodeContext`). */
  node?: { id: number; key: string; type?: string; title?: string } | null;
}

export interface RenderedForm extends RenderResult {
  form: () => FormInstance;
  /** The config as it stands in the form. */
  config: () => Record<string, unknown>;
  /** What the drawer's Submit does first: validate every field, resolving with the values. */
  submit: () => Promise<unknown>;
}

/**
 * Renders a fieldset as the workflow plugin's drawer does: inside an antd `Form` whose values are
 * `{ config }`, within antd's `App` (messages) and the workflow and node contexts.
 */
export function renderInForm(
  ui: React.ReactNode,
  { config = {}, workflow = {}, node = null }: RenderInFormOptions = {},
): RenderedForm {
  const current: { form?: FormInstance } = {};
  function Drawer() {
    const [form] = Form.useForm();
    current.form = form;
    // The drawer sets the saved values before its lazily loaded fieldset mounts.
    const [seeded, setSeeded] = useState(false);
    useEffect(() => {
      form.setFieldsValue({ config });
      setSeeded(true);
    }, [form]);
    return (
      <App>
        <CurrentWorkflowContext.Provider value={workflow}>
          <NodeContext.Provider value={node}>
            <Form form={form} layout="vertical">
              {seeded ? ui : null}
            </Form>
          </NodeContext.Provider>
        </CurrentWorkflowContext.Provider>
      </App>
    );
  }
  const view = render(<Drawer />);
  const form = () => current.form as FormInstance;
  return {
    ...view,
    form,
    config: () => form().getFieldValue('config') as Record<string, unknown>,
    submit: () => form().validateFields(),
  };
}

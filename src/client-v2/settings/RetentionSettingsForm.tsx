import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { Alert, App, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import React from 'react';
import {
  RETENTION_BOUNDS,
  RETENTION_FIELDS,
  RetentionField,
  RetentionSettingsView,
  StoredRetention,
} from '../../common/retentionLimits';
import { SETTINGS_RESOURCE } from '../../common/settings';
import { errorMessage } from '../history/errorMessage';
import { Translate, useT } from '../locale';
import type { Body } from '../resources';

function labelsOf(t: Translate): { [field in RetentionField]: string } {
  return {
    maxAgeDays: t('Keep finished deliveries for (days)'),
    maxRowsPerWorkflow: t('Finished deliveries kept per workflow'),
    maxRefusedPerWorkflow: t('Refused and repeated requests kept per workflow'),
  };
}

/** The same bounds the server checks, so most mistakes are caught before saving. */
function rulesOf(field: RetentionField, t: Translate): Rule[] {
  const { integer, max } = RETENTION_BOUNDS[field];
  return [
    {
      validator: async (_rule, value: number | null | undefined) => {
        if (value == null) {
          return;
        }
        if (!(value > 0) || (integer && !Number.isInteger(value))) {
          throw new Error(integer ? t('Enter a positive whole number') : t('Enter a positive number'));
        }
        if (value > max) {
          throw new Error(t('At most {{max}}', { max }));
        }
      },
    },
  ];
}

function storedOf(view: RetentionSettingsView): StoredRetention {
  return {
    maxAgeDays: view.maxAgeDays,
    maxRowsPerWorkflow: view.maxRowsPerWorkflow,
    maxRefusedPerWorkflow: view.maxRefusedPerWorkflow,
  };
}

/**
 * How long the delivery history keeps ended deliveries. An empty field falls back to the server's
 * environment variable or the built-in default, shown as its placeholder.
 */
export function RetentionSettingsForm() {
  const t = useT();
  const ctx = useFlowContext();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoredRetention>();
  const labels = labelsOf(t);
  const settings = ctx.api.resource(SETTINGS_RESOURCE);

  const view = useRequest(async () => (await settings.get<Body<RetentionSettingsView>>()).data.data);
  const save = useRequest(
    async (values: StoredRetention) => {
      // An emptied field is sent as null: the fallback applies to it again.
      const sent = Object.fromEntries(RETENTION_FIELDS.map((field) => [field, values[field] ?? null]));
      return (await settings.put<Body<RetentionSettingsView>>({ values: sent })).data.data;
    },
    {
      manual: true,
      onSuccess: (saved) => {
        view.mutate(saved);
        form.setFieldsValue(storedOf(saved));
        message.success(t('Retention settings saved'));
      },
      onError: (error) => message.error(errorMessage(error)),
    },
  );

  if (view.error) {
    return <Alert type="error" showIcon message={errorMessage(view.error)} />;
  }
  if (!view.data) {
    return <Skeleton active />;
  }
  const fallback = view.data.fallback;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={storedOf(view.data)}
      onFinish={save.run}
      data-testid="webhook-retention-form"
      style={{ maxWidth: 560 }}
    >
      <Typography.Paragraph type="secondary">
        {t(
          'Every request to a webhook workflow is kept in its delivery history. Finished deliveries are deleted once they are older than the age limit or beyond the row limit of their workflow, whichever comes first; refused and repeated requests have a limit of their own.',
        )}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('Failed deliveries and deliveries that have not run yet are always kept.')}
      />
      {RETENTION_FIELDS.map((field) => (
        <Form.Item key={field} name={field} label={labels[field]} rules={rulesOf(field, t)}>
          <InputNumber
            data-testid={`webhook-retention-${field}`}
            style={{ width: 240 }}
            placeholder={t('Default: {{value}}', { value: fallback[field] })}
          />
        </Form.Item>
      ))}
      <Typography.Paragraph type="secondary">
        {t(
          'An empty field uses the environment variable set on the server (WEBHOOK_INBOX_RETENTION_DAYS, WEBHOOK_INBOX_MAX_ROWS, WEBHOOK_INBOX_MAX_REFUSED), else the built-in default. Changes apply at the next pruning, within a minute.',
        )}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={save.loading} data-testid="webhook-settings-save">
        {t('Save')}
      </Button>
    </Form>
  );
}

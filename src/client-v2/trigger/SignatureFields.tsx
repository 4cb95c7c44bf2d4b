import { useCurrentWorkflowContext } from '@nocobase/plugin-workflow/client-v2';
import { Form, Input, InputNumber, Select, Typography } from 'antd';
import React from 'react';
import { SENDERS, senderDescriptor, type SenderField, type SenderFieldName } from '../../common/senders';
import type { SignatureConfig, WebhookTriggerConfig } from '../../common/types';
import { clearFields } from '../components/clearFields';
import { SecretField } from '../components/SecretField';
import type { Translate } from '../locale';
import { useT } from '../locale';
import { CustomSignatureFields } from './CustomSignatureFields';
import { senderDefaultChanges } from './senderDefaults';

type Preset = NonNullable<SignatureConfig['preset']>;

const CONFIG = ['config'];
const SIGNATURE = [...CONFIG, 'signature'];

const KEY_FIELDS: readonly SenderFieldName[] = ['secret', 'publicKey', 'token', 'receiveId', 'url'];
const CUSTOM_FIELDS = ['header', 'algorithm', 'encoding', 'prefix', 'timestampHeader', 'signedPayload'];
/** Every field a sender's keys or the custom scheme may leave in `config.signature`. */
const ALL_FIELDS = [...KEY_FIELDS, 'tolerance', ...CUSTOM_FIELDS];

const TEST_IDS: Record<SenderFieldName, string> = {
  secret: 'webhook-signature-secret',
  publicKey: 'webhook-signature-public-key',
  token: 'webhook-signature-token',
  receiveId: 'webhook-signature-receive-id',
  url: 'webhook-signature-url',
};

function senderOptions(t: Translate): { label: string; value: Preset }[] {
  return [
    { label: t('None'), value: 'none' },
    ...SENDERS.map((sender) => ({ label: t(sender.label), value: sender.id })),
    { label: t('Other (custom HMAC)'), value: 'custom' },
  ];
}

/** One of the sender's keys, under the name its console gives it, with where to find it. */
function SenderKeyField({ field }: { field: SenderField }) {
  const t = useT();
  const name = [...SIGNATURE, field.name];
  const label = t(field.label);
  const where = t(field.where);
  if (field.secret) {
    return (
      <SecretField name={name} label={label} testId={TEST_IDS[field.name]} required={field.required} extra={where} />
    );
  }
  const rules = field.required ? [{ required: true, whitespace: true, message: t('Required') }] : [];
  return (
    <Form.Item name={name} label={label} rules={rules} extra={where}>
      {field.name === 'publicKey' ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} spellCheck={false} data-testid={TEST_IDS[field.name]} />
      ) : (
        <Input
          autoComplete="off"
          placeholder={field.name === 'url' ? 'https://' : undefined}
          data-testid={TEST_IDS[field.name]}
        />
      )}
    </Form.Item>
  );
}

/** What the server checks for the chosen sender, its URL verification, and its own documentation. */
function SenderHelp({ preset }: { preset: Preset | null | undefined }) {
  const t = useT();
  const sender = senderDescriptor(preset);
  if (!sender) {
    return (
      <>
        {preset === 'custom'
          ? t('Checks an HMAC signature in a header you name, computed as set below.')
          : t('Requests are not checked for a signature.')}
      </>
    );
  }
  return (
    <>
      <div data-testid="webhook-signature-checks">{t(sender.checks)}</div>
      {sender.handshake ? <div data-testid="webhook-signature-handshake">{t(sender.handshake)}</div> : null}
      <div>
        <Typography.Link
          href={sender.docs}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="webhook-signature-docs"
        >
          {t('How {{sender}} signs its requests', { sender: t(sender.label) })}
        </Typography.Link>
      </div>
    </>
  );
}

/**
 * The sender whose signature (or encryption) every delivery must carry; unsigned or altered
 * deliveries get 401. Picking one shows only its keys, clears those of any other, and fills in
 * what it always sends (delivery ID, event type, …) where the designer has set nothing.
 */
export function SignatureFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const workflow = useCurrentWorkflowContext() as { sync?: boolean } | null;
  const preset = Form.useWatch([...SIGNATURE, 'preset']) as Preset | null | undefined;
  const timestampHeader = Form.useWatch([...SIGNATURE, 'timestampHeader']) as string | undefined;
  const sender = senderDescriptor(preset);

  const onPresetChange = (next: Preset) => {
    clearFields(form, SIGNATURE, ALL_FIELDS);
    const config = form.getFieldValue(CONFIG) as WebhookTriggerConfig | undefined;
    const changes = senderDefaultChanges(config, preset, next, { sync: Boolean(workflow?.sync) });
    for (const [key, value] of Object.entries(changes)) {
      form.setFieldValue([...CONFIG, key], value);
    }
  };

  const timestamped = Boolean(sender?.timestamped) || (preset === 'custom' && Boolean(timestampHeader?.trim()));
  return (
    <>
      <Form.Item
        name={[...SIGNATURE, 'preset']}
        label={t('Sender')}
        initialValue="none"
        extra={<SenderHelp preset={preset} />}
      >
        <Select
          options={senderOptions(t)}
          onChange={onPresetChange}
          showSearch
          optionFilterProp="label"
          // Two dozen entries: all of them rendered, none recycled while scrolling.
          virtual={false}
          data-testid="webhook-signature-preset"
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
      {sender?.fields.map((field) => (
        <SenderKeyField key={`${sender.id}-${field.name}`} field={field} />
      ))}
      {preset === 'custom' ? (
        <>
          <SecretField
            name={[...SIGNATURE, 'secret']}
            label={t('Signing secret')}
            testId="webhook-signature-secret"
            required
          />
          <CustomSignatureFields />
        </>
      ) : null}
      {timestamped ? (
        <Form.Item
          name={[...SIGNATURE, 'tolerance']}
          label={t('Tolerance (seconds)')}
          extra={t('Deliveries whose timestamp is further than this from now get 401. Default: 300.')}
        >
          <InputNumber min={1} precision={0} placeholder="300" data-testid="webhook-signature-tolerance" />
        </Form.Item>
      ) : null}
    </>
  );
}

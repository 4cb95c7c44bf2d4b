import { Form, InputNumber, Select } from 'antd';
import React from 'react';
import type { SignatureConfig } from '../../common/types';
import { clearFields } from '../components/clearFields';
import { SecretField } from '../components/SecretField';
import type { Translate } from '../locale';
import { useT } from '../locale';
import { CustomSignatureFields } from './CustomSignatureFields';

type Preset = NonNullable<SignatureConfig['preset']>;

const SIGNATURE = ['config', 'signature'];

/** Presets whose signature carries a timestamp the server checks against the tolerance. */
const TIMESTAMPED: Preset[] = ['stripe', 'slack', 'standard-webhooks'];
const CUSTOM_FIELDS = ['header', 'algorithm', 'encoding', 'prefix', 'timestampHeader', 'signedPayload'];

/** The fields a preset uses besides itself; the others are cleared when the preset changes. */
function fieldsOf(preset: Preset): string[] {
  if (preset === 'none') {
    return [];
  }
  if (preset === 'custom') {
    return ['secret', 'tolerance', ...CUSTOM_FIELDS];
  }
  return TIMESTAMPED.includes(preset) ? ['secret', 'tolerance'] : ['secret'];
}
const ALL_FIELDS = fieldsOf('custom');

function presetOptions(t: Translate): { label: string; value: Preset }[] {
  return [
    { label: t('None'), value: 'none' },
    { label: 'GitHub', value: 'github' },
    { label: 'Stripe', value: 'stripe' },
    { label: 'Slack', value: 'slack' },
    { label: 'Shopify', value: 'shopify' },
    { label: 'Standard Webhooks / Svix', value: 'standard-webhooks' },
    { label: 'Meta', value: 'meta' },
    { label: t('Custom HMAC'), value: 'custom' },
  ];
}

/** Which headers each preset checks, and which secret it wants. */
function presetHelp(t: Translate, preset: Preset | undefined): string | undefined {
  switch (preset) {
    case 'github':
      return t('Checks X-Hub-Signature-256 with the secret set on the GitHub webhook.');
    case 'meta':
      return t('Checks X-Hub-Signature-256 with the app secret of the Meta app.');
    case 'stripe':
      return t('Checks Stripe-Signature with the signing secret of the Stripe endpoint (whsec_…).');
    case 'slack':
      return t('Checks X-Slack-Signature and X-Slack-Request-Timestamp with the signing secret of the Slack app.');
    case 'shopify':
      return t('Checks X-Shopify-Hmac-Sha256 with the secret of the Shopify app.');
    case 'standard-webhooks':
      return t(
        'Checks webhook-id, webhook-timestamp and webhook-signature (or their svix- forms); the secret starts with whsec_.',
      );
    case 'custom':
      return t('Checks an HMAC signature in a header you name, computed as set below.');
    default:
      return t('Requests are not checked for a signature.');
  }
}

/** The sender's signature over the exact body received; unsigned or altered deliveries get 401. */
export function SignatureFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const preset = Form.useWatch([...SIGNATURE, 'preset']) as Preset | null | undefined;
  const onPresetChange = (next: Preset) =>
    clearFields(
      form,
      SIGNATURE,
      ALL_FIELDS.filter((name) => !fieldsOf(next).includes(name)),
    );
  const timestampHeader = Form.useWatch([...SIGNATURE, 'timestampHeader']) as string | undefined;
  const signed = Boolean(preset) && preset !== 'none';
  const timestamped =
    (preset != null && TIMESTAMPED.includes(preset)) || (preset === 'custom' && Boolean(timestampHeader?.trim()));
  return (
    <>
      <Form.Item
        name={[...SIGNATURE, 'preset']}
        label={t('Signature')}
        initialValue="none"
        extra={presetHelp(t, preset ?? undefined)}
      >
        <Select
          options={presetOptions(t)}
          onChange={onPresetChange}
          data-testid="webhook-signature-preset"
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      {signed ? (
        <SecretField
          name={[...SIGNATURE, 'secret']}
          label={t('Signing secret')}
          testId="webhook-signature-secret"
          required
          placeholder={preset === 'standard-webhooks' ? 'whsec_…' : undefined}
        />
      ) : null}
      {preset === 'custom' ? <CustomSignatureFields /> : null}
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

import { Form, Radio } from 'antd';
import React from 'react';
import type { HandshakeConfig } from '../../common/types';
import { clearFields } from '../components/clearFields';
import { SecretField } from '../components/SecretField';
import type { Translate } from '../locale';
import { useT } from '../locale';

type HandshakeType = NonNullable<HandshakeConfig['type']>;

const HANDSHAKE = ['config', 'handshake'];

function handshakeHelp(t: Translate, type: HandshakeType | null | undefined): string | undefined {
  switch (type) {
    case 'slack':
      return t(
        "Slack's url_verification request is answered with its challenge, after the signature check (choose the Slack signature too).",
      );
    case 'meta':
      return t(
        "Meta's GET request with hub.mode=subscribe is answered with hub.challenge when hub.verify_token matches, whatever the allowed methods.",
      );
    default:
      return undefined;
  }
}

/** A sender's check that the URL is theirs, answered without starting a run. */
export function HandshakeFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const type = Form.useWatch([...HANDSHAKE, 'type']) as HandshakeType | null | undefined;
  const onTypeChange = (next: HandshakeType) => clearFields(form, HANDSHAKE, next === 'meta' ? [] : ['verifyToken']);
  return (
    <>
      <Form.Item
        name={[...HANDSHAKE, 'type']}
        label={t('Handshake')}
        initialValue="none"
        extra={handshakeHelp(t, type)}
      >
        <Radio.Group
          onChange={(event) => onTypeChange(event.target.value as HandshakeType)}
          data-testid="webhook-handshake-type"
          options={[
            { label: t('None'), value: 'none' },
            { label: t('Slack url_verification'), value: 'slack' },
            { label: t('Meta hub.challenge'), value: 'meta' },
          ]}
        />
      </Form.Item>
      {type === 'meta' ? (
        <SecretField
          name={[...HANDSHAKE, 'verifyToken']}
          label={t('Verify token')}
          testId="webhook-handshake-verify-token"
          required
          extra={t('The verify token entered in the webhook settings of the Meta app.')}
        />
      ) : null}
    </>
  );
}

import { SENDERS, SenderId } from '../../common/senders';
import type { SignatureConfig } from '../../common/types';
import { alipay } from './alipay';
import { custom } from './custom';
import { dingtalk } from './dingtalk';
import { discord } from './discord';
import { github } from './github';
import { gitlab } from './gitlab';
import { hubspot } from './hubspot';
import { lark } from './lark';
import { mailgun } from './mailgun';
import { meta } from './meta';
import { paddle } from './paddle';
import type { SenderProtocol } from './Sender';
import { sendgrid } from './sendgrid';
import { shopify } from './shopify';
import { slack } from './slack';
import { square } from './square';
import { standardWebhooks } from './standardWebhooks';
import { stripe } from './stripe';
import { twilio } from './twilio';
import { twitch } from './twitch';
import { wechatpay } from './wechatpay';
import { wecom } from './wecom';
import { zoom } from './zoom';

/**
 * Every sender's protocol, by the catalogue's id (`common/senders.ts`); the type makes a sender
 * of the catalogue without a protocol a compile error.
 */
const PROTOCOLS: Record<SenderId | 'custom', SenderProtocol> = {
  github,
  gitlab,
  stripe,
  slack,
  shopify,
  meta,
  'standard-webhooks': standardWebhooks,
  twilio,
  sendgrid,
  mailgun,
  zoom,
  discord,
  twitch,
  square,
  paddle,
  hubspot,
  lark,
  wecom,
  dingtalk,
  alipay,
  wechatpay,
  custom,
};

/** Every `signature.preset` the trigger accepts besides "none". */
export const SIGNATURE_PRESETS = [...SENDERS.map((sender) => sender.id), 'custom'] as const;

/** The protocol a trigger's signature settings name; null when it checks nothing. */
export function protocolOf(config: SignatureConfig | null | undefined): SenderProtocol | null {
  const preset = config?.preset;
  if (!preset || preset === 'none') {
    return null;
  }
  return (PROTOCOLS as Record<string, SenderProtocol | undefined>)[preset] ?? null;
}

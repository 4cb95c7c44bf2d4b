import Joi from 'joi';
import { HEADER_NAME_PATTERN } from '../../common/httpRules';
import { senderDescriptor } from '../../common/senders';
import type { SignatureConfig } from '../../common/types';
import { protocolOf, SIGNATURE_PRESETS } from './catalogue';

/** A field the sender needs and the saved settings lack, named as its console names it. */
function missingField(config: SignatureConfig): string | null {
  const sender = senderDescriptor(config.preset);
  const required = sender ? sender.fields.filter((field) => field.required) : [];
  if (config.preset === 'custom' && !config.secret) {
    return '"signature.secret" is required';
  }
  const missing = required.find((field) => !config[field.name]);
  return missing && sender ? `"signature.${missing.name}" (${missing.label}) is required for ${sender.label}` : null;
}

/**
 * `config.signature`: the sender and the keys its catalogue entry asks for. Each sender's protocol
 * may check more when the workflow is saved (a public key that does not parse → 400 naming it).
 */
export const signatureSchema = Joi.object({
  preset: Joi.string()
    .valid('none', ...SIGNATURE_PRESETS)
    .allow(null),
  secret: Joi.string().allow(''),
  publicKey: Joi.string().allow(''),
  token: Joi.string().allow(''),
  receiveId: Joi.string().allow(''),
  url: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .allow(''),
  tolerance: Joi.number().positive().allow(null),
  header: Joi.string().trim().pattern(HEADER_NAME_PATTERN).allow(''),
  algorithm: Joi.string().valid('sha1', 'sha256', 'sha512'),
  encoding: Joi.string().valid('hex', 'base64'),
  prefix: Joi.string().allow(''),
  timestampHeader: Joi.string().trim().pattern(HEADER_NAME_PATTERN).allow(''),
  signedPayload: Joi.string().allow(''),
})
  .unknown(true)
  .custom((config: SignatureConfig, helpers) => {
    const problem = missingField(config) ?? protocolOf(config)?.checkConfig?.(config) ?? null;
    return problem ? helpers.message({ custom: problem }) : config;
  })
  .allow(null);

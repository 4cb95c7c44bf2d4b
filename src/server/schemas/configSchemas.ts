import Joi from 'joi';
import { HEADER_NAME_PATTERN, MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import { AUTH_TYPES, WEBHOOK_METHODS } from '../../common/types';

/**
 * The configuration contracts that more than one trigger or node accepts, each defined once: what
 * the trigger's async answer, the HTTP Response node and the callback node's answer accept is one
 * schema, and so are the trigger's and the callback node's credentials.
 */

/** A string the shared rule (the same the designer's form applies) accepts. */
export function ruleString(accepts: (value: unknown) => boolean, what: string) {
  return Joi.string()
    .trim()
    .custom((value: string, helpers) =>
      accepts(value) ? value : helpers.message({ custom: `"${value}" is not ${what}` }),
    );
}

/** Rows of `{ name, value }` headers; a name must be a valid header token (a row without one is skipped). */
export const headerPairsSchema = Joi.array().items(
  Joi.object({ name: Joi.string().trim().pattern(HEADER_NAME_PATTERN).allow(''), value: Joi.any() }).unknown(true),
);

/** An HTTP answer: status (a number in range, or a template), headers, body. */
export const responseSchema = Joi.object({
  statusCode: Joi.alternatives(Joi.number().integer().min(MIN_ANSWER_STATUS).max(MAX_ANSWER_STATUS), Joi.string()),
  headers: headerPairsSchema,
  body: Joi.any(),
}).unknown(true);

/** Who may call: none, HTTP Basic, a named header or a bearer token, with what each type needs. */
export const authSchema = Joi.object({
  type: Joi.string().valid(...AUTH_TYPES),
  username: Joi.when('type', { is: 'basic', then: Joi.string().required() }),
  password: Joi.when('type', { is: 'basic', then: Joi.string().required() }),
  name: Joi.when('type', { is: 'header', then: Joi.string().trim().pattern(HEADER_NAME_PATTERN).required() }),
  value: Joi.when('type', { is: 'header', then: Joi.string().required() }),
  token: Joi.when('type', { is: 'bearer', then: Joi.string().required() }),
}).unknown(true);

/** The methods a URL answers. */
export const methodsSchema = Joi.array()
  .items(
    Joi.string()
      .uppercase()
      .valid(...WEBHOOK_METHODS),
  )
  .min(1);

/** `requests` per `per` seconds. */
export const rateLimitSchema = Joi.object({
  requests: Joi.number().integer().positive().allow(null),
  per: Joi.number().positive().allow(null),
})
  .unknown(true)
  .allow(null);

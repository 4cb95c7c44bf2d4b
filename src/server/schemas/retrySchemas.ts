import Joi from 'joi';
import { RETRYABLE_OUTCOMES } from '../../common/types';

/** The most runs one delivery gets: past that, a failure is not transient and needs a person. */
export const MAX_ATTEMPTS = 20;

/** `config.retry` (see `RetryConfig`): off unless `attempts` is above 1. */
export const retrySchema = Joi.object({
  attempts: Joi.number().integer().min(1).max(MAX_ATTEMPTS).allow(null),
  delay: Joi.number().min(1).allow(null),
  backoff: Joi.string().valid('exponential', 'fixed').allow(null),
  // A cap below the first wait would make the first wait meaningless.
  maxDelay: Joi.when('delay', {
    is: Joi.number().required(),
    then: Joi.number().min(Joi.ref('delay')),
    otherwise: Joi.number().min(1),
  }).allow(null),
  on: Joi.array()
    .items(Joi.string().valid(...RETRYABLE_OUTCOMES))
    .unique()
    .allow(null),
})
  .unknown(true)
  .allow(null);

/** `config.alerts` (see `AlertsConfig`): who is told when deliveries give up or fail often. */
export const alertsSchema = Joi.object({
  users: Joi.array().items(Joi.alternatives(Joi.number().integer(), Joi.string())).allow(null),
  roles: Joi.array().items(Joi.string()).allow(null),
  channels: Joi.array().items(Joi.string()).allow(null),
  onGiveUp: Joi.boolean().allow(null),
  failures: Joi.object({
    count: Joi.number().integer().min(1).allow(null),
    minutes: Joi.number().integer().min(1).allow(null),
  })
    .unknown(true)
    .allow(null),
})
  .unknown(true)
  .allow(null);

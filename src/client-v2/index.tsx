export { default } from './plugin';
export { default as WebhookTrigger } from './WebhookTrigger';
export { default as ResponseInstruction } from './ResponseInstruction';

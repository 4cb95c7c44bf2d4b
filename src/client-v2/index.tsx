export { default } from './plugin';
export { default as WebhookTrigger } from './WebhookTrigger';
export { default as ResponseInstruction } from './ResponseInstruction';
export { default as CallbackInstruction } from './CallbackInstruction';

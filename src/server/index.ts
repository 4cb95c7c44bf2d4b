export { default } from './Plugin';
export { default as WebhookTrigger } from './WebhookTrigger';
export { default as ResponseInstruction } from './instructions/ResponseInstruction';

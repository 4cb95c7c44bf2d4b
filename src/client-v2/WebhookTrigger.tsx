import { Trigger } from '@nocobase/plugin-workflow/client-v2';
import { tExpr } from './locale';

export default class WebhookTrigger extends Trigger {
  title = tExpr('Webhook event');
  description = tExpr('Triggered when an external system sends an HTTP request to the webhook URL.');
}

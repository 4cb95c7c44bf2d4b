import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';
import { acceptsRequestValues, buildTriggerVariables } from '../common/variableTree';
import type { WebhookTriggerConfig } from '../common/types';
import { useT } from './locale';
import { useVariableWorkflow } from './useVariableWorkflow';

/**
 * The trigger's `{{$context.…}}` variables for later nodes' pickers. The callback URLs under
 * `$context` are added to every trigger's variables, this one's included (see
 * `offerCallbackUrlsInTriggers`).
 */
export function useWebhookVariables(
  config: Record<string, unknown>,
  options?: UseVariableOptions,
): VariableOption[] | null {
  const t = useT();
  const { sync } = useVariableWorkflow();
  if (!acceptsRequestValues(options?.types)) {
    return null;
  }
  return buildTriggerVariables(
    config as WebhookTriggerConfig | undefined,
    {
      method: t('Method'),
      headers: t('Headers'),
      query: t('Query parameters'),
      body: t('Body'),
      rawBody: t('Raw body'),
      files: t('Files'),
      event: t('Event'),
      eventType: t('Event type'),
      file: {
        url: t('URL'),
        filename: t('File name'),
        mimeType: t('MIME type'),
        size: t('Size (bytes)'),
        field: t('Form field'),
        attachmentId: t('Attachment ID'),
      },
    },
    { sync },
  );
}

import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';
import { acceptsRequestValues, buildTriggerVariables } from '../common/variableTree';
import type { WebhookTriggerConfig } from '../common/types';
import { useT } from './locale';

/** The trigger's `{{$context.…}}` variables for later nodes' pickers. */
export function useWebhookVariables(
  config: Record<string, unknown>,
  options?: UseVariableOptions,
): VariableOption[] | null {
  const t = useT();
  if (!acceptsRequestValues(options?.types)) {
    return null;
  }
  return buildTriggerVariables(config as WebhookTriggerConfig | undefined, {
    method: t('Method'),
    headers: t('Headers'),
    query: t('Query parameters'),
    body: t('Body'),
    rawBody: t('Raw body'),
    files: t('Files'),
    file: {
      url: t('URL'),
      filename: t('File name'),
      mimeType: t('MIME type'),
      size: t('Size (bytes)'),
      field: t('Form field'),
      attachmentId: t('Attachment ID'),
    },
  });
}

import { type MetaTreeNode, useFlowEngine } from '@nocobase/flow-engine';
import { Form } from 'antd';
import { useMemo } from 'react';
import type { SubscriptionConfig, WebhookTriggerConfig } from '../../common/types';
import { useT } from '../locale';
import {
  buildEventVariables,
  buildSubscriptionVariables,
  keptNames,
  type SubscriptionStepName,
  toMetaTree,
} from './templateVariables';
import { buildRequestVariables, type TriggerVariableLabels } from './variableTree';

/**
 * The variable trees of the trigger's own templates, each exactly what the server renders that
 * template with: they are not the workflow's variables, so they are passed to the workflow plugin's
 * variable inputs as an explicit `metaTree`.
 */

/** The labels of the request's parts, as the variable pickers show them. */
export function useRequestLabels(): TriggerVariableLabels {
  const t = useT();
  return useMemo(
    () => ({
      method: t('Method'),
      headers: t('Headers'),
      query: t('Query parameters'),
      body: t('Body'),
      rawBody: t('Raw body'),
      files: t('Files'),
      event: t('Event'),
      eventType: t('Event type'),
      attempt: t('Attempt'),
      file: {
        url: t('URL'),
        filename: t('File name'),
        mimeType: t('MIME type'),
        size: t('Size (bytes)'),
        field: t('Form field'),
        attachmentId: t('Attachment ID'),
      },
    }),
    [t],
  );
}

/** The immediate answer of an asynchronous workflow: `{{$context.…}}`, the request as received. */
export function useRequestVariables(): MetaTreeNode[] {
  const t = useT();
  const labels = useRequestLabels();
  const request = Form.useWatch(['config', 'request'], { preserve: true }) as WebhookTriggerConfig['request'];
  const rawBody = Form.useWatch(['config', 'rawBody'], { preserve: true }) as boolean | undefined;
  return useMemo(
    () => [
      {
        name: '$context',
        title: t('Trigger variables'),
        type: '',
        paths: ['$context'],
        children: toMetaTree(buildRequestVariables({ request, rawBody }, labels), ['$context']),
      },
    ],
    [t, labels, request, rawBody],
  );
}

/** The type and id templates of an event. */
export function useEventVariables(): MetaTreeNode[] {
  const t = useT();
  return useMemo(() => toMetaTree(buildEventVariables(t('Event'))), [t]);
}

/** NocoBase's "Variables and secrets" (`$env`), as the environment variables plugin offers them. */
function useEnvironmentVariables(): MetaTreeNode[] {
  const engine = useFlowEngine();
  return useMemo(() => {
    const env = engine.context.getPropertyMetaTree?.().find((node) => node.name === '$env');
    return env ? [env] : [];
  }, [engine]);
}

/** The templates of one call to the sender; with `answer`, those that read its answer. */
export function useSubscriptionVariables(step: SubscriptionStepName, answer = false): MetaTreeNode[] {
  const t = useT();
  const env = useEnvironmentVariables();
  const subscription = Form.useWatch(['config', 'subscription'], { preserve: true }) as SubscriptionConfig | null;
  // Rebuilt when the kept names change, not on every keystroke elsewhere in the section.
  const kept = keptNames(subscription).join('\n');
  return useMemo(() => {
    const labels = {
      webhook: t('This webhook'),
      url: t('URL'),
      key: t('URL key'),
      state: t('Kept values'),
      response: t('Answer'),
      status: t('Status code'),
      body: t('Body'),
    };
    const names = kept ? kept.split('\n') : [];
    return [...toMetaTree(buildSubscriptionVariables(step, names, labels, { answer })), ...env];
  }, [t, env, step, answer, kept]);
}

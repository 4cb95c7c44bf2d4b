import React from 'react';
import { useT } from '../locale';
import { HeaderOrBodyPathFields } from './HeaderOrBodyPathFields';

/**
 * Where the sender names the delivery's event (`X-GitHub-Event`, Stripe's `type`): later nodes
 * read it as `$context.eventType` and branch on it without writing a path.
 */
export function EventTypeFields() {
  const t = useT();
  return (
    <HeaderOrBodyPathFields
      base={['config', 'eventType']}
      label={t('Event type')}
      extra={t(
        'Where the sender names the event; later nodes read it as {{variable}}. An event split from a batch takes its own type.',
        { variable: '{{$context.eventType}}' },
      )}
      testId="webhook-event-type"
      headerPlaceholder="X-GitHub-Event"
      bodyPathPlaceholder="type"
    />
  );
}

import { Form, Input, Select, Switch } from 'antd';
import React from 'react';
import { useT } from '../locale';

const EVENTS = ['config', 'events'];
const PATH = [...EVENTS, 'path'];

/**
 * One delivery carrying many events (Meta's `entry[*].changes[*]`, a Segment batch): each event runs
 * on its own, with `$context.event` and `$context.eventType`. Turning it off drops the settings,
 * since the server splits whenever a path is set.
 */
export function EventsFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const path = Form.useWatch(PATH, { preserve: true }) as string | undefined;
  const [enabled, setEnabled] = React.useState(Boolean(path));
  React.useEffect(() => {
    if (path) setEnabled(true);
  }, [path]);

  const toggle = (next: boolean) => {
    setEnabled(next);
    if (!next) {
      form.setFieldValue(EVENTS, null);
    }
  };

  return (
    <>
      <Form.Item
        label={t('Run each event on its own')}
        extra={t('Each event of a delivery starts its own run; the sender is answered once.')}
      >
        <Switch checked={enabled} onChange={toggle} data-testid="webhook-events-enabled" />
      </Form.Item>
      {enabled ? (
        <>
          <Form.Item
            name={PATH}
            label={t('Events path')}
            rules={[{ required: true, whitespace: true, message: t('Required') }]}
            extra={t('Where the events are in the body; * takes every element of an array.')}
          >
            <Input placeholder="entry[*].changes[*]" autoComplete="off" data-testid="webhook-events-path" />
          </Form.Item>
          <Form.Item
            name={[...EVENTS, 'type']}
            label={t('Event type')}
            extra={t('A template over {{event}}, the event itself, e.g. {{example}}. Runs read it as {{variable}}.', {
              event: '$event',
              example: '{{$event.field}}',
              variable: '{{$context.eventType}}',
            })}
          >
            <Input placeholder="{{$event.field}}" autoComplete="off" data-testid="webhook-events-type" />
          </Form.Item>
          <Form.Item
            name={[...EVENTS, 'filter']}
            label={t('Event types that run')}
            extra={t('Events of other types are left out and counted in the delivery history. Empty runs them all.')}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', ' ']}
              open={false}
              suffixIcon={null}
              placeholder="messages"
              data-testid="webhook-events-filter"
            />
          </Form.Item>
          <Form.Item
            name={[...EVENTS, 'id']}
            label={t('Event ID')}
            extra={t(
              'A template over {{event}}, e.g. {{example}}: an event whose ID was already received does not run again.',
              { event: '$event', example: '{{$event.id}}' },
            )}
          >
            <Input placeholder="{{$event.id}}" autoComplete="off" data-testid="webhook-events-id" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

import { Form, Input, Select, Switch } from 'antd';
import React from 'react';
import type { EventsConfig } from '../../common/types';
import { TemplateInput } from '../components/TemplateInput';
import { useT } from '../locale';
import { useEventVariables } from '../variables/useTemplateVariables';

const EVENTS = ['config', 'events'];
const PATH = [...EVENTS, 'path'];

/**
 * One delivery carrying many events (Meta's `entry[*].changes[*]`, a Segment batch): each event runs
 * on its own, with `$context.event` and `$context.eventType`. It is on while a path is set, even
 * an empty one being typed; turning it off drops the settings, since the server splits whenever a
 * path is set.
 */
export function EventsFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const events = Form.useWatch(EVENTS, { preserve: true }) as EventsConfig | null | undefined;
  const enabled = typeof events?.path === 'string';
  const variables = useEventVariables();
  const toggle = (next: boolean) => form.setFieldValue(EVENTS, next ? { path: '' } : null);

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
            <TemplateInput variables={variables} placeholder="{{$event.field}}" data-testid="webhook-events-type" />
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
            <TemplateInput variables={variables} placeholder="{{$event.id}}" data-testid="webhook-events-id" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

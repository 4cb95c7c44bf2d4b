import { Form } from 'antd';
import React from 'react';
import { isTemplatePath, isTemplateSegment } from '../../common/fieldPath';
import { keysFromJsonSample, keysFromQuerySample } from '../../common/sampleKeys';
import { FieldRuleList } from '../components/FieldRuleList';
import { useT } from '../locale';

/** Which parts of a request become trigger variables, and under which labels. */
export function RequestRulesFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        label={t('Headers')}
        extra={t('Only the headers listed here are kept, under their lower-cased names.')}
      >
        <FieldRuleList
          name={['config', 'request', 'headers']}
          keyPlaceholder={t('Header name, e.g. X-Request-Id')}
          addText={t('Add header')}
          testId="webhook-headers"
          reachable={(key) => isTemplateSegment(key.toLowerCase())}
        />
      </Form.Item>
      <Form.Item
        label={t('Query parameters')}
        extra={t('Every parameter is kept; the listed ones appear in variable lists.')}
      >
        <FieldRuleList
          name={['config', 'request', 'query']}
          keyPlaceholder={t('Parameter path, e.g. filter.status')}
          addText={t('Add parameter')}
          testId="webhook-query"
          reachable={isTemplatePath}
          sample={{
            parse: keysFromQuerySample,
            buttonText: t('Parse from a URL'),
            placeholder: t(
              'Paste a full URL or a query string, e.g. https://example.com/hook?page=1&filter[status]=paid',
            ),
          }}
        />
      </Form.Item>
      <Form.Item label={t('Body')} extra={t('The whole body is kept; the listed fields appear in variable lists.')}>
        <FieldRuleList
          name={['config', 'request', 'body']}
          keyPlaceholder={t('Field path, e.g. order.id or items[0].sku')}
          addText={t('Add field')}
          testId="webhook-body"
          reachable={isTemplatePath}
          sample={{
            parse: keysFromJsonSample,
            buttonText: t('Parse from a JSON sample'),
            placeholder: t('Paste a JSON body, e.g. {"order": {"id": 1}}'),
          }}
        />
      </Form.Item>
    </>
  );
}

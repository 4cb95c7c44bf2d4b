import { Form, Input, Select, Switch } from 'antd';
import React from 'react';
import { isBodySize } from '../../common/accessRules';
import { isMimePattern } from '../../common/uploadRules';
import { useT } from '../locale';

const UPLOADS = ['config', 'uploads'];
const STORE = [...UPLOADS, 'store'];

/** A cleared input gives "", which the server refuses as a size: store nothing instead. */
const blankToUndefined = (value: unknown) => (value == null || value === '' ? undefined : value);

/**
 * Whether the files of a multipart delivery are kept as attachments, and which files are accepted
 * then. Nothing is stored unless switched on: anyone who can reach the URL could otherwise fill
 * the storage.
 */
export function UploadsFields() {
  const t = useT();
  const store = Form.useWatch(STORE, { preserve: true }) as boolean | undefined;
  return (
    <>
      <Form.Item
        name={STORE}
        label={t('Store uploaded files')}
        valuePropName="checked"
        extra={t(
          "Each file becomes an attachment in the file manager's default storage, whose own type and size rules apply, and $context.files gives its ID and URL. Off: only each file's name, type and size are kept.",
        )}
      >
        <Switch data-testid="webhook-uploads-store" />
      </Form.Item>
      {store ? (
        <>
          <Form.Item
            name={[...UPLOADS, 'mimetypes']}
            label={t('Allowed file types')}
            rules={[
              {
                validator: async (_rule: unknown, value: unknown) => {
                  const refused = Array.isArray(value) ? value.filter((entry) => !isMimePattern(entry)) : [];
                  if (refused.length) {
                    throw new Error(t('Not a type or type pattern: {{entries}}', { entries: refused.join(', ') }));
                  }
                },
              },
            ]}
            extra={t('A file of another type refuses the delivery with 415. Empty: whatever the storage allows.')}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', ' ']}
              open={false}
              suffixIcon={null}
              placeholder="image/*, application/pdf"
              data-testid="webhook-uploads-mimetypes"
            />
          </Form.Item>
          <Form.Item
            name={[...UPLOADS, 'maxFileSize']}
            label={t('Maximum file size')}
            normalize={blankToUndefined}
            rules={[
              {
                validator: async (_rule: unknown, value: unknown) => {
                  if (value != null && value !== '' && !isBodySize(value)) {
                    throw new Error(t('Bytes, or a size such as 512kb or 2mb.'));
                  }
                },
              },
            ]}
            extra={t("Optional. A larger file refuses the delivery with 413; the storage's own limit applies too.")}
          >
            <Input
              placeholder="5mb"
              autoComplete="off"
              style={{ maxWidth: 200 }}
              data-testid="webhook-uploads-max-file-size"
            />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

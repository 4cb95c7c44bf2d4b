import { Descriptions, Space, Tag, Typography } from 'antd';
import React from 'react';
import { formatPayload, hasPayload } from '../../common/formatPayload';
import type { UploadedFile } from '../../common/types';
import { useT } from '../locale';
import { CodeBlock } from './CodeBlock';

export interface RequestViewProps {
  headers: Record<string, string> | null | undefined;
  query: unknown;
  body: unknown;
  files?: UploadedFile[];
  rawBody?: string;
  rawBodyEncoding?: 'utf8' | 'base64';
  /** Said under the headers' title, e.g. which headers were kept. */
  headersNote?: string;
  testId: string;
}

function Part({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {note ? (
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {note}
        </Typography.Text>
      ) : null}
      <div style={{ marginTop: 6 }}>{children}</div>
    </div>
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A request's headers, query, body and, when kept, its files and raw body. */
export function RequestView({
  headers,
  query,
  body,
  files,
  rawBody,
  rawBodyEncoding,
  headersNote,
  testId,
}: RequestViewProps) {
  const t = useT();
  const none = <Typography.Text type="secondary">{t('None')}</Typography.Text>;
  const headerEntries = Object.entries(headers ?? {});
  return (
    <div data-testid={testId}>
      <Part title={t('Headers')} note={headersNote}>
        {headerEntries.length ? (
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid={`${testId}-headers`}
            labelStyle={{ width: '35%', fontFamily: 'monospace' }}
            contentStyle={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            items={headerEntries.map(([name, value]) => ({ key: name, label: name, children: String(value) }))}
          />
        ) : (
          none
        )}
      </Part>
      <Part title={t('Query parameters')}>
        {hasPayload(query) ? <CodeBlock text={formatPayload(query)} testId={`${testId}-query`} /> : none}
      </Part>
      <Part title={t('Body')}>
        {hasPayload(body) ? <CodeBlock text={formatPayload(body)} testId={`${testId}-body`} /> : none}
      </Part>
      {files?.length ? (
        <Part title={t('Files')}>
          <Space direction="vertical" size={4} data-testid={`${testId}-files`}>
            {files.map((file, index) => (
              <Space key={`${file.field}-${index}`} size={8} wrap>
                <Tag>{file.field}</Tag>
                {file.url ? (
                  <Typography.Link href={file.url} target="_blank" rel="noopener noreferrer">
                    {file.filename}
                  </Typography.Link>
                ) : (
                  <Typography.Text>{file.filename}</Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {file.mimeType}, {formatSize(file.size)}
                </Typography.Text>
              </Space>
            ))}
          </Space>
        </Part>
      ) : null}
      {rawBody ? (
        <Part
          title={t('Raw body')}
          note={rawBodyEncoding === 'base64' ? t('Base64, as the body is not text') : undefined}
        >
          <CodeBlock text={rawBody} testId={`${testId}-raw-body`} />
        </Part>
      ) : null}
    </div>
  );
}

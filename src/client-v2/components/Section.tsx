import { Divider, Typography } from 'antd';
import React from 'react';

export interface SectionProps {
  title: string;
  description?: React.ReactNode;
  testId: string;
  children: React.ReactNode;
}

/** A titled group of fields inside a configuration drawer. */
export function Section({ title, description, testId, children }: SectionProps) {
  return (
    <section data-testid={testId}>
      <Divider orientation="left" orientationMargin={0} style={{ marginTop: 8 }}>
        {title}
      </Divider>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {description}
        </Typography.Paragraph>
      ) : null}
      {children}
    </section>
  );
}

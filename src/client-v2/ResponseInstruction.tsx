import { SendOutlined } from '@ant-design/icons';
import {
  type CanvasNode,
  Instruction,
  type LoaderOf,
  type NodeAvailableContext,
} from '@nocobase/plugin-workflow/client-v2';
import React from 'react';
import { isResponseNodeAvailable } from '../common/availability';
import { RESPONSE_NODE_TYPE } from '../common/constants';
import type { WorkflowLike } from '../common/types';
import { tExpr } from './locale';

interface SyncAware {
  isWorkflowSync(workflow: unknown): boolean;
}

/** "HTTP Response": answers the request that started a synchronous webhook workflow. */
export default class ResponseInstruction extends Instruction {
  type = RESPONSE_NODE_TYPE;
  title = tExpr('HTTP Response');
  group = 'control';
  description = tExpr('Answers the HTTP request that started this synchronous webhook workflow, then ends the run.');
  icon = (<SendOutlined />);
  end = true;

  FieldsetLoader: LoaderOf = () => import('./response/ResponseFieldset');
  ComponentLoader: LoaderOf<{ data: CanvasNode }> = () => import('./response/ResponseNodeCard');

  isAvailable({ engine, workflow }: NodeAvailableContext) {
    const sync = Boolean((engine as SyncAware | undefined)?.isWorkflowSync?.(workflow));
    return isResponseNodeAvailable(workflow as WorkflowLike, sync);
  }

  createDefaultConfig() {
    return { statusCode: 200 };
  }
}

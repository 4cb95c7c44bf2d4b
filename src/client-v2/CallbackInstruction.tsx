import { ApiOutlined } from '@ant-design/icons';
import {
  type CanvasNode,
  Instruction,
  type LoaderOf,
  type UseVariableOptions,
  type VariableOption,
} from '@nocobase/plugin-workflow/client-v2';
import React from 'react';
import { CALLBACK_NODE_TYPE } from '../common/constants';
import type { NodeLike } from './variables/callbackVariables';
import { useCallbackResultVariables } from './callback/useCallbackResultVariables';
import { tExpr } from './locale';

/** "Wait for callback": the run pauses until a request reaches its own callback URL. */
export default class CallbackInstruction extends Instruction {
  type = CALLBACK_NODE_TYPE;
  title = tExpr('Wait for callback');
  group = 'control';
  description = tExpr("Pauses the run until a request reaches this run's callback URL");
  icon = (<ApiOutlined />);
  // A synchronous run cannot wait: NocoBase offers the node in asynchronous workflows only.
  async = true;

  FieldsetLoader: LoaderOf = () => import('./callback/CallbackFieldset');
  ComponentLoader: LoaderOf<{ data: CanvasNode }> = () => import('./callback/CallbackNodeCard');

  // The workflow client calls `useVariables` as a hook from its pickers, so it may call hooks.
  useVariables(node: NodeLike, options?: UseVariableOptions): VariableOption {
    // The base class types the result as always present; pickers skip a node that offers none.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useCallbackResultVariables(node, options) as VariableOption;
  }

  createDefaultConfig() {
    return { methods: ['POST'], onTimeout: 'fail' };
  }
}

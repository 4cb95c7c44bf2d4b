import { Instruction } from '@nocobase/plugin-workflow/client-v2';
import { RESPONSE_NODE_TYPE } from '../common/constants';
import { tExpr } from './locale';

export default class ResponseInstruction extends Instruction {
  type = RESPONSE_NODE_TYPE;
  title = tExpr('HTTP Response');
  group = 'control';
}

import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { TRIGGER_TYPE } from '../../../common/constants';
import type { Body } from '../../resources';

/**
 * Every webhook workflow version's title by id, for the cross-workflow list's workflow column;
 * nothing is asked while `skip` (a single workflow's history has no such column).
 */
export function useWorkflowTitles(skip = false): Record<string, string> {
  const ctx = useFlowContext();
  const titles = useRequest(
    async () => {
      const { data } = await ctx.api.resource('workflows').list<Body<Array<{ id: number | string; title: string }>>>({
        filter: { type: TRIGGER_TYPE },
        fields: ['id', 'title'],
        paginate: false,
      });
      return Object.fromEntries((data.data ?? []).map((workflow) => [String(workflow.id), workflow.title]));
    },
    { ready: !skip },
  );
  return titles.data ?? {};
}

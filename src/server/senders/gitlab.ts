import { requireHeader, requireKey, sameText, SenderCheckFailure, SenderProtocol } from './Sender';

/** GitLab sends the webhook's secret token itself in `X-Gitlab-Token`; nothing is signed. */
export const gitlab: SenderProtocol = {
  verify: (request, keys) => {
    const given = requireHeader(request, 'X-Gitlab-Token');
    if (!sameText(given, requireKey(keys, 'secret', 'secret token'))) {
      throw new SenderCheckFailure('Secret token does not match');
    }
  },
};

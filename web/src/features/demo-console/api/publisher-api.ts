import { joinUrl, requestJson } from '../../../lib/http';
import type { GroupMembers, NotificationAccepted, SendNotificationRequest } from '../../../types/api';

/** The publisher API, as a backend would call it; the demo console calls it from the page with the dev key. */
export function createPublisherApi(baseUrl: () => string, apiKey: () => string) {
  const headers = () => ({ 'X-Api-Key': apiKey() });
  const members = (group: string, userId = '') =>
    joinUrl(baseUrl(), `/api/groups/${encodeURIComponent(group)}/members${userId ? `/${encodeURIComponent(userId)}` : ''}`);
  return {
    send: (request: SendNotificationRequest) =>
      requestJson<NotificationAccepted>(joinUrl(baseUrl(), '/api/notifications'), { method: 'POST', body: request, headers: headers() }),
    addMember: (group: string, userId: string) => requestJson<void>(members(group, userId), { method: 'PUT', headers: headers() }),
    removeMember: (group: string, userId: string) => requestJson<void>(members(group, userId), { method: 'DELETE', headers: headers() }),
    members: (group: string) => requestJson<GroupMembers>(members(group), { headers: headers() }),
  };
}

export type PublisherApi = ReturnType<typeof createPublisherApi>;

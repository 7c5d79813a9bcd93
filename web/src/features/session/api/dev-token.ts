import { joinUrl, requestJson } from '../../../lib/http';
import type { DevTokenResponse } from '../../../types/api';

/** Development only: Notify signs a token for any user id. A real app gets its token from its own sign-in. */
export async function fetchDevToken(baseUrl: string, userId: string): Promise<string> {
  const response = await requestJson<DevTokenResponse>(joinUrl(baseUrl, '/api/dev/token'), { method: 'POST', body: { userId } });
  return response.accessToken;
}

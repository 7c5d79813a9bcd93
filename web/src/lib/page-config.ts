/**
 * Settings read from the page's address, so a link can open the demo as someone, against chosen instances:
 * `?user=u1` signs in at once; `?instances=/a,/b` (or absolute URLs, which need CORS on the server) lists the Notify
 * instances to use, the first one first, the others when it fails. Default: the page's own origin.
 */
export interface PageConfig {
  user: string | null;
  instances: string[];
}

export function readPageConfig(search: string = window.location.search): PageConfig {
  const params = new URLSearchParams(search);
  const instances = (params.get('instances') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { user: params.get('user')?.trim() || null, instances: instances.length > 0 ? instances : [''] };
}

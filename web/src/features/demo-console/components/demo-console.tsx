import { useMemo, useState } from 'react';
import { useNotifyClient } from '../../notifications/hooks/notify-context';
import { createPublisherApi } from '../api/publisher-api';
import { MembershipForm } from './membership-form';
import { MyGroups } from './my-groups';
import { SendForm } from './send-form';

const devKey = 'notify-dev-key';
const keyStorage = 'notify.publisherKey';

/** Development console: what a backend would do with the publisher API, done from the page. */
export function DemoConsole({ userId }: { userId: string }) {
  const client = useNotifyClient();
  const [apiKey, setApiKey] = useState(() => localStorage.getItem(keyStorage) ?? devKey);
  const [groupsVersion, setGroupsVersion] = useState(0);
  const api = useMemo(() => createPublisherApi(() => client.baseUrl, () => apiKey), [client, apiKey]);

  const changeKey = (value: string) => {
    setApiKey(value);
    localStorage.setItem(keyStorage, value);
  };

  return (
    <div className="console">
      <MyGroups userId={userId} version={groupsVersion} />
      <section className="card" aria-labelledby="key-title">
        <h2 id="key-title">Publisher key</h2>
        <label className="field">
          <span>X-Api-Key (Development key: {devKey})</span>
          <input name="apiKey" value={apiKey} onChange={(e) => changeKey(e.target.value)} spellCheck={false} />
        </label>
        <p className="hint">Sending and membership use the publisher API, normally called by your backend, never by a browser.</p>
      </section>
      <SendForm api={api} defaultUser={userId} />
      <MembershipForm api={api} defaultUser={userId} onChanged={() => setGroupsVersion((v) => v + 1)} />
    </div>
  );
}

import axios from 'axios';
import { startSandboxProcess } from './sandbox-process';
const gc = (global as any).gc;
async function main() {
  const sb = await startSandboxProcess({ rateLimit: false, latencyMs: 150 }, 50000, ['x']);
  gc(); gc();
  const v8 = require('v8');
  const old = () => v8.getHeapSpaceStatistics().find((s: any) => s.space_name === 'old_space').space_used_size / 1048576;
  const o0 = old(); const h0 = process.memoryUsage().heapUsed;
  let peak = 0; const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed - h0); }, 10);
  const kept: any[] = []; let after: any;
  for (let i = 0; i < 100; i++) {
    const r = await axios.post(sb.url + '/contacts/search', { locationId: sb.locationId, pageLimit: 500, filters: [{ field: 'tags', operator: 'eq', value: 'x' }], ...(after ? { searchAfter: after } : {}) }, { headers: { Authorization: 'Bearer ' + sb.privateIntegrationToken, Version: '2021-07-28' } });
    const cs = r.data.contacts; after = cs[cs.length - 1].searchAfter;
    for (const c of cs) kept.push({ id: c.id, firstName: c.firstName, email: c.email, tags: c.tags });
    await new Promise((res) => setTimeout(res, 100));
  }
  clearInterval(t);
  console.log('kept', kept.length, 'old growth', (old() - o0).toFixed(0), 'peak heap', (peak / 1048576).toFixed(0));
  gc(); console.log('after gc heap', ((process.memoryUsage().heapUsed - h0) / 1048576).toFixed(0));
  await sb.close();
}
main();

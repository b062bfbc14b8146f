import { it } from 'vitest';
import { normal, profileRows, seededRandom, tempDir } from './synthetic.js';
import { columnMetrics } from '../../../src/data/monitor/metrics.js';
it('scratch', async () => {
  const dir = tempDir();
  const random = seededRandom(20261125);
  const z = normal(random);
  const labels = ['a', 'b', 'c'];
  const mk = (rows: number) => Array.from({ length: rows }, () => [(100 + 10 * z()).toFixed(3), labels[Math.floor(random() * 3)]!]);
  const golden = await profileRows(dir, 'g', ['amount', 'label'], mk(4000));
  console.log(JSON.stringify(golden.columns[1]!.topValues));
  for (let t = 0; t < 8; t++) {
    const b = await profileRows(dir, `b${t}`, ['amount', 'label'], mk(400));
    const m = [...columnMetrics(golden.columns[0]!, b.columns[0]!), ...columnMetrics(golden.columns[1]!, b.columns[1]!)];
    console.log(m.map((o) => `${o.metric}=${((o.value - o.target) / o.standardError).toFixed(2)}`).join(' '));
  }
});

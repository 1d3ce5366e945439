import { Writable } from 'node:stream';
import { pino } from 'pino';
import { OutageLog, reasonOf } from './outage-log.js';

describe('OutageLog', () => {
  const setup = () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    let now = 0;
    const outage = new OutageLog(pino(sink), 'Job runner', { now: () => now });
    return { lines, outage, advance: (ms: number) => (now += ms) };
  };

  it('logs the start of an outage once, backs off, and logs the recovery once', () => {
    const { lines, outage, advance } = setup();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const delays = [1, 2, 3, 4, 5, 6, 7].map(() => {
      advance(1000);
      return outage.failed(refused);
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(outage.down).toBe(true);
    advance(3000);
    outage.succeeded();
    outage.succeeded();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'Job runner: database unavailable (connect ECONNREFUSED 127.0.0.1:1); retrying with backoff'],
      [30, 'Job runner: database reachable again after 9s'],
    ]);
    expect(lines[0]).not.toHaveProperty('err');
    expect(outage.failed(refused)).toBe(1000);
  });

  it('backs off no further than maxRetryMs, even when the first retry would be longer', () => {
    const outage = new OutageLog(pino({ level: 'silent' }), 'Cache purge listener', { maxRetryMs: 500 });
    expect([1, 2, 3].map(() => outage.failed(new Error('down')))).toEqual([500, 500, 500]);
    const runner = new OutageLog(pino({ level: 'silent' }), 'Job runner', { firstRetryMs: 100, maxRetryMs: 500 });
    expect([1, 2, 3, 4, 5].map(() => runner.failed(new Error('down')))).toEqual([100, 200, 400, 500, 500]);
  });

  it('reduces an error to one line', () => {
    expect(reasonOf(Object.assign(new Error('boom\n  at x'), { code: 'E1' }))).toBe('E1 boom at x');
    expect(reasonOf('down')).toBe('down');
  });
});

import { describe, expect, it } from 'vitest';
import type { JobReply, JobRequest } from '../../../src/authoring/build/jobs.js';
import { jobPool, type JobPort } from '../../../src/authoring/worker/job-pool.js';

/** Fake workers: each records what it was sent; the test answers or kills them by hand. */
function fakeWorkers() {
  const workers: { sent: JobRequest[]; reply: (r: JobReply) => void; die: (why: string) => void; terminated: boolean }[] = [];
  const makePort = (): JobPort => {
    const w = { sent: [] as JobRequest[], reply: (_r: JobReply) => {}, die: (_why: string) => {}, terminated: false };
    workers.push(w);
    return {
      post: (req) => w.sent.push(req),
      listen: (onReply, onFailure) => {
        w.reply = onReply;
        w.die = onFailure;
      },
      terminate: () => {
        w.terminated = true;
      },
    };
  };
  return { workers, makePort };
}

const probe = (pool: ReturnType<typeof jobPool>, name: string) => pool.probe(name, new Uint8Array([1, 2, 3]));
const answer = (req: JobRequest | undefined): JobReply => ({ id: req?.id ?? -1, ok: true, result: { path: (req as { path: string }).path } as never });

describe('the job pool', () => {
  it('hands a worker its next job only when it is free, so a slow job holds no other behind it', async () => {
    const { workers, makePort } = fakeWorkers();
    const pool = jobPool(2, makePort);
    const results = ['a', 'b', 'c', 'd'].map((n) => probe(pool, n));
    const [w1, w2] = workers as [(typeof workers)[0], (typeof workers)[0]];
    expect([w1.sent.length, w2.sent.length]).toEqual([1, 1]);
    // Worker 1 is slow on 'a': worker 2 takes 'c' and then 'd'.
    w2.reply(answer(w2.sent[0]));
    expect(w2.sent.map((r) => (r as { path: string }).path)).toEqual(['b', 'c']);
    w2.reply(answer(w2.sent[1]));
    expect(w2.sent.map((r) => (r as { path: string }).path)).toEqual(['b', 'c', 'd']);
    w2.reply(answer(w2.sent[2]));
    w1.reply(answer(w1.sent[0]));
    expect((await Promise.all(results)).map((r) => (r as { path: string }).path)).toEqual(['a', 'b', 'c', 'd']);
    pool.close();
  });

  it('fails only the job of a worker that dies, replaces the worker, and runs the queue on', async () => {
    const { workers, makePort } = fakeWorkers();
    const pool = jobPool(1, makePort);
    const a = probe(pool, 'a');
    const b = probe(pool, 'b');
    workers[0]?.die('exit code 1');
    await expect(a).rejects.toThrow(/the worker stopped \(exit code 1\)/);
    expect(workers[0]?.terminated).toBe(true);
    const fresh = workers[1];
    expect(fresh?.sent.map((r) => (r as { path: string }).path)).toEqual(['b']);
    fresh?.reply(answer(fresh.sent[0]));
    await expect(b).resolves.toMatchObject({ path: 'b' });
    pool.close();
  });

  it('close rejects the running and the queued jobs and refuses new ones', async () => {
    const { makePort } = fakeWorkers();
    const pool = jobPool(1, makePort);
    const running = probe(pool, 'a');
    const queued = probe(pool, 'b');
    pool.close();
    await expect(running).rejects.toThrow(/stopped/);
    await expect(queued).rejects.toThrow(/stopped/);
    await expect(probe(pool, 'c')).rejects.toThrow(/closed/);
  });
});

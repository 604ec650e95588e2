/**
 * Many nodes as one (REDIS_URL). Presence is a sorted set per user whose members are
 * connections scored by their expiry (refreshed every few seconds, so a dead node's
 * connections fall out by themselves); rooms and their facts are hashes changed by Lua
 * scripts (capacity checks are atomic across nodes); frames travel over pub/sub on one
 * channel per user and per room, which a node subscribes to only while it has a local
 * connection that cares. Decision record: docs/decisions/0003-server-auth-and-redis.md.
 */
import { Redis } from 'ioredis';
import { unionScopes, type BusFrame, type JoinResult, type RoomEntry, type RoomMeta, type Scopes, type Store } from './store.js';

const PRESENCE_TTL_MS = 30_000;
const NODE_TTL_MS = 15_000;
const REFRESH_MS = 5_000;
const ROOM_TTL_MS = 24 * 3600_000;

const k = {
  node: (id: string) => `cm:node:${id}`,
  nodes: 'cm:nodes',
  nodeConns: (id: string) => `cm:nodeconns:${id}`,
  sweep: (id: string) => `cm:sweep:${id}`,
  online: (user: string) => `cm:on:${user}`,
  /** A hash: connection → the scopes of its token (JSON). */
  scopes: (user: string) => `cm:scopes:${user}`,
  room: (room: string) => `cm:room:${room}`,
  meta: (room: string) => `cm:meta:${room}`,
  rate: (user: string, sec: number) => `cm:rate:${user}:${sec}`,
  userChannel: (user: string) => `cm:u:${user}`,
  roomChannel: (room: string) => `cm:r:${room}`,
  presenceChannel: 'cm:p',
};

/** Scopes stored as JSON; an entry that does not parse is left out. */
function parseScopes(texts: string[]): Scopes[] {
  return texts.flatMap((text) => {
    try {
      return [JSON.parse(text) as Scopes];
    } catch {
      return [];
    }
  });
}

// KEYS: room hash, meta hash. ARGV: user, entry json, capacity, ttl ms, node key prefix.
// Counts the others whose node is still alive (a dead node's entries are dropped), then
// takes the place unless the room is full. Returns 0 when full, else the room's entries
// followed by the meta fields.
const JOIN = `
local entries = redis.call('HGETALL', KEYS[1])
local others = {}
for i = 1, #entries, 2 do
  if entries[i] ~= ARGV[1] then
    local e = cjson.decode(entries[i + 1])
    if redis.call('EXISTS', ARGV[5] .. e.node) == 1 then
      table.insert(others, entries[i + 1])
    else
      redis.call('HDEL', KEYS[1], entries[i])
    end
  end
end
if #others >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return { others, redis.call('HGETALL', KEYS[2]) }
`;

// KEYS: room hash, meta hash. ARGV: user, conn. Leaves only if this connection holds the place.
const LEAVE = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
if cjson.decode(raw).conn ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('DEL', KEYS[2]) end
return 1
`;

// KEYS: room hash, meta hash. ARGV: conversationId, teamRoomId, kind, ttl. Binds once; kind only to video.
const BIND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.call('HGETALL', KEYS[2]) end
if ARGV[1] ~= '' then redis.call('HSETNX', KEYS[2], 'conversationId', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSETNX', KEYS[2], 'teamRoomId', ARGV[2]) end
if ARGV[3] == 'video' then redis.call('HSET', KEYS[2], 'kind', 'video')
elseif ARGV[3] ~= '' then redis.call('HSETNX', KEYS[2], 'kind', ARGV[3]) end
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return redis.call('HGETALL', KEYS[2])
`;

function metaOf(flat: string[]): RoomMeta {
  const meta: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) meta[flat[i]] = flat[i + 1];
  return meta as RoomMeta;
}

/** Connects to Redis and returns a store; rejects when Redis cannot be reached. */
export async function createRedisStore(url: string, nodeId: string): Promise<Store> {
  // No offline queue: while Redis is away a command fails at once (the client gets
  // CM_SERVER_ERROR and /healthz says 503) instead of piling up behind the reconnect.
  const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  pub.on('error', () => undefined); // ioredis reconnects by itself; failures surface on each command
  sub.on('error', () => undefined);
  await Promise.all([pub.connect(), sub.connect()]);
  const local = new Map<string, string>(); // conn → user
  let timer: ReturnType<typeof setInterval> | undefined;

  let onFrame: (frame: BusFrame) => void = () => undefined;

  /**
   * A node that died without draining left its users "online" in nobody's eyes but the
   * sorted sets: the first live node to notice (its heartbeat key expired) takes a lock,
   * drops that node's connections and announces `offline` for users left with none.
   */
  const sweep = async () => {
    for (const dead of await pub.smembers(k.nodes)) {
      if (dead === nodeId || (await pub.exists(k.node(dead)))) continue;
      if ((await pub.set(k.sweep(dead), nodeId, 'PX', NODE_TTL_MS, 'NX')) !== 'OK') continue;
      const conns = await pub.hgetall(k.nodeConns(dead));
      for (const [conn, user] of Object.entries(conns)) {
        const res = await pub.multi().zrem(k.online(user), conn).zremrangebyscore(k.online(user), '-inf', Date.now()).zcard(k.online(user)).hgetall(k.scopes(user)).hdel(k.scopes(user), conn).exec();
        if (res?.[2]?.[1] !== 0) continue;
        // No scopes left to read: only '*' watchers hear it.
        const scopes = unionScopes(parseScopes(Object.values((res?.[3]?.[1] ?? {}) as Record<string, string>)));
        const frame: BusFrame = { k: 'p', o: `${nodeId}:sweep`, user, online: false, scopes };
        await pub.publish(k.presenceChannel, JSON.stringify(frame));
      }
      await pub.multi().del(k.nodeConns(dead)).srem(k.nodes, dead).exec();
    }
  };

  const beat = async () => {
    const now = Date.now();
    const p = pub.multi().set(k.node(nodeId), String(now), 'PX', NODE_TTL_MS).sadd(k.nodes, nodeId);
    for (const [conn, user] of local) p.zadd(k.online(user), 'XX', now + PRESENCE_TTL_MS, conn).pexpire(k.online(user), PRESENCE_TTL_MS * 2).pexpire(k.scopes(user), PRESENCE_TTL_MS * 2);
    await p.exec();
  };

  return {
    nodeId,
    async start(handler) {
      onFrame = handler;
      sub.on('message', (_channel: string, text: string) => {
        let frame: BusFrame;
        try { frame = JSON.parse(text); } catch { return; }
        onFrame(frame);
      });
      await sub.subscribe(k.presenceChannel);
      await beat();
      timer = setInterval(() => void beat().then(sweep).catch(() => undefined), REFRESH_MS);
      timer.unref();
    },
    async connect(userId, conn, scopes) {
      local.set(conn, userId);
      const now = Date.now();
      const res = await pub.multi()
        .zremrangebyscore(k.online(userId), '-inf', now)
        .zadd(k.online(userId), now + PRESENCE_TTL_MS, conn)
        .pexpire(k.online(userId), PRESENCE_TTL_MS * 2)
        .hset(k.scopes(userId), conn, JSON.stringify(scopes))
        .zcard(k.online(userId))
        .hset(k.nodeConns(nodeId), conn, userId)
        .pexpire(k.scopes(userId), PRESENCE_TTL_MS * 2)
        .exec();
      return res?.[4]?.[1] === 1;
    },
    async disconnect(userId, conn) {
      local.delete(conn);
      const res = await pub.multi()
        .zrem(k.online(userId), conn)
        .zremrangebyscore(k.online(userId), '-inf', Date.now())
        .zcard(k.online(userId))
        .hdel(k.nodeConns(nodeId), conn)
        .hdel(k.scopes(userId), conn)
        .exec();
      return res?.[0]?.[1] === 1 && res?.[2]?.[1] === 0;
    },
    async refresh() {
      // The store refreshes its own connections every REFRESH_MS (see beat).
    },
    async online(userId) {
      const [[, live], [, byConn]] = (await pub.multi().zrangebyscore(k.online(userId), Date.now(), '+inf').hgetall(k.scopes(userId)).exec()) as [unknown, unknown][];
      const conns = (live ?? []) as string[];
      if (conns.length === 0) return null;
      // Only live connections count: a dead node's entries wait for the sweep.
      const all = byConn as Record<string, string>;
      return unionScopes(parseScopes(conns.map((c) => all?.[c]).filter((s): s is string => typeof s === 'string')));
    },
    async join(roomId, entry, capacity): Promise<JoinResult> {
      const res = (await pub.eval(JOIN, 2, k.room(roomId), k.meta(roomId), entry.member.id, JSON.stringify(entry), capacity, ROOM_TTL_MS, 'cm:node:')) as 0 | [string[], string[]];
      if (res === 0) return { ok: false };
      return { ok: true, others: res[0].map((e) => JSON.parse(e) as RoomEntry), meta: metaOf(res[1]) };
    },
    async leave(roomId, userId, conn) {
      await pub.eval(LEAVE, 2, k.room(roomId), k.meta(roomId), userId, conn);
    },
    async meta(roomId) {
      return metaOf(Object.entries(await pub.hgetall(k.meta(roomId))).flat());
    },
    async bind(roomId, patch) {
      return metaOf((await pub.eval(BIND, 2, k.room(roomId), k.meta(roomId), patch.conversationId ?? '', patch.teamRoomId ?? '', patch.kind ?? '', ROOM_TTL_MS)) as string[]);
    },
    publish(frame) {
      const channel = frame.k === 'u' ? k.userChannel(frame.to) : frame.k === 'r' ? k.roomChannel(frame.room) : k.presenceChannel;
      void pub.publish(channel, JSON.stringify(frame)).catch(() => undefined);
    },
    watchUser(userId, on) {
      return (on ? sub.subscribe(k.userChannel(userId)) : sub.unsubscribe(k.userChannel(userId))).then(() => undefined, () => undefined);
    },
    watchRoom(roomId, on) {
      return (on ? sub.subscribe(k.roomChannel(roomId)) : sub.unsubscribe(k.roomChannel(roomId))).then(() => undefined, () => undefined);
    },
    async countUser(userId, n, limit) {
      const sec = Math.floor(Date.now() / 1000);
      const [[, total]] = (await pub.multi().incrby(k.rate(userId, sec), n).pexpire(k.rate(userId, sec), 2000).exec()) as [unknown, unknown][];
      return Number(total) <= limit;
    },
    healthy: () => pub.status === 'ready' && sub.status === 'ready',
    async close() {
      clearInterval(timer);
      // A clean stop: the server already disconnected every connection; forget this node.
      if (pub.status === 'ready') await pub.multi().del(k.node(nodeId)).del(k.nodeConns(nodeId)).srem(k.nodes, nodeId).exec().catch(() => undefined);
      pub.disconnect();
      sub.disconnect();
    },
  };
}

/** Counters and gauges for `/metrics`, in Prometheus' text format. */
export class Metrics {
  readonly rejects = new Map<string, number>();
  framesIn = 0;
  relayed = 0;
  followUps = 0;
  followUpFailures = 0;
  connectionsOpened = 0;

  reject(code: string): void {
    this.rejects.set(code, (this.rejects.get(code) ?? 0) + 1);
  }

  render(gauges: { connections: number; rooms: number; users: number; draining: boolean }): string {
    const lines = [
      '# HELP chat_meet_connections Open WebSocket connections on this node.',
      '# TYPE chat_meet_connections gauge',
      `chat_meet_connections ${gauges.connections}`,
      '# HELP chat_meet_users Distinct users connected to this node.',
      '# TYPE chat_meet_users gauge',
      `chat_meet_users ${gauges.users}`,
      '# HELP chat_meet_rooms Rooms with at least one member on this node.',
      '# TYPE chat_meet_rooms gauge',
      `chat_meet_rooms ${gauges.rooms}`,
      '# HELP chat_meet_connections_opened_total Connections accepted since start.',
      '# TYPE chat_meet_connections_opened_total counter',
      `chat_meet_connections_opened_total ${this.connectionsOpened}`,
      '# HELP chat_meet_messages_received_total Frames received from clients.',
      '# TYPE chat_meet_messages_received_total counter',
      `chat_meet_messages_received_total ${this.framesIn}`,
      '# HELP chat_meet_messages_relayed_total Messages delivered to a client connection.',
      '# TYPE chat_meet_messages_relayed_total counter',
      `chat_meet_messages_relayed_total ${this.relayed}`,
      '# HELP chat_meet_rejects_total Refused upgrades and frames, by error code.',
      '# TYPE chat_meet_rejects_total counter',
      ...[...this.rejects].map(([code, n]) => `chat_meet_rejects_total{code="${code}"} ${n}`),
      '# HELP chat_meet_follow_ups_total Follow-ups recorded (R7).',
      '# TYPE chat_meet_follow_ups_total counter',
      `chat_meet_follow_ups_total ${this.followUps}`,
      '# HELP chat_meet_follow_up_webhook_failures_total Follow-ups the webhook did not accept.',
      '# TYPE chat_meet_follow_up_webhook_failures_total counter',
      `chat_meet_follow_up_webhook_failures_total ${this.followUpFailures}`,
      '# HELP chat_meet_draining 1 while the node is shutting down.',
      '# TYPE chat_meet_draining gauge',
      `chat_meet_draining ${gauges.draining ? 1 : 0}`,
      '# HELP process_resident_memory_bytes Resident memory of this process.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

// Where a client stands in the server's numbering of live messages: the live log's, kept in the database, the
// same on every node and across restarts. Another database numbers afresh (another epoch), so a number means
// something only together with its epoch.
export class LiveCursor {
  constructor() {
    this.epoch = null;
    this.lastSeen = 0;
  }

  see(sequence) {
    if (sequence > this.lastSeen) {
      this.lastSeen = sequence;
    }
  }

  /**
   * Where to resume from. Taken the moment a connection comes up: messages that then arrive on it move
   * the cursor past what was missed while it was down.
   */
  mark() {
    return { after: this.lastSeen, epoch: this.epoch };
  }

  /** A catch-up from the mark failed (the connection dropped again): the next one must reach back as far. */
  rewind(mark) {
    if (mark.epoch === this.epoch && mark.after < this.lastSeen) {
      this.lastSeen = mark.after;
    }
  }

  /**
   * Asks the hub for the alert messages after the mark. Answers the replay; `reset` is true when the server
   * cannot say what was missed (it restarted, or too much happened) and the picture must be reloaded.
   */
  async missed(connection, mark) {
    const replay = await connection.invoke("Missed", mark.after, mark.epoch);
    const restarted = mark.epoch !== null && replay.epoch !== mark.epoch;
    if (replay.reset || restarted) {
      this.lastSeen = 0;
    }
    this.epoch = replay.epoch;
    return { reset: replay.reset || restarted, alerts: replay.alerts };
  }
}

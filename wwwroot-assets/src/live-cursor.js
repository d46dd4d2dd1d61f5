// Where a client stands in the server's numbering of live messages: the live log's, kept in the database, the
// same on every node and across restarts. Another database numbers afresh (another epoch), so a number means
// something only together with its epoch.
//
// A server restart refuses the page's old circuit and the page loads afresh. With a storage key, the cursor is
// kept in the tab's session storage, so the reloaded page can still ask what it missed while it was away and
// chime for it, rather than take the alerts raised meanwhile in silence from its first picture.
export class LiveCursor {
  constructor(storageKey = null) {
    this.storageKey = storageKey;
    this.epoch = null;
    this.lastSeen = 0;
    this.resumed = storageKey ? readMark(storageKey) : null;
  }

  see(sequence) {
    if (sequence > this.lastSeen) {
      this.lastSeen = sequence;
      this.keep();
    }
  }

  /**
   * Where to resume from. Taken the moment a connection comes up: messages that then arrive on it move
   * the cursor past what was missed while it was down. The first mark of a reloaded page is where the page
   * stood before the reload.
   */
  mark() {
    if (this.resumed) {
      const resumed = this.resumed;
      this.resumed = null;
      return resumed;
    }
    return { after: this.lastSeen, epoch: this.epoch };
  }

  /** A catch-up from the mark failed (the connection dropped again): the next one must reach back as far. */
  rewind(mark) {
    if (mark.epoch === this.epoch && mark.after < this.lastSeen) {
      this.lastSeen = mark.after;
      this.keep();
    }
  }

  /**
   * Asks the hub for the alert messages after the mark. Answers the replay; `reset` is true when the server
   * cannot say what was missed (it restarted, or too much happened) and the picture must be reloaded;
   * `raised` holds the numbers of the messages that raised an alert (the others changed one).
   */
  async missed(connection, mark) {
    const replay = await connection.invoke("Missed", mark.after, mark.epoch);
    const restarted = mark.epoch !== null && replay.epoch !== mark.epoch;
    if (replay.reset || restarted) {
      this.lastSeen = 0;
    }
    this.epoch = replay.epoch;
    this.keep();
    return { reset: replay.reset || restarted, alerts: replay.alerts, raised: new Set(replay.raised ?? []) };
  }

  keep() {
    if (this.storageKey && this.epoch !== null) {
      try {
        sessionStorage.setItem(this.storageKey, JSON.stringify({ after: this.lastSeen, epoch: this.epoch }));
      } catch {
        // Storage refused (full, or disabled by policy): the page only loses the resume after a reload.
      }
    }
  }
}

function readMark(storageKey) {
  try {
    const mark = JSON.parse(sessionStorage.getItem(storageKey) ?? "null");
    return mark && Number.isSafeInteger(mark.after) && typeof mark.epoch === "string" ? mark : null;
  } catch {
    return null;
  }
}

// Live score updates: Server-Sent Events read with fetch() so the API key can travel as the X-API-Key
// header (EventSource cannot send headers). Reconnects with Last-Event-ID after a drop, a `resync`
// event, or a silent connection (heartbeats arrive every 15 s).

const SILENCE_LIMIT_MS = 45_000;
const MAX_BACKOFF_MS = 15_000;

export class ScoreStream {
  /**
   * @param {object} options url, apiKey, onEvent({id, event, data}), onStatus('connecting'|'live'|'reconnecting'),
   *   onUnauthorized()
   */
  constructor({ url, apiKey, onEvent, onStatus = () => {}, onUnauthorized = () => {} }) {
    this.url = url;
    this.apiKey = apiKey;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.onUnauthorized = onUnauthorized;
    this.lastEventId = null;
    this.stopped = false;
    this.controller = null;
    this.silenceTimer = null;
  }

  start() {
    this.run();
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.silenceTimer);
    if (this.controller) {
      this.controller.abort();
    }
  }

  async run() {
    let backoff = 1000;
    let first = true;
    while (!this.stopped) {
      this.onStatus(first ? 'connecting' : 'reconnecting');
      first = false;
      const outcome = await this.connectOnce();
      if (this.stopped || outcome === 'unauthorized') {
        return;
      }
      if (outcome === 'resync') {
        backoff = 1000;
        continue; // at once, from the last id seen
      }
      if (outcome === 'streamed') {
        backoff = 1000;
      }
      this.onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, backoff + Math.random() * 300));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  /** One connection; resolves to 'unauthorized', 'resync', 'streamed' (was live, then ended) or 'failed'. */
  async connectOnce() {
    const controller = new AbortController();
    this.controller = controller;
    const headers = { 'X-API-Key': this.apiKey, Accept: 'text/event-stream' };
    if (this.lastEventId !== null) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    let live = false;
    try {
      this.armSilenceTimer(controller);
      const response = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        this.onUnauthorized(response.status);
        return 'unauthorized';
      }
      if (!response.ok || !response.body) {
        return 'failed';
      }
      live = true;
      this.onStatus('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event = { id: null, event: null, data: [] };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        this.armSilenceTimer(controller);
        buffer += value;
        let newline;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          // a lone \r at the end of a chunk may be the first half of \r\n: wait for more
          if (buffer[newline] === '\r' && newline === buffer.length - 1) {
            break;
          }
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            const outcome = this.dispatch(event);
            event = { id: null, event: null, data: [] };
            if (outcome === 'resync') {
              controller.abort();
              return 'resync';
            }
          } else if (!line.startsWith(':')) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
            if (fieldValue.startsWith(' ')) {
              fieldValue = fieldValue.slice(1);
            }
            if (field === 'data') {
              event.data.push(fieldValue);
            } else if (field === 'event') {
              event.event = fieldValue;
            } else if (field === 'id' && !fieldValue.includes('\0')) {
              event.id = fieldValue;
            }
          }
        }
      }
      return 'streamed';
    } catch (e) {
      return live ? 'streamed' : 'failed';
    } finally {
      clearTimeout(this.silenceTimer);
    }
  }

  dispatch(event) {
    if (event.id !== null && event.id !== '') {
      this.lastEventId = event.id;
    }
    const name = event.event || 'message';
    if (name === 'resync') {
      try {
        const info = JSON.parse(event.data.join('\n'));
        if (info && info.lastEventId !== undefined && info.lastEventId !== null && this.lastEventId === null) {
          this.lastEventId = String(info.lastEventId);
        }
      } catch (e) {
        // no usable hint: resume from what we saw
      }
      return 'resync';
    }
    if (event.data.length === 0) {
      return 'ignored';
    }
    try {
      this.onEvent({ id: event.id, event: name, data: event.data.join('\n') });
    } catch (e) {
      console.error('score stream handler failed', e);
    }
    return 'dispatched';
  }

  armSilenceTimer(controller) {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
  }
}

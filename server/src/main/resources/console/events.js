// Server-sent events read through fetch, so the bearer token travels in a header (EventSource
// cannot send one). The stream is parsed as text/event-stream and reconnected after a drop, with
// a growing pause; stop() ends it.

export function streamEvents(api, path, onEvent, onState) {
  let controller = null;
  let stopped = false;
  let pause = 1000;

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await api.send('GET', path, { signal: controller.signal,
          headers: { Accept: 'text/event-stream' } });
        onState && onState('open');
        pause = 1000;
        await read(response.body, onEvent);
      } catch (e) {
        if (stopped) return;
        if (e.status === 401 || e.status === 403) {
          onState && onState('refused', e);
          return;
        }
      }
      if (stopped) return;
      onState && onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30000);
    }
  }

  connect();
  return () => {
    stopped = true;
    if (controller) controller.abort();
  };
}

async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) {
        try {
          onEvent(event, JSON.parse(data.join('\n')));
        } catch {
          // a line that is not JSON is not ours to show
        }
      }
    }
  }
}

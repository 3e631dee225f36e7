// Talking to kompass: the tab's key, requests with it, and the stream of changes.
//
// The launch address's token (`/?token=…`) is traded once for the tab's key and removed from
// the address bar; the key is kept for this tab only (sessionStorage is per origin, port
// included) and sent in a header with every request. A browser never sends it on its own, so
// no page of another site or another local port can use it, as it could a cookie.

const KEY = "kompass-key";

export async function connect() {
  const launch = new URLSearchParams(location.search).get("token");
  if (launch) {
    history.replaceState(null, "", "/");
    const r = await fetch("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kompass-Launch": launch },
      body: "{}",
    }).catch(() => null);
    if (r && r.ok) sessionStorage.setItem(KEY, (await r.json()).key);
  }
  return sessionStorage.getItem(KEY);
}

// A request to kompass, with the tab's key.
export function api(url, opts = {}) {
  const headers = Object.assign({}, opts.headers, { "X-Kompass-Key": sessionStorage.getItem(KEY) || "" });
  return fetch(url, Object.assign({}, opts, { headers }));
}

// A JSON request: the status and the body (or {}); throws when kompass cannot be reached.
export async function call(url, body) {
  const opts = body === undefined ? {} : {
    method: "POST",
    keepalive: JSON.stringify(body).length < 60000,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  const r = await api(url, opts);
  return { status: r.status, body: await r.json().catch(() => ({})) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The server's changes as they happen (a text/event-stream read with the key, which an
// EventSource could not send): `onEvent({version, pages, disk})` for each, `onLink(true|false)`
// when the line comes and goes. Reconnects for ever, every second.
export async function listen(onEvent, onLink) {
  for (;;) {
    try {
      const r = await api("/api/events");
      if (r.status === 503) {
        // Too many tabs hold a stream: ask now and then instead.
        onLink(true);
        onEvent(null);
        await sleep(2000);
        continue;
      }
      if (!r.ok || !r.body) throw new Error(String(r.status));
      onLink(true);
      onEvent(null);
      const reader = r.body.getReader();
      const text = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += text.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event);
          if (data) onEvent(JSON.parse(data[1]));
        }
      }
    } catch {
      // Not reachable: said below, and tried again.
    }
    onLink(false);
    await sleep(1000);
  }
}

// Runs a generated service worker in Node.js with small stand-ins for the browser's worker
// globals and checks how it installs, activates and answers requests (used by worker.rs's tests).
//
// Usage: node worker_harness.js SW_FILE SCOPE CACHE_NAME EXPECTED_URLS_JSON

"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const vm = require("node:vm");

const [file, scope, cacheName, expectedJson] = process.argv.slice(2);
const expected = JSON.parse(expectedJson).map((url) => new URL(url, scope).href);
const origin = new URL(scope).origin;

// The network: every URL answers with its own address as the body, unless it is offline.
let online = true;
const fetched = [];
async function fetch(request) {
  const url = typeof request === "string" ? request : request.url;
  fetched.push({ url, cache: request.cache });
  if (!online) throw new TypeError("offline");
  return new Response(`network ${url}`, { status: 200 });
}

// The Cache Storage: named caches of URL to response.
const stores = new Map();
function cacheObject(entries) {
  return {
    entries,
    async addAll(requests) {
      for (const request of requests) entries.set(request.url, (await fetch(request)).clone());
    },
    async match(request) {
      const found = entries.get(typeof request === "string" ? request : request.url);
      if (!found) return undefined;
      // A copy keeps whether the stored response came from a redirect, as a browser's does.
      const copy = found.clone();
      if (found.redirected) Object.defineProperty(copy, "redirected", { value: true });
      return copy;
    },
  };
}
const caches = {
  async open(name) {
    if (!stores.has(name)) stores.set(name, new Map());
    return cacheObject(stores.get(name));
  },
  async keys() {
    return [...stores.keys()];
  },
  async delete(name) {
    return stores.delete(name);
  },
};

const listeners = {};
const calls = { skipWaiting: 0, claim: 0 };
const self = {
  registration: { scope },
  clients: { claim: async () => calls.claim++ },
  skipWaiting: async () => calls.skipWaiting++,
  addEventListener: (type, listener) => (listeners[type] = listener),
};
// In a worker, relative URLs are resolved against the worker's own address (in the scope).
class WorkerRequest extends Request {
  constructor(input, init) {
    super(typeof input === "string" ? new URL(input, scope).href : input, init);
  }
}
vm.runInNewContext(fs.readFileSync(file, "utf8"), { self, caches, fetch, Request: WorkerRequest, Response, URL });

// Dispatches an event and waits for what the worker handed to waitUntil or respondWith.
async function dispatch(type, fields) {
  let pending;
  const event = { ...fields, waitUntil: (p) => (pending = p), respondWith: (p) => (pending = p) };
  listeners[type](event);
  return pending && (await pending);
}

// A request as the page or the browser makes it.
function request(path, mode = "no-cors", method = "GET") {
  return { url: new URL(path, scope).href, mode, method };
}

// Same-origin requests outside a base path such as `/aktionsplan/`; the base `/` has none.
function outsideTheBase() {
  const base = new URL(scope).pathname;
  if (base === "/") return [];
  return [
    { url: origin + "/icon.svg", mode: "no-cors", method: "GET" },
    { url: origin + base.slice(0, -1), mode: "navigate", method: "GET" },
    { url: origin + base.slice(0, -1) + "x/", mode: "navigate", method: "GET" },
  ];
}

async function main() {
  // Install: every file is fetched past the HTTP cache and stored; the worker does not skip waiting.
  stores.set("aktionsplan-0000000000000000", new Map([[scope + "old", new Response("old build")]]));
  stores.set("other-app", new Map());
  await dispatch("install", {});
  assert.deepEqual([...stores.get(cacheName).keys()].sort(), [...expected].sort());
  assert.ok(fetched.every((f) => f.cache === "reload"), "install bypasses the HTTP cache");
  assert.equal(calls.skipWaiting, 0);

  // A page only in an older build's cache is not served from there.
  online = false;
  let response = await dispatch("fetch", { request: request("old", "navigate") });
  assert.equal(response.status, 404);

  // Activate: older builds' caches go, other apps' caches stay; open pages are claimed.
  await dispatch("activate", {});
  assert.deepEqual([...stores.keys()].sort(), [cacheName, "other-app"].sort());
  assert.equal(calls.claim, 1);

  // Messages: only SKIP_WAITING makes the waiting worker take over.
  await dispatch("message", { data: { type: "OTHER" } });
  await dispatch("message", { data: null });
  assert.equal(calls.skipWaiting, 0);
  await dispatch("message", { data: { type: "SKIP_WAITING" } });
  assert.equal(calls.skipWaiting, 1);

  // Offline, pages come from the cache, whatever query or trailing slash the address has.
  const cached = (path) => `network ${new URL(path, scope).href}`;
  for (const [path, expectedPath] of [
    ["", ""],
    ["?q=Sprache", ""],
    ["suche?q=Schule#treffer", "suche"],
    ["suche/", "suche"],
    ["leitlinien", "leitlinien"],
    ["leitlinien/?hervorheben=Werte", "leitlinien"],
  ]) {
    response = await dispatch("fetch", { request: request(path, "navigate") });
    assert.equal(response.status, 200, path);
    assert.equal(await response.text(), cached(expectedPath), path);
  }
  // An unknown page offline is the cached not-found page with status 404; online, the network's.
  response = await dispatch("fetch", { request: request("gibt-es-nicht", "navigate") });
  assert.equal(response.status, 404);
  assert.equal(await response.text(), cached("404.html"));
  online = true;
  response = await dispatch("fetch", { request: request("gibt-es-nicht", "navigate") });
  assert.equal(await response.text(), cached("gibt-es-nicht"));

  // Files: the cache first, then the network.
  online = false;
  response = await dispatch("fetch", { request: request("icon.svg") });
  assert.equal(await response.text(), cached("icon.svg"));
  await assert.rejects(dispatch("fetch", { request: request("neu.svg") }));
  online = true;
  response = await dispatch("fetch", { request: request("neu.svg") });
  assert.equal(await response.text(), cached("neu.svg"));

  // A page stored from a redirect is copied, since a navigation may not get a redirected response.
  const redirected = new Response("moved page", { status: 200, headers: { "x-a": "1" } });
  Object.defineProperty(redirected, "redirected", { value: true });
  stores.get(cacheName).set(new URL("leitlinien", scope).href, redirected);
  response = await dispatch("fetch", { request: request("leitlinien", "navigate") });
  assert.equal(response.redirected, false);
  assert.equal(response.headers.get("x-a"), "1");
  assert.equal(await response.text(), "moved page");

  // Other methods, other origins and paths outside the scope pass through untouched.
  for (const outside of [
    request("suche", "navigate", "POST"),
    { url: "https://other.example/", mode: "navigate", method: "GET" },
    { url: "https://other.example" + new URL(scope).pathname + "icon.svg", mode: "no-cors", method: "GET" },
    ...outsideTheBase(),
  ]) {
    assert.equal(await dispatch("fetch", { request: outside }), undefined, outside.url);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

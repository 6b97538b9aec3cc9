import autocannon from "autocannon";

/**
 * One autocannon run at a fixed concurrency. With `bodies`, each response's status and body are
 * kept, so the caller can check every token after the run, when checking no longer competes
 * with the servers for the machine's two cores.
 */
export function load({ url, method = "POST", path, headers = {}, body, setupRequest, connections, seconds, bodies = null }) {
  const request = { method, path, headers, body, ...(setupRequest === undefined ? {} : { setupRequest }) };
  if (bodies !== null) request.onResponse = (status, responseBody) => bodies.push({ status, body: responseBody });
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10, requests: [request] }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function summary(result) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

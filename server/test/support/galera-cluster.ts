// The cluster starter lives in bench/lib/ (plain JavaScript, typed by its .d.ts) because
// `npm run bench -- galera` starts the same cluster from plain node.
export { GALERA_PROVIDER, hasGalera, startGaleraCluster, type GaleraCluster, type GaleraNode } from "../../../bench/lib/galera-cluster.js";

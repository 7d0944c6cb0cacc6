// Preloaded into ARK Core (NODE_OPTIONS=--require) so that it can peer with a node on the same
// machine. ARK Core 3.9 was built for one node per host: it refuses every loopback address and
// every address of its own interfaces as a peer (crypto Utils.isValidPeer), and it dials every
// peer on its own P2P port. The test therefore gives each node its own loopback address with the
// same port number, and this file changes exactly two things, both driven by the environment:
//
// OSMOSE_INTEROP_PEER_IPS  comma-separated IPs that isValidPeer accepts although they are local;
//                          every other address gets ARK's own rule.
// OSMOSE_INTEROP_BIND      the address ARK listens on: its outgoing P2P connections (to
//                          OSMOSE_INTEROP_P2P_PORT) leave from it, so that peers see ARK at the
//                          address it listens on, as they would on separate hosts, and not at
//                          127.0.0.1 (which both ARK and our node treat as their own forger).
"use strict";
const net = require("net");
const path = require("path");

const allowed = new Set(
  (process.env.OSMOSE_INTEROP_PEER_IPS || "").split(",").map((s) => s.trim()).filter(Boolean),
);
const bind = process.env.OSMOSE_INTEROP_BIND;
const p2pPort = Number(process.env.OSMOSE_INTEROP_P2P_PORT || 0);

if (allowed.size > 0) {
  // the module whose export crypto's Utils getter reads on every call
  const cryptoDir = path.dirname(require.resolve("@arkecosystem/crypto/package.json", {
    paths: [process.cwd(), path.join(process.cwd(), "node_modules/@arkecosystem/core")],
  }));
  const validPeer = require(path.join(cryptoDir, "dist/utils/is-valid-peer.js"));
  const original = validPeer.isValidPeer;
  validPeer.isValidPeer = (peer, includeNetworkInterfaces) =>
    allowed.has(peer.ip) || original(peer, includeNetworkInterfaces);
}

if (bind && p2pPort > 0) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    let options = args[0];
    if (Array.isArray(options)) options = options[0]; // net.connect's normalized arguments
    if (options && typeof options === "object" && Number(options.port) === p2pPort &&
        !options.localAddress && !options.path) {
      options.localAddress = bind;
    }
    return connect.apply(this, args);
  };
}

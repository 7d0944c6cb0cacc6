// ARK's own SDKs (@arkecosystem/crypto 3.12.0, @arkecosystem/client 3.0.0), unchanged, against an
// osmose node: configure crypto from the node, sign a transfer, a vote and a multi-payment, post
// them, wait until they are forged and read them back through the client's resources.
// Env: OSMOSE_API (http://127.0.0.1:PORT/api), OSMOSE_PASSPHRASE (a funded wallet).
// Prints one JSON report on stdout; exits 1 with the failed check on stderr.
"use strict";
const { Connection } = require("@arkecosystem/client");
const { Managers, Transactions, Identities, Utils } = require("@arkecosystem/crypto");

const api = process.env.OSMOSE_API;
const passphrase = process.env.OSMOSE_PASSPHRASE;
const client = new Connection(api);
const report = { checks: [] };

function check(name, ok, detail) {
  report.checks.push({ name, ok: !!ok });
  if (!ok) {
    throw new Error(`${name} failed: ${JSON.stringify(detail)}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function rawPost(body, contentType) {
  const res = await fetch(api + "/transactions", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
  return { status: res.status, body: await res.text() };
}

async function confirmed(id) {
  for (let i = 0; i < 120; i++) {
    try {
      const tx = await client.api("transactions").get(id);
      if (tx.body.data.confirmations >= 1) return tx.body.data;
    } catch (e) {
      // 404 until forged
    }
    await sleep(500);
  }
  throw new Error("not forged in time: " + id);
}

(async () => {
  const cryptoConfig = (await client.api("node").crypto()).body.data;
  Managers.configManager.setConfig(cryptoConfig);
  const tip = (await client.api("blocks").last()).body.data.height;
  Managers.configManager.setHeight(tip);
  const configuration = (await client.api("node").configuration()).body.data;
  check("configuration nethash", configuration.nethash === cryptoConfig.network.nethash, configuration.nethash);
  const status = (await client.api("node").status()).body.data;
  check("node status", typeof status.synced === "boolean" && status.now >= tip, status);

  const sender = Identities.Address.fromPassphrase(passphrase);
  const wallet = (await client.api("wallets").get(sender)).body.data;
  let nonce = Utils.BigNumber.make(wallet.nonce);
  const recipient = Identities.Address.fromPassphrase("osmose sdk check recipient " + Date.now());
  const payees = ["a", "b"].map((s) => Identities.Address.fromPassphrase("osmose sdk payee " + s));
  const delegate = (await client.api("delegates").all({ limit: 1 })).body.data[0];

  const transfer = Transactions.BuilderFactory.transfer()
    .recipientId(recipient).amount("250000000").vendorField("osmose sdk check")
    .nonce((nonce = nonce.plus(1)).toString()).sign(passphrase);
  const vote = Transactions.BuilderFactory.vote()
    .votesAsset(["+" + delegate.publicKey])
    .nonce((nonce = nonce.plus(1)).toString()).sign(passphrase);
  const multi = Transactions.BuilderFactory.multiPayment()
    .addPayment(payees[0], "100000000").addPayment(payees[1], "200000000")
    .nonce((nonce = nonce.plus(1)).toString()).sign(passphrase);
  const txs = [transfer, vote, multi].map((b) => b.build());
  const ids = txs.map((t) => t.id);

  const posted = await client.api("transactions").create({ transactions: txs.map((t) => t.toJson()) });
  report.posted = posted.body.data;
  check("all accepted", ids.every((id) => posted.body.data.accept.includes(id)), posted.body);

  const duplicate = await client.api("transactions").create({ transactions: [txs[0].toJson()] });
  report.duplicate = duplicate.body;
  check("duplicate refused", duplicate.body.data.invalid.includes(ids[0]) && duplicate.body.errors, duplicate.body);

  const garbage = await rawPost("{not json", "application/json");
  report.garbage = garbage;
  check("garbage is a 4xx", garbage.status >= 400 && garbage.status < 500, garbage);
  const badSchema = await rawPost(JSON.stringify({ transactions: [{ type: 0 }] }), "application/json");
  report.badSchema = badSchema;
  check("bad schema is a 422", badSchema.status === 422, badSchema);

  const forged = [];
  for (const id of ids) forged.push(await confirmed(id));
  report.forged = forged.map((t) => ({ id: t.id, type: t.type, blockId: t.blockId }));
  check("types", forged.map((t) => t.type).join(",") === "0,3,6", forged);

  const after = (await client.api("wallets").get(sender)).body.data;
  check("nonce advanced", Utils.BigNumber.make(after.nonce).isEqualTo(nonce), after);
  check("vote attribute", after.attributes.vote === delegate.publicKey, after.attributes);
  const received = (await client.api("wallets").get(recipient)).body.data;
  check("recipient balance", received.balance === "250000000", received);
  const payee = (await client.api("wallets").get(payees[1])).body.data;
  check("payee balance", Utils.BigNumber.make(payee.balance).isGreaterThanEqual("200000000"), payee);

  const sent = (await client.api("wallets").transactionsSent(sender, { limit: 10 })).body.data.map((t) => t.id);
  check("sent lists all three", ids.every((id) => sent.includes(id)), sent);
  const incoming = (await client.api("wallets").transactionsReceived(recipient)).body.data.map((t) => t.id);
  check("received", incoming.includes(ids[0]), incoming);
  const all = (await client.api("wallets").transactions(payees[1])).body.data.map((t) => t.id);
  check("multi-payment recipient sees it", all.includes(ids[2]), all);
  const votes = (await client.api("wallets").votes(sender)).body.data.map((t) => t.id);
  check("wallet votes", votes.includes(ids[1]), votes);
  const voteTx = (await client.api("votes").get(ids[1])).body.data;
  check("votes/{id}", voteTx.asset.votes[0] === "+" + delegate.publicKey, voteTx);
  const block = (await client.api("blocks").get(forged[0].blockId)).body.data;
  check("block of the transfer", block.id === forged[0].blockId && block.transactions >= 1, block);
  const blockTxs = (await client.api("blocks").transactions(forged[0].blockId)).body.data.map((t) => t.id);
  check("block transactions", blockTxs.includes(ids[0]), blockTxs);
  const voters = (await client.api("delegates").voters(delegate.publicKey)).body.data.map((w) => w.address);
  check("delegate voters", voters.includes(sender), voters);
  const memo = (await client.api("transactions").all({ vendorField: "osmose sdk check" })).body.data;
  check("vendorField filter", memo.length >= 1 && memo.every((t) => t.vendorField === "osmose sdk check"), memo);

  console.log(JSON.stringify(report));
})().catch((e) => {
  console.log(JSON.stringify(report));
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

// Signs one transfer with ARK Core's own crypto (@arkecosystem/crypto 3.9.1, from ARK Core's
// install) for the network whose ARK config is in $ARK_CRYPTO_DIR, and prints it as JSON: the
// body of POST /api/transactions. Run from the ARK Core install directory.
"use strict";
const fs = require("fs");
const path = require("path");
const { Managers, Transactions } = require("@arkecosystem/crypto");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const load = (file) => JSON.parse(fs.readFileSync(path.join(env("ARK_CRYPTO_DIR"), file)));
Managers.configManager.setConfig({
  network: load("network.json"),
  milestones: load("milestones.json"),
  exceptions: load("exceptions.json"),
  genesisBlock: load("genesisBlock.json"),
});
Managers.configManager.setHeight(Number(env("HEIGHT")));

const transaction = Transactions.BuilderFactory.transfer()
  .version(2)
  .nonce(env("NONCE"))
  .recipientId(env("RECIPIENT"))
  .amount(env("AMOUNT"))
  .fee(env("FEE"))
  .vendorField(process.env.VENDOR_FIELD || undefined)
  .sign(env("PASSPHRASE"))
  .build();
process.stdout.write(JSON.stringify({ transactions: [transaction.toJson()] }));

package com.osmosecollective.node.acceptance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs transfers with ARK's own crypto library ({@code @arkecosystem/crypto} of the ARK Core
 * install) for the network of an {@link ArkNetworkConfig}: the transactions both nodes must accept.
 */
record ArkSigner(ArkCoreInstall install, ArkNetworkConfig config) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body of {@code POST /api/transactions} holding one signed transfer. */
  JsonNode transfer(
      String passphrase,
      String recipient,
      long amount,
      long fee,
      long nonce,
      long height,
      String vendorField) {
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("NODE_OPTIONS=");
    command.add("ARK_CRYPTO_DIR=" + config.cryptoFolder());
    command.add("HEIGHT=" + height);
    command.add("NONCE=" + nonce);
    command.add("RECIPIENT=" + recipient);
    command.add("AMOUNT=" + amount);
    command.add("FEE=" + fee);
    command.add("VENDOR_FIELD=" + vendorField);
    command.add("PASSPHRASE=" + passphrase);
    command.add("node");
    command.add(install.script("sign-transfer.cjs").toString());
    Commands.Result result = Commands.run(install.home(), 120, command);
    if (!result.ok()) {
      throw new AssertionError("sign-transfer.cjs failed: " + result.output());
    }
    try {
      return JSON.readTree(result.output());
    } catch (IOException e) {
      throw new UncheckedIOException("sign-transfer.cjs printed " + result.output(), e);
    }
  }
}

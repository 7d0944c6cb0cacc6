package com.osmosecollective.node.p2p.transport;

import com.osmosecollective.node.core.encoding.Bytes;
import io.netty.channel.Channel;
import java.net.InetAddress;

/**
 * One request that arrived on an inbound socket after the hello.
 *
 * @param payload the codec bytes, not decoded yet
 */
public record InboundRequest(
    Channel channel, InetAddress ip, long id, String route, Bytes payload, Responder responder) {

  /** Answers on the socket the request came from. */
  @FunctionalInterface
  public interface Responder {
    void respond(long id, int statusCode, byte[] payload);
  }

  public void respond(int statusCode, byte[] answer) {
    responder.respond(id, statusCode, answer);
  }
}

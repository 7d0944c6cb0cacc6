package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.peer.InboundCallers;
import com.osmosecollective.node.p2p.peer.InboundRateLimiter;
import com.osmosecollective.node.p2p.transport.Channels;
import com.osmosecollective.node.p2p.transport.InboundRequest;
import com.osmosecollective.node.p2p.transport.RequestHandler;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.p2p.transport.ViolationSink;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests in the cheapest-check-first order (design rule 4): route known (SV-026), caller
 * allowed (SV-029, SV-063), route rate (SV-069), size (SV-033), app ready (ARK's 499 "App is not
 * ready", the only error answered with a frame), then decoding and the handler on the bounded
 * serving executor (SV-041, SV-051). A decoding failure or a handler's violation verdict goes to
 * the reputation path; any other handler failure drops the socket without a penalty, as ARK does.
 */
public final class Router implements RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final byte[] NOT_READY =
      "{\"error\":\"Service Unavailable\",\"message\":\"App is not ready\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final Map<String, Route> routes;
  private final Set<InetAddress> remoteAccess;
  private final InboundRateLimiter limiter;
  private final ViolationSink violations;
  private final BooleanSupplier ready;
  private final Executor serving;
  private final InboundCallers callers;

  public Router(
      Map<String, Route> routes,
      Set<InetAddress> remoteAccess,
      InboundRateLimiter limiter,
      ViolationSink violations,
      BooleanSupplier ready,
      Executor serving,
      InboundCallers callers) {
    this.routes = Map.copyOf(routes);
    this.remoteAccess = Set.copyOf(remoteAccess);
    this.limiter = limiter;
    this.violations = violations;
    this.ready = ready;
    this.serving = serving;
    this.callers = callers;
  }

  @Override
  public void handle(InboundRequest request) {
    InetAddress ip = request.ip();
    Route route = routes.get(request.route());
    if (route == null) {
      violate(request, Violation.UNKNOWN_ROUTE, "unknown route " + request.route());
      return;
    }
    boolean trusted = remoteAccess.contains(ip);
    if (route.internal() && !trusted) {
      violate(request, Violation.UNAUTHORISED_INTERNAL, route.name() + " from outside");
      return;
    }
    if (!limiter.admitRequest(ip, route.name())) {
      violate(request, Violation.RATE_LIMIT, route.name() + " above its rate");
      return;
    }
    if (request.payload().length() > route.maxRequestBytes()) {
      violate(
          request,
          Violation.OVERSIZE,
          route.name()
              + " request of "
              + request.payload().length()
              + " bytes above "
              + route.maxRequestBytes());
      return;
    }
    if (!ready.getAsBoolean()) {
      request.respond(NesFrame.STATUS_GRACEFUL_ERROR, NOT_READY);
      return;
    }
    Caller caller = new Caller(ip, trusted, callers);
    try {
      serving.execute(() -> serve(request, route, caller));
    } catch (RejectedExecutionException e) {
      // overloaded: drop the socket, the peer did nothing wrong
      Channels.tearDown(request.channel());
    }
  }

  private void serve(InboundRequest request, Route route, Caller caller) {
    CompletableFuture<byte[]> answer;
    try {
      answer = route.handler().handle(caller, request.payload().toArray());
    } catch (DecodeException e) {
      violate(request, Violation.DECODING, route.name() + ": " + e.getMessage());
      return;
    } catch (PeerViolationException e) {
      violate(request, e.violation(), route.name() + ": " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      failed(request, route, e);
      return;
    }
    var unused =
        answer.whenComplete(
            (bytes, error) -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof PeerViolationException v) {
                violate(request, v.violation(), route.name() + ": " + v.getMessage());
              } else if (cause != null) {
                failed(request, route, cause);
              } else {
                request.respond(NesFrame.STATUS_OK, bytes);
              }
            });
  }

  private void failed(InboundRequest request, Route route, Throwable error) {
    LOG.debug(
        "{} from {} failed: {}", route.name(), request.ip().getHostAddress(), error.toString());
    Channels.tearDown(request.channel());
  }

  private void violate(InboundRequest request, Violation violation, String detail) {
    violations.report(request.channel(), request.ip(), violation, detail);
  }
}

package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into a {@link RestApi} answer on the worker executor and writes it as
 * JSON. Everything that needs no storage read is decided on the I/O thread first: bad request
 * lines, unknown paths and methods, the rate limit. One request per connection is answered at a
 * time (reading pauses until the answer is written), so pipelined requests keep their order.
 */
final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);

  /** Bodies nest a few levels (a multi-payment's payments); deeper is refused, not parsed. */
  static final int MAX_JSON_DEPTH = 32;

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_DEPTH)
                .maxStringLength(1 << 20)
                .maxNumberLength(100)
                .build());
  }

  /**
   * GET routes whose answers read memory only (tip, peers, clock, network settings), never storage.
   */
  static final java.util.Set<String> MEMORY_ROUTES =
      java.util.Set.of(
          "/api/node/status",
          "/api/node/configuration",
          "/api/node/configuration/crypto",
          "/api/transactions/types",
          "/api/transactions/fees",
          "/api/transactions/schemas");

  private static final List<String> ROOT = List.of("");

  private static final byte[] HELLO =
      "{\"data\":\"Hello World!\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final RestApi api;
  private final Executor workers;
  private final RateLimiter rateLimiter;
  private final ApiMetrics metrics;
  private final ErrorLog errors;
  private final int idleTimeoutSeconds;
  private final MetricsEndpoint metricsEndpoint;
  private final ClientWhitelist whitelist;
  private final ResponseCache responses;

  ApiHttpHandler(
      ClientWhitelist whitelist,
      ResponseCache responses,
      RestApi api,
      Executor workers,
      RateLimiter rateLimiter,
      ApiMetrics metrics,
      ErrorLog errors,
      int idleTimeoutSeconds,
      MetricsEndpoint metricsEndpoint) {
    this.metricsEndpoint = metricsEndpoint;
    this.whitelist = whitelist;
    this.responses = responses;
    this.api = api;
    this.workers = workers;
    this.rateLimiter = rateLimiter;
    this.metrics = metrics;
    this.errors = errors;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
    if (deadline != null) {
      deadline.requestComplete();
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String method = request.method().name();
    boolean head = HttpMethod.HEAD.equals(request.method());
    if (!request.decoderResult().isSuccess()) {
      LOG.debug("bad HTTP request from {}", ConnectionGate.ip(ctx));
      var unused =
          write(
              ctx,
              ApiResponse.error(ApiError.badRequest("Bad Request"), api.tip()),
              false,
              false,
              null,
              request.headers());
      return;
    }
    if (!whitelist.allows(ctx.channel().remoteAddress())) {
      // ARK's webhooks whitelist: Boom's bare 403
      var unused =
          write(
              ctx,
              ApiResponse.error(ApiError.forbidden("Forbidden"), api.tip()),
              false,
              head,
              null,
              request.headers());
      return;
    }
    RequestTarget target;
    try {
      target = RequestTarget.parse(request.uri());
    } catch (IllegalArgumentException e) {
      LOG.debug("bad request target from {}: {}", ConnectionGate.ip(ctx), e.getMessage());
      var unused =
          write(
              ctx,
              ApiResponse.error(ApiError.badRequest("Bad Request"), api.tip()),
              keepAlive,
              head,
              null,
              request.headers());
      return;
    }
    if (HttpMethod.OPTIONS.equals(request.method())) {
      writePreflight(ctx, keepAlive);
      return;
    }
    if (target.segments().equals(java.util.List.of("metrics"))
        && (HttpMethod.GET.equals(request.method()) || head)
        && metricsEndpoint != MetricsEndpoint.NONE) {
      serveMetrics(ctx, keepAlive, head);
      return;
    }
    List<String> segments = target.segments();
    if (segments.equals(ROOT) && (HttpMethod.GET.equals(request.method()) || head)) {
      // ARK's "Hello World" root: peers probe each plugin port with HEAD / and take 200 as "up"
      finish(
          ctx,
          new ResponseCache.Answer(200, HELLO, api.tip()),
          keepAlive,
          head,
          null,
          request.headers(),
          "/",
          method,
          start);
      return;
    }
    if (segments.equals(List.of("api", "events"))
        && HttpMethod.GET.equals(request.method())
        && api.streamsEvents()) {
      subscribe(ctx, target, keepAlive);
      return;
    }
    if (segments.size() >= 2
        && segments.get(0).equals("api")
        && segments.get(1).equals("docs")
        && (HttpMethod.GET.equals(request.method()) || head)) {
      var docs = api.docs().serve(segments.subList(2, segments.size()));
      if (docs.isPresent()) {
        writeStatic(ctx, docs.get(), keepAlive, head);
        return;
      }
    }
    RestApi.Match match = api.match(method, target.segments());
    String routeName = match.route() == null ? "unmatched" : match.route().template();
    if (match.error() != null) {
      finish(
          ctx,
          ApiResponse.error(match.error(), api.tip()),
          keepAlive,
          head,
          null,
          request.headers(),
          routeName,
          method,
          start);
      return;
    }
    RateLimiter.Decision limit = rateLimiter.take(ConnectionGate.ip(ctx));
    if (limit != null && !limit.allowed()) {
      metrics.refused("rate-limit");
      finish(
          ctx,
          ApiResponse.error(ApiError.tooManyRequests(), api.tip()),
          keepAlive,
          head,
          limit,
          request.headers(),
          routeName,
          method,
          start);
      return;
    }
    if (MEMORY_ROUTES.contains(routeName) && "GET".equals(match.route().method())) {
      // answered from memory only: the hop to a worker would cost more than the answer
      finish(
          ctx,
          answer(match, target.query(), null, routeName, api.tip()),
          keepAlive,
          head,
          limit,
          request.headers(),
          routeName,
          method,
          start);
      return;
    }
    boolean cacheable = ResponseCache.serves(method, match.route());
    String uri = request.uri();
    if (cacheable) {
      java.util.Optional<ResponseCache.Answer> kept = responses.get(uri);
      if (kept.isPresent()) {
        finish(
            ctx, kept.get(), keepAlive, head, limit, request.headers(), routeName, method, start);
        return;
      }
    }
    byte[] body =
        HttpMethod.POST.equals(request.method()) || HttpMethod.PUT.equals(request.method())
            ? ByteBufUtil.getBytes(request.content())
            : null;
    HttpHeaders headers = request.headers().copy();
    ctx.channel().config().setAutoRead(false);
    try {
      workers.execute(
          () -> {
            if (cacheable) {
              java.util.Optional<com.osmosecollective.node.storage.ChainTip> tip = api.chainTip();
              ResponseCache.Answer made =
                  serialize(
                      answer(
                          match,
                          target.query(),
                          body,
                          routeName,
                          tip.map(com.osmosecollective.node.storage.ChainTip::height).orElse(0L)));
              tip.ifPresent(t -> responses.put(uri, t, made));
              finish(ctx, made, keepAlive, head, limit, headers, routeName, method, start);
              return;
            }
            ApiResponse answer = answer(match, target.query(), body, routeName, api.tip());
            finish(ctx, answer, keepAlive, head, limit, headers, routeName, method, start);
          });
    } catch (RejectedExecutionException e) {
      metrics.refused("overload");
      finish(
          ctx,
          ApiResponse.error(ApiError.tooManyRequests(), api.tip()),
          keepAlive,
          head,
          limit,
          headers,
          routeName,
          method,
          start);
    }
  }

  private ApiResponse answer(
      RestApi.Match match, Map<String, String> query, byte[] body, String route, long tip) {
    try {
      JsonNode json = null;
      if (body != null) {
        try {
          json = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
          // not JSON, invalid UTF-8, too deep, too long: ARK's answer to an unparsable payload
          return ApiResponse.error(
              ApiError.unprocessable("Invalid request payload JSON format"), tip);
        }
      }
      return api.answer(
          match,
          query,
          json,
          body == null ? null : com.osmosecollective.node.core.encoding.Bytes.of(body),
          tip);
    } catch (RuntimeException e) {
      errors.error("API " + route + " failed", e);
      return ApiResponse.error(ApiError.internal(), tip);
    }
  }

  private void finish(
      ChannelHandlerContext ctx,
      ApiResponse answer,
      boolean keepAlive,
      boolean head,
      RateLimiter.Decision limit,
      HttpHeaders requestHeaders,
      String route,
      String method,
      long start) {
    finish(ctx, serialize(answer), keepAlive, head, limit, requestHeaders, route, method, start);
  }

  private void finish(
      ChannelHandlerContext ctx,
      ResponseCache.Answer answer,
      boolean keepAlive,
      boolean head,
      RateLimiter.Decision limit,
      HttpHeaders requestHeaders,
      String route,
      String method,
      long start) {
    write(ctx, answer, keepAlive, head, limit, requestHeaders)
        .addListener(f -> ctx.channel().config().setAutoRead(true));
    metrics.record(route, method, answer.status(), System.nanoTime() - start);
  }

  private static ResponseCache.Answer serialize(ApiResponse answer) {
    try {
      byte[] body = answer.status() == 204 ? new byte[0] : JSON.writeValueAsBytes(answer.body());
      return new ResponseCache.Answer(answer.status(), body, answer.blockHeight());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private io.netty.channel.ChannelFuture write(
      ChannelHandlerContext ctx,
      ApiResponse answer,
      boolean keepAlive,
      boolean head,
      RateLimiter.Decision limit,
      HttpHeaders requestHeaders) {
    return write(ctx, serialize(answer), keepAlive, head, limit, requestHeaders);
  }

  private io.netty.channel.ChannelFuture write(
      ChannelHandlerContext ctx,
      ResponseCache.Answer answer,
      boolean keepAlive,
      boolean head,
      RateLimiter.Decision limit,
      HttpHeaders requestHeaders) {
    byte[] body = answer.body();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    HttpHeaders h = response.headers();
    if (answer.status() != 204) {
      // a 204 carries no body and no Content-Length (RFC 9110 §8.6)
      h.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    }
    h.set("X-Block-Height", Long.toString(answer.blockHeight()))
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.VARY, "origin");
    cors(h, requestHeaders);
    if (limit != null && !limit.allowed()) {
      h.set("X-RateLimit-Limit", Long.toString(limit.limit()))
          .set("X-RateLimit-Remaining", Long.toString(limit.remaining()))
          .set("X-RateLimit-Reset", HTTP_DATE.format(Instant.ofEpochMilli(limit.resetMillis())))
          .set(
              HttpHeaderNames.RETRY_AFTER,
              Long.toString(
                  Math.max(1, (limit.resetMillis() - System.currentTimeMillis() + 999) / 1000)));
    }
    if (keepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
          .set("Keep-Alive", "timeout=" + idleTimeoutSeconds);
      return ctx.writeAndFlush(response);
    }
    h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private static void cors(HttpHeaders h, HttpHeaders requestHeaders) {
    if (requestHeaders != null && requestHeaders.contains(HttpHeaderNames.ORIGIN)) {
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
          .set(
              HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS,
              "X-Block-Height,X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset");
    }
  }

  /** SSE clients served at once; more get a 429. */
  static final int MAX_EVENT_STREAMS = 256;

  /**
   * {@code GET /api/events[?events=a,b]}: turns the connection into a server-sent event stream of
   * the events named (all of them by default). The keep-alive idle timeout and gzip leave the
   * connection (the stream's heartbeat keeps it alive; compression would hold events back).
   */
  private void subscribe(ChannelHandlerContext ctx, RequestTarget target, boolean keepAlive) {
    java.util.Map<String, String> query = target.query();
    java.util.Set<String> names = new java.util.LinkedHashSet<>(ChainEvent.NAMES);
    ApiError error = null;
    for (String key : query.keySet()) {
      if (!key.equals("events")) {
        error = ApiError.unprocessable("\"" + key + "\" is not allowed");
      }
    }
    if (error == null && query.containsKey("events")) {
      names.clear();
      for (String name : query.get("events").split(",", -1)) {
        if (!ChainEvent.NAMES.contains(name)) {
          error =
              ApiError.unprocessable(
                  "\"events\" must be among " + String.join(", ", ChainEvent.NAMES));
          break;
        }
        names.add(name);
      }
    }
    if (error == null && api.events().subscribers() >= MAX_EVENT_STREAMS) {
      error = ApiError.tooManyRequests();
    }
    if (error != null) {
      var unused = write(ctx, ApiResponse.error(error, api.tip()), keepAlive, false, null, null);
      return;
    }
    var pipeline = ctx.pipeline();
    if (pipeline.get(io.netty.handler.timeout.IdleStateHandler.class) != null) {
      pipeline.remove(io.netty.handler.timeout.IdleStateHandler.class);
    }
    if (pipeline.get(io.netty.handler.codec.http.HttpContentCompressor.class) != null) {
      pipeline.remove(io.netty.handler.codec.http.HttpContentCompressor.class);
    }
    io.netty.handler.codec.http.DefaultHttpResponse response =
        new io.netty.handler.codec.http.DefaultHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    HttpUtil.setTransferEncodingChunked(response, true);
    var unusedHead = ctx.write(response);
    var unusedFirst =
        ctx.writeAndFlush(
            new io.netty.handler.codec.http.DefaultHttpContent(
                Unpooled.wrappedBuffer(
                    ": osmose events\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    api.events().subscribe(new EventStream(ctx.channel(), names, api.events()));
  }

  /** A file of the documentation, from memory: written on the event loop. */
  private static void writeStatic(
      ChannelHandlerContext ctx, DocsEndpoint.Content content, boolean keepAlive, boolean head) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.OK,
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content.bytes()));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, content.contentType())
        .set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=3600")
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.bytes().length);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The scrape runs on a worker: it reads every meter, RocksDB's properties among them. */
  private void serveMetrics(ChannelHandlerContext ctx, boolean keepAlive, boolean head) {
    ctx.channel().config().setAutoRead(false);
    try {
      workers.execute(
          () -> {
            byte[] text =
                metricsEndpoint.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            FullHttpResponse response =
                new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.OK,
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(text));
            response
                .headers()
                .set(HttpHeaderNames.CONTENT_TYPE, metricsEndpoint.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, text.length);
            if (keepAlive) {
              response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            var written = ctx.writeAndFlush(response);
            written.addListener(f -> ctx.channel().config().setAutoRead(true));
            if (!keepAlive) {
              written.addListener(ChannelFutureListener.CLOSE);
            }
          });
    } catch (RejectedExecutionException e) {
      ctx.channel().config().setAutoRead(true);
      var unused =
          write(
              ctx,
              ApiResponse.error(ApiError.tooManyRequests(), api.tip()),
              keepAlive,
              head,
              null,
              null);
    }
  }

  private void writePreflight(ChannelHandlerContext ctx, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    response
        .headers()
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, OPTIONS")
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Content-Type, Authorization")
        .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    if (keepAlive) {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("closing API connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close(); // a failed close leaves nothing else to do
  }
}

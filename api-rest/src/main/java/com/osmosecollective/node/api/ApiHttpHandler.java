package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns one HTTP request into a {@link ReadApi} answer and writes it as JSON. */
final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReadApi api;

  ApiHttpHandler(ReadApi api) {
    this.api = api;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    ApiResponse answer;
    if (!request.decoderResult().isSuccess()) {
      answer = ApiResponse.error(ApiError.badRequest("Bad Request"), 0);
    } else if (!HttpMethod.GET.equals(request.method())) {
      // Hapi answers a method no route takes like an unknown path
      answer = ApiResponse.error(ApiError.notFound("Not Found"), 0);
    } else {
      QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
      answer = answer(decoder.path(), firstValues(decoder.parameters()));
    }
    write(ctx, request, answer);
  }

  /** ARK turns a repeated key into an array; no route served here takes one, so the first wins. */
  private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    parameters.forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }

  private ApiResponse answer(String path, Map<String, String> query) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    try {
      return api.get(trimmed, query);
    } catch (RuntimeException e) {
      LOG.error("GET {} failed", trimmed, e);
      return ApiResponse.error(ApiError.internal(), 0);
    }
  }

  private static void write(
      ChannelHandlerContext ctx, FullHttpRequest request, ApiResponse answer) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(answer.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set("X-Block-Height", Long.toString(answer.blockHeight()));
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
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

package io.cutcheck.nemesis.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each HTTP request into a call on {@link ApiRoutes} and writes the answer. Browsers are
 * turned away as Toxiproxy turns them away (a cross-site page must not drive the proxies).
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ApiRoutes routes;

    ApiHandler(ApiRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ApiResponse answer;
        String agent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
        if (agent.startsWith("Mozilla/")) {
            answer = ApiResponse.error(403, "User agent not allowed");
        } else {
            String body = request.content().toString(StandardCharsets.UTF_8);
            answer = routes.handle(request.method().name(), segments(request.uri()), body);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.copiedBuffer(answer.body(), StandardCharsets.UTF_8));
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        if (answer.contentType() != null && answer.contentType().startsWith("text/plain")) {
            response.headers().set("X-Content-Type-Options", "nosniff");
        }
        if (answer.status() != 204) { // a 204 carries no body and, as Go sends it, no length
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        ctx.writeAndFlush(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** The path's segments, percent-decoded, without empty ones. */
    private static List<String> segments(String uri) {
        List<String> segments = new ArrayList<>();
        for (String part : new QueryStringDecoder(uri).rawPath().split("/")) {
            if (!part.isEmpty()) {
                segments.add(QueryStringDecoder.decodeComponent(part));
            }
        }
        return segments;
    }
}

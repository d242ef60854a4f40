package io.palimpsest.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.http.HttpStatus;

/**
 * Gives ImageKit's error body to the answers Reactor Netty sends by itself, before any of Palimpsest's
 * code sees the request: a request line over its limit (414), headers over theirs (431), or bytes that
 * are not HTTP (400). Netty answers those with an empty body and closes the connection; a client should
 * still get a message it can show. One per connection, between the HTTP codec and Reactor Netty's own
 * handler: it notes a request the codec could not decode, and gives a body to the empty answer that
 * follows it. Every other answer passes untouched.
 */
final class UnreadableRequestBodies extends ChannelDuplexHandler {

    static final String NAME = "palimpsest.unreadableRequestBodies";

    private final Bodies bodies;
    private boolean refusing;

    UnreadableRequestBodies(Bodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
        if (message instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            refusing = true;
        }
        super.channelRead(context, message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
        if (refusing && message instanceof FullHttpResponse response && !response.content().isReadable()) {
            refusing = false;
            byte[] body = bodies.of(response.status().code());
            FullHttpResponse shaped = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            shaped.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            super.write(context, shaped, promise);
            return;
        }
        super.write(context, message, promise);
    }

    /** The three bodies, rendered once for every connection. */
    static final class Bodies {

        private final byte[] uriTooLong;
        private final byte[] headersTooLarge;
        private final byte[] notHttp;

        Bodies(ObjectMapper json) {
            uriTooLong = render(json, new ApiError(HttpStatus.URI_TOO_LONG,
                    "Your request URL is too long."));
            headersTooLarge = render(json, new ApiError(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "Your request headers are too large."));
            notHttp = render(json, new ApiError(HttpStatus.BAD_REQUEST, "Your request could not be read as HTTP."));
        }

        byte[] of(int status) {
            return switch (status) {
                case 414 -> uriTooLong;
                case 431 -> headersTooLarge;
                default -> notHttp;
            };
        }

        private static byte[] render(ObjectMapper json, ApiError error) {
            try {
                return json.writeValueAsBytes(error.body());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an error body is plain JSON", e);
            }
        }
    }
}

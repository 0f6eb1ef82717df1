package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import io.helidon.http.encoding.ContentEncodingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for the answers of clients that send {@code Accept-Encoding: gzip}, plugged into Helidon's content
 * encoding support ({@link ContentEncodingContext}). Helidon's own {@code helidon-http-encoding-gzip} module
 * does the same, but it is not among the build's resolvable artifacts (the build is offline); this is the JDK's
 * {@link GZIPOutputStream} behind the same interface, so swapping in the module later is one dependency.
 *
 * <p>Answers only: request bodies are never decoded, so an upload's size limit is always the size on the wire.
 */
public final class GzipEncoding implements ContentEncoding {

    private static final String GZIP = "gzip";

    /** The server's content encodings: gzip for answers, nothing discovered besides. */
    public static ContentEncodingContext context() {
        return ContentEncodingContext.builder()
                .contentEncodingsDiscoverServices(false)
                .addContentEncoding(new GzipEncoding())
                .build();
    }

    @Override
    public Set<String> ids() {
        return Set.of(GZIP);
    }

    @Override
    public boolean supportsEncoding() {
        return true;
    }

    @Override
    public boolean supportsDecoding() {
        return false;
    }

    @Override
    public ContentDecoder decoder() {
        return ContentDecoder.NO_OP;
    }

    @Override
    public ContentEncoder encoder() {
        return new ContentEncoder() {
            @Override
            public OutputStream apply(OutputStream network) {
                try {
                    return new GZIPOutputStream(network);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void headers(WritableHeaders<?> headers) {
                headers.set(HeaderNames.CONTENT_ENCODING, GZIP);
                headers.remove(HeaderNames.CONTENT_LENGTH);
                // A cache must not hand the compressed bytes to a client that did not ask for them.
                headers.add(HeaderNames.VARY, "Accept-Encoding");
            }
        };
    }

    @Override
    public String name() {
        return GZIP;
    }

    @Override
    public String type() {
        return GZIP;
    }
}

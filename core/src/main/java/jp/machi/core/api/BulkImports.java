package jp.machi.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Large file imports (tens of thousands of rows, e.g. a portal site's donation export): a POST to a
 * path ending in {@value #PATH_SUFFIX} has its own request size limit,
 * {@code machi.api.max-import-bytes} (64 MiB by default), instead of the API's 1 MiB, and its body
 * is not buffered by {@link RequestLimitFilter}: the resource reads it as a stream (an
 * {@link InputStream} parameter) and the stream answers 413 once more than the limit was read,
 * whether the client declared the length or sent the body in chunks.
 */
public final class BulkImports {

    /** The path suffix of every bulk import endpoint. */
    public static final String PATH_SUFFIX = "/bulk-imports";

    /** The default limit, 64 MiB: about 400,000 rows of a portal site's donation export. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private BulkImports() {
    }

    /** The deployment's limit for one import, in bytes. */
    public static long maxBytes() {
        return ConfigProvider.getConfig().getOptionalValue("machi.api.max-import-bytes", Long.class)
                .orElse(DEFAULT_MAX_BYTES);
    }

    /** {@code in}, refusing with 413 once more than {@code max} bytes were read from it. */
    public static InputStream bounded(InputStream in, long max) {
        return new FilterInputStream(in) {
            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                total += n;
                if (total > max) {
                    throw new ApiException(413, "payload-too-large", "problem.payloadTooLarge.detail", max);
                }
            }
        };
    }
}

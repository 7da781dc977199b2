package jp.machi.core.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps a copy of the bytes of a {@link CachedRead} answer that {@link ReadCache} marked ready (a 200),
 * as they go to the client. The outermost writer interceptor, so the copy is what the client gets
 * (personal data already masked by the interceptors inside it). An answer larger than
 * {@link ReadCacheStore#maxEntryBytes()} (a long CSV) is not kept: it streams as before.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ReadCacheCapture implements WriterInterceptor {

    @Inject
    ReadCacheStore store;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(ReadCache.READY) instanceof ReadCacheStore.Pending pending)) {
            context.proceed();
            return;
        }
        Tee tee = new Tee(context.getOutputStream(), store.maxEntryBytes());
        context.setOutputStream(tee);
        context.proceed();
        if (!tee.overflowed) {
            store.put(pending, tee.copy.toByteArray());
        }
    }

    /** Writes through and keeps a copy up to a limit. */
    private static final class Tee extends FilterOutputStream {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final long limit;
        boolean overflowed;

        Tee(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (overflowed) {
                return;
            }
            if (copy.size() + len > limit) {
                overflowed = true;
                copy.reset();
                return;
            }
            copy.write(b, off, len);
        }
    }
}

package jp.machi.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
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

    /** The most row errors a refusal lists (its detail counts every failing row). */
    public static final int MAX_ERRORS = 200;

    /** Rows per JDBC batch. */
    public static final int BATCH_SIZE = 1000;

    /** The rows an import's report lists by default ({@code ?preview=}), and at most. */
    public static final int DEFAULT_PREVIEW = 100;
    public static final int MAX_PREVIEW = 1000;

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

    /** How many rows a report lists: {@code ?preview=} from 0 to {@value #MAX_PREVIEW}, {@value #DEFAULT_PREVIEW} when absent; else 400. */
    public static int preview(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PREVIEW;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0 && n <= MAX_PREVIEW) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("preview", "import.preview", MAX_PREVIEW)));
    }

    /** The first {@value #MAX_ERRORS} of {@code errors}: what a refusal lists. */
    public static List<ApiException.FieldErrorKey> listed(List<ApiException.FieldErrorKey> errors) {
        return List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
    }

    /** Whether a batch failed on a unique constraint (SQL state 23505), e.g. a concurrent import of the same rows. */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState())
                    || s.getNextException() != null && "23505".equals(s.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A batched INSERT on the transaction's connection: {@link #add} after setting a row's
     * parameters, executed every {@value #BATCH_SIZE} rows and on {@link #close}.
     */
    public static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        public Batch(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        public PreparedStatement statement() {
            return statement;
        }

        /** Sets a text parameter, or SQL NULL. */
        public void text(int i, String v) throws SQLException {
            if (v == null) {
                statement.setNull(i, Types.VARCHAR);
            } else {
                statement.setString(i, v);
            }
        }

        /** Sets a UUID parameter, or SQL NULL. */
        public void uuid(int i, UUID v) throws SQLException {
            if (v == null) {
                statement.setNull(i, Types.OTHER);
            } else {
                statement.setObject(i, v);
            }
        }

        /** Sets an integer parameter, or SQL NULL. */
        public void integer(int i, Integer v) throws SQLException {
            if (v == null) {
                statement.setNull(i, Types.INTEGER);
            } else {
                statement.setInt(i, v);
            }
        }

        /** Adds the row set so far; executes the batch when it is full. */
        public void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }

        /** Executes what is left and closes the statement. */
        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    statement.executeBatch();
                }
            } finally {
                statement.close();
            }
        }
    }
}

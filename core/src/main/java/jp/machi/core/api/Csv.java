package jp.machi.core.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV export of a list: UTF-8 with a byte-order mark, which Excel needs to open Japanese text
 * correctly, CRLF line ends, and a header row in the caller's language.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final MediaType CSV = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

    private Csv() {
    }

    /** True when the caller asked for CSV by {@code ?format=csv} or by preferring text/csv. */
    public static boolean requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if ("csv".equalsIgnoreCase(format)) {
                return true;
            }
            if ("json".equalsIgnoreCase(format)) {
                return false;
            }
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("format", "format.unknown", format)));
        }
        for (MediaType mt : headers.getAcceptableMediaTypes()) {
            if (mt.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(mt)) {
                return false;
            }
            if ("text".equals(mt.getType()) && "csv".equals(mt.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    public static <T> Response response(String fileName, List<String> header, List<T> rows,
            Function<T, List<?>> columns) {
        StreamingOutput body = out -> {
            try {
                write(out, header, rows, columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Response.ok(body, CSV).header("Content-Disposition", disposition(fileName)).build();
    }

    /**
     * A CSV export of response views (records): written like {@link #response}, after core applied
     * the caller's view of personal data to the rows ({@code jp.machi.core.personaldata}): values
     * marked {@code @PersonalData} are masked for signed-in callers and absent for anyone else,
     * never in full.
     */
    public static <T> Response records(String fileName, List<String> header, List<T> rows,
            Function<T, List<?>> columns) {
        return Response.ok(new Table<>(header, rows, columns), CSV)
                .header("Content-Disposition", disposition(fileName)).build();
    }

    /** The entity of {@link #records}: header, rows and how a row becomes its cells. */
    public record Table<T>(List<String> header, List<T> rows, Function<T, List<?>> columns) {

        /** The same table over other rows of the same type (the rows after masking). */
        @SuppressWarnings("unchecked")
        public Table<T> withRows(List<?> replaced) {
            return new Table<>(header, (List<T>) replaced, columns);
        }

        /** Writes the table: BOM, header, rows. */
        public void write(java.io.OutputStream out) throws IOException {
            Csv.write(out, header, rows, columns);
        }
    }

    /**
     * A CSV export whose rows are read while it is written (e.g. {@code Exports.of}, chunk by chunk),
     * never gathered in a list first; personal data masked as in {@link #records}, row by row.
     */
    public static <T> Response stream(String fileName, List<String> header, Iterable<T> rows,
            Function<T, List<?>> columns) {
        return Response.ok(new Streamed<>(header, rows, columns), CSV)
                .header("Content-Disposition", disposition(fileName)).build();
    }

    /** The entity of {@link #stream}: header, rows (read as they are written) and how a row becomes its cells. */
    public record Streamed<T>(List<String> header, Iterable<T> rows, Function<T, List<?>> columns) {

        /** The same table with each row passed through {@code f} as it is written (masking). */
        @SuppressWarnings("unchecked")
        public Streamed<T> mapRows(Function<Object, Object> f) {
            Iterable<T> source = rows;
            return new Streamed<>(header, () -> {
                java.util.Iterator<T> it = source.iterator();
                return new java.util.Iterator<T>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public T next() {
                        return (T) f.apply(it.next());
                    }
                };
            }, columns);
        }

        /** Writes the table: BOM, header, rows as they come. */
        public void write(java.io.OutputStream out) throws IOException {
            Csv.write(out, header, rows, columns);
        }
    }

    /** Writes {@link Streamed} entities as {@code text/csv}. */
    @jakarta.ws.rs.ext.Provider
    @jakarta.ws.rs.Produces(MEDIA_TYPE)
    public static class StreamedWriter implements jakarta.ws.rs.ext.MessageBodyWriter<Streamed<?>> {

        @Override
        public boolean isWriteable(Class<?> type, java.lang.reflect.Type genericType,
                java.lang.annotation.Annotation[] annotations, MediaType mediaType) {
            return Streamed.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(Streamed<?> t, Class<?> type, java.lang.reflect.Type genericType,
                java.lang.annotation.Annotation[] annotations, MediaType mediaType,
                jakarta.ws.rs.core.MultivaluedMap<String, Object> httpHeaders, java.io.OutputStream out)
                throws IOException {
            t.write(out);
        }
    }

    /** Writes {@link Table} entities as {@code text/csv}. */
    @jakarta.ws.rs.ext.Provider
    @jakarta.ws.rs.Produces(MEDIA_TYPE)
    public static class TableWriter implements jakarta.ws.rs.ext.MessageBodyWriter<Table<?>> {

        @Override
        public boolean isWriteable(Class<?> type, java.lang.reflect.Type genericType,
                java.lang.annotation.Annotation[] annotations, MediaType mediaType) {
            return Table.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(Table<?> t, Class<?> type, java.lang.reflect.Type genericType,
                java.lang.annotation.Annotation[] annotations, MediaType mediaType,
                jakarta.ws.rs.core.MultivaluedMap<String, Object> httpHeaders, java.io.OutputStream out)
                throws IOException {
            t.write(out);
        }
    }

    /**
     * The one way Machi writes CSV: the UTF-8 byte order mark (so Excel reads the file as UTF-8),
     * the header, then each row as it comes from {@code rows}, text that a spreadsheet would evaluate as a
     * formula neutralised ({@link SpreadsheetCells}). Flushes, never closes {@code out}.
     */
    static <T> void write(java.io.OutputStream out, List<String> header, Iterable<T> rows,
            Function<T, List<?>> columns) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).build());
        for (T row : rows) {
            printer.printRecord(SpreadsheetCells.safe(columns.apply(row)));
        }
        printer.flush();
    }

    private static String disposition(String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded;
    }

    private static String asciiFallback(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return ascii.isBlank() ? "export.csv" : ascii;
    }
}

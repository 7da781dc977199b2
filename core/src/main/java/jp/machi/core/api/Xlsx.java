package jp.machi.core.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * xlsx export of a list, for the lists offices print: one sheet, a bold header row in the caller's
 * language, then the rows as they come (read while written, flushed every {@value #FLUSH_EVERY}
 * rows, so a long list is never held whole). Text goes into string cells only, never formulas, so
 * nothing a person typed is evaluated ({@link SpreadsheetCells}); numbers stay numbers.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX = MediaType.valueOf(MEDIA_TYPE);
    private static final int FLUSH_EVERY = 500;
    /** Excel's limit on a sheet name. */
    private static final int MAX_SHEET_NAME = 31;

    private Xlsx() {
    }

    /** True when the caller asked for xlsx by {@code ?format=xlsx} or by preferring the xlsx media type. */
    public static boolean requested(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return "xlsx".equalsIgnoreCase(format.strip());
        }
        for (MediaType mt : headers.getAcceptableMediaTypes()) {
            if (mt.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(mt)) {
                return false;
            }
            if (XLSX.isCompatible(mt) && !mt.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A streamed xlsx download of {@code rows}: header, then one row per element. Rows that are
     * response views get personal data masked as in a CSV export ({@code jp.machi.core.personaldata}).
     */
    public static <T> Response stream(String fileName, String sheetName, List<String> header, Iterable<T> rows,
            Function<T, List<?>> columns) {
        return Response.ok(new Streamed<>(sheetName, header, rows, columns), XLSX)
                .header("Content-Disposition", disposition(fileName)).build();
    }

    /** The entity of {@link #stream}: a sheet's header, rows (read as they are written) and how a row becomes its cells. */
    public record Streamed<T>(String sheetName, List<String> header, Iterable<T> rows, Function<T, List<?>> columns) {

        /** The same sheet with each row passed through {@code f} as it is written (masking). */
        @SuppressWarnings("unchecked")
        public Streamed<T> mapRows(Function<Object, Object> f) {
            Iterable<T> source = rows;
            return new Streamed<>(sheetName, header, () -> {
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

        public void write(OutputStream out) throws IOException {
            Xlsx.write(out, sheetName, header, rows, columns);
        }
    }

    /** Writes {@link Streamed} entities as xlsx. */
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
                jakarta.ws.rs.core.MultivaluedMap<String, Object> httpHeaders, OutputStream out) throws IOException {
            t.write(out);
        }
    }

    /** Writes the workbook; flushes, never closes {@code out}. */
    public static <T> void write(OutputStream out, String sheetName, List<String> header, Iterable<T> rows,
            Function<T, List<?>> columns) throws IOException {
        Workbook wb = new Workbook(out, "Machi", "1.0");
        Worksheet ws = wb.newWorksheet(sheetName(sheetName));
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("D9E1F2").set();
        }
        ws.freezePane(0, 1);
        int r = 1;
        for (T row : rows) {
            List<?> cells = columns.apply(row);
            for (int c = 0; c < cells.size(); c++) {
                cell(ws, r, c, cells.get(c));
            }
            if (r % FLUSH_EVERY == 0) {
                ws.flush();
            }
            r++;
        }
        wb.finish();
        out.flush();
    }

    /** One cell: numbers as numbers, anything else as text (never a formula). */
    public static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal d) {
            ws.value(r, c, Decimals.plain(d));
        } else if (v instanceof Number n) {
            ws.value(r, c, n);
        } else {
            ws.value(r, c, v.toString());
        }
    }

    private static String sheetName(String name) {
        String s = name == null || name.isBlank() ? "Sheet1" : name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > MAX_SHEET_NAME ? s.substring(0, MAX_SHEET_NAME) : s;
    }

    private static String disposition(String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + (ascii.isBlank() ? "export.xlsx" : ascii) + "\"; filename*=UTF-8''" + encoded;
    }
}

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
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader(header.toArray(String[]::new)).build())) {
                for (T row : rows) {
                    printer.printRecord(columns.apply(row));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + asciiFallback(fileName)
                        + "\"; filename*=UTF-8''" + encoded)
                .build();
    }

    private static String asciiFallback(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return ascii.isBlank() ? "export.csv" : ascii;
    }
}

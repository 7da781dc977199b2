package jp.machi.planning.program.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.api.CsvRecords;

/**
 * A program list (事務事業一覧) as a file, in the shape of seed 000: a title line naming the fiscal
 * year (令和2年度事務事業一覧…), a header line, data rows, and the title and header repeated after each
 * page break. Tab or comma separated, fields optionally in double quotes (a quoted field may span
 * lines and doubles its quotes), UTF-8 with or without BOM or Shift_JIS (Windows-31J).
 *
 * <p>Read as it streams in (core's {@link CsvRecords}), never held whole. What is not a row (blank
 * lines, titles, headers) is skipped and what looks like a row but is not a valid one is kept with
 * its line number, for the import to report.
 */
public final class ProgramListFile implements AutoCloseable {

    /** The columns a row can have, keyed by their names in a header. */
    public enum Column {
        FISCAL_YEAR, SERIAL_NUMBER, PROGRAM_NUMBER, NAME, UNIT_NAME, PURPOSE, OVERVIEW, RESULTS
    }

    /** Seed 000's seven columns, the order used when the file has no header. */
    static final List<Column> DEFAULT_COLUMNS = List.of(Column.SERIAL_NUMBER, Column.PROGRAM_NUMBER, Column.NAME,
            Column.UNIT_NAME, Column.PURPOSE, Column.OVERVIEW, Column.RESULTS);

    private static final Map<String, Column> HEADER_NAMES = new HashMap<>();

    static {
        header(Column.FISCAL_YEAR, "年度", "fiscal year", "fiscalyear");
        header(Column.SERIAL_NUMBER, "通し番号", "no", "no.", "serial number", "serialnumber", "番号");
        header(Column.PROGRAM_NUMBER, "事業番号", "program number", "programnumber");
        header(Column.NAME, "事務事業名", "事業名", "program", "name", "program name");
        header(Column.UNIT_NAME, "課名", "担当課", "所管課", "division", "unit", "unitname", "unit name");
        header(Column.PURPOSE, "事業の目的", "目的", "purpose");
        header(Column.OVERVIEW, "事業の概要", "概要", "overview");
        header(Column.RESULTS, "成果", "results", "result");
    }

    private static void header(Column c, String... names) {
        for (String n : names) {
            HEADER_NAMES.put(n, c);
        }
    }

    private static final Pattern ERA_YEAR = Pattern.compile("(令和|平成|昭和)\\s*(元|[0-9]{1,2})\\s*年度");
    private static final Pattern WESTERN_YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*年度");

    /** A data row: its line number, its values by column, and the column count it had. */
    public record Row(int line, Map<Column, String> values, int fieldCount) {
        public String get(Column c) {
            String v = values.get(c);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    private final CsvRecords records;
    private final int maxFieldChars;
    private String fiscalYearText;
    private List<Column> columns;

    private ProgramListFile(CsvRecords records, int maxFieldChars) {
        this.records = records;
        this.maxFieldChars = maxFieldChars;
    }

    /**
     * Opens {@code in} for reading row by row, in the declared charset if any, else UTF-8 (BOM or
     * valid in the first 64 KiB) or Windows-31J; tab separated when the first 64 KiB has a tab
     * outside quotes. A field longer than {@code maxFieldChars} is cut one past it (see
     * {@link CsvRecords#next(int)}), so that the import reports it too long without holding it whole.
     */
    public static ProgramListFile open(InputStream in, String declaredCharset, int maxFieldChars) throws IOException {
        return new ProgramListFile(CsvRecords.openTabOrComma(in, declaredCharset), maxFieldChars);
    }

    public Charset charset() {
        return records.charset();
    }

    /** {@code '\t'} or {@code ','}. */
    public char separator() {
        return records.separator();
    }

    /** The fiscal year as the first title line read so far wrote it (令和2年度), if one did. */
    public Optional<String> fiscalYearText() {
        return Optional.ofNullable(fiscalYearText);
    }

    /** How many fields a row has: the header's count, or seven without one (yet). */
    public int expectedFields() {
        return columns == null ? DEFAULT_COLUMNS.size() : columns.size();
    }

    /**
     * The next data row, or null at the end: blank lines, titles and headers are skipped (the
     * first title's year and the first header's columns are kept). Bytes that are not text in the
     * file's charset throw {@link java.nio.charset.CharacterCodingException}.
     */
    public Row next() throws IOException {
        CsvRecords.Record l;
        while ((l = records.next(maxFieldChars)) != null) {
            List<String> fields = l.fields();
            if (fields.stream().allMatch(String::isEmpty)) {
                continue;
            }
            List<Column> header = headerOf(fields);
            if (header != null) {
                if (columns == null) {
                    columns = header;
                }
                continue;
            }
            long nonEmpty = fields.stream().filter(f -> !f.isEmpty()).count();
            if (nonEmpty == 1 && !looksLikeRow(fields.get(0))) {
                // A title line: 令和2年度事務事業一覧（…）
                if (fiscalYearText == null) {
                    fiscalYearText = fiscalYearIn(fields.stream().filter(f -> !f.isEmpty()).findFirst().orElse(""));
                }
                continue;
            }
            List<Column> cols = columns == null ? DEFAULT_COLUMNS : columns;
            Map<Column, String> values = new EnumMap<>(Column.class);
            for (int i = 0; i < cols.size() && i < fields.size(); i++) {
                if (cols.get(i) != null) {
                    values.put(cols.get(i), fields.get(i));
                }
            }
            return new Row(l.line(), values, fields.size());
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private static boolean looksLikeRow(String onlyField) {
        return onlyField.matches("[0-9０-９]+");
    }

    /** 令和2年度 / 平成31年度 / 2020年度 in a title, or null. */
    static String fiscalYearIn(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC);
        Matcher m = ERA_YEAR.matcher(s);
        if (m.find()) {
            return m.group();
        }
        m = WESTERN_YEAR.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** The columns of a header line, or null when the line is not a header (its first field is no column name). */
    static List<Column> headerOf(List<String> fields) {
        if (fields.isEmpty() || column(fields.get(0)) == null) {
            return null;
        }
        List<Column> cols = new ArrayList<>();
        int known = 0;
        for (String f : fields) {
            Column c = column(f);
            cols.add(c);
            if (c != null) {
                known++;
            }
        }
        return known >= 2 ? cols : null;
    }

    private static Column column(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return HEADER_NAMES.get(n);
    }
}

package jp.machi.core.indicator.interfaces.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.CsvRecords;
import jp.machi.core.api.Decimals;
import jp.machi.core.api.Xlsx;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;
import jp.machi.core.i18n.Messages;
import jp.machi.core.indicator.application.ActualsEntryService.Entry;
import jp.machi.core.indicator.application.ActualsEntryService.Row;
import jp.machi.core.indicator.application.ActualsEntryService.Sheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * The yearly actuals sheet (実績入力シート) as a file: written as xlsx or CSV (the same columns), read
 * back from either after a person filled in the actuals. The header row names the columns in
 * Japanese or English, the year columns with their fiscal year ({@code 実績値 (令和7年度)}); reading
 * finds the columns by those names in either language (NFKC, spaces ignored), so columns may be
 * moved or added. Row numbers in errors are the file's own.
 */
final class ActualsSheetFile {

    /** The columns, in file order; id and version identify what was downloaded. */
    enum Column {
        ID, VERSION, CODE, NAME, UNIT, TARGET, PREVIOUS, LIVE, ACTUAL, NOTE
    }

    static final int MAX_ROWS = 2_000;
    private static final int MAX_NOTE = 1_000;
    private static final int MAX_FIELD = 4_000;
    private static final Pattern YEAR_IN_HEADER = Pattern.compile("^(.*?)[(（]([^)）]*)[)）]$");

    private ActualsSheetFile() {
    }

    static String header(Column c, FiscalYear fy, Locale l) {
        String base = Messages.get(l, "indicator.actuals.column." + c.name());
        return switch (c) {
            case TARGET, LIVE, ACTUAL -> base + " (" + fy.label(l) + ")";
            case PREVIOUS -> base + " (" + fy.previous().label(l) + ")";
            default -> base;
        };
    }

    static List<String> headers(FiscalYear fy, Locale l) {
        List<String> h = new ArrayList<>();
        for (Column c : Column.values()) {
            h.add(header(c, fy, l));
        }
        return h;
    }

    static List<Object> cells(Row r, Locale l) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.indicator().getId().toString());
        cells.add(r.indicator().getVersion());
        cells.add(r.indicator().getCode());
        cells.add(l.getLanguage().equals("en") && r.indicator().getNameEn() != null ? r.indicator().getNameEn()
                : r.indicator().getNameJa());
        cells.add(r.indicator().getUnit());
        cells.add(plain(r.target()));
        cells.add(plain(r.previousActual()));
        cells.add(r.bound() ? plain(r.live()) : null);
        cells.add(r.bound() ? null : plain(r.actual()));
        cells.add(r.bound() ? Messages.get(l, "indicator.actuals.boundNote") : r.note());
        return cells;
    }

    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : Decimals.plain(v);
    }

    /** The sheet as xlsx: the header, one row per indicator; the id and version columns are narrow but kept. */
    static void writeXlsx(OutputStream out, Sheet sheet, Locale l) throws IOException {
        Workbook wb = new Workbook(out, "Machi", "1.0");
        Worksheet ws = wb.newWorksheet(sheet.fiscalYear().label(l));
        List<String> h = headers(sheet.fiscalYear(), l);
        for (int c = 0; c < h.size(); c++) {
            ws.value(0, c, h.get(c));
            ws.style(0, c).bold().fillColor("D9E1F2").wrapText(true).set();
        }
        ws.width(0, 12);
        ws.width(1, 5);
        ws.width(3, 40);
        ws.width(9, 40);
        ws.freezePane(0, 1);
        int r = 1;
        for (Row row : sheet.rows()) {
            List<Object> cells = cells(row, l);
            for (int c = 0; c < cells.size(); c++) {
                Xlsx.cell(ws, r, c, cells.get(c));
            }
            if (!row.bound()) {
                // The cells a person fills in.
                ws.style(r, Column.ACTUAL.ordinal()).fillColor("FFF2CC").set();
                ws.style(r, Column.NOTE.ordinal()).fillColor("FFF2CC").wrapText(true).set();
            }
            r++;
        }
        wb.finish();
        out.flush();
    }

    /** A file's row as text cells, with its row number. */
    private record Line(int number, List<String> cells) {
    }

    /** A file's entries and the errors of its cells (reported with the errors found against the sheet). */
    record Parsed(List<Entry> entries, List<ApiException.FieldErrorKey> errors) {
    }

    /**
     * The entries of an uploaded sheet (xlsx by its zip signature, else CSV in UTF-8 or Shift_JIS).
     * A file whose header does not fit is refused at once (422).
     */
    static Parsed read(byte[] file, String declaredCharset, FiscalYear fy, Locale l) {
        List<Line> lines = isZip(file) ? readXlsx(file) : readCsv(file, declaredCharset);
        if (lines.isEmpty()) {
            throw rejected(List.of(new ApiException.FieldErrorKey("file", "indicator.actuals.file.empty")));
        }
        Line head = lines.get(0);
        Map<Column, Integer> at = new HashMap<>();
        Map<Column, String> names = new HashMap<>();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        for (int c = 0; c < head.cells().size(); c++) {
            String text = head.cells().get(c);
            String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
            Matcher m = YEAR_IN_HEADER.matcher(plain);
            String base = norm(m.matches() ? m.group(1) : plain);
            for (Column col : Column.values()) {
                if (base.equals(norm(Messages.get(Locale.JAPANESE, "indicator.actuals.column." + col.name())))
                        || base.equals(norm(Messages.get(Locale.ENGLISH, "indicator.actuals.column." + col.name())))) {
                    at.putIfAbsent(col, c);
                    names.put(col, text);
                    if (col == Column.ACTUAL && m.matches() && !sameYear(m.group(2), fy)) {
                        errors.add(new ApiException.FieldErrorKey("line[" + head.number() + "].actual",
                                "indicator.actuals.file.otherYear", text, fy.label(l)));
                    }
                }
            }
        }
        if (!at.containsKey(Column.ID) && !at.containsKey(Column.CODE)) {
            errors.add(new ApiException.FieldErrorKey("file", "indicator.actuals.file.noIdColumn",
                    header(Column.ID, fy, l), header(Column.CODE, fy, l)));
        }
        if (!at.containsKey(Column.ACTUAL)) {
            errors.add(new ApiException.FieldErrorKey("file", "indicator.actuals.file.noActualColumn",
                    header(Column.ACTUAL, fy, l)));
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw rejected(List.of(new ApiException.FieldErrorKey("file", "indicator.actuals.file.tooManyRows", MAX_ROWS)));
        }
        List<Entry> entries = new ArrayList<>();
        for (Line line : lines.subList(1, lines.size())) {
            String where = "line[" + line.number() + "]";
            String idText = cell(line, at.get(Column.ID));
            String code = cell(line, at.get(Column.CODE));
            String actualText = cell(line, at.get(Column.ACTUAL));
            String versionText = cell(line, at.get(Column.VERSION));
            String note = cell(line, at.get(Column.NOTE));
            if (idText == null && code == null) {
                if (actualText != null || note != null) {
                    errors.add(new ApiException.FieldErrorKey(where + ".indicatorId", "indicator.actuals.cell.noIndicator",
                            line.number()));
                }
                continue;
            }
            UUID id = null;
            if (idText != null) {
                try {
                    id = UUID.fromString(idText);
                } catch (IllegalArgumentException e) {
                    errors.add(new ApiException.FieldErrorKey(where + ".indicatorId", "indicator.actuals.cell.id",
                            line.number(), names.get(Column.ID), idText));
                    continue;
                }
            }
            Long version = null;
            if (versionText != null) {
                try {
                    version = Long.parseLong(norm(versionText).replaceAll("\\.0+$", ""));
                } catch (NumberFormatException e) {
                    errors.add(new ApiException.FieldErrorKey(where + ".version", "indicator.actuals.cell.version",
                            line.number(), names.get(Column.VERSION), versionText));
                    continue;
                }
            }
            BigDecimal actual = null;
            if (actualText != null) {
                try {
                    actual = new BigDecimal(norm(actualText).replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.add(new ApiException.FieldErrorKey(where + ".actual", "indicator.actuals.cell.notNumber",
                            line.number(), names.get(Column.ACTUAL), actualText));
                    continue;
                }
                BigDecimal p = actual.stripTrailingZeros();
                if (p.scale() > 4 || p.precision() - p.scale() > 15) {
                    errors.add(new ApiException.FieldErrorKey(where + ".actual", "indicator.actuals.cell.bounds",
                            line.number(), names.get(Column.ACTUAL), actualText));
                    continue;
                }
            }
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(new ApiException.FieldErrorKey(where + ".note", "indicator.actuals.cell.noteTooLong",
                        line.number(), names.get(Column.NOTE), MAX_NOTE));
                continue;
            }
            boolean bound = note != null && (note.equals(Messages.get(Locale.JAPANESE, "indicator.actuals.boundNote"))
                    || note.equals(Messages.get(Locale.ENGLISH, "indicator.actuals.boundNote")));
            entries.add(new Entry(where, line.number(), id,
                    code == null ? null : Normalizer.normalize(code, Normalizer.Form.NFKC).strip(), version, actual,
                    bound ? null : note, !at.containsKey(Column.NOTE) || bound));
        }
        return new Parsed(entries, errors);
    }

    private static boolean sameYear(String text, FiscalYear fy) {
        try {
            return FiscalYear.parse(text).equals(fy);
        } catch (InvalidFiscalYearException e) {
            return false;
        }
    }

    private static ApiException rejected(List<ApiException.FieldErrorKey> errors) {
        return new ApiException(422, "import-rejected", errors, "indicator.actuals.import.rejected", errors.size());
    }

    private static String cell(Line line, Integer column) {
        if (column == null || column >= line.cells().size()) {
            return null;
        }
        String v = line.cells().get(column);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        // Undo the apostrophe a CSV export puts before text a spreadsheet would read as a formula.
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }

    private static String norm(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** An xlsx is a zip: it starts with the local file header signature PK\3\4. */
    private static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    private static List<Line> readCsv(byte[] file, String charset) {
        List<Line> lines = new ArrayList<>();
        try (CsvRecords in = CsvRecords.open(new ByteArrayInputStream(file), charset)) {
            CsvRecords.Record r;
            while ((r = in.next(MAX_FIELD)) != null) {
                lines.add(new Line(r.line(), r.fields()));
                if (lines.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid-encoding", "indicator.actuals.file.encoding");
        } catch (IOException e) {
            throw new ApiException(400, "invalid-file", "indicator.actuals.file.unreadable");
        }
        return lines;
    }

    private static List<Line> readXlsx(byte[] file) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (org.dhatim.fastexcel.reader.Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    org.dhatim.fastexcel.reader.Cell cell = row.getCell(c);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        cells.add(null);
                    } else if (cell.getType() == CellType.NUMBER) {
                        cells.add(new BigDecimal(cell.getRawValue()).toPlainString());
                    } else {
                        String text = cell.getText();
                        cells.add(text != null && text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD + 1) : text);
                    }
                }
                if (cells.stream().anyMatch(x -> x != null && !x.isBlank())) {
                    lines.add(new Line(row.getRowNum(), cells));
                }
                if (lines.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ApiException(400, "invalid-file", "indicator.actuals.file.unreadable");
        }
        return lines;
    }
}

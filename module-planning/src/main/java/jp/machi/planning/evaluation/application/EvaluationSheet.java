package jp.machi.planning.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.YearEvaluation;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.evaluation.domain.EvaluationEntry;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.plan.application.PlanningSettings;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;
import jp.machi.planning.program.domain.ProgramCost;
import jp.machi.planning.program.domain.ProgramIndicator;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One program's evaluation sheet (事務事業評価シート) of one fiscal year as an Excel workbook, laid
 * out like the sheets municipalities print: title; basics (number, name, division, position in the
 * plan, legal basis, period, method); purpose as 対象・意図・結果 with overview and results;
 * indicators (target and actual by year); cost by year in ¥1,000; and the evaluation steps. In
 * Japanese, as the printed sheets are. Up to {@value #YEARS} fiscal years are shown: those costs
 * were entered for up to the year after the one evaluated, else the years around it.
 */
@ApplicationScoped
@Transactional
public class EvaluationSheet {

    /** Fiscal years a sheet shows side by side. */
    static final int YEARS = 4;

    /** Columns A to H. */
    private static final int LAST_COL = 7;

    /** Column of the first year (E). */
    private static final int FIRST_YEAR_COL = 4;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @Inject
    ProgramService programs;

    @Inject
    EvaluationService evaluations;

    @Inject
    IndicatorService indicators;

    @Inject
    PlanningSettings settings;

    @Inject
    Tenancy tenancy;

    /**
     * The workbook of {@code p}'s evaluation of {@code fy}. The same data give the same bytes: the
     * zip entries carry a fixed time and the document's creation time is that of the evaluation's
     * latest step (none before the first), not the time of the download.
     */
    public byte[] workbook(AdministrativeProgram p, FiscalYear fy) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        write(p, fy, raw);
        List<EvaluationEntry> history = evaluations.state(p, fy).history();
        return reproducible(raw.toByteArray(),
                history.isEmpty() ? null : history.get(history.size() - 1).getActedAt().toInstant());
    }

    /** Rewrites a workbook with fixed entry times and {@code created} (null: none) as its creation time. */
    static byte[] reproducible(byte[] xlsx, java.time.Instant created) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(xlsx.length);
        java.nio.file.Path tmp = null;
        try {
            // Read through the central directory: the writer's local headers carry no sizes,
            // which ZipInputStream does not accept.
            tmp = java.nio.file.Files.createTempFile("machi-sheet-", ".xlsx");
            java.nio.file.Files.write(tmp, xlsx);
            try (var in = new java.util.zip.ZipFile(tmp.toFile());
                    var zip = new java.util.zip.ZipOutputStream(out)) {
                for (var entries = in.entries(); entries.hasMoreElements();) {
                    java.util.zip.ZipEntry e = entries.nextElement();
                    byte[] content;
                    try (var entryIn = in.getInputStream(e)) {
                        content = entryIn.readAllBytes();
                    }
                    if (e.getName().equals("docProps/core.xml")) {
                        String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                        String replacement = created == null ? ""
                                : "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                                        + created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</dcterms:created>";
                        xml = xml.replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>",
                                java.util.regex.Matcher.quoteReplacement(replacement));
                        content = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    if (e.getName().startsWith("xl/worksheets/sheet")) {
                        content = sortedMergeCells(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                    copy.setTimeLocal(FIXED_ENTRY_TIME);
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (tmp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
        return out.toByteArray();
    }

    private static final java.util.regex.Pattern MERGE_CELLS =
            java.util.regex.Pattern.compile("<mergeCells[^>]*>(.*?)</mergeCells>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern MERGE_CELL = java.util.regex.Pattern.compile("<mergeCell [^>]*/>");
    private static final java.util.regex.Pattern CELL_REF = java.util.regex.Pattern.compile("ref=\"([A-Z]+)(\\d+)");

    /**
     * The writer keeps merged ranges in a hash set whose order changes from one workbook to the
     * next; they are put in row and column order here.
     */
    static String sortedMergeCells(String sheetXml) {
        java.util.regex.Matcher block = MERGE_CELLS.matcher(sheetXml);
        if (!block.find()) {
            return sheetXml;
        }
        List<String> cells = new ArrayList<>();
        java.util.regex.Matcher cell = MERGE_CELL.matcher(block.group(1));
        while (cell.find()) {
            cells.add(cell.group());
        }
        cells.sort(java.util.Comparator.comparingLong(EvaluationSheet::position).thenComparing(c -> c));
        String head = sheetXml.substring(block.start(), block.start(1));
        String tail = sheetXml.substring(block.end(1), block.end());
        return sheetXml.substring(0, block.start()) + head + String.join("", cells) + tail
                + sheetXml.substring(block.end());
    }

    /** Row × 100 000 + column of a merge's first cell, for ordering. */
    private static long position(String mergeCell) {
        java.util.regex.Matcher m = CELL_REF.matcher(mergeCell);
        if (!m.find()) {
            return Long.MAX_VALUE;
        }
        long col = 0;
        for (char ch : m.group(1).toCharArray()) {
            col = col * 26 + (ch - 'A' + 1);
        }
        return Long.parseLong(m.group(2)) * 100_000 + col;
    }

    /** 1980-01-01, the earliest time a zip entry can carry, as reproducible builds use. */
    private static final java.time.LocalDateTime FIXED_ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    /** Writes the workbook of {@code p}'s evaluation of {@code fy} to {@code out}. */
    void write(AdministrativeProgram p, FiscalYear fy, OutputStream out) {
        // Read everything first: the stream is written after the transaction's reads.
        Locale ja = Locale.JAPANESE;
        AdministrativeProgram.Details d = p.details();
        List<ProgramCost> costs = programs.costs(p);
        List<ProgramIndicator> links = programs.indicators(p);
        EvaluationService.State state = evaluations.state(p, fy);
        long unitCost = settings.personnelUnitCost();
        List<PlanningSettings.Grade> scale = settings.evaluationScale();
        List<FiscalYear> years = years(fy, costs);
        String node = Optional.ofNullable(d.planNodeId()).map(id -> tenancy.em().find(PlanNode.class, id))
                .map(n -> (n.getNumber() == null ? "" : n.getNumber() + " ") + n.getTitle()).orElse("");

        try {
            Workbook wb = new Workbook(out, "Machi", "1.0");
            Worksheet ws = wb.newWorksheet("事務事業評価シート");
            ws.pageOrientation("portrait");
            ws.fitToWidth((short) 1);
            ws.width(0, 16);
            ws.width(1, 22);
            ws.width(2, 14);
            ws.width(3, 14);
            for (int c = FIRST_YEAR_COL; c <= LAST_COL; c++) {
                ws.width(c, 16);
            }
            int r = 0;
            ws.value(r, 0, fy.label(ja) + " 事務事業評価シート");
            ws.range(r, 0, r, LAST_COL).merge();
            ws.style(r, 0).bold().fontSize(16).horizontalAlignment("center").set();
            r += 2;

            label(ws, r, 0, "事業番号");
            text(ws, r, 1, r, 1, p.getProgramNumber());
            label(ws, r, 2, "事務事業名");
            text(ws, r, 3, r, LAST_COL, p.getName());
            r++;
            label(ws, r, 0, "担当課");
            text(ws, r, 1, r, 2, programs.unitLabel(p));
            label(ws, r, 3, "施策体系上の位置");
            text(ws, r, 4, r, LAST_COL, node);
            r++;
            label(ws, r, 0, "根拠法令等");
            text(ws, r, 1, r, LAST_COL, d.legalBasis());
            r++;
            label(ws, r, 0, "事業期間");
            text(ws, r, 1, r, 2, period(d, ja));
            label(ws, r, 3, "実施手法");
            text(ws, r, 4, r, LAST_COL, d.method() == null ? "" : d.method().label().ja());
            r += 2;

            r = section(ws, r, "1 事業の目的と内容");
            r = longText(ws, r, "対象（誰・何を）", d.purposeTarget());
            r = longText(ws, r, "意図（どのような状態にしたいか）", d.purposeIntent());
            r = longText(ws, r, "結果（施策への貢献）", d.purposeResult());
            r = longText(ws, r, "事業の目的", p.getPurpose());
            r = longText(ws, r, "事業の概要", p.getOverview());
            r = longText(ws, r, "実績・成果", p.getResults());
            r++;

            r = section(ws, r, "2 指標");
            header(ws, r, List.of("区分", "指標名", "単位", "目標・実績"), years, ja);
            r++;
            for (ProgramIndicator link : links) {
                Indicator i = tenancy.em().find(Indicator.class, link.getIndicatorId());
                if (i == null) {
                    continue;
                }
                Map<FiscalYear, YearEvaluation> byYear = new java.util.HashMap<>();
                indicators.evaluate(i).forEach(e -> byYear.put(e.fiscalYear(), e));
                String kind = link.getKind() == ProgramIndicator.Kind.ACTIVITY ? "活動指標" : "成果指標";
                for (int k = 0; k < 2; k++) {
                    cell(ws, r, 0, kind);
                    cell(ws, r, 1, i.getNameJa());
                    cell(ws, r, 2, i.getUnit());
                    cell(ws, r, 3, k == 0 ? "目標" : "実績");
                    for (int y = 0; y < years.size(); y++) {
                        YearEvaluation e = byYear.get(years.get(y));
                        BigDecimal v = e == null ? null : k == 0 ? e.target() : e.actual();
                        number(ws, r, FIRST_YEAR_COL + y, v);
                    }
                    r++;
                }
            }
            if (links.isEmpty()) {
                text(ws, r, 0, r, LAST_COL, "（指標なし）");
                r++;
            }
            r++;

            r = section(ws, r, "3 コスト（単位：千円）");
            header(ws, r, List.of("区分", "", "", ""), years, ja);
            ws.range(r, 0, r, 3).merge();
            r++;
            List<ProgramCost> shown = new ArrayList<>();
            for (FiscalYear y : years) {
                shown.add(costs.stream().filter(c -> c.getFiscalYear().equals(y)).findFirst().orElse(null));
            }
            r = costRow(ws, r, "事業費", shown, c -> BigDecimal.valueOf(c.getProgramCost()));
            r = costRow(ws, r, "　財源内訳　国庫支出金", shown, c -> BigDecimal.valueOf(c.getNationalSubsidy()));
            r = costRow(ws, r, "　　　　　　県支出金", shown, c -> BigDecimal.valueOf(c.getPrefecturalSubsidy()));
            r = costRow(ws, r, "　　　　　　地方債", shown, c -> BigDecimal.valueOf(c.getBonds()));
            r = costRow(ws, r, "　　　　　　その他", shown, c -> BigDecimal.valueOf(c.getOtherRevenue()));
            r = costRow(ws, r, "　　　　　　一般財源", shown, c -> BigDecimal.valueOf(c.getGeneralRevenue()));
            r = costRow(ws, r, "正職員（人）", shown, ProgramCost::getRegularStaffFte);
            r = costRow(ws, r, "会計年度任用職員等（人）", shown, ProgramCost::getOtherStaffFte);
            r = costRow(ws, r, "人件費（人工 × " + unitCost + "千円）", shown,
                    c -> BigDecimal.valueOf(c.personnelCost(unitCost)));
            r = costRow(ws, r, "トータルコスト", shown, c -> BigDecimal.valueOf(c.totalCost(unitCost)));
            r++;

            r = section(ws, r, "4 評価");
            List<String> heads = List.of("段階", "必要性", "有効性", "効率性", "今後の方向性", "コメント", "", "評価者・日付");
            for (int c = 0; c <= LAST_COL; c++) {
                label(ws, r, c, heads.get(c));
            }
            ws.range(r, 5, r, 6).merge();
            r++;
            Map<EvaluationStage, EvaluationEntry> standing = state.standing();
            for (EvaluationStage step : EvaluationStage.values()) {
                if (!step.isStep()) {
                    continue;
                }
                EvaluationEntry e = standing.get(step);
                label(ws, r, 0, step.label().ja());
                cell(ws, r, 1, e == null ? "" : e.getNecessity());
                cell(ws, r, 2, e == null ? "" : e.getEffectiveness());
                cell(ws, r, 3, e == null ? "" : e.getEfficiency());
                cell(ws, r, 4, e == null ? "" : e.getDirection());
                text(ws, r, 5, r, 6, e == null ? "" : e.getComment());
                cell(ws, r, 7, e == null ? "" : e.getActorName() + " " + DATE.format(e.getActedAt().atZoneSameInstant(JST)));
                r++;
            }
            label(ws, r, 0, "評価の段階");
            StringBuilder legend = new StringBuilder();
            for (PlanningSettings.Grade g : scale) {
                legend.append(legend.length() == 0 ? "" : "　").append(g.code())
                        .append(g.label().isEmpty() ? "" : "：" + g.label());
            }
            text(ws, r, 1, r, LAST_COL, legend.toString());
            r++;
            label(ws, r, 0, "進捗");
            text(ws, r, 1, r, LAST_COL, state.stage() == EvaluationStage.DECIDED
                    ? "最終決定済み（今後の方向性：" + state.evaluation().get().getFinalDirection() + "）"
                    : state.stage().label().ja() + "待ち");
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The years shown: those with costs, up to the year after {@code fy}, the latest {@value #YEARS}; else around {@code fy}. */
    static List<FiscalYear> years(FiscalYear fy, List<ProgramCost> costs) {
        TreeSet<FiscalYear> set = new TreeSet<>();
        costs.forEach(c -> set.add(c.getFiscalYear()));
        set.removeIf(y -> y.startYear() > fy.startYear() + 1);
        if (set.isEmpty()) {
            set.add(FiscalYear.of(fy.startYear() - 1));
            set.add(fy);
            set.add(FiscalYear.of(fy.startYear() + 1));
        }
        List<FiscalYear> all = new ArrayList<>(set);
        return all.subList(Math.max(0, all.size() - YEARS), all.size());
    }

    private static String period(AdministrativeProgram.Details d, Locale ja) {
        if (d.firstFiscalYear() == null && d.lastFiscalYear() == null) {
            return "";
        }
        String from = d.firstFiscalYear() == null ? "" : d.firstFiscalYear().label(ja);
        String to = d.lastFiscalYear() == null ? "（継続）" : d.lastFiscalYear().label(ja);
        return from + " ～ " + to;
    }

    private static int section(Worksheet ws, int r, String title) {
        ws.value(r, 0, title);
        ws.range(r, 0, r, LAST_COL).merge();
        ws.range(r, 0, r, LAST_COL).style().bold().fillColor("D9E1F2").borderStyle(BorderStyle.THIN).set();
        return r + 1;
    }

    private static void header(Worksheet ws, int r, List<String> first, List<FiscalYear> years, Locale ja) {
        for (int c = 0; c < first.size(); c++) {
            label(ws, r, c, first.get(c));
        }
        for (int y = 0; y < years.size(); y++) {
            label(ws, r, FIRST_YEAR_COL + y, years.get(y).label(ja));
        }
    }

    private static int longText(Worksheet ws, int r, String label, String value) {
        label(ws, r, 0, label);
        text(ws, r, 1, r, LAST_COL, value);
        ws.rowHeight(r, value == null || value.length() < 60 ? 18 : Math.min(400, 18 * (1 + value.length() / 60)));
        return r + 1;
    }

    private interface Figure {
        BigDecimal of(ProgramCost c);
    }

    private static int costRow(Worksheet ws, int r, String label, List<ProgramCost> shown, Figure f) {
        ws.value(r, 0, label);
        ws.range(r, 0, r, 3).merge();
        ws.range(r, 0, r, 3).style().fillColor("F2F2F2").borderStyle(BorderStyle.THIN).set();
        for (int y = 0; y < shown.size(); y++) {
            number(ws, r, FIRST_YEAR_COL + y, shown.get(y) == null ? null : f.of(shown.get(y)));
        }
        return r + 1;
    }

    private static void label(Worksheet ws, int r, int c, String text) {
        ws.value(r, c, text);
        ws.style(r, c).bold().fillColor("F2F2F2").borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("center")
                .set();
    }

    private static void cell(Worksheet ws, int r, int c, String text) {
        ws.value(r, c, text == null ? "" : text);
        ws.style(r, c).borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("center").set();
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal v) {
        if (v != null) {
            ws.value(r, c, v);
        }
        boolean fraction = v != null && v.stripTrailingZeros().scale() > 0;
        ws.style(r, c).borderStyle(BorderStyle.THIN).format(fraction ? "#,##0.00" : "#,##0").set();
    }

    private static void text(Worksheet ws, int r, int c1, int r2, int c2, String value) {
        ws.value(r, c1, value == null ? "" : value);
        if (c2 > c1 || r2 > r) {
            ws.range(r, c1, r2, c2).merge();
        }
        ws.range(r, c1, r2, c2).style().borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("top").set();
    }
}

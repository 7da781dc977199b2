package jp.machi.core.indicator.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.domain.YearEvaluation;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;

/**
 * 実績入力, the spring task of every division: the actuals of one fiscal year for the indicators one
 * organisational unit owns, read as one sheet and saved together, all or nothing. The sheet's
 * version ({@link Sheet#tag()}) is made of the versions of its indicators, so a change to any of
 * them is a new sheet version; every saved indicator gets a new version, even when its figures stay.
 */
@ApplicationScoped
@Transactional
public class ActualsEntryService {

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    IndicatorService indicators;

    @Inject
    RatingScaleService ratings;

    /** One indicator's line on the sheet. {@code live} is the bound metric's value (no field then). */
    public record Row(Indicator indicator, BigDecimal target, YearEvaluation.TargetSource targetSource,
            BigDecimal previousActual, BigDecimal actual, String note, boolean bound, BigDecimal live) {
    }

    public record Sheet(OrganizationUnit unit, FiscalYear fiscalYear, List<Row> rows, String tag) {
    }

    /**
     * One actual to record. {@code where} names it in errors ({@code entries[2]} of a JSON body,
     * {@code line[5]} of a file); {@code version} null when the caller relies on the sheet's
     * If-Match alone; {@code keepNote} when the file has no note column.
     */
    public record Entry(String where, int line, UUID indicatorId, String code, Long version, BigDecimal actual,
            String note, boolean keepNote) {
    }

    /** What one entry changes: before and after. */
    public record Change(Indicator indicator, BigDecimal actualBefore, BigDecimal actualAfter, String noteBefore,
            String noteAfter) {
        public boolean changes() {
            return !same(actualBefore, actualAfter) || !Objects.equals(noteBefore, noteAfter);
        }
    }

    /** The unit's sheet of {@code fy}; another municipality's unit is 404. */
    public Sheet sheet(UUID unitId, FiscalYear fy) {
        OrganizationUnit unit = organization.require(unitId);
        List<Indicator> owned = owned(unit.getId());
        List<Row> rows = new ArrayList<>();
        RatingScale.InterimYears interim = ratings.current().interimYears();
        for (Indicator i : owned) {
            rows.add(row(i, fy, interim));
        }
        return new Sheet(unit, fy, rows, tag(owned));
    }

    /** The sheet's version: a digest of its indicators and their versions. */
    public static String tag(List<Indicator> owned) {
        StringBuilder s = new StringBuilder();
        owned.stream().sorted((a, b) -> a.getId().compareTo(b.getId()))
                .forEach(i -> s.append(i.getId()).append(':').append(i.getVersion()).append(';'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Indicator> owned(UUID unitId) {
        return tenancy.em().createQuery("SELECT i FROM Indicator i WHERE i.ownerUnitId = :unit ORDER BY i.code, i.nameJa",
                Indicator.class).setParameter("unit", unitId).getResultList();
    }

    private Row row(Indicator i, FiscalYear fy, RatingScale.InterimYears interim) {
        Optional<IndicatorYearValue> figures = i.figuresOf(fy);
        YearEvaluation.Target t = YearEvaluation.targetOf(i, fy, interim);
        BigDecimal target = t.value();
        YearEvaluation.TargetSource source = t.source();
        if (i.isBoundToMetric()) {
            BigDecimal live = indicators.liveValue(i, fy);
            return new Row(i, target, source, indicators.liveValue(i, fy.previous()), live, null, true, live);
        }
        BigDecimal previous = i.figuresOf(fy.previous()).map(IndicatorYearValue::getActual).orElse(null);
        return new Row(i, target, source, previous, figures.map(IndicatorYearValue::getActual).orElse(null),
                figures.map(IndicatorYearValue::getActualNote).orElse(null), false, null);
    }

    /**
     * What the entries would change, checked whole: every entry names an indicator of the unit (by id,
     * else by code), once, not bound to a metric, with a current version when it gives one. Refusals:
     * an indicator of no record here 404 (JSON) or a row error (file, {@code fileRows}); a stale version
     * 412 naming the indicators; any other fault 400 (JSON) or 422 (file) listing every one.
     */
    public List<Change> preview(Sheet sheet, List<Entry> entries, boolean fileRows) {
        return preview(sheet, entries, fileRows, List.of());
    }

    /** {@link #preview(Sheet, List, boolean)} with the errors a file's cells already had, reported together. */
    public List<Change> preview(Sheet sheet, List<Entry> entries, boolean fileRows,
            List<ApiException.FieldErrorKey> cellErrors) {
        Map<UUID, Indicator> byId = new HashMap<>();
        Map<String, Indicator> byCode = new HashMap<>();
        for (Row r : sheet.rows()) {
            byId.put(r.indicator().getId(), r.indicator());
            if (r.indicator().getCode() != null) {
                byCode.put(r.indicator().getCode(), r.indicator());
            }
        }
        List<ApiException.FieldErrorKey> errors = new ArrayList<>(cellErrors);
        List<String> stale = new ArrayList<>();
        List<ApiException.FieldErrorKey> staleFields = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        List<Change> changes = new ArrayList<>();
        for (Entry e : entries) {
            Indicator i = e.indicatorId() != null ? byId.get(e.indicatorId()) : e.code() != null ? byCode.get(e.code()) : null;
            if (i == null) {
                String named = e.indicatorId() != null ? e.indicatorId().toString() : e.code();
                if (named == null) {
                    errors.add(new ApiException.FieldErrorKey(e.where() + ".indicatorId", "indicator.actuals.indicator.missing"));
                    continue;
                }
                Indicator elsewhere = e.indicatorId() != null ? tenancy.em().find(Indicator.class, e.indicatorId()) : null;
                if (elsewhere == null && e.indicatorId() != null && !fileRows) {
                    throw ApiException.notFound("indicator.notFound", named);
                }
                errors.add(new ApiException.FieldErrorKey(e.where() + (e.indicatorId() != null ? ".indicatorId" : ".code"),
                        elsewhere != null ? "indicator.actuals.indicator.otherUnit" : "indicator.actuals.indicator.unknown",
                        named, sheet.unit().getNameJa()));
                continue;
            }
            if (!seen.add(i.getId())) {
                errors.add(new ApiException.FieldErrorKey(e.where() + ".indicatorId", "indicator.actuals.indicator.duplicate",
                        label(i)));
                continue;
            }
            if (i.isBoundToMetric()) {
                if (e.actual() != null || !fileRows) {
                    errors.add(new ApiException.FieldErrorKey(e.where() + ".actual", "indicator.actuals.bound", label(i)));
                }
                continue;
            }
            if (e.version() != null && e.version() != i.getVersion()) {
                stale.add(label(i));
                staleFields.add(new ApiException.FieldErrorKey(e.where() + ".version", "indicator.actuals.stale", label(i)));
                continue;
            }
            Optional<IndicatorYearValue> now = i.figuresOf(sheet.fiscalYear());
            BigDecimal before = now.map(IndicatorYearValue::getActual).orElse(null);
            String noteBefore = now.map(IndicatorYearValue::getActualNote).orElse(null);
            changes.add(new Change(i, before, e.actual(), noteBefore, e.keepNote() ? noteBefore : e.note()));
        }
        if (!errors.isEmpty()) {
            if (fileRows) {
                throw new ApiException(422, "import-rejected", errors, "indicator.actuals.import.rejected", errors.size());
            }
            throw ApiException.invalid(errors);
        }
        if (!stale.isEmpty()) {
            throw new ApiException(412, "stale-version", staleFields, "indicator.actuals.stale.detail",
                    String.join("、", stale));
        }
        return changes;
    }

    /**
     * Records the changes: every indicator named gets a new version (the save is one edit of the
     * sheet, and a colleague holding the old versions must be told), all in this transaction.
     */
    public void apply(Sheet sheet, List<Change> changes) {
        for (Change c : changes) {
            c.indicator().recordActual(sheet.fiscalYear(), c.actualAfter(), c.noteAfter());
            tenancy.em().lock(c.indicator(), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        tenancy.em().flush();
    }

    private static String label(Indicator i) {
        return i.getCode() == null ? i.getNameJa() : i.getCode() + " " + i.getNameJa();
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

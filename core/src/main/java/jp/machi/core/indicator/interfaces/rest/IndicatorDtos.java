package jp.machi.core.indicator.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import static jp.machi.core.api.Decimals.plain;

import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.api.ApiException;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.domain.YearEvaluation;

/** JSON shapes of the indicator API. */
public final class IndicatorDtos {

    private IndicatorDtos() {
    }

    /** A value with its fiscal year as shown: a baseline (現状値) or a final target (目標値). */
    @JsonbPropertyOrder({"value", "fiscalYear"})
    public record YearValue(BigDecimal value, FiscalYear fiscalYear) {
    }

    /** A value with its fiscal year as sent. */
    public static class YearValueInput {
        @NotNull
        @Digits(integer = 15, fraction = 4)
        public BigDecimal value;

        @NotNull
        public FiscalYear fiscalYear;

        static YearValueInput of(BigDecimal value, FiscalYear fiscalYear) {
            if (value == null) {
                return null;
            }
            YearValueInput v = new YearValueInput();
            v.value = plain(value);
            v.fiscalYear = fiscalYear;
            return v;
        }
    }

    /** What is typed in for one year. */
    public static class YearInput {
        @NotNull
        public FiscalYear fiscalYear;

        @Digits(integer = 15, fraction = 4)
        public BigDecimal target;

        @Digits(integer = 15, fraction = 4)
        public BigDecimal actual;
    }

    /** The whole of an indicator as the client sends it on create and on update. */
    public static class IndicatorInput {
        @Size(max = 40)
        @Pattern(regexp = "^[A-Za-z0-9._-]*$")
        public String code;

        @NotBlank
        @Size(max = 300)
        public String nameJa;

        @Size(max = 300)
        public String nameEn;

        @NotNull
        public IndicatorKind kind;

        @Size(max = 100)
        public String category;

        @NotBlank
        @Size(max = 40)
        public String unit;

        @NotNull
        public Direction direction;

        @Valid
        public YearValueInput baseline;

        @Valid
        public YearValueInput finalTarget;

        public Boolean cumulative;

        public UUID ownerUnitId;

        @Size(max = 121)
        @Pattern(regexp = "^" + jp.machi.core.module.ModuleIds.REGEX + ":[A-Za-z0-9._-]+$")
        public String metricSource;

        @Size(max = 2000)
        public String note;

        @Size(max = 100)
        @Valid
        public List<@NotNull YearInput> years;

        /** The indicator as it stands, in the shape a PUT takes (a merge patch's starting point). */
        public static IndicatorInput of(Indicator i) {
            IndicatorInput b = new IndicatorInput();
            b.code = i.getCode();
            b.nameJa = i.getNameJa();
            b.nameEn = i.getNameEn();
            b.kind = i.getKind();
            b.category = i.getCategory();
            b.unit = i.getUnit();
            b.direction = i.getDirection();
            b.baseline = YearValueInput.of(i.getBaselineValue(), i.getBaselineYear());
            b.finalTarget = YearValueInput.of(i.getFinalTarget(), i.getFinalTargetYear());
            b.cumulative = i.isCumulative();
            b.ownerUnitId = i.getOwnerUnitId();
            b.metricSource = i.isBoundToMetric() ? i.getMetricModule() + ":" + i.getMetricId() : null;
            b.note = i.getNote();
            b.years = i.getValues().stream().map(v -> {
                YearInput y = new YearInput();
                y.fiscalYear = v.getFiscalYear();
                y.target = v.getTarget() == null ? null : plain(v.getTarget());
                y.actual = v.getActual() == null ? null : plain(v.getActual());
                return y;
            }).toList();
            return b;
        }
    }

    @JsonbPropertyOrder({"fiscalYear", "target", "targetSource", "actual", "actualSource", "achievementRate", "met", "rating"})
    public record YearView(FiscalYear fiscalYear, BigDecimal target, String targetSource, BigDecimal actual,
            String actualSource, BigDecimal achievementRate, Boolean met, String rating) {
        static YearView of(YearEvaluation e) {
            return new YearView(e.fiscalYear(), plain(e.target()), e.targetSource().name(), plain(e.actual()),
                    e.actualSource().name(), e.achievement().ratePercent(), e.achievement().met(), e.achievement().rating());
        }
    }

    @JsonbPropertyOrder({"id", "code", "nameJa", "nameEn", "kind", "kindLabel", "category", "unit", "direction",
        "directionLabel", "baseline", "finalTarget", "cumulative", "ownerUnitId", "metricSource", "note", "years", "latest"})
    public record IndicatorView(UUID id, String code, String nameJa, String nameEn, String kind, String kindLabel,
            String category, String unit, String direction, String directionLabel, YearValue baseline,
            YearValue finalTarget, boolean cumulative, UUID ownerUnitId, String metricSource, String note,
            List<YearView> years, YearView latest) {

        static IndicatorView of(Indicator i, List<YearEvaluation> evaluation, Locale l) {
            List<YearView> years = evaluation.stream().map(YearView::of).toList();
            YearView latest = years.stream().filter(y -> y.rating() != null).reduce((a, b) -> b).orElse(null);
            return new IndicatorView(i.getId(), i.getCode(), i.getNameJa(), i.getNameEn(), i.getKind().name(),
                    Labels.kind(i.getKind(), l), i.getCategory(), i.getUnit(), i.getDirection().name(),
                    Labels.direction(i.getDirection(), l),
                    i.getBaselineValue() == null ? null : new YearValue(plain(i.getBaselineValue()), i.getBaselineYear()),
                    i.getFinalTarget() == null ? null : new YearValue(plain(i.getFinalTarget()), i.getFinalTargetYear()),
                    i.isCumulative(), i.getOwnerUnitId(),
                    i.isBoundToMetric() ? i.getMetricModule() + ":" + i.getMetricId() : null, i.getNote(), years, latest);
        }
    }

    @JsonbPropertyOrder({"label", "minimumPercent"})
    public record GradeView(String label, BigDecimal minimumPercent) {
    }

    /** One grade as sent. */
    public static class GradeInput {
        @NotBlank
        @Size(max = 10)
        public String label;

        @NotNull
        @DecimalMin("0")
        @DecimalMax("100000")
        @Digits(integer = 7, fraction = 2) // DECIMAL(9,2): a finer threshold would be stored rounded
        public BigDecimal minimumPercent;
    }

    @JsonbPropertyOrder({"grades", "interimYears", "interimYearsLabel", "custom"})
    public record RatingScaleView(List<GradeView> grades, String interimYears, String interimYearsLabel, boolean custom) {
        static RatingScaleView of(RatingScale s, boolean custom, Locale l) {
            return new RatingScaleView(s.grades().stream().map(g -> new GradeView(g.label(), plain(g.minimumPercent()))).toList(),
                    s.interimYears().name(), Labels.interimYears(s.interimYears(), l), custom);
        }
    }

    /** The whole scale, best grade first, and how interim years are rated (NO_TARGET when left out). */
    public static class RatingScaleInput {
        @NotNull
        @Size(min = 1, max = 10)
        @Valid
        public List<@NotNull GradeInput> grades;

        @Size(max = 20)
        public String interimYears;

        /** The interim-year rule sent, or the default; an unknown one is 400 at {@code interimYears}. */
        RatingScale.InterimYears interim() {
            if (interimYears == null || interimYears.isBlank()) {
                return RatingScale.InterimYears.NO_TARGET;
            }
            try {
                return RatingScale.InterimYears.valueOf(interimYears.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("interimYears", "rating.interimYears.unknown",
                        interimYears)));
            }
        }
    }

    @JsonbPropertyOrder({"id", "module", "name", "unit", "description"})
    public record MetricSourceView(String id, String module, String name, String unit, String description) {
    }

    /** Labels of enumerations in the caller's language. */
    static final class Labels {
        private Labels() {
        }

        static String kind(IndicatorKind k, Locale l) {
            return jp.machi.core.i18n.Messages.get(l, "indicator.kind." + k.name());
        }

        static String interimYears(RatingScale.InterimYears i, Locale l) {
            return jp.machi.core.i18n.Messages.get(l, "rating.interimYears." + i.name());
        }

        static String direction(Direction d, Locale l) {
            return jp.machi.core.i18n.Messages.get(l, "indicator.direction." + d.name());
        }
    }
}

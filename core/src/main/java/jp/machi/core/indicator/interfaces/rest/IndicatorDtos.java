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
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.domain.YearEvaluation;

/** JSON shapes of the indicator API. */
public final class IndicatorDtos {

    private IndicatorDtos() {
    }

    /** A value with its fiscal year: a baseline (現状値) or a final target (目標値). */
    @JsonbPropertyOrder({"value", "fiscalYear"})
    public record YearValue(
            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal value,
            @NotNull FiscalYear fiscalYear) {
    }

    /** What is typed in for one year. */
    @JsonbPropertyOrder({"fiscalYear", "target", "actual"})
    public record YearInput(
            @NotNull FiscalYear fiscalYear,
            @Digits(integer = 15, fraction = 4) BigDecimal target,
            @Digits(integer = 15, fraction = 4) BigDecimal actual) {
    }

    /** The whole of an indicator as the client sends it on create and on update. */
    public record IndicatorInput(
            @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9._-]*$") String code,
            @NotBlank @Size(max = 300) String nameJa,
            @Size(max = 300) String nameEn,
            @NotNull IndicatorKind kind,
            @Size(max = 100) String category,
            @NotBlank @Size(max = 40) String unit,
            @NotNull Direction direction,
            @Valid YearValue baseline,
            @Valid YearValue finalTarget,
            Boolean cumulative,
            UUID ownerUnitId,
            @Size(max = 121) @Pattern(regexp = "^[a-z][a-z0-9-]*:[A-Za-z0-9._-]+$") String metricSource,
            @Size(max = 2000) String note,
            @Size(max = 100) List<@Valid @NotNull YearInput> years) {
    }

    @JsonbPropertyOrder({"fiscalYear", "target", "targetSource", "actual", "actualSource", "achievementRate", "met", "rating"})
    public record YearView(FiscalYear fiscalYear, BigDecimal target, String targetSource, BigDecimal actual,
            String actualSource, BigDecimal achievementRate, Boolean met, String rating) {
        static YearView of(YearEvaluation e) {
            return new YearView(e.fiscalYear(), plain(e.target()), e.targetSource().name(), plain(e.actual()),
                    e.actualSource().name(), plain(e.achievement().ratePercent()), e.achievement().met(), e.achievement().rating());
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
    public record GradeView(@NotBlank @Size(max = 10) String label,
            @NotNull @DecimalMin("0") @DecimalMax("100000") BigDecimal minimumPercent) {
    }

    @JsonbPropertyOrder({"grades", "custom"})
    public record RatingScaleView(List<GradeView> grades, boolean custom) {
        static RatingScaleView of(RatingScale s, boolean custom) {
            return new RatingScaleView(s.grades().stream().map(g -> new GradeView(g.label(), plain(g.minimumPercent()))).toList(),
                    custom);
        }
    }

    public record RatingScaleInput(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull GradeView> grades) {
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

        static String direction(Direction d, Locale l) {
            return jp.machi.core.i18n.Messages.get(l, "indicator.direction." + d.name());
        }
    }
}

package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.planning.PlanningModule;
import jp.machi.planning.evaluation.application.EvaluationService;

/** The planning module's metrics, computed from its live data. */
@ApplicationScoped
public class ProgramMetrics implements MetricSource {

    public static final String PROGRAMS_PER_YEAR = "programs-per-fiscal-year";

    /** Prefix of the metrics counting programs by the future direction finally decided. */
    public static final String BY_DIRECTION = "programs-by-direction-";

    /** English words for the directions' id suffixes, for the metrics' names. */
    private static final Map<String, String> DIRECTIONS_EN = Map.of("expand", "expand", "maintain", "maintain as is",
            "improve", "improve", "reduce", "reduce", "integrate", "integrate", "suspend", "suspend", "abolish", "abolish",
            "end", "end");

    /**
     * The future directions of the default list that have a metric, with the id suffix of each:
     * metric {@code programs-by-direction-expand} counts the programs whose evaluation of the year
     * ended in 拡充. A direction a municipality adds to its own list has no metric.
     */
    public static final Map<String, String> DIRECTIONS = directions();

    public static final List<MetricDefinition> DEFINITIONS = definitions();

    @Inject
    ProgramService programs;

    @Inject
    EvaluationService evaluations;

    private static Map<String, String> directions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("expand", "拡充");
        m.put("maintain", "現状維持");
        m.put("improve", "改善");
        m.put("reduce", "縮小");
        m.put("integrate", "統合");
        m.put("suspend", "休止");
        m.put("abolish", "廃止");
        m.put("end", "終了");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<MetricDefinition> definitions() {
        List<MetricDefinition> d = new ArrayList<>();
        d.add(new MetricDefinition(PROGRAMS_PER_YEAR, LocalizedText.of("事務事業数", "Administrative programs"), "件",
                LocalizedText.of("その年度に登録されている事務事業の数", "Administrative programs registered for the fiscal year")));
        directions().forEach((id, ja) -> d.add(new MetricDefinition(BY_DIRECTION + id,
                LocalizedText.of("今後の方向性「" + ja + "」の事務事業数",
                        "Programs decided to " + DIRECTIONS_EN.get(id) + " (" + ja + ")"), "件",
                LocalizedText.of("その年度の事務事業評価で、最終決定の今後の方向性が「" + ja + "」となった事務事業の数",
                        "Programs whose evaluation of the fiscal year ended in the final direction " + ja + " ("
                                + DIRECTIONS_EN.get(id) + ")"))));
        return List.copyOf(d);
    }

    @Override
    public String moduleId() {
        return PlanningModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (metricId.startsWith(BY_DIRECTION)) {
            String direction = DIRECTIONS.get(metricId.substring(BY_DIRECTION.length()));
            if (direction == null) {
                return Optional.empty();
            }
            // 0 is a figure once the year has any decision; before that there is none.
            if (evaluations.countDecidedAny(fiscalYear) == 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(evaluations.countDecided(fiscalYear, direction)));
        }
        if (!PROGRAMS_PER_YEAR.equals(metricId)) {
            return Optional.empty();
        }
        long n = programs.countIn(fiscalYear);
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}

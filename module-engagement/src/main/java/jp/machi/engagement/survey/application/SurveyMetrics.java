package jp.machi.engagement.survey.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;

/**
 * Survey results for indicators. Staff give a question a metric key (the same key on the same
 * question of each year's survey, e.g. {@code koho-suzaka}) and mark the choices that count
 * (読んでいる, 時々読んでいる); the municipality is then offered the metric
 * {@code engagement:survey-share.<key>}: per fiscal year, the share (%) of the respondents of that
 * year's survey who answered the question and chose at least one counted choice. A year without such
 * a survey, or without answers to it, has no figure.
 */
@ApplicationScoped
public class SurveyMetrics implements MetricSource {

    public static final String PREFIX = "survey-share.";

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public List<MetricDefinition> offered(String lgCode) {
        List<MetricDefinition> out = new ArrayList<>();
        List<Object[]> rows = tenancy.em().createQuery("SELECT q.metricKey, q.text, q.survey.fiscalYear FROM SurveyQuestion q"
                + " WHERE q.metricKey IS NOT NULL ORDER BY q.metricKey, q.survey.fiscalYear DESC", Object[].class)
                .getResultList();
        String last = null;
        for (Object[] r : rows) {
            String key = (String) r[0];
            if (key.equals(last)) {
                continue;
            }
            last = key;
            String text = (String) r[1];
            out.add(new MetricDefinition(PREFIX + key, LocalizedText.of("アンケート: " + text, "Survey: " + text), "%",
                    LocalizedText.of("その年度のアンケートでこの設問（キー " + key + "）に回答した人のうち、集計対象の選択肢を選んだ人の割合",
                            "Share of the fiscal year's survey respondents answering this question (key " + key
                                    + ") who chose a counted choice")));
        }
        return out;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
        return Optional.ofNullable(values(metricId, lgCode, fy, fy).get(fy));
    }

    /**
     * The share for every fiscal year of the range in three grouped queries (the years' marked questions,
     * respondents who answered them, respondents who chose a counted choice); a year without answers is absent.
     */
    @Override
    public Map<FiscalYear, BigDecimal> values(String metricId, String lgCode, FiscalYear from, FiscalYear to) {
        Map<FiscalYear, BigDecimal> out = new HashMap<>();
        if (metricId == null || !metricId.startsWith(PREFIX)) {
            return out;
        }
        String key = metricId.substring(PREFIX.length());
        EntityManager em = tenancy.em();
        List<UUID> questions = em.createQuery("SELECT q.id FROM SurveyQuestion q WHERE q.metricKey = :k"
                + " AND q.survey.fiscalYear BETWEEN :from AND :to", UUID.class).setParameter("k", key)
                .setParameter("from", from.startYear()).setParameter("to", to.startYear()).getResultList();
        if (questions.isEmpty()) {
            return out;
        }
        Map<Integer, Long> answered = perYear(em.createQuery("SELECT q.survey.fiscalYear, COUNT(DISTINCT r.id)"
                + " FROM SurveyAnswer a JOIN a.response r, SurveyQuestion q WHERE q.id = a.questionId AND a.questionId IN :qs"
                + " AND r.spam = FALSE GROUP BY q.survey.fiscalYear", Object[].class).setParameter("qs", questions).getResultList());
        Map<Integer, Long> counted = perYear(em.createQuery("SELECT q.survey.fiscalYear, COUNT(DISTINCT r.id)"
                + " FROM SurveyAnswer a JOIN a.response r, SurveyChoice c, SurveyQuestion q WHERE c.id = a.choiceId"
                + " AND c.counted = TRUE AND q.id = a.questionId AND a.questionId IN :qs AND r.spam = FALSE"
                + " GROUP BY q.survey.fiscalYear", Object[].class).setParameter("qs", questions).getResultList());
        answered.forEach((year, n) -> {
            if (n != 0) {
                out.put(FiscalYear.of(year), SurveyResults.percent(counted.getOrDefault(year, 0L), n));
            }
        });
        return out;
    }

    private static Map<Integer, Long> perYear(List<Object[]> rows) {
        Map<Integer, Long> m = new HashMap<>();
        rows.forEach(r -> m.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return m;
    }
}

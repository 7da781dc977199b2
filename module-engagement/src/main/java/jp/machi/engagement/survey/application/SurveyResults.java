package jp.machi.engagement.survey.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.survey.domain.AgeGroup;
import jp.machi.engagement.survey.domain.Attribute;
import jp.machi.engagement.survey.domain.QuestionKind;
import jp.machi.engagement.survey.domain.Sex;
import jp.machi.engagement.survey.domain.Survey;
import jp.machi.engagement.survey.domain.SurveyChoice;
import jp.machi.engagement.survey.domain.SurveyQuestion;

/**
 * A survey's results, counted in the database (GROUP BY, never the answers loaded): respondents and
 * the response rate (respondents / population), per question the respondents who answered it, per
 * choice (or scale point 1–5) the count and share of them, the mean of a scale or number question,
 * and, on request, the same counts broken down by one attribute (a cross-tabulation). Spam is left out.
 */
@ApplicationScoped
public class SurveyResults {

    /** Not answered: the attribute's category for respondents who left it blank. */
    public static final String NO_ANSWER = "";

    @Inject
    Tenancy tenancy;

    public record Count(String key, String label, long count, BigDecimal share) {
    }

    public record Category(String key, String label, long answered, List<Count> counts) {
    }

    public record QuestionResult(UUID questionId, int seq, QuestionKind kind, String text, long answered,
            BigDecimal mean, List<Count> counts, List<Category> breakdown) {
    }

    public record Results(long respondents, Integer population, BigDecimal responseRate, Attribute by,
            List<QuestionResult> questions) {
    }

    public Results of(Survey s, Attribute by, Locale l) {
        EntityManager em = tenancy.em();
        UUID id = s.getId();
        long respondents = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s AND r.spam = FALSE",
                Long.class).setParameter("s", id).getSingleResult();
        Map<UUID, Long> answered = new HashMap<>();
        for (Object[] row : rows(em, "SELECT a.questionId, COUNT(DISTINCT r.id) FROM SurveyAnswer a JOIN a.response r"
                + " WHERE r.surveyId = :s AND r.spam = FALSE GROUP BY a.questionId", id)) {
            answered.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        Map<UUID, Long> byChoice = new HashMap<>();
        for (Object[] row : rows(em, "SELECT a.choiceId, COUNT(a) FROM SurveyAnswer a JOIN a.response r"
                + " WHERE r.surveyId = :s AND r.spam = FALSE AND a.choiceId IS NOT NULL GROUP BY a.choiceId", id)) {
            byChoice.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> byScale = new HashMap<>();
        for (Object[] row : scaleRows(em, s, "SELECT a.questionId, a.numberValue, COUNT(a) FROM SurveyAnswer a"
                + " JOIN a.response r WHERE r.surveyId = :s AND r.spam = FALSE AND a.questionId IN :scales"
                + " AND a.numberValue IS NOT NULL GROUP BY a.questionId, a.numberValue")) {
            byScale.put(row[0] + "|" + ((BigDecimal) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        Map<UUID, BigDecimal> means = new HashMap<>();
        for (Object[] row : rows(em, "SELECT a.questionId, AVG(a.numberValue) FROM SurveyAnswer a JOIN a.response r"
                + " WHERE r.surveyId = :s AND r.spam = FALSE AND a.numberValue IS NOT NULL GROUP BY a.questionId", id)) {
            if (row[1] != null) {
                means.put((UUID) row[0], new BigDecimal(row[1].toString()).setScale(2, RoundingMode.HALF_UP));
            }
        }
        Crosstab cross = by == null ? null : crosstab(em, s, by);
        List<QuestionResult> questions = new ArrayList<>();
        for (SurveyQuestion q : s.getQuestions()) {
            long n = answered.getOrDefault(q.getId(), 0L);
            List<Count> counts = counts(q, n, k -> q.getKind() == QuestionKind.SCALE
                    ? byScale.getOrDefault(q.getId() + "|" + k, 0L) : byChoice.getOrDefault(UUID.fromString(k), 0L));
            List<Category> breakdown = null;
            if (cross != null && (q.getKind().hasChoices() || q.getKind() == QuestionKind.SCALE)) {
                breakdown = new ArrayList<>();
                for (Map.Entry<String, String> c : categories(s, by, l).entrySet()) {
                    long cn = cross.answered.getOrDefault(q.getId() + "|" + c.getKey(), 0L);
                    breakdown.add(new Category(c.getKey(), c.getValue(), cn, counts(q, cn,
                            k -> cross.counts.getOrDefault(q.getId() + "|" + k + "|" + c.getKey(), 0L))));
                }
            }
            questions.add(new QuestionResult(q.getId(), q.getSeq(), q.getKind(), q.getText(), n,
                    q.getKind() == QuestionKind.SCALE || q.getKind() == QuestionKind.NUMBER ? means.get(q.getId()) : null,
                    q.getKind() == QuestionKind.NUMBER || q.getKind() == QuestionKind.TEXT ? List.of() : counts, breakdown));
        }
        BigDecimal rate = s.getPopulation() == null || s.getPopulation() == 0 ? null
                : percent(respondents, s.getPopulation());
        return new Results(respondents, s.getPopulation(), rate, by, questions);
    }

    /** Counts per choice (key: the choice's id) or per scale point (key: "1" … "5"), with shares of {@code n}. */
    private static List<Count> counts(SurveyQuestion q, long n, java.util.function.Function<String, Long> count) {
        List<Count> out = new ArrayList<>();
        if (q.getKind() == QuestionKind.SCALE) {
            for (int v = 1; v <= 5; v++) {
                long c = count.apply(String.valueOf(v));
                out.add(new Count(String.valueOf(v), String.valueOf(v), c, n == 0 ? null : percent(c, n)));
            }
        } else if (q.getKind().hasChoices()) {
            for (SurveyChoice ch : q.getChoices()) {
                long c = count.apply(ch.getId().toString());
                out.add(new Count(ch.getId().toString(), ch.getLabel(), c, n == 0 ? null : percent(c, n)));
            }
        }
        return out;
    }

    private record Crosstab(Map<String, Long> answered, Map<String, Long> counts) {
    }

    private static String path(Attribute by) {
        return switch (by) {
            case AGE_GROUP -> "r.ageGroup";
            case DISTRICT -> "r.district";
            case SEX -> "r.sex";
        };
    }

    private static Crosstab crosstab(EntityManager em, Survey s, Attribute by) {
        String attr = path(by);
        Map<String, Long> answered = new HashMap<>();
        for (Object[] row : rows(em, "SELECT a.questionId, " + attr + ", COUNT(DISTINCT r.id) FROM SurveyAnswer a"
                + " JOIN a.response r WHERE r.surveyId = :s AND r.spam = FALSE GROUP BY a.questionId, " + attr, s.getId())) {
            answered.put(row[0] + "|" + key(row[1]), ((Number) row[2]).longValue());
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows(em, "SELECT a.questionId, a.choiceId, " + attr + ", COUNT(a) FROM SurveyAnswer a"
                + " JOIN a.response r WHERE r.surveyId = :s AND r.spam = FALSE AND a.choiceId IS NOT NULL"
                + " GROUP BY a.questionId, a.choiceId, " + attr, s.getId())) {
            counts.put(row[0] + "|" + row[1] + "|" + key(row[2]), ((Number) row[3]).longValue());
        }
        for (Object[] row : scaleRows(em, s, "SELECT a.questionId, a.numberValue, " + attr + ", COUNT(a) FROM SurveyAnswer a"
                + " JOIN a.response r WHERE r.surveyId = :s AND r.spam = FALSE AND a.questionId IN :scales"
                + " AND a.numberValue IS NOT NULL GROUP BY a.questionId, a.numberValue, " + attr)) {
            counts.put(row[0] + "|" + ((BigDecimal) row[1]).intValue() + "|" + key(row[2]), ((Number) row[3]).longValue());
        }
        return new Crosstab(answered, counts);
    }

    private static String key(Object category) {
        return category == null ? NO_ANSWER : category instanceof Enum<?> e ? e.name() : category.toString();
    }

    /** The attribute's categories in order, with 無回答 last. */
    static Map<String, String> categories(Survey s, Attribute by, Locale l) {
        Map<String, String> c = new LinkedHashMap<>();
        switch (by) {
            case AGE_GROUP -> {
                for (AgeGroup g : AgeGroup.values()) {
                    c.put(g.name(), g.label().in(l));
                }
            }
            case SEX -> {
                for (Sex x : Sex.values()) {
                    c.put(x.name(), x.label().in(l));
                }
            }
            case DISTRICT -> s.getDistricts().forEach(d -> c.put(d, d));
        }
        c.put(NO_ANSWER, Objects.equals(l.getLanguage(), "en") ? "No answer" : "無回答");
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String jpql, UUID surveyId) {
        return em.createQuery(jpql).setParameter("s", surveyId).getResultList();
    }

    /** Rows of a query about the survey's scale questions ({@code :scales}); none when it has none. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> scaleRows(EntityManager em, Survey s, String jpql) {
        List<UUID> scales = s.getQuestions().stream().filter(q -> q.getKind() == QuestionKind.SCALE)
                .map(SurveyQuestion::getId).toList();
        if (scales.isEmpty()) {
            return List.of();
        }
        return em.createQuery(jpql).setParameter("s", s.getId()).setParameter("scales", scales).getResultList();
    }

    /** {@code part / whole} in per cent, one decimal (86.5). */
    public static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}

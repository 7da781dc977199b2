package jp.machi.engagement.survey.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.survey.domain.InvitationCode;
import jp.machi.engagement.survey.domain.Survey;
import jp.machi.engagement.survey.domain.SurveyResponse;

/** Surveys (市民意識調査・アンケート) of the municipality a request or transaction is about, their codes and answers. */
@ApplicationScoped
@Transactional
public class SurveyService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Answers' receipt numbers: S-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("engagement.surveys", "S");

    /** At most this many codes per request (a municipality posts a few thousand letters). */
    public static final int MAX_CODES = 10_000;

    /** Letters and digits that cannot be mistaken for one another on paper. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    public record Filter(Integer fiscalYear, String phase) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "s.fiscalYear")
            .field("opensOn", "s.opensOn")
            .field("closesOn", "s.closesOn")
            .field("title", "s.title")
            .byDefault("-fiscalYear,-opensOn");

    public ListQuery<Survey> list(Filter f, Sort sort) {
        LocalDate today = today();
        return ListQuery.of(tenancy.em(), Survey.class, "s")
                .where("s.fiscalYear = :fy", "fy", f.fiscalYear())
                .when("OPEN".equals(f.phase()), "s.opensOn <= :today AND s.closesOn >= :today", "today", today)
                .when("UPCOMING".equals(f.phase()), "s.opensOn > :today", "today", today)
                .when("CLOSED".equals(f.phase()), "s.closesOn < :today", "today", today)
                .orderBy(sort);
    }

    /** Surveys open for answers today: the portal's list. */
    public ListQuery<Survey> open(Sort sort) {
        LocalDate today = today();
        return ListQuery.of(tenancy.em(), Survey.class, "s").always("s.opensOn <= :today AND s.closesOn >= :today",
                "today", today).orderBy(sort);
    }

    public ListQuery<Survey> published(Sort sort) {
        return ListQuery.of(tenancy.em(), Survey.class, "s").always("s.resultsPublished = TRUE").orderBy(sort);
    }

    public Survey require(UUID id) {
        Survey s = tenancy.em().find(Survey.class, id);
        if (s == null) {
            throw ApiException.notFound("engagement.survey.notFound", id.toString());
        }
        return s;
    }

    public Survey create(Survey.Details d, List<Survey.QuestionSpec> questions) {
        requireUnit(d.unitId());
        Survey s = new Survey(d, now());
        s.replaceQuestions(questions);
        tenancy.em().persist(s);
        tenancy.em().flush();
        return s;
    }

    /** Edits a survey; {@code questions} null keeps them. Questions are frozen once an answer exists (409). */
    public Survey edit(Survey s, Survey.Details d, List<Survey.QuestionSpec> questions) {
        requireUnit(d.unitId());
        if (questions != null && !s.sameQuestions(questions)) {
            if (responses(s) > 0) {
                throw ApiException.conflict("survey-questions-frozen", "engagement.survey.questionsFrozen");
            }
            s.replaceQuestions(questions);
            // A choice is a grandchild: raise the survey's version whatever the depth of the change.
            tenancy.em().lock(s, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        s.edit(d, now());
        tenancy.em().flush();
        return s;
    }

    /**
     * Deletes a survey written by mistake, with its questions, choices and invitation codes: only
     * while no answer sheet exists (spam included: 409 {@code survey-has-answers}) and it is not
     * open today (409 {@code survey-open}).
     */
    public void delete(Survey s) {
        EntityManager em = tenancy.em();
        long sheets = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s", Long.class)
                .setParameter("s", s.getId()).getSingleResult();
        if (sheets > 0) {
            throw ApiException.conflict("survey-has-answers", "engagement.survey.hasAnswers", sheets);
        }
        if (s.isOpenOn(today())) {
            throw ApiException.conflict("survey-open", "engagement.survey.openNoDelete");
        }
        em.createQuery("DELETE FROM InvitationCode c WHERE c.surveyId = :s").setParameter("s", s.getId()).executeUpdate();
        em.remove(s);
        em.flush();
    }

    public long responses(Survey s) {
        return tenancy.em().createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s AND r.spam = FALSE",
                Long.class).setParameter("s", s.getId()).getSingleResult();
    }

    /** Draws {@code n} new codes for the survey's letters (raises the survey's version). */
    public void issueCodes(Survey s, int n) {
        EntityManager em = tenancy.em();
        Set<String> taken = new HashSet<>(em.createQuery("SELECT c.code FROM InvitationCode c WHERE c.surveyId = :s",
                String.class).setParameter("s", s.getId()).getResultList());
        int seq = s.getCodesIssued();
        for (int i = 0; i < n; i++) {
            String code;
            do {
                code = newCode();
            } while (!taken.add(code));
            em.persist(new InvitationCode(s.getId(), ++seq, code));
        }
        s.codesIssued(n);
        em.flush();
    }

    public ListQuery<InvitationCode> codes(Survey s) {
        return ListQuery.of(tenancy.em(), InvitationCode.class, "c").always("c.surveyId = :s", "s", s.getId())
                .orderBy(Sort.Fields.of().field("seq", "c.seq").byDefault("seq").parse(null));
    }

    /**
     * Uses a code up: an atomic update, so of two answers with the same code at once exactly one
     * gets in. 400 for a code the survey never issued, 409 for one already used.
     */
    public void useCode(Survey s, String code) {
        int n = tenancy.em().createQuery("UPDATE InvitationCode c SET c.used = TRUE WHERE c.surveyId = :s AND c.code = :c"
                + " AND c.used = FALSE").setParameter("s", s.getId()).setParameter("c", code).executeUpdate();
        if (n == 1) {
            return;
        }
        long exists = tenancy.em().createQuery("SELECT COUNT(c) FROM InvitationCode c WHERE c.surveyId = :s AND c.code = :c",
                Long.class).setParameter("s", s.getId()).setParameter("c", code).getSingleResult();
        if (exists == 0) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("code", "engagement.survey.codeUnknown")));
        }
        throw ApiException.conflict("survey-code-used", "engagement.survey.codeUsed");
    }

    /** Stores one answer sheet with the receipt core's intake gave it. */
    public SurveyResponse store(SurveyResponse r) {
        tenancy.em().persist(r);
        tenancy.em().flush();
        return r;
    }

    public ListQuery<SurveyResponse> responsesOf(Survey s) {
        return ListQuery.of(tenancy.em(), SurveyResponse.class, "r").always("r.surveyId = :s AND r.spam = FALSE", "s",
                s.getId()).orderBy(Sort.Fields.of().field("receivedAt", "r.receivedAt")
                        .field("receiptNumber", "r.receiptNumber").byDefault("receivedAt,receiptNumber").parse(null));
    }

    private void requireUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "engagement.survey.unitNotFound", unitId)),
                    "problem.validation.detail");
        }
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.collaboration.grant.domain.GrantCriterion;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.module.ModuleSettings;
import jp.machi.collaboration.CollaborationModule;

/**
 * Proposal-based grants (協働提案型公募補助) of the municipality a request is about: calls, applications
 * and the rules between them — the maximum per grant, the subsidy rate of the eligible cost, the years
 * one project may be funded from its start-up (counted across calls), the decision within the budget
 * (the call's row is locked while a decision is checked, so two decisions cannot overspend it), and
 * the settlement after the year.
 */
@ApplicationScoped
@Transactional
public class GrantService {

    @Inject
    Tenancy tenancy;

    @Inject
    PartnerService partners;

    @Inject
    ModuleSettings settings;

    @Inject
    GrantMails mails;

    /** The module setting {@value CollaborationModule#GRANT_MAXIMUM_YEARS}: a new call's years when none are given. */
    public int defaultMaxYears() {
        return (int) Math.max(1, Math.min(50, settings.integer(tenancy.code(), CollaborationModule.ID,
                CollaborationModule.GRANT_MAXIMUM_YEARS)));
    }

    public static final Sort.Fields CALL_SORT = Sort.Fields.of()
            .field("fiscalYear", "c.fiscalYear")
            .field("title", "c.title")
            .field("submissionClosesOn", "c.submissionClosesOn")
            .byDefault("-fiscalYear,title");

    public static final Sort.Fields APPLICATION_SORT = Sort.Fields.of()
            .field("receivedOn", "a.receivedOn")
            .field("applicantName", "a.applicantName")
            .field("projectTitle", "a.projectTitle")
            .field("requestedAmount", "a.requestedAmount")
            .field("state", "a.state")
            .byDefault("receivedOn,applicantName");

    public ListQuery<GrantCall> calls(Integer fiscalYear, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), GrantCall.class, "c")
                .where("c.fiscalYear = :fy", "fy", fiscalYear)
                .contains("q", q, "c.title", "c.purpose")
                .orderBy(sort);
    }

    public GrantCall requireCall(UUID id) {
        GrantCall c = tenancy.em().find(GrantCall.class, id);
        if (c == null) {
            throw ApiException.notFound("collaboration.grant.callNotFound", id.toString());
        }
        return c;
    }

    public GrantCall create(GrantCall.Content c) {
        return create(c, List.of());
    }

    public GrantCall create(GrantCall.Content c, List<String> requiredDocuments) {
        return create(c, requiredDocuments, null);
    }

    /** A new call with its required documents and the fund that finances it (null: none). */
    public GrantCall create(GrantCall.Content c, List<String> requiredDocuments, UUID fundId) {
        GrantCall call = new GrantCall(c);
        call.requireDocuments(requiredDocuments);
        call.financedBy(fundId);
        tenancy.em().persist(call);
        tenancy.em().flush();
        return call;
    }

    /** Revises a call; a change of its criteria alone raises its version too. */
    public GrantCall revise(GrantCall call, GrantCall.Content c, List<String> requiredDocuments) {
        call.requireDocuments(requiredDocuments);
        return revise(call, c);
    }

    public GrantCall revise(GrantCall call, GrantCall.Content c) {
        if (call.getFiscalYear() != c.fiscalYear() && count(call.getId()) > 0) {
            throw ApiException.conflict("grant-call-has-applications", "collaboration.grant.fiscalYearFixed");
        }
        if (call.revise(c)) {
            tenancy.em().lock(call, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        tenancy.em().flush();
        return call;
    }

    private long count(UUID callId) {
        return tenancy.em().createQuery("SELECT COUNT(a) FROM GrantApplication a WHERE a.callId = :c", Long.class)
                .setParameter("c", callId).getSingleResult();
    }

    public ListQuery<GrantApplication> applications(UUID callId, GrantApplicationState state, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), GrantApplication.class, "a")
                .where("a.callId = :call", "call", callId)
                .where("a.state = :state", "state", state)
                .contains("q", q, "a.applicantName", "a.projectTitle")
                .orderBy(sort);
    }

    public GrantApplication requireApplication(UUID id) {
        GrantApplication a = tenancy.em().find(GrantApplication.class, id);
        if (a == null) {
            throw ApiException.notFound("collaboration.grant.applicationNotFound", id.toString());
        }
        return a;
    }

    /** The content with the registered partner's name as the applicant; 400 when the partner is not registered. */
    public GrantApplication.Content withApplicant(GrantApplication.Content c) {
        Partner p = partners.requireRegistered("partnerId", List.of(c.partnerId())).get(c.partnerId());
        return new GrantApplication.Content(c.partnerId(), p.getName(), c.projectTitle(), c.plan(), c.startYear(),
                c.requestedAmount(), c.lines());
    }

    public GrantApplication apply(GrantCall call, GrantApplication.Content c, String channel, java.time.LocalDate on,
            boolean invented) {
        return apply(call, c, channel, on, invented, null);
    }

    /**
     * A new application (paper, portal or demo) under the call's limits; the organisation's registered
     * contact address gets the receipt mail (demo data sends none).
     */
    public GrantApplication apply(GrantCall call, GrantApplication.Content c, String channel, java.time.LocalDate on,
            boolean invented, String receiptNumber) {
        GrantApplication.Content content = withApplicant(c);
        GrantApplication a = new GrantApplication(call, content, channel, on, invented, receiptNumber);
        check(call, a, null);
        tenancy.em().persist(a);
        tenancy.em().flush();
        if (!invented) {
            mails.received(contactEmail(a.getPartnerId()), a, call);
        }
        return a;
    }

    /** The contact address the organisation registered (personal data: only for mail), or null. */
    private String contactEmail(UUID partnerId) {
        return partners.require(partnerId).getContactEmail();
    }

    /** Attaches a stored file as one of the application's documents; the application's version rises. */
    public GrantApplication attach(GrantApplication a, UUID fileId, String document, String fileName) {
        a.attach(fileId, document, fileName, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return a;
    }

    /** Removes a document row with its file's removal; the application's version rises. */
    public void detach(GrantApplication a, UUID fileId) {
        if (a.detach(fileId)) {
            tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            tenancy.em().flush();
        }
    }

    public GrantApplication revise(GrantApplication a, GrantApplication.Content c) {
        if (a.getState() != GrantApplicationState.SUBMITTED && a.getState() != GrantApplicationState.INCOMPLETE) {
            throw ApiException.conflict("grant-application-under-review", "collaboration.grant.notEditable");
        }
        a.revise(withApplicant(c));
        check(requireCall(a.getCallId()), a, a.getId());
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return a;
    }

    /** The call's limits: the amount (maximum, rate × eligible cost) and the years of funding. */
    private void check(GrantCall call, GrantApplication a, UUID self) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (a.getRequestedAmount() > call.getMaxPerGrant()) {
            errors.add(new ApiException.FieldErrorKey("requestedAmount", "collaboration.grant.overMaximum",
                    a.getRequestedAmount(), call.getMaxPerGrant()));
        }
        long byRate = a.eligibleCost() * call.getSubsidyRate() / 100;
        if (a.getRequestedAmount() > byRate) {
            errors.add(new ApiException.FieldErrorKey("requestedAmount", "collaboration.grant.overRate",
                    a.getRequestedAmount(), call.getSubsidyRate(), a.eligibleCost(), byRate));
        }
        if (a.getStartYear() > call.getFiscalYear()) {
            errors.add(new ApiException.FieldErrorKey("startYear", "collaboration.grant.startAfterCall",
                    FiscalYear.of(a.getStartYear()).japaneseLabel(), FiscalYear.of(call.getFiscalYear()).japaneseLabel()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // 事業立ち上げ時期の最長N年間: the year of funding counted from the start-up, and the grants the same
        // organisation already received for the same project in earlier calls.
        long earlier = tenancy.em().createQuery("SELECT COUNT(a) FROM GrantApplication a WHERE a.partnerId = :p"
                + " AND a.projectTitle = :t AND a.state = :adopted AND a.fiscalYear < :fy", Long.class)
                .setParameter("p", a.getPartnerId()).setParameter("t", a.getProjectTitle())
                .setParameter("adopted", GrantApplicationState.ADOPTED).setParameter("fy", a.getFiscalYear())
                .getSingleResult();
        if (a.fundingYear() > call.getMaxYears() || earlier >= call.getMaxYears()) {
            throw ApiException.conflict("grant-years-exceeded", "collaboration.grant.yearsExceeded",
                    a.getProjectTitle(), Math.max(a.fundingYear(), earlier + 1), call.getMaxYears());
        }
    }

    public GrantApplication checkCompleteness(GrantApplication a, boolean complete, String note) {
        if (a.getState() != GrantApplicationState.SUBMITTED && a.getState() != GrantApplicationState.INCOMPLETE) {
            throw ApiException.conflict("grant-application-checked", "collaboration.grant.alreadyChecked");
        }
        if (complete) {
            List<String> missing = a.missingDocuments(requireCall(a.getCallId()).getRequiredDocuments());
            if (!missing.isEmpty()) {
                throw ApiException.conflict("grant-documents-missing", "collaboration.grant.documentsMissing",
                        String.join("、", missing));
            }
        }
        a.checkCompleteness(complete, note);
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return a;
    }

    /** A panel member's scores, one per criterion of the call (0–5 each). */
    public GrantApplication score(GrantApplication a, Caller reviewer, Map<UUID, Integer> scores) {
        if (a.getState() != GrantApplicationState.UNDER_REVIEW) {
            throw ApiException.conflict("grant-application-not-under-review", "collaboration.grant.notUnderReview");
        }
        GrantCall call = requireCall(a.getCallId());
        List<UUID> criteria = call.getCriteria().stream().map(GrantCriterion::getId).toList();
        if (!scores.keySet().equals(new java.util.HashSet<>(criteria))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("scores",
                    "collaboration.grant.scoresIncomplete", criteria.size())));
        }
        a.score(reviewer.id(), reviewer.name(), scores);
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return a;
    }

    public Map<UUID, Integer> weights(GrantCall call) {
        return call.getCriteria().stream().collect(Collectors.toMap(GrantCriterion::getId, GrantCriterion::getWeight));
    }

    /** One line of a call's ranking. */
    public record Ranked(int rank, GrantApplication application, BigDecimal weightedTotal) {
    }

    /** The reviewed applications of a call by weighted total, highest first (unscored ones last). */
    public List<Ranked> ranking(GrantCall call) {
        Map<UUID, Integer> w = weights(call);
        List<GrantApplication> all = tenancy.em().createQuery("SELECT a FROM GrantApplication a WHERE a.callId = :c"
                + " AND a.state IN :states ORDER BY a.receivedOn, a.applicantName", GrantApplication.class)
                .setParameter("c", call.getId()).setParameter("states", List.of(GrantApplicationState.UNDER_REVIEW,
                        GrantApplicationState.ADOPTED, GrantApplicationState.REJECTED)).getResultList();
        List<GrantApplication> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((GrantApplication a) -> a.weightedTotal(w),
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<Ranked> out = new ArrayList<>();
        BigDecimal last = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal t = sorted.get(i).weightedTotal(w);
            if (t == null || last == null || t.compareTo(last) != 0) {
                rank = i + 1;
            }
            last = t;
            out.add(new Ranked(t == null ? 0 : rank, sorted.get(i), t));
        }
        return out;
    }

    /** The sum granted to the call's adopted applications other than {@code except}. */
    public long granted(UUID callId, UUID except) {
        // SUM of a BIGINT is NUMERIC on PostgreSQL: read it as any number.
        Object s = tenancy.em().createQuery("SELECT SUM(a.grantedAmount) FROM GrantApplication a WHERE a.callId = :c"
                + " AND a.state = :adopted AND a.id <> :x").setParameter("c", callId)
                .setParameter("adopted", GrantApplicationState.ADOPTED).setParameter("x", except).getSingleResult();
        return s == null ? 0 : ((Number) s).longValue();
    }

    /** 採択 / 不採択: the granted amounts of a call's adopted applications may not exceed its budget. */
    public GrantApplication decide(GrantApplication a, boolean adopt, Long grantedAmount, String reason) {
        if (a.getState() == GrantApplicationState.SUBMITTED || a.getState() == GrantApplicationState.INCOMPLETE) {
            throw ApiException.conflict("grant-application-not-under-review", "collaboration.grant.notUnderReview");
        }
        if (a.getSettledOn() != null) {
            throw ApiException.conflict("grant-settled", "collaboration.grant.settled");
        }
        GrantCall call = requireCall(a.getCallId());
        if (adopt) {
            if (grantedAmount == null) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("grantedAmount",
                        "collaboration.grant.grantedNeeded")));
            }
            if (grantedAmount > a.getRequestedAmount()) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("grantedAmount",
                        "collaboration.grant.overRequested", grantedAmount, a.getRequestedAmount())));
            }
            // Decisions on one call wait for each other here: the budget check sees every earlier decision.
            tenancy.em().lock(call, LockModeType.PESSIMISTIC_WRITE);
            long others = granted(call.getId(), a.getId());
            if (others + grantedAmount > call.getBudget()) {
                throw ApiException.conflict("grant-budget-exceeded", "collaboration.grant.overBudget",
                        grantedAmount, others, call.getBudget(), call.getBudget() - others);
            }
        }
        boolean changed = a.getState() != (adopt ? GrantApplicationState.ADOPTED : GrantApplicationState.REJECTED)
                || !java.util.Objects.equals(a.getGrantedAmount(), adopt ? grantedAmount : null);
        a.decide(adopt, grantedAmount, reason, PartnerService.today());
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        if (changed && !a.isInvented()) {
            mails.decided(contactEmail(a.getPartnerId()), a, call);
        }
        return a;
    }

    /** 実績報告・精算: paid at most the granted amount; returned = paid − spent when positive. */
    public GrantApplication settle(GrantApplication a, long paid, long spent, String report) {
        if (a.getState() != GrantApplicationState.ADOPTED) {
            throw ApiException.conflict("grant-not-adopted", "collaboration.grant.notAdopted");
        }
        if (paid > a.getGrantedAmount()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("paid", "collaboration.grant.overGranted",
                    paid, a.getGrantedAmount())));
        }
        a.settle(paid, spent, report, PartnerService.today());
        tenancy.em().lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return a;
    }

    /** Calls whose submission period has not ended, for the portal. */
    public List<GrantCall> openCalls() {
        return tenancy.em().createQuery("SELECT c FROM GrantCall c WHERE c.submissionClosesOn >= :today"
                + " ORDER BY c.submissionClosesOn, c.title", GrantCall.class)
                .setParameter("today", PartnerService.today()).setMaxResults(100).getResultList();
    }

    public ListQuery<GrantApplication> funded(Integer fiscalYear) {
        return ListQuery.of(tenancy.em(), GrantApplication.class, "a")
                .always("a.state = :adopted", "adopted", GrantApplicationState.ADOPTED)
                .where("a.fiscalYear = :fy", "fy", fiscalYear)
                .orderBy(Sort.Fields.of().field("fiscalYear", "a.fiscalYear").field("applicantName", "a.applicantName")
                        .byDefault("-fiscalYear,applicantName").parse(null));
    }

    /** Applications, adopted applications and the amount granted in a fiscal year; null counts when there is no call. */
    public long[] sums(FiscalYear fy) {
        long calls = tenancy.em().createQuery("SELECT COUNT(c) FROM GrantCall c WHERE c.fiscalYear = :fy", Long.class)
                .setParameter("fy", fy.startYear()).getSingleResult();
        Object[] r = tenancy.em().createQuery("SELECT COUNT(a), SUM(CASE WHEN a.state = :adopted THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.state = :adopted THEN a.grantedAmount ELSE 0 END) FROM GrantApplication a"
                + " WHERE a.fiscalYear = :fy", Object[].class).setParameter("fy", fy.startYear())
                .setParameter("adopted", GrantApplicationState.ADOPTED).getSingleResult();
        return new long[] {calls, ((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue(),
            r[2] == null ? 0 : ((Number) r[2]).longValue()};
    }
}

package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.proposal.domain.CitizenProposal;
import jp.machi.engagement.proposal.domain.ProposalStatus;
import jp.machi.engagement.voice.domain.Channel;

/** Citizen proposals (まちづくり提言) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class ProposalService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Proposals' receipt numbers: P-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("engagement.proposals", "P");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    PublicIntake intake;

    /** What a list may be narrowed to. */
    public record Filter(ProposalStatus status, UUID unitId, FiscalYear fiscalYear) {
    }

    /** The fields a list of proposals may be sorted by ({@code ?sort=}); newest first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("receivedAt", "p.receivedAt")
            .field("receiptNumber", "p.receiptNumber")
            .field("title", "p.title")
            .field("status", "p.status")
            .nullable("field", "p.field")
            .byDefault("-receivedAt");

    /** The fields the published proposals may be sorted by; latest received first by default. */
    public static final Sort.Fields PUBLISHED_SORT = Sort.Fields.of()
            .field("receivedAt", "p.receivedAt")
            .nullable("publishedAt", "p.publishedAt")
            .field("title", "p.title")
            .byDefault("-receivedAt");

    /** The proposals matching {@code f} (spam never), lead or co-unit, in the database. */
    public ListQuery<CitizenProposal> list(Filter f, Sort sort) {
        ListQuery<CitizenProposal> q = ListQuery.of(tenancy.em(), CitizenProposal.class, "p")
                .always("p.spam = FALSE")
                .where("p.status = :status", "status", f.status())
                .where("(p.unitId = :unitId OR p.id IN (SELECT c.proposal.id FROM ProposalCoUnit c WHERE c.unitId = :unitId))",
                        "unitId", f.unitId());
        if (f.fiscalYear() != null) {
            q.always("p.receivedAt >= :from AND p.receivedAt < :to", "from", start(f.fiscalYear()),
                    "to", start(FiscalYear.of(f.fiscalYear().startYear() + 1)));
        }
        return q.orderBy(sort);
    }

    /** The published proposals (spam never), filtered by status and fiscal year, in the database. */
    public ListQuery<CitizenProposal> published(ProposalStatus status, FiscalYear fy, Sort sort) {
        ListQuery<CitizenProposal> q = ListQuery.of(tenancy.em(), CitizenProposal.class, "p")
                .always("p.published = TRUE").always("p.spam = FALSE")
                .where("p.status = :status", "status", status);
        if (fy != null) {
            q.always("p.receivedAt >= :from AND p.receivedAt < :to", "from", start(fy), "to",
                    start(FiscalYear.of(fy.startYear() + 1)));
        }
        return q.orderBy(sort);
    }

    public static OffsetDateTime start(FiscalYear fy) {
        return fy.firstDay().atStartOfDay(JAPAN).toOffsetDateTime();
    }

    public CitizenProposal require(UUID id) {
        CitizenProposal p = tenancy.em().find(CitizenProposal.class, id);
        if (p == null) {
            throw ApiException.notFound("engagement.proposal.notFound", id.toString());
        }
        return p;
    }

    /** A published proposal (404 otherwise, as if it did not exist). */
    public CitizenProposal requirePublished(UUID id) {
        CitizenProposal p = tenancy.em().find(CitizenProposal.class, id);
        if (p == null || !p.isPublished() || p.isSpam()) {
            throw ApiException.notFound("engagement.proposal.notFound", id.toString());
        }
        return p;
    }

    /** Receives a proposal that came otherwise than through public intake (demo data). */
    public CitizenProposal receive(OffsetDateTime receivedAt, Channel channel, String field, String title, String body,
            CitizenProposal.Proposer proposer) {
        return receive(intake.number(SERIES, receivedAt), channel, field, title, body, proposer);
    }

    /** Receives a proposal accepted by public intake: its receipt number and time, spam if the honeypot caught it. */
    public CitizenProposal receive(Intake in, Channel channel, String field, String title, String body,
            CitizenProposal.Proposer proposer) {
        CitizenProposal p = new CitizenProposal(in.receiptNumber(), in.receivedAt(), channel, field, title, body, proposer);
        if (in.spam()) {
            p.markAsSpam();
        }
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** Staff's edit; every unit named must exist in the municipality (400 otherwise, nothing written). */
    public CitizenProposal handle(CitizenProposal p, CitizenProposal.Handling h) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (h.unitId() != null && organization.find(h.unitId()).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("unitId", "engagement.proposal.unitNotFound", h.unitId()));
        }
        for (UUID u : h.coUnits().keySet()) {
            if (organization.find(u).isEmpty()) {
                errors.add(new ApiException.FieldErrorKey("coUnits", "engagement.proposal.unitNotFound", u));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-reference", errors, "problem.validation.detail");
        }
        p.handle(h, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        return p;
    }

    /** 409 unless the answer is final (written and approved). */
    public void requireAnswerSendable(CitizenProposal p) {
        if (p.getAnswer() == null || !p.isAnswerApproved()) {
            throw ApiException.conflict("answer-not-sendable", "engagement.proposal.answerNotSendable");
        }
    }

    public void flush() {
        tenancy.em().flush();
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }

    public static FiscalYear fiscalYearOf(OffsetDateTime t) {
        return FiscalYear.containing(t.atZoneSameInstant(JAPAN).toLocalDate());
    }
}

package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Sponsorship name-use applications (後援名義使用承認) of the municipality a request is about. */
@ApplicationScoped
@Transactional
public class SponsorshipService {

    /** Receipt numbers: S-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("collaboration.sponsorships", "S");

    @Inject
    Tenancy tenancy;

    @Inject
    PublicIntake intake;

    @Inject
    ModuleSettings settings;

    public record Filter(FiscalYear fiscalYear, SponsorshipState state, Boolean reported, String q, boolean spam) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("startsOn", "s.startsOn")
            .field("receivedAt", "s.receivedAt")
            .field("receiptNumber", "s.receiptNumber")
            .field("eventName", "s.eventName")
            .field("organiserName", "s.organiserName")
            .field("state", "s.state")
            .nullable("decidedOn", "s.decidedOn")
            .field("expectedAttendance", "s.expectedAttendance")
            .byDefault("-startsOn");

    public ListQuery<Sponsorship> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), Sponsorship.class, "s")
                .always(f.spam() ? "s.spamAt IS NOT NULL" : "s.spamAt IS NULL")
                .where("s.fiscalYear = :fy", "fy", f.fiscalYear() == null ? null : f.fiscalYear().startYear())
                .where("s.state = :state", "state", f.state())
                .when(Boolean.TRUE.equals(f.reported()), "s.reportedOn IS NOT NULL")
                .when(Boolean.FALSE.equals(f.reported()), "s.reportedOn IS NULL")
                .contains("q", f.q(), "s.eventName", "s.organiserName", "s.venue")
                .orderBy(sort);
    }

    public Sponsorship require(UUID id) {
        Sponsorship s = tenancy.em().find(Sponsorship.class, id);
        if (s == null) {
            throw ApiException.notFound("collaboration.sponsorship.notFound", id.toString());
        }
        return s;
    }

    public Sponsorship apply(Intake in, PartnerChannel channel, Sponsorship.Event event, Sponsorship.Contact contact) {
        Sponsorship s = new Sponsorship(in.receiptNumber(), in.receivedAt(), channel, event, contact);
        if (in.spam()) {
            s.markAsSpam(in.receivedAt());
        }
        tenancy.em().persist(s);
        tenancy.em().flush();
        return s;
    }

    /** An application otherwise than through public intake (demo data): a receipt number of its own. */
    public Sponsorship apply(OffsetDateTime receivedAt, PartnerChannel channel, Sponsorship.Event event,
            Sponsorship.Contact contact) {
        return apply(intake.number(SERIES, receivedAt), channel, event, contact);
    }

    public Sponsorship revise(Sponsorship s, Sponsorship.Event event, Sponsorship.Contact contact) {
        if (s.getState() != SponsorshipState.APPLIED) {
            throw ApiException.conflict("sponsorship-decided", "collaboration.sponsorship.decided", s.getReceiptNumber());
        }
        s.describe(event);
        s.reachAt(contact);
        tenancy.em().flush();
        return s;
    }

    /** The municipality's criteria (setting {@value CollaborationModule#SPONSORSHIP_CRITERIA}). */
    public List<String> criteria() {
        return settings.list(tenancy.code(), CollaborationModule.ID, CollaborationModule.SPONSORSHIP_CRITERIA);
    }

    /** Records which criteria staff checked: each one of the municipality's list; 400 otherwise. */
    public Sponsorship check(Sponsorship s, List<String> checked) {
        if (s.getState() != SponsorshipState.APPLIED) {
            throw ApiException.conflict("sponsorship-decided", "collaboration.sponsorship.decided", s.getReceiptNumber());
        }
        List<String> known = criteria();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            String c = checked.get(i).strip();
            if (!known.contains(c)) {
                errors.add(new ApiException.FieldErrorKey("checked[" + i + "]", "collaboration.sponsorship.criterionUnknown",
                        c, String.join("、", known)));
            } else if (!kept.contains(c)) {
                kept.add(c);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // In the order of the municipality's list.
        s.checked(known.stream().filter(kept::contains).toList());
        tenancy.em().flush();
        return s;
    }

    /**
     * Before approving: every criterion checked, and the organiser has reported on each earlier
     * approved event that has ended (409 naming what is missing).
     */
    public void requireApprovable(Sponsorship s) {
        List<String> missing = criteria().stream().filter(c -> !s.getCheckedCriteria().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.conflict("sponsorship-criteria-unchecked", "collaboration.sponsorship.criteriaUnchecked",
                    String.join("、", missing));
        }
        List<Sponsorship> unreported = unreported(s.getOrganiserKey(), s.getId());
        if (!unreported.isEmpty()) {
            Sponsorship u = unreported.get(0);
            throw ApiException.conflict("sponsorship-report-missing", "collaboration.sponsorship.reportMissing",
                    s.getOrganiserName(), u.getReceiptNumber(), u.getEventName(), u.getEndsOn().toString());
        }
    }

    /** The organiser's approved events that ended before today without a report, the oldest first. */
    public List<Sponsorship> unreported(String organiserKey, UUID self) {
        return tenancy.em().createNamedQuery("Sponsorship.unreported", Sponsorship.class)
                .setParameter("organiser", organiserKey).setParameter("approved", SponsorshipState.APPROVED)
                .setParameter("today", PartnerService.today())
                .setParameter("self", self == null ? new UUID(0, 0) : self).getResultList();
    }

    /** The organiser's report after the event: attendance (0 … 10,000,000), approved events that have begun only. */
    public Sponsorship report(Sponsorship s, int attendance, LocalDate on, String note) {
        if (s.getState() != SponsorshipState.APPROVED) {
            throw ApiException.conflict("sponsorship-not-approved", "collaboration.sponsorship.notApproved",
                    s.getReceiptNumber());
        }
        if (s.getStartsOn().isAfter(on)) {
            throw ApiException.conflict("sponsorship-not-held", "collaboration.sponsorship.notHeld",
                    s.getStartsOn().toString());
        }
        s.reported(attendance, on, note, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        return s;
    }

    public Sponsorship releaseFromSpam(Sponsorship s) {
        if (!s.releaseFromSpam()) {
            throw ApiException.conflict("sponsorship-not-spam", "collaboration.partner.notSpam", s.getReceiptNumber());
        }
        tenancy.em().flush();
        return s;
    }

    /** Approvals whose event is in {@code fy}: the metric. */
    public long approvals(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT COUNT(s) FROM Sponsorship s WHERE s.fiscalYear = :fy AND s.state = :st",
                Long.class).setParameter("fy", fy.startYear()).setParameter("st", SponsorshipState.APPROVED)
                .getSingleResult();
    }

    /** Any application (not spam) whose event is in {@code fy}. */
    public long applications(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT COUNT(s) FROM Sponsorship s WHERE s.fiscalYear = :fy AND s.spamAt IS NULL",
                Long.class).setParameter("fy", fy.startYear()).getSingleResult();
    }

    public void flush() {
        tenancy.em().flush();
    }
}

package jp.machi.collaboration.partnership.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partnership.domain.AgreementKind;
import jp.machi.collaboration.partnership.domain.PartnershipAgreement;
import jp.machi.collaboration.partnership.domain.StartupYear;
import jp.machi.collaboration.partnership.domain.VacantShopGrant;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Partnership agreements (連携協定) with their activities, start-up support per fiscal year (創業支援)
 * and empty-shop grants (空き店舗活用補助金) of the municipality a request is about.
 */
@ApplicationScoped
@Transactional
public class PartnershipService {

    @Inject
    Tenancy tenancy;

    @Inject
    PartnerService partners;

    @Inject
    ModuleSettings settings;

    // ---- agreements

    public record Filter(AgreementKind kind, boolean active, LocalDate on, String q) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("concludedOn", "p.concludedOn")
            .field("partnerName", "p.partnerName")
            .field("title", "p.title")
            .field("kind", "p.kind")
            .nullable("endsOn", "p.endsOn")
            .byDefault("-concludedOn,title");

    public ListQuery<PartnershipAgreement> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), PartnershipAgreement.class, "p")
                .where("p.kind = :kind", "kind", f.kind())
                .when(f.active(), "p.concludedOn <= :on AND (p.endsOn IS NULL OR p.endsOn >= :on)", "on", f.on())
                .contains("q", f.q(), "p.title", "p.partnerName", "p.fields", "p.note")
                .orderBy(sort);
    }

    public PartnershipAgreement require(UUID id) {
        PartnershipAgreement p = tenancy.em().find(PartnershipAgreement.class, id);
        if (p == null) {
            throw ApiException.notFound("collaboration.partnership.notFound", id.toString());
        }
        return p;
    }

    public PartnershipAgreement create(PartnershipAgreement.Content c, List<PartnershipAgreement.Activity> activities) {
        PartnershipAgreement p = new PartnershipAgreement(withPartner(c));
        checkKinds(activities);
        activities.forEach(p::add);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** Revises the agreement; its activities too when {@code activities} is given (null keeps them). */
    public PartnershipAgreement revise(PartnershipAgreement p, PartnershipAgreement.Content c,
            List<PartnershipAgreement.Activity> activities) {
        p.revise(withPartner(c));
        if (activities != null) {
            checkKinds(activities);
            if (p.replaceActivities(activities)) {
                tenancy.em().lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
        }
        tenancy.em().flush();
        return p;
    }

    /** Adds one activity: a change of the agreement, whose version rises. */
    public PartnershipAgreement addActivity(PartnershipAgreement p, PartnershipAgreement.Activity a) {
        checkKinds(List.of(a));
        p.add(a);
        tenancy.em().lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return p;
    }

    public void delete(PartnershipAgreement p) {
        tenancy.em().remove(p);
        tenancy.em().flush();
    }

    /** The municipality's kinds of activity (setting {@value CollaborationModule#PARTNERSHIP_ACTIVITY_KINDS}). */
    public List<String> activityKinds() {
        return settings.list(tenancy.code(), CollaborationModule.ID, CollaborationModule.PARTNERSHIP_ACTIVITY_KINDS);
    }

    private void checkKinds(List<PartnershipAgreement.Activity> activities) {
        List<String> kinds = activityKinds();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            if (!kinds.contains(activities.get(i).kind())) {
                errors.add(new ApiException.FieldErrorKey("activities[" + i + "].kind",
                        "collaboration.partnership.activityKindUnknown", activities.get(i).kind(), String.join("、", kinds)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** A registered partner's name is the agreement's party name; without a partner the name is required. */
    private PartnershipAgreement.Content withPartner(PartnershipAgreement.Content c) {
        if (c.partnerId() != null) {
            Partner p = partners.requireRegistered("partnerId", List.of(c.partnerId())).get(c.partnerId());
            return new PartnershipAgreement.Content(c.title(), c.partnerId(), p.getName(), c.kind(), c.concludedOn(),
                    c.endsOn(), c.renewal(), c.fields(), c.note(), c.invented());
        }
        if (c.partnerName() == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("partnerName",
                    "collaboration.partnership.partnerNeeded")));
        }
        return c;
    }

    /** Activities under the municipality's agreements held in {@code fy}. */
    public long activities(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT COUNT(a) FROM PartnershipActivity a WHERE a.fiscalYear = :fy", Long.class)
                .setParameter("fy", fy.startYear()).getSingleResult();
    }

    /** The activities held in {@code fy} by date, each with its agreement's title, party and id. */
    public List<Object[]> activitiesOf(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT a, p.title, p.partnerName, p.id FROM PartnershipActivity a JOIN a.agreement p"
                + " WHERE a.fiscalYear = :fy ORDER BY a.heldOn, a.title", Object[].class)
                .setParameter("fy", fy.startYear()).getResultList();
    }

    /** Participants of the activities held in {@code fy} (those without a count count as none). */
    public long participants(FiscalYear fy) {
        Number n = tenancy.em().createQuery("SELECT SUM(a.participants) FROM PartnershipActivity a WHERE a.fiscalYear = :fy",
                Number.class).setParameter("fy", fy.startYear()).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    // ---- start-up support per fiscal year

    public static final Sort.Fields YEAR_SORT = Sort.Fields.of()
            .field("fiscalYear", "y.fiscalYear")
            .field("entrepreneursSupported", "y.entrepreneursSupported")
            .field("newBusinesses", "y.newBusinesses")
            .byDefault("-fiscalYear");

    public ListQuery<StartupYear> years(FiscalYear from, FiscalYear to, Sort sort) {
        return ListQuery.of(tenancy.em(), StartupYear.class, "y")
                .where("y.fiscalYear >= :from", "from", from == null ? null : from.startYear())
                .where("y.fiscalYear <= :to", "to", to == null ? null : to.startYear())
                .orderBy(sort);
    }

    public StartupYear year(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT y FROM StartupYear y WHERE y.fiscalYear = :fy", StartupYear.class)
                .setParameter("fy", fy.startYear()).getResultList().stream().findFirst().orElse(null);
    }

    public StartupYear requireYear(FiscalYear fy) {
        StartupYear y = year(fy);
        if (y == null) {
            throw ApiException.notFound("collaboration.startup.yearNotFound", fy.japaneseLabel());
        }
        return y;
    }

    /** Records a year's figures; 409 when that year is recorded already. */
    public StartupYear record(FiscalYear fy, StartupYear.Figures f) {
        if (year(fy) != null) {
            throw ApiException.conflict("duplicate", "collaboration.startup.yearExists", fy.japaneseLabel());
        }
        StartupYear y = new StartupYear(fy.startYear(), f);
        tenancy.em().persist(y);
        tenancy.em().flush();
        return y;
    }

    public StartupYear revise(StartupYear y, StartupYear.Figures f) {
        y.revise(f);
        tenancy.em().flush();
        return y;
    }

    public void delete(StartupYear y) {
        tenancy.em().remove(y);
        tenancy.em().flush();
    }

    /** New businesses recorded for fiscal years before {@code fy} (the cumulative count an indicator starts from). */
    public long newBusinessesBefore(FiscalYear fy) {
        Number n = tenancy.em().createQuery("SELECT SUM(y.newBusinesses) FROM StartupYear y WHERE y.fiscalYear < :fy",
                Number.class).setParameter("fy", fy.startYear()).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    // ---- empty-shop grants

    public record GrantFilter(FiscalYear fiscalYear, String q) {
    }

    public static final Sort.Fields GRANT_SORT = Sort.Fields.of()
            .field("decidedOn", "g.decidedOn")
            .field("applicant", "g.applicant")
            .field("amount", "g.amount")
            .field("fiscalYear", "g.fiscalYear")
            .byDefault("-decidedOn,applicant");

    public ListQuery<VacantShopGrant> grants(GrantFilter f, Sort sort) {
        return ListQuery.of(tenancy.em(), VacantShopGrant.class, "g")
                .where("g.fiscalYear = :fy", "fy", f.fiscalYear() == null ? null : f.fiscalYear().startYear())
                .contains("q", f.q(), "g.applicant", "g.shopAddress", "g.business", "g.note")
                .orderBy(sort);
    }

    public VacantShopGrant requireGrant(UUID id) {
        VacantShopGrant g = tenancy.em().find(VacantShopGrant.class, id);
        if (g == null) {
            throw ApiException.notFound("collaboration.vacantShop.notFound", id.toString());
        }
        return g;
    }

    public VacantShopGrant create(VacantShopGrant.Content c) {
        VacantShopGrant g = new VacantShopGrant(c);
        tenancy.em().persist(g);
        tenancy.em().flush();
        return g;
    }

    public VacantShopGrant revise(VacantShopGrant g, VacantShopGrant.Content c) {
        g.revise(c);
        tenancy.em().flush();
        return g;
    }

    public void delete(VacantShopGrant g) {
        tenancy.em().remove(g);
        tenancy.em().flush();
    }

    /** Grants decided in {@code fy}: their number and their sum. */
    public long[] grantSums(FiscalYear fy) {
        Object[] r = tenancy.em().createQuery("SELECT COUNT(g), SUM(g.amount) FROM VacantShopGrant g WHERE g.fiscalYear = :fy",
                Object[].class).setParameter("fy", fy.startYear()).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()};
    }
}

package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.identity.Caller;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;
import jp.machi.promotion.vacanthouse.domain.VacantHouseState;

/** 空き家バンク: the properties of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class VacantHouseService {

    public static final ZoneId JAPAN_ZONE = ZoneId.of("Asia/Tokyo");

    /** The states in which a registration runs (and may expire). */
    public static final List<VacantHouseState> RUNNING = List.of(VacantHouseState.REGISTERED, VacantHouseState.PUBLISHED,
            VacantHouseState.NEGOTIATING);

    @Inject
    Tenancy tenancy;

    @Inject
    WorkflowService workflows;

    @Inject
    ModuleSettings settings;

    @Inject
    VacantHousePhotos photos;

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("appliedOn", "v.appliedOn")
            .field("expiresOn", "v.expiresOn")
            .field("rent", "v.rent")
            .field("price", "v.price")
            .field("title", "v.title")
            .byDefault("-appliedOn");

    /** Public sort: newest on the portal first. */
    public static final Sort.Fields PUBLIC_SORT = Sort.Fields.of()
            .field("publishedOn", "v.publishedOn")
            .field("rent", "v.rent")
            .field("price", "v.price")
            .byDefault("-publishedOn");

    public static LocalDate today() {
        return LocalDate.now(JAPAN_ZONE);
    }

    public ListQuery<VacantHouse> list(VacantHouseState state, DealType dealType, Sort sort) {
        return ListQuery.of(tenancy.em(), VacantHouse.class, "v")
                .when(state != null, "v.state = :state", "state", state)
                .when(dealType != null, "v.dealType IN :deal", "deal", matching(dealType))
                .orderBy(sort);
    }

    /** A property for rent or sale is one for rent, and one for sale. */
    static List<DealType> matching(DealType d) {
        return d == null ? List.of() : d == DealType.RENT_OR_SALE ? List.of(d) : List.of(d, DealType.RENT_OR_SALE);
    }

    /** What the portal shows: published properties (and those in negotiation, marked so) only. */
    public ListQuery<VacantHouse> published(DealType dealType, Sort sort) {
        return ListQuery.of(tenancy.em(), VacantHouse.class, "v")
                .when(true, "v.state IN :shown", "shown", List.of(VacantHouseState.PUBLISHED, VacantHouseState.NEGOTIATING))
                .when(dealType != null, "v.dealType IN :deal", "deal", matching(dealType))
                .orderBy(sort);
    }

    public VacantHouse require(UUID id) {
        VacantHouse v = tenancy.em().find(VacantHouse.class, id);
        if (v == null) {
            throw ApiException.notFound("promotion.vacantHouse.notFound", id.toString());
        }
        return v;
    }

    /** A published property, or 404 exactly like a missing one. */
    public VacantHouse requirePublished(UUID id) {
        VacantHouse v = tenancy.em().find(VacantHouse.class, id);
        if (v == null || (v.getState() != VacantHouseState.PUBLISHED && v.getState() != VacantHouseState.NEGOTIATING)) {
            throw ApiException.notFound("promotion.vacantHouse.notFound", id.toString());
        }
        return v;
    }

    public VacantHouse create(VacantHouse.Property p, VacantHouse.Owner o, LocalDate appliedOn) {
        VacantHouse v = new VacantHouse(p, o, appliedOn);
        tenancy.em().persist(v);
        tenancy.em().flush();
        return v;
    }

    public VacantHouse revise(VacantHouse v, VacantHouse.Property p, VacantHouse.Owner o, LocalDate registeredOn) {
        if (v.getAnonymisedAt() != null) {
            throw ApiException.conflict("vacant-house-anonymised", "promotion.vacantHouse.anonymised");
        }
        v.revise(p, o);
        if (registeredOn != null && !registeredOn.equals(v.getRegisteredOn())) {
            v.redate(registeredOn, registrationYears());
        }
        tenancy.em().flush();
        return v;
    }

    /** Only an application not yet registered may be deleted; afterwards it is withdrawn (the record stays). */
    public void delete(VacantHouse v) {
        if (v.getState() != VacantHouseState.APPLIED && v.getState() != VacantHouseState.SURVEYED) {
            throw ApiException.conflict("vacant-house-registered", "promotion.vacantHouse.notDeletable");
        }
        photos.removeAll(v);
        tenancy.em().remove(v);
        tenancy.em().flush();
    }

    /** The registration period in years, the municipality's setting (2 unless set). */
    public int registrationYears() {
        return (int) settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.VACANT_HOUSE_YEARS);
    }

    /** Takes a workflow action as the current caller; registering and renewing set the registration's days. */
    public VacantHouse take(VacantHouse v, String action, String comment) {
        var t = workflows.take(VacantHouseWorkflow.DEFINITION, v, action, comment);
        afterwards(v, t.action());
        tenancy.em().flush();
        return v;
    }

    private void afterwards(VacantHouse v, String action) {
        if ("register".equals(action) || "renew".equals(action)) {
            v.registered(today(), registrationYears());
        }
    }

    /** Marks expired every running registration whose last day is before {@code today}, as Machi itself; returns how many. */
    public int expire(LocalDate today) {
        List<VacantHouse> over = tenancy.em().createNamedQuery("VacantHouse.registrationOver", VacantHouse.class)
                .setParameter("today", today).setParameter("states", RUNNING).getResultList();
        for (VacantHouse v : over) {
            workflows.take(VacantHouseWorkflow.DEFINITION, v, "expire", null, Caller.SYSTEM);
        }
        tenancy.em().flush();
        return over.size();
    }

    /** {@link #expire} for today, in Japan. */
    public int expireNow() {
        return expire(today());
    }

    /** Registrations (by the fiscal year first registered) and contracts of a fiscal year, counted in the database. */
    public long[] totals(int fiscalYear) {
        long registrations = tenancy.em().createQuery("SELECT COUNT(v) FROM VacantHouse v WHERE v.registeredFiscalYear = :fy",
                Long.class).setParameter("fy", fiscalYear).getSingleResult();
        long contracts = tenancy.em().createQuery("SELECT COUNT(v) FROM VacantHouse v WHERE v.contractedFiscalYear = :fy",
                Long.class).setParameter("fy", fiscalYear).getSingleResult();
        return new long[] {registrations, contracts};
    }
}

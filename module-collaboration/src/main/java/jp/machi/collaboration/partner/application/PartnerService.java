package jp.machi.collaboration.partner.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.partner.domain.PartnerKind;
import jp.machi.collaboration.partner.domain.PartnerRole;
import jp.machi.collaboration.partner.domain.PartnerState;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Partner organisations (協働の相手方) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class PartnerService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Registration applications' receipt numbers: P-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("collaboration.partners", "P");

    @Inject
    Tenancy tenancy;

    @Inject
    PublicIntake intake;

    /** What a list may be narrowed to. */
    public record Filter(PartnerState state, PartnerKind kind, PartnerRole role, String q, boolean spam) {
    }

    /** The fields a list of partners may be sorted by ({@code ?sort=}); by name by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "p.name")
            .nullable("nameKana", "p.nameKana")
            .field("kind", "p.kind")
            .field("state", "p.state")
            .field("receivedAt", "p.receivedAt")
            .field("receiptNumber", "p.receiptNumber")
            .nullable("registeredOn", "p.registeredOn")
            .nullable("registrationNumber", "p.registrationNumber")
            .byDefault("name");

    /** The partners matching {@code f} in {@code sort} order, as a query run in the database. */
    public ListQuery<Partner> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), Partner.class, "p")
                // Spam is a time, not a boolean: with the LIKE … ESCAPE of q EclipseLink prints values
                // inline, and H2 refuses a boolean printed as 0.
                .always(f.spam() ? "p.spamAt IS NOT NULL" : "p.spamAt IS NULL")
                .where("p.state = :state", "state", f.state())
                .where("p.kind = :kind", "kind", f.kind())
                .when(f.role() != null, "p.roles LIKE :role", "role", f.role() == null ? null : Partner.rolePattern(f.role()))
                .contains("q", f.q(), "p.name", "p.nameKana", "p.area", "p.fieldsOfActivity")
                .orderBy(sort);
    }

    public Partner require(UUID id) {
        Partner p = tenancy.em().find(Partner.class, id);
        if (p == null) {
            throw ApiException.notFound("collaboration.partner.notFound", id.toString());
        }
        return p;
    }

    /** An application accepted by public intake (portal) or entered by staff (paper): 申請中, or spam. */
    public Partner apply(Intake in, PartnerChannel channel, Partner.Profile profile, Partner.Contacts contacts) {
        Partner p = new Partner(in.receiptNumber(), in.receivedAt(), channel, profile, contacts);
        if (in.spam()) {
            p.markAsSpam(in.receivedAt());
        }
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** An application otherwise than through public intake (demo data): a receipt number of its own. */
    public Partner apply(OffsetDateTime receivedAt, PartnerChannel channel, Partner.Profile profile,
            Partner.Contacts contacts) {
        return apply(intake.number(SERIES, receivedAt), channel, profile, contacts);
    }

    public Partner revise(Partner p, Partner.Profile profile, Partner.Contacts contacts, String registrationNumber,
            LocalDate registeredOn) {
        if (p.getAnonymisedAt() != null) {
            throw ApiException.conflict("partner-anonymised", "collaboration.partner.anonymised", p.getReceiptNumber());
        }
        p.describe(profile);
        p.reachAt(contacts);
        p.registration(registrationNumber, registeredOn);
        tenancy.em().flush();
        return p;
    }

    public Partner releaseFromSpam(Partner p) {
        if (!p.releaseFromSpam()) {
            throw ApiException.conflict("partner-not-spam", "collaboration.partner.notSpam", p.getReceiptNumber());
        }
        tenancy.em().flush();
        return p;
    }

    /**
     * The registered partners among {@code ids} (this municipality's only: another's are not found),
     * or a 400 naming {@code field}[i] for each that is unknown, not registered, or repeated.
     */
    public Map<UUID, Partner> requireRegistered(String field, List<UUID> ids) {
        Map<UUID, Partner> found = ids.isEmpty() ? Map.of()
                : tenancy.em().createNamedQuery("Partner.byIds", Partner.class).setParameter("ids", ids).getResultList()
                        .stream().collect(Collectors.toMap(Partner::getId, Function.identity()));
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            Partner p = found.get(id);
            if (p == null || p.isSpam()) {
                errors.add(new ApiException.FieldErrorKey(field + "[" + i + "]", "collaboration.partner.notFound", id));
            } else if (p.getState() != PartnerState.REGISTERED) {
                errors.add(new ApiException.FieldErrorKey(field + "[" + i + "]", "collaboration.partner.notRegistered",
                        p.getName()));
            } else if (!seen.add(id)) {
                errors.add(new ApiException.FieldErrorKey(field + "[" + i + "]", "collaboration.partner.duplicate",
                        p.getName()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-reference", errors, "problem.validation.detail");
        }
        return found;
    }

    /** The names of the partners among {@code ids} (any state), by id. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tenancy.em().createNamedQuery("Partner.byIds", Partner.class).setParameter("ids", List.copyOf(ids))
                .getResultList().stream().collect(Collectors.toMap(Partner::getId, Partner::getName));
    }

    public void flush() {
        tenancy.em().flush();
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }
}

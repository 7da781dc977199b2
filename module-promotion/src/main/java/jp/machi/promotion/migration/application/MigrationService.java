package jp.machi.promotion.migration.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.migration.domain.ConsultationChannel;
import jp.machi.promotion.migration.domain.MigrationConsultation;
import jp.machi.promotion.migration.domain.SupportedMigration;

/** 移住・定住: the consultations and the supported migrations of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class MigrationService {

    public static final ZoneId JAPAN_ZONE = ZoneId.of("Asia/Tokyo");

    @Inject
    Tenancy tenancy;

    /** Consultations sort by day (never by name: a sort would reveal what the mask hides); newest first. */
    public static final Sort.Fields CONSULTATION_SORT = Sort.Fields.of()
            .field("consultedOn", "c.consultedOn")
            .field("channel", "c.channel")
            .byDefault("-consultedOn");

    public static final Sort.Fields MIGRATION_SORT = Sort.Fields.of()
            .field("movedInOn", "m.movedInOn")
            .field("persons", "m.persons")
            .byDefault("-movedInOn");

    /** What a list of consultations may be filtered by; null: not filtered. */
    public record ConsultationFilter(Integer fiscalYear, LocalDate from, LocalDate to, ConsultationChannel channel,
            Boolean interestWork, Boolean interestHousing, Boolean interestChildRearing) {
    }

    public ListQuery<MigrationConsultation> consultations(ConsultationFilter f, Sort sort) {
        return ListQuery.of(tenancy.em(), MigrationConsultation.class, "c")
                .when(f.fiscalYear() != null, "c.fiscalYear = :fy", "fy", f.fiscalYear())
                .when(f.from() != null, "c.consultedOn >= :from", "from", f.from())
                .when(f.to() != null, "c.consultedOn <= :to", "to", f.to())
                .when(f.channel() != null, "c.channel = :channel", "channel", f.channel())
                .when(f.interestWork() != null, "c.interestWork = :iw", "iw", f.interestWork())
                .when(f.interestHousing() != null, "c.interestHousing = :ih", "ih", f.interestHousing())
                .when(f.interestChildRearing() != null, "c.interestChildRearing = :ic", "ic", f.interestChildRearing())
                .orderBy(sort);
    }

    public MigrationConsultation consultation(UUID id) {
        MigrationConsultation c = tenancy.em().find(MigrationConsultation.class, id);
        if (c == null) {
            throw ApiException.notFound("promotion.consultation.notFound", id.toString());
        }
        return c;
    }

    public MigrationConsultation create(MigrationConsultation.Content c) {
        checkDays(c);
        MigrationConsultation x = new MigrationConsultation(c, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(x);
        tenancy.em().flush();
        return x;
    }

    public MigrationConsultation revise(MigrationConsultation x, MigrationConsultation.Content c) {
        if (x.getAnonymisedAt() != null) {
            throw ApiException.conflict("consultation-anonymised", "promotion.consultation.anonymised");
        }
        checkDays(c);
        x.revise(c);
        tenancy.em().flush();
        return x;
    }

    /** A consultation that a supported migration refers to stays; another may go. */
    public void delete(MigrationConsultation x) {
        long n = tenancy.em().createQuery("SELECT COUNT(m) FROM SupportedMigration m WHERE m.consultationId = :c", Long.class)
                .setParameter("c", x.getId()).getSingleResult();
        if (n > 0) {
            throw ApiException.conflict("consultation-has-migrations", "promotion.consultation.hasMigrations", String.valueOf(n));
        }
        tenancy.em().remove(x);
        tenancy.em().flush();
    }

    public ListQuery<SupportedMigration> migrations(Integer fiscalYear, LocalDate from, LocalDate to, Sort sort) {
        return ListQuery.of(tenancy.em(), SupportedMigration.class, "m")
                .when(fiscalYear != null, "m.fiscalYear = :fy", "fy", fiscalYear)
                .when(from != null, "m.movedInOn >= :from", "from", from)
                .when(to != null, "m.movedInOn <= :to", "to", to)
                .orderBy(sort);
    }

    public SupportedMigration migration(UUID id) {
        SupportedMigration m = tenancy.em().find(SupportedMigration.class, id);
        if (m == null) {
            throw ApiException.notFound("promotion.migration.notFound", id.toString());
        }
        return m;
    }

    public SupportedMigration create(SupportedMigration.Content c) {
        check(c);
        SupportedMigration m = new SupportedMigration(c);
        tenancy.em().persist(m);
        tenancy.em().flush();
        return m;
    }

    public SupportedMigration revise(SupportedMigration m, SupportedMigration.Content c) {
        check(c);
        m.revise(c);
        tenancy.em().flush();
        return m;
    }

    public void delete(SupportedMigration m) {
        tenancy.em().remove(m);
        tenancy.em().flush();
    }

    /** Consultations of a fiscal year, counted in the database. */
    public long consultationCount(int fiscalYear) {
        return consultationCounts(fiscalYear, fiscalYear).getOrDefault(fiscalYear, 0L);
    }

    /** Households, persons and records of the supported migrations of a fiscal year, in the database. */
    public long[] migrationTotals(int fiscalYear) {
        return migrationTotalsByYear(fiscalYear, fiscalYear).getOrDefault(fiscalYear, new long[] {0, 0, 0});
    }

    /** Consultations per fiscal year from {@code from} to {@code to}, in one grouped query (years without any absent). */
    public java.util.Map<Integer, Long> consultationCounts(int from, int to) {
        java.util.Map<Integer, Long> out = new java.util.HashMap<>();
        tenancy.em().createQuery("SELECT c.fiscalYear, COUNT(c) FROM MigrationConsultation c"
                + " WHERE c.fiscalYear BETWEEN :from AND :to GROUP BY c.fiscalYear", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(r -> out.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return out;
    }

    /** {@link #migrationTotals} for every fiscal year from {@code from} to {@code to} with records, in one grouped query. */
    public java.util.Map<Integer, long[]> migrationTotalsByYear(int from, int to) {
        java.util.Map<Integer, long[]> out = new java.util.HashMap<>();
        tenancy.em().createQuery("SELECT m.fiscalYear, COALESCE(SUM(m.households), 0), COALESCE(SUM(m.persons), 0), COUNT(m)"
                + " FROM SupportedMigration m WHERE m.fiscalYear BETWEEN :from AND :to GROUP BY m.fiscalYear", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(r -> out.put(((Number) r[0]).intValue(), new long[] {((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue()}));
        return out;
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN_ZONE);
    }

    private static void checkDays(MigrationConsultation.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        LocalDate today = today();
        if (c.consultedOn().isAfter(today)) {
            errors.add(new ApiException.FieldErrorKey("consultedOn", "promotion.date.future"));
        }
        for (int i = 0; i < c.followUps().size(); i++) {
            LocalDate d = c.followUps().get(i).followedOn();
            if (d.isBefore(c.consultedOn())) {
                errors.add(new ApiException.FieldErrorKey("followUps[" + i + "].followedOn", "promotion.consultation.followUpBefore"));
            } else if (d.isAfter(today)) {
                errors.add(new ApiException.FieldErrorKey("followUps[" + i + "].followedOn", "promotion.date.future"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private void check(SupportedMigration.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (c.movedInOn().isAfter(today())) {
            errors.add(new ApiException.FieldErrorKey("movedInOn", "promotion.date.future"));
        }
        if (c.persons() < c.households()) {
            errors.add(new ApiException.FieldErrorKey("persons", "promotion.migration.personsBelowHouseholds"));
        }
        if (c.consultationId() != null && tenancy.em().find(MigrationConsultation.class, c.consultationId()) == null) {
            errors.add(new ApiException.FieldErrorKey("consultationId", "promotion.consultation.notFound", c.consultationId()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}

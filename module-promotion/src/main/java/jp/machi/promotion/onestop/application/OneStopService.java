package jp.machi.promotion.onestop.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopState;

/**
 * ワンストップ特例: one-stop applications of the municipality a request is about, the January 10
 * deadline (an application or a change arriving later is refused with the reason), matching to the
 * donor's donations of the year (each donation once), and the figures for the notifications to each
 * residence municipality (summed in the database).
 */
@ApplicationScoped
@Transactional
public class OneStopService {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Receipt numbers of applications sent through the portal: W-R6-000001. */
    public static final IntakeSeries SERIES = new IntakeSeries("promotion.one-stop", "W");

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("receivedOn", "a.receivedOn")
            .field("donationYear", "a.donationYear")
            .field("residenceCode", "a.residenceCode")
            .byDefault("-receivedOn");

    @Inject
    Tenancy tenancy;

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    /** Applications, filtered in the database: the year of the donations, the state, the residence municipality, a donor. */
    public ListQuery<OneStopApplication> list(Integer year, List<OneStopState> states, String residenceCode, UUID donorId, Sort sort) {
        return ListQuery.of(tenancy.em(), OneStopApplication.class, "a")
                .when(year != null, "a.donationYear = :y", "y", year)
                .when(states != null, "a.state IN :s", "s", states)
                .when(residenceCode != null, "a.residenceCode = :rc", "rc", residenceCode)
                .when(donorId != null, "a.donorId = :d", "d", donorId)
                .orderBy(sort);
    }

    public OneStopApplication require(UUID id) {
        OneStopApplication a = tenancy.em().find(OneStopApplication.class, id);
        if (a == null) {
            throw ApiException.notFound("promotion.oneStop.notFound", id.toString());
        }
        return a;
    }

    public Donor donor(UUID id) {
        return id == null ? null : tenancy.em().find(Donor.class, id);
    }

    /** The donors of these ids, by id (one query, not one per application). */
    public Map<UUID, Donor> donors(java.util.Collection<UUID> ids) {
        Map<UUID, Donor> out = new HashMap<>();
        if (!ids.isEmpty()) {
            tenancy.em().createQuery("SELECT d FROM Donor d WHERE d.id IN :ids", Donor.class).setParameter("ids", ids).getResultList()
                    .forEach(d -> out.put(d.getId(), d));
        }
        return out;
    }

    public OneStopApplication create(OneStopApplication.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        declarations(errors, c.declaresNoTaxReturn(), c.declaresAtMostFive(), true);
        check(c, null, errors);
        OneStopApplication a = new OneStopApplication(c);
        tenancy.em().persist(a);
        tenancy.em().flush();
        return a;
    }

    public OneStopApplication revise(OneStopApplication a, OneStopApplication.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        declarations(errors, c.declaresNoTaxReturn(), c.declaresAtMostFive(), false);
        check(c, a.getId(), errors);
        a.revise(c);
        tenancy.em().flush();
        return a;
    }

    public void delete(OneStopApplication a) {
        tenancy.em().remove(a);
        tenancy.em().flush();
    }

    /**
     * The two declarations of the 申告特例申請書 (① no tax return needed, ② at most five municipalities
     * in the year): without either the special treatment does not apply, so the application is refused
     * with the reason. {@code required}: a new application must carry both; an update may leave them out
     * (the recorded ones stay) but never withdraw one.
     */
    public static void declarations(List<ApiException.FieldErrorKey> errors, Boolean noTaxReturn, Boolean atMostFive, boolean required) {
        if (Boolean.FALSE.equals(noTaxReturn) || required && noTaxReturn == null) {
            errors.add(new ApiException.FieldErrorKey("declaresNoTaxReturn", "promotion.oneStop.noTaxReturnRequired"));
        }
        if (Boolean.FALSE.equals(atMostFive) || required && atMostFive == null) {
            errors.add(new ApiException.FieldErrorKey("declaresAtMostFive", "promotion.oneStop.atMostFiveRequired"));
        }
    }

    /**
     * An application sent through the portal (received today in Japan, channel ONLINE, no donor until
     * staff match it). The deadline is checked by the caller before the receipt number is drawn.
     */
    public OneStopApplication receiveOnline(String receiptNumber, OneStopApplication.Applicant applicant, int year, String residenceCode,
            String residenceName, List<OneStopApplication.Declared> declared) {
        OneStopApplication a = new OneStopApplication(receiptNumber, applicant, year, today(), residenceCode, residenceName, declared,
                OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(a);
        tenancy.em().flush();
        return a;
    }

    /** Donors whose e-mail or phone is the online applicant's (to match with), at most a few, in the database. */
    public List<Donor> candidates(OneStopApplication a) {
        if (a.getDonorId() != null || a.getApplicantEmail() == null && a.getApplicantPhoneDigits() == null) {
            return List.of();
        }
        return tenancy.em().createQuery("SELECT d FROM Donor d WHERE (d.email = :e OR d.phoneDigits = :p) AND d.anonymisedAt IS NULL"
                + " ORDER BY d.createdAt, d.id", Donor.class)
                .setParameter("e", a.getApplicantEmail() == null ? "" : a.getApplicantEmail())
                .setParameter("p", a.getApplicantPhoneDigits() == null ? "" : a.getApplicantPhoneDigits())
                .setMaxResults(5).getResultList();
    }

    /** A 変更届出書, by January 10 too; with a new address the residence municipality changes from now on. */
    public OneStopApplication change(OneStopApplication a, LocalDate on, String kinds, String code, String name, String note) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        deadline(errors, "receivedOn", on, a.getDonationYear());
        if (on.isBefore(a.getReceivedOn())) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "promotion.oneStop.changeBeforeApplication", a.getReceivedOn().toString()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        a.change(on, kinds, code, name, note);
        tenancy.em().flush();
        return a;
    }

    /** The day not in the future, not before the year of the donations, and not after January 10 of the next year. */
    static void deadline(List<ApiException.FieldErrorKey> errors, String field, LocalDate on, int year) {
        LocalDate last = OneStopApplication.deadline(year);
        if (on.isAfter(today())) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.date.future"));
        } else if (on.isAfter(last)) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.oneStop.late", on.toString(), String.valueOf(year), last.toString()));
        } else if (on.getYear() < year) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.oneStop.beforeYear", on.toString(), String.valueOf(year)));
        }
    }

    /** The donor exists; every donation is the donor's, of the year, and covered by no other application. */
    private void check(OneStopApplication.Content c, UUID self, List<ApiException.FieldErrorKey> errors) {
        deadline(errors, "receivedOn", c.receivedOn(), c.donationYear());
        if (c.identityCheckedOn() != null && (c.identityCheckedOn().isBefore(c.receivedOn()) || c.identityCheckedOn().isAfter(today()))) {
            errors.add(new ApiException.FieldErrorKey("identityCheckedOn", "promotion.oneStop.checkedOn"));
        }
        if (donor(c.donorId()) == null) {
            errors.add(new ApiException.FieldErrorKey("donorId", "promotion.donor.notFound", c.donorId()));
        }
        List<UUID> ids = c.donationIds() == null ? List.of() : c.donationIds();
        if (!ids.isEmpty()) {
            Map<UUID, Donation> found = new HashMap<>();
            for (Donation d : tenancy.em().createQuery("SELECT d FROM Donation d WHERE d.id IN :ids", Donation.class)
                    .setParameter("ids", ids).getResultList()) {
                found.put(d.getId(), d);
            }
            Map<UUID, UUID> taken = new HashMap<>();
            for (Object[] r : tenancy.em().createQuery("SELECT m.donationId, m.application.id FROM OneStopMatch m WHERE m.donationId IN :ids",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                taken.put((UUID) r[0], (UUID) r[1]);
            }
            for (int i = 0; i < ids.size(); i++) {
                String f = "donationIds[" + i + "]";
                Donation d = found.get(ids.get(i));
                if (d == null) {
                    errors.add(new ApiException.FieldErrorKey(f, "promotion.donation.notFound", ids.get(i)));
                } else if (!d.getDonorId().equals(c.donorId())) {
                    errors.add(new ApiException.FieldErrorKey(f, "promotion.oneStop.otherDonor"));
                } else if (d.getReceivedOn().getYear() != c.donationYear()) {
                    errors.add(new ApiException.FieldErrorKey(f, "promotion.oneStop.otherYear", d.getReceivedOn().toString(), String.valueOf(c.donationYear())));
                } else if (taken.containsKey(d.getId()) && !taken.get(d.getId()).equals(self)) {
                    errors.add(new ApiException.FieldErrorKey(f, "promotion.oneStop.taken", d.getReceivedOn().toString()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** A donation as an application shows it. */
    public record DonationLine(UUID id, LocalDate receivedOn, long amount) {
    }

    /** The donations of these ids, by id (one query). */
    public Map<UUID, DonationLine> donations(List<UUID> ids) {
        Map<UUID, DonationLine> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : tenancy.em().createQuery("SELECT d.id, d.receivedOn, d.amount FROM Donation d WHERE d.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            out.put((UUID) r[0], new DonationLine((UUID) r[0], (LocalDate) r[1], ((Number) r[2]).longValue()));
        }
        return out;
    }

    /** The donor's donations of the year that no application covers yet (to match), oldest first. */
    public List<DonationLine> unmatched(UUID donorId, int year) {
        return tenancy.em().createQuery("SELECT d.id, d.receivedOn, d.amount FROM Donation d WHERE d.donorId = :donor"
                + " AND d.receivedOn >= :from AND d.receivedOn <= :to"
                + " AND NOT EXISTS (SELECT m FROM OneStopMatch m WHERE m.donationId = d.id) ORDER BY d.receivedOn, d.id", Object[].class)
                .setParameter("donor", donorId).setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getResultList().stream().map(r -> new DonationLine((UUID) r[0], (LocalDate) r[1], ((Number) r[2]).longValue())).toList();
    }

    /** One residence municipality's part of a year's notifications. */
    public record Notice(String residenceCode, String residenceName, long donors, long donations, long amount) {
    }

    /** Per residence municipality: the donors, donations and amount of the matched applications of a year (summed in the database). */
    public List<Notice> notices(int year) {
        List<Notice> out = new ArrayList<>();
        for (Object[] r : tenancy.em().createQuery("SELECT a.residenceCode, MIN(a.residenceName), COUNT(DISTINCT a.donorId), COUNT(m),"
                + " COALESCE(SUM(d.amount), 0) FROM OneStopApplication a JOIN a.matches m, Donation d WHERE d.id = m.donationId"
                + " AND a.donationYear = :y AND a.state = :s GROUP BY a.residenceCode ORDER BY a.residenceCode", Object[].class)
                .setParameter("y", year).setParameter("s", OneStopState.MATCHED).getResultList()) {
            out.add(new Notice((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()));
        }
        return out;
    }

    /** One donor's line in a residence municipality's notification. */
    public record NoticeLine(Donor donor, long donations, long amount, LocalDate firstDonation, LocalDate lastDonation) {
    }

    /** The donors of one residence municipality's notification of a year, with their matched donations summed. */
    public List<NoticeLine> noticeLines(int year, String residenceCode) {
        List<Object[]> rows = tenancy.em().createQuery("SELECT a.donorId, COUNT(m), COALESCE(SUM(d.amount), 0), MIN(d.receivedOn),"
                + " MAX(d.receivedOn) FROM OneStopApplication a JOIN a.matches m, Donation d WHERE d.id = m.donationId"
                + " AND a.donationYear = :y AND a.state = :s AND a.residenceCode = :rc GROUP BY a.donorId", Object[].class)
                .setParameter("y", year).setParameter("s", OneStopState.MATCHED).setParameter("rc", residenceCode).getResultList();
        Map<UUID, Donor> donors = new HashMap<>();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        if (!ids.isEmpty()) {
            tenancy.em().createQuery("SELECT d FROM Donor d WHERE d.id IN :ids", Donor.class).setParameter("ids", ids).getResultList()
                    .forEach(d -> donors.put(d.getId(), d));
        }
        List<NoticeLine> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new NoticeLine(donors.get((UUID) r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (LocalDate) r[3],
                    (LocalDate) r[4]));
        }
        out.sort((x, y) -> {
            String a = x.donor().getNameKana() == null ? x.donor().getName() : x.donor().getNameKana();
            String b = y.donor().getNameKana() == null ? y.donor().getName() : y.donor().getNameKana();
            return a.compareTo(b);
        });
        return out;
    }

    /** Counts per state of a year (for the console and the survey). */
    public Map<OneStopState, Long> counts(int year) {
        Map<OneStopState, Long> out = new HashMap<>();
        for (Object[] r : tenancy.em().createQuery("SELECT a.state, COUNT(a) FROM OneStopApplication a WHERE a.donationYear = :y"
                + " GROUP BY a.state", Object[].class).setParameter("y", year).getResultList()) {
            out.put((OneStopState) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }
}

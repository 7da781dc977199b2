package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.donation.domain.PaymentMethod;
import jp.machi.promotion.donation.domain.ReturnGift;

/** 寄附: the donations of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class DonationService {

    public static final ZoneId JAPAN_ZONE = ZoneId.of("Asia/Tokyo");

    @Inject
    Tenancy tenancy;

    /** The fields a list of donations may be sorted by ({@code ?sort=}); newest first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("receivedOn", "x.receivedOn")
            .field("amount", "x.amount")
            .field("fiscalYear", "x.fiscalYear")
            .byDefault("-receivedOn");

    /** What a list of donations may be filtered by; null: not filtered. */
    public record Filter(Integer fiscalYear, Integer designationYear, LocalDate from, LocalDate to, UUID donorId,
            UUID useId, UUID returnGiftId, PaymentMethod paymentMethod, String channel, Boolean direct) {
    }

    /** The donations matching {@code f}, as a query run in the database. */
    public ListQuery<Donation> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), Donation.class, "x")
                .when(f.fiscalYear() != null, "x.fiscalYear = :fy", "fy", f.fiscalYear())
                .when(f.designationYear() != null, "x.designationYear = :dy", "dy", f.designationYear())
                .when(f.from() != null, "x.receivedOn >= :from", "from", f.from())
                .when(f.to() != null, "x.receivedOn <= :to", "to", f.to())
                .when(f.donorId() != null, "x.donorId = :donor", "donor", f.donorId())
                .when(f.useId() != null, "x.useId = :use", "use", f.useId())
                .when(f.returnGiftId() != null, "x.returnGiftId = :gift", "gift", f.returnGiftId())
                .when(f.paymentMethod() != null, "x.paymentMethod = :pm", "pm", f.paymentMethod())
                .when(f.channel() != null, "x.channel = :channel", "channel", f.channel())
                .when(Boolean.TRUE.equals(f.direct()), "x.channel IS NULL")
                .when(Boolean.FALSE.equals(f.direct()), "x.channel IS NOT NULL")
                .orderBy(sort);
    }

    public Donation require(UUID id) {
        Donation d = tenancy.em().find(Donation.class, id);
        if (d == null) {
            throw ApiException.notFound("promotion.donation.notFound", id.toString());
        }
        return d;
    }

    public Donation create(Donation.Content c) {
        check(c);
        Donation d = new Donation(c);
        tenancy.em().persist(d);
        tenancy.em().flush();
        return d;
    }

    public Donation revise(Donation d, Donation.Content c) {
        check(c);
        if ((!d.getDonorId().equals(c.donorId()) || d.getReceivedOn().getYear() != c.receivedOn().getYear()) && oneStopMatched(d.getId())) {
            throw ApiException.conflict("one-stop-matched", "promotion.donation.oneStopMatched");
        }
        d.revise(c);
        tenancy.em().flush();
        return d;
    }

    /** Whether a one-stop application covers the donation (its donor and year then stay as they are). */
    boolean oneStopMatched(UUID donationId) {
        return tenancy.em().createQuery("SELECT COUNT(m) FROM OneStopMatch m WHERE m.donationId = :d", Long.class)
                .setParameter("d", donationId).getSingleResult() > 0;
    }

    public void delete(Donation d) {
        if (oneStopMatched(d.getId())) {
            throw ApiException.conflict("one-stop-matched", "promotion.donation.oneStopMatched");
        }
        tenancy.em().remove(d);
        tenancy.em().flush();
    }

    public Donor donor(UUID id) {
        return id == null ? null : tenancy.em().find(Donor.class, id);
    }

    public DonationUse use(UUID id) {
        return id == null ? null : tenancy.em().find(DonationUse.class, id);
    }

    public ReturnGift gift(UUID id) {
        return id == null ? null : tenancy.em().find(ReturnGift.class, id);
    }

    /** The donors, uses and gifts a page of donations refers to, read with one query each (not one per row). */
    public record References(java.util.Map<UUID, Donor> donors, java.util.Map<UUID, DonationUse> uses,
            java.util.Map<UUID, ReturnGift> gifts) {
    }

    public References references(List<Donation> page) {
        java.util.Set<UUID> donorIds = new java.util.HashSet<>();
        java.util.Set<UUID> useIds = new java.util.HashSet<>();
        java.util.Set<UUID> giftIds = new java.util.HashSet<>();
        for (Donation d : page) {
            donorIds.add(d.getDonorId());
            if (d.getUseId() != null) {
                useIds.add(d.getUseId());
            }
            if (d.getReturnGiftId() != null) {
                giftIds.add(d.getReturnGiftId());
            }
        }
        java.util.Map<UUID, Donor> donors = new java.util.HashMap<>();
        java.util.Map<UUID, DonationUse> uses = new java.util.HashMap<>();
        java.util.Map<UUID, ReturnGift> gifts = new java.util.HashMap<>();
        if (!donorIds.isEmpty()) {
            tenancy.em().createQuery("SELECT d FROM Donor d WHERE d.id IN :ids", Donor.class).setParameter("ids", donorIds)
                    .getResultList().forEach(d -> donors.put(d.getId(), d));
        }
        if (!useIds.isEmpty()) {
            tenancy.em().createQuery("SELECT u FROM DonationUse u WHERE u.id IN :ids", DonationUse.class)
                    .setParameter("ids", useIds).getResultList().forEach(u -> uses.put(u.getId(), u));
        }
        if (!giftIds.isEmpty()) {
            tenancy.em().createQuery("SELECT g FROM ReturnGift g WHERE g.id IN :ids", ReturnGift.class)
                    .setParameter("ids", giftIds).getResultList().forEach(g -> gifts.put(g.getId(), g));
        }
        return new References(donors, uses, gifts);
    }

    /** Total amount and count of the donations received in a fiscal year, in the database. */
    public long[] totals(int fiscalYear) {
        Object[] row = tenancy.em().createQuery("SELECT COALESCE(SUM(x.amount), 0), COUNT(x) FROM Donation x"
                + " WHERE x.fiscalYear = :fy", Object[].class).setParameter("fy", fiscalYear).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** References that must exist in this municipality, the donor's, the use's, the gift's; the day not in the future. */
    private void check(Donation.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (c.receivedOn().isAfter(LocalDate.now(JAPAN_ZONE))) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "promotion.donation.future"));
        }
        if (donor(c.donorId()) == null) {
            errors.add(new ApiException.FieldErrorKey("donorId", "promotion.donor.notFound", c.donorId()));
        }
        if (c.useId() != null && use(c.useId()) == null) {
            errors.add(new ApiException.FieldErrorKey("useId", "promotion.use.notFound", c.useId()));
        }
        ReturnGift g = gift(c.returnGiftId());
        if (c.returnGiftId() != null && g == null) {
            errors.add(new ApiException.FieldErrorKey("returnGiftId", "promotion.gift.notFound", c.returnGiftId()));
        } else if (g != null && c.amount() < g.getDonationAmount()) {
            errors.add(new ApiException.FieldErrorKey("returnGiftId", "promotion.donation.giftAbove",
                    ReturnGiftService.yen(g.getDonationAmount()), ReturnGiftService.yen(c.amount())));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-reference", errors, "problem.validation.detail");
        }
    }
}

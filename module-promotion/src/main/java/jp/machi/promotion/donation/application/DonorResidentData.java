package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.Donor;

/**
 * Donors in residents' data requests: export by e-mail or phone (the donor with their donations),
 * anonymisation when the retention period has passed since their last donation.
 */
@ApplicationScoped
public class DonorResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.donors";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("ふるさと納税の寄附者", "Hometown-tax donors");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        EntityManager em = tenancy.bind(lgCode);
        Map<UUID, Donor> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("Donor.byEmail", Donor.class).setParameter("email", query.email())
                    .getResultList().forEach(d -> found.put(d.getId(), d));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("Donor.byPhone", Donor.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(d -> found.put(d.getId(), d));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(Donor::getCreatedAt))
                .map(d -> record(em, d)).toList();
    }

    private ResidentRecord record(EntityManager em, Donor d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", d.getName());
        data.put("nameKana", d.getNameKana());
        data.put("postalCode", d.getPostalCode());
        data.put("address", d.getAddress());
        data.put("phone", d.getPhone());
        data.put("email", d.getEmail());
        data.put("donations", em.createQuery("SELECT x FROM Donation x WHERE x.donorId = :d ORDER BY x.receivedOn", Donation.class)
                .setParameter("d", d.getId()).getResultList().stream()
                .map(x -> x.getReceivedOn() + " " + x.getAmount() + " 円 (" + x.getPaymentMethod().name()
                        + (x.getChannel() == null ? "" : ", " + x.getChannel()) + (x.isPublishName() ? ", 氏名公表可" : "") + ")")
                .toList());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(Donor.class), d.getId().toString(),
                d.getCreatedAt(), d.getAnonymisedAt() != null,
                PersonalDataFields.present(d).stream().filter(f -> !f.equals("phoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (Donor d : tenancy.bind(lgCode).createNamedQuery("Donor.expired", Donor.class)
                .setParameter("before", retention.closedBefore())
                .setParameter("lastDay", retention.closedBefore().atZoneSameInstant(DonationService.JAPAN_ZONE).toLocalDate())
                .getResultList()) {
            if (d.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}

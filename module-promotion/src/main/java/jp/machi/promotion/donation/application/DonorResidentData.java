package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.Donor;

/**
 * Donors in residents' data requests: export by e-mail or phone (the donor with their donations),
 * anonymisation when the retention period has passed since their last donation.
 */
@ApplicationScoped
public class DonorResidentData extends EntityResidentData<Donor> {

    public static final String SOURCE = "promotion.donors";

    public DonorResidentData() {
        super(SOURCE, LocalizedText.of("ふるさと納税の寄附者", "Hometown-tax donors"), Donor.class,
                Lookup.byEmailOrPhone("Donor.byEmail", "Donor.byPhone", "phoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(Donor d) {
        return d.getCreatedAt();
    }

    @Override
    protected void data(Donor d, Map<String, Object> data) {
        data.put("name", d.getName());
        data.put("nameKana", d.getNameKana());
        data.put("postalCode", d.getPostalCode());
        data.put("address", d.getAddress());
        data.put("phone", d.getPhone());
        data.put("email", d.getEmail());
        data.put("donations", em().createQuery("SELECT x FROM Donation x WHERE x.donorId = :d ORDER BY x.receivedOn", Donation.class)
                .setParameter("d", d.getId()).getResultList().stream()
                .map(x -> x.getReceivedOn() + " " + x.getAmount() + " 円 (" + x.getPaymentMethod().name()
                        + (x.getChannel() == null ? "" : ", " + x.getChannel()) + (x.isPublishName() ? ", 氏名公表可" : "") + ")")
                .toList());
    }

    @Override
    protected List<Donor> expired(Retention retention) {
        return query("Donor.expired")
                .setParameter("before", retention.closedBefore())
                .setParameter("lastDay", retention.closedBefore().atZoneSameInstant(DonationService.JAPAN_ZONE).toLocalDate())
                .getResultList();
    }
}

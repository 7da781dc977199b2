package jp.machi.promotion.onestop.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopDeclaredDonation;

/**
 * Online one-stop applicants in residents' data requests (found by e-mail or phone); what they typed
 * is anonymised once the notification of their donations' year (due January 31 of the next year) lies
 * further back than the retention period. The application itself, its declarations and matches stay.
 */
@ApplicationScoped
public class OneStopResidentData implements ResidentDataProvider {

    public static final String SOURCE = "promotion.one-stop-applications";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("ワンストップ特例のオンライン申請", "Online one-stop applications");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        EntityManager em = tenancy.bind(lgCode);
        Map<UUID, OneStopApplication> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("OneStopApplication.byApplicantEmail", OneStopApplication.class).setParameter("email", query.email())
                    .getResultList().forEach(a -> found.put(a.getId(), a));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("OneStopApplication.byApplicantPhone", OneStopApplication.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(a -> found.put(a.getId(), a));
        }
        return found.values().stream().map(this::record).toList();
    }

    private ResidentRecord record(OneStopApplication a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", a.getReceiptNumber());
        data.put("name", a.getApplicantName());
        data.put("kana", a.getApplicantKana());
        data.put("postalCode", a.getApplicantPostalCode());
        data.put("address", a.getApplicantAddress());
        data.put("phone", a.getApplicantPhone());
        data.put("email", a.getApplicantEmail());
        data.put("birthDate", a.getApplicantBirthDate() == null ? null : a.getApplicantBirthDate().toString());
        data.put("donationYear", a.getDonationYear());
        data.put("residenceName", a.getResidenceName());
        data.put("donations", a.getDeclaredDonations().stream().map((OneStopDeclaredDonation d) -> d.getDonatedOn() + " " + d.getAmount()).toList());
        data.put("state", a.getState().name());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(OneStopApplication.class), a.getId().toString(),
                a.getReceivedOn().atStartOfDay(OneStopService.JAPAN).toOffsetDateTime(), a.getAnonymisedAt() != null,
                PersonalDataFields.present(a).stream().filter(f -> !f.equals("applicantPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        LocalDate cutoff = retention.closedBefore().atZoneSameInstant(OneStopService.JAPAN).toLocalDate();
        int y = cutoff.getYear() - 1;
        int before = OneStopApplication.notifyBy(y).isBefore(cutoff) ? y + 1 : y;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (OneStopApplication a : tenancy.bind(lgCode).createNamedQuery("OneStopApplication.applicantsOfYearsBefore", OneStopApplication.class)
                .setParameter("year", before).getResultList()) {
            n += a.anonymise(now) ? 1 : 0;
        }
        return n;
    }
}

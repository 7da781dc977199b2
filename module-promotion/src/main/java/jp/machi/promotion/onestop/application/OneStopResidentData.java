package jp.machi.promotion.onestop.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopDeclaredDonation;

/**
 * Online one-stop applicants in residents' data requests (found by e-mail or phone); what they typed
 * is anonymised once the notification of their donations' year (due January 31 of the next year) lies
 * further back than the retention period. The application itself, its declarations and matches stay.
 */
@ApplicationScoped
public class OneStopResidentData extends EntityResidentData<OneStopApplication> {

    public static final String SOURCE = "promotion.one-stop-applications";

    public OneStopResidentData() {
        super(SOURCE, LocalizedText.of("ワンストップ特例のオンライン申請", "Online one-stop applications"),
                OneStopApplication.class, Lookup.byEmailOrPhone("OneStopApplication.byApplicantEmail",
                        "OneStopApplication.byApplicantPhone", "applicantPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(OneStopApplication a) {
        return a.getReceivedOn().atStartOfDay(OneStopService.JAPAN).toOffsetDateTime();
    }

    @Override
    protected void data(OneStopApplication a, Map<String, Object> data) {
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
    }

    @Override
    protected List<OneStopApplication> expired(Retention retention) {
        LocalDate cutoff = retention.closedBefore().atZoneSameInstant(OneStopService.JAPAN).toLocalDate();
        int y = cutoff.getYear() - 1;
        int before = OneStopApplication.notifyBy(y).isBefore(cutoff) ? y + 1 : y;
        return query("OneStopApplication.applicantsOfYearsBefore").setParameter("year", before).getResultList();
    }
}

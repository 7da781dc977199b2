package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;

/**
 * Sponsorship applications in residents' data requests: those whose contact e-mail or phone is the
 * resident's are exported; the contact of refused or reported applications is anonymised when the
 * retention period ends.
 */
@ApplicationScoped
public class SponsorshipResidentData extends EntityResidentData<Sponsorship> {

    public static final String SOURCE = "collaboration.sponsorships";

    public SponsorshipResidentData() {
        super(SOURCE, LocalizedText.of("後援名義使用承認の申請", "Sponsorship name-use applications"), Sponsorship.class,
                Lookup.byEmailOrPhone("Sponsorship.byEmail", "Sponsorship.byPhone", "contactPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(Sponsorship p) {
        return p.getReceivedAt();
    }

    @Override
    protected void data(Sponsorship p, Map<String, Object> data) {
        data.put("receiptNumber", p.getReceiptNumber());
        data.put("eventName", p.getEventName());
        data.put("organiserName", p.getOrganiserName());
        data.put("contactName", p.getContactName());
        data.put("contactAddress", p.getContactAddress());
        data.put("contactPhone", p.getContactPhone());
        data.put("contactEmail", p.getContactEmail());
        data.put("state", p.getState().name());
    }

    @Override
    protected List<Sponsorship> expired(Retention retention) {
        return query("Sponsorship.expired").setParameter("closedBefore", retention.closedBefore()).getResultList();
    }
}

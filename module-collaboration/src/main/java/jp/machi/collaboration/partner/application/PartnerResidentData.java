package jp.machi.collaboration.partner.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;

/**
 * Partner organisations in residents' data requests: the registrations whose contact e-mail or
 * phone is the resident's are exported; the representative and contact of refused or ended
 * registrations are anonymised when the retention period ends.
 */
@ApplicationScoped
public class PartnerResidentData extends EntityResidentData<Partner> {

    public static final String SOURCE = "collaboration.partners";

    public PartnerResidentData() {
        super(SOURCE, LocalizedText.of("協働の相手方 (団体登録)", "Partner organisations"), Partner.class,
                Lookup.byEmailOrPhone("Partner.byEmail", "Partner.byPhone", "contactPhoneDigits"));
    }

    @Override
    protected OffsetDateTime recordedAt(Partner p) {
        return p.getReceivedAt();
    }

    @Override
    protected void data(Partner p, Map<String, Object> data) {
        data.put("receiptNumber", p.getReceiptNumber());
        data.put("name", p.getName());
        data.put("kind", p.getKind().name());
        data.put("representativeName", p.getRepresentativeName());
        data.put("contactName", p.getContactName());
        data.put("contactAddress", p.getContactAddress());
        data.put("contactPhone", p.getContactPhone());
        data.put("contactEmail", p.getContactEmail());
        data.put("state", p.getState().name());
    }

    @Override
    protected List<Partner> expired(Retention retention) {
        return query("Partner.expired").setParameter("closedBefore", retention.closedBefore()).getResultList();
    }
}

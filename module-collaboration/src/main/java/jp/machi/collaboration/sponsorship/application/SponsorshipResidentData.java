package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;

/**
 * Sponsorship applications in residents' data requests: those whose contact e-mail or phone is the
 * resident's are exported; the contact of refused or reported applications is anonymised when the
 * retention period ends.
 */
@ApplicationScoped
public class SponsorshipResidentData implements ResidentDataProvider {

    public static final String SOURCE = "collaboration.sponsorships";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("後援名義使用承認の申請", "Sponsorship name-use applications");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        var em = tenancy.bind(lgCode);
        Map<UUID, Sponsorship> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("Sponsorship.byEmail", Sponsorship.class).setParameter("email", query.email())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("Sponsorship.byPhone", Sponsorship.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(Sponsorship::getReceivedAt))
                .map(this::record).toList();
    }

    private ResidentRecord record(Sponsorship p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", p.getReceiptNumber());
        data.put("eventName", p.getEventName());
        data.put("organiserName", p.getOrganiserName());
        data.put("contactName", p.getContactName());
        data.put("contactAddress", p.getContactAddress());
        data.put("contactPhone", p.getContactPhone());
        data.put("contactEmail", p.getContactEmail());
        data.put("state", p.getState().name());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(Sponsorship.class), p.getId().toString(),
                p.getReceivedAt(), p.getAnonymisedAt() != null,
                PersonalDataFields.present(p).stream().filter(f -> !f.equals("contactPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (Sponsorship p : tenancy.bind(lgCode).createNamedQuery("Sponsorship.expired", Sponsorship.class)
                .setParameter("closedBefore", retention.closedBefore()).getResultList()) {
            if (p.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}

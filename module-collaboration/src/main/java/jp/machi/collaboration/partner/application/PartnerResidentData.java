package jp.machi.collaboration.partner.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;

/**
 * Partner organisations in residents' data requests: the registrations whose contact e-mail or
 * phone is the resident's are exported; the representative and contact of refused or ended
 * registrations are anonymised when the retention period ends.
 */
@ApplicationScoped
public class PartnerResidentData implements ResidentDataProvider {

    public static final String SOURCE = "collaboration.partners";

    @Inject
    Tenancy tenancy;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LocalizedText label() {
        return LocalizedText.of("協働の相手方 (団体登録)", "Partner organisations");
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        var em = tenancy.bind(lgCode);
        Map<UUID, Partner> found = new LinkedHashMap<>();
        if (query.email() != null) {
            em.createNamedQuery("Partner.byEmail", Partner.class).setParameter("email", query.email())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        if (query.phoneDigits() != null) {
            em.createNamedQuery("Partner.byPhone", Partner.class).setParameter("phone", query.phoneDigits())
                    .getResultList().forEach(p -> found.put(p.getId(), p));
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(Partner::getReceivedAt))
                .map(this::record).toList();
    }

    private ResidentRecord record(Partner p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptNumber", p.getReceiptNumber());
        data.put("name", p.getName());
        data.put("kind", p.getKind().name());
        data.put("representativeName", p.getRepresentativeName());
        data.put("contactName", p.getContactName());
        data.put("contactAddress", p.getContactAddress());
        data.put("contactPhone", p.getContactPhone());
        data.put("contactEmail", p.getContactEmail());
        data.put("state", p.getState().name());
        return new ResidentRecord(SOURCE, label().ja(), EntityTypeNames.of(Partner.class), p.getId().toString(),
                p.getReceivedAt(), p.getAnonymisedAt() != null,
                PersonalDataFields.present(p).stream().filter(f -> !f.equals("contactPhoneDigits")).toList(), data);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (Partner p : tenancy.bind(lgCode).createNamedQuery("Partner.expired", Partner.class)
                .setParameter("closedBefore", retention.closedBefore()).getResultList()) {
            if (p.anonymise(now)) {
                n++;
            }
        }
        return n;
    }
}

package jp.machi.core.personaldata.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.ResidentDataProvider;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.Retention;
import jp.machi.core.personaldata.domain.PersonalDataSettings;

/**
 * Residents' data requests across every module that keeps personal data ({@link ResidentDataProvider}):
 * an export of everything held about one resident, and the anonymisation of what is past the
 * municipality's retention period.
 */
@ApplicationScoped
@Transactional
public class ResidentDataService {

    private static final Logger LOG = Logger.getLogger(ResidentDataService.class.getName());

    @Inject
    Tenancy tenancy;

    @Inject
    AuditTrail trail;

    @Inject
    Instance<ResidentDataProvider> providers;

    /** What an anonymisation run did. */
    public record Anonymisation(int retentionYears, OffsetDateTime closedBefore, Map<String, Integer> anonymised,
            int total) {
    }

    public Optional<PersonalDataSettings> settings() {
        return tenancy.em().createNamedQuery("PersonalDataSettings.mine", PersonalDataSettings.class).getResultList()
                .stream().findFirst();
    }

    public int retentionYears() {
        return settings().map(PersonalDataSettings::getRetentionYears)
                .orElse(PersonalDataSettings.DEFAULT_RETENTION_YEARS);
    }

    /** Sets the retention period, creating the settings row the first time. */
    public PersonalDataSettings setRetentionYears(int years) {
        PersonalDataSettings s = settings().orElse(null);
        if (s == null) {
            s = new PersonalDataSettings(years);
            tenancy.em().persist(s);
        } else {
            s.setRetentionYears(years);
        }
        tenancy.em().flush();
        return s;
    }

    /**
     * Everything the modules hold about the resident, oldest first; each record with personal data
     * is recorded in the audit trail as read in full by the caller.
     */
    public List<ResidentRecord> export(ResidentQuery query) {
        String lg = tenancy.code();
        tenancy.em();
        List<ResidentRecord> out = new ArrayList<>();
        for (ResidentDataProvider p : providers) {
            out.addAll(p.export(lg, query));
        }
        out.sort(ResidentRecord.ORDER);
        for (ResidentRecord r : out) {
            if (!r.personalFields().isEmpty()) {
                trail.personalDataRead(r.entityType(), r.entityId(), r.personalFields());
            }
        }
        return out;
    }

    /** Anonymises what is past the retention period in the municipality of this request. */
    public Anonymisation anonymiseExpired() {
        return run(tenancy.code());
    }

    /** The same for {@code lgCode}, in a transaction of its own (the daily run, one per municipality). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Anonymisation anonymiseExpired(String lgCode) {
        return run(lgCode);
    }

    private Anonymisation run(String lgCode) {
        tenancy.bind(lgCode);
        Retention retention = new Retention(retentionYears(), OffsetDateTime.now(ZoneOffset.UTC));
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (ResidentDataProvider p : providers) {
            int n = p.anonymiseExpired(lgCode, retention);
            counts.put(p.source(), n);
            total += n;
        }
        tenancy.em().flush();
        if (total > 0) {
            LOG.info(() -> "Anonymised the personal data of " + counts + " records of " + lgCode
                    + " past the retention period");
        }
        return new Anonymisation(retention.years(), retention.closedBefore(), counts, total);
    }
}

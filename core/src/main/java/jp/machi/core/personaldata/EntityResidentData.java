package jp.machi.core.personaldata;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.Tenancy;

/**
 * A {@link ResidentDataProvider} for one entity type, so that a module states only what differs:
 * in the constructor its source id, label, entity class and how a resident's rows are found
 * ({@link Lookup}: named queries by e-mail and/or phone digits); then {@link #recordedAt} (a record's
 * date, which orders the export), {@link #data} (what the export shows of a row, in order) and
 * {@link #expired} (the rows past the retention period). This class does the rest the same way for
 * every module: it binds the municipality, keeps each row once however many of e-mail and phone
 * match, orders the records, names the entity type, the personal fields that hold a value (not the
 * phone's lookup copy) and whether the row is anonymised, and anonymises and counts the expired rows.
 *
 * <p>A subclass is an {@code @ApplicationScoped} bean with a public no-argument constructor that
 * calls this one.
 */
public abstract class EntityResidentData<T extends Anonymisable> implements ResidentDataProvider {

    @Inject
    private Tenancy tenancy;

    private final String source;
    private final LocalizedText label;
    private final Class<T> type;
    private final Lookup lookup;

    /**
     * How a resident's rows are found: a named query with the parameter {@code email} (the e-mail in
     * {@link ResidentQuery#email(String) normal form}) and one with the parameter {@code phone} (the
     * {@link ResidentQuery#phoneDigits(String) digits}), either of them null when the rows hold no such
     * contact. {@code phoneDigitsField} is the entity's field that holds the digits, a lookup copy of
     * the phone that the export does not name among the personal fields.
     */
    public record Lookup(String byEmail, String byPhone, String phoneDigitsField) {

        public Lookup {
            if (byEmail == null && byPhone == null) {
                throw new IllegalArgumentException("A lookup needs a query by e-mail or by phone");
            }
            if (byPhone != null && phoneDigitsField == null) {
                throw new IllegalArgumentException("A lookup by phone needs the field that holds the digits");
            }
        }

        /** Rows found by e-mail or by phone digits (each once when both match). */
        public static Lookup byEmailOrPhone(String byEmail, String byPhone, String phoneDigitsField) {
            return new Lookup(Objects.requireNonNull(byEmail), Objects.requireNonNull(byPhone),
                    Objects.requireNonNull(phoneDigitsField));
        }

        /** Rows found by e-mail only: they hold no phone. */
        public static Lookup byEmail(String byEmail) {
            return new Lookup(Objects.requireNonNull(byEmail), null, null);
        }
    }

    protected EntityResidentData(String source, LocalizedText label, Class<T> type, Lookup lookup) {
        this.source = Objects.requireNonNull(source);
        this.label = Objects.requireNonNull(label);
        this.type = Objects.requireNonNull(type);
        this.lookup = Objects.requireNonNull(lookup);
    }

    /** When the row was made (e.g. a voice's receipt): the record's date, by which the export is ordered. */
    protected abstract OffsetDateTime recordedAt(T row);

    /** What the export shows of the row, in full: puts field name and value into {@code data}, in order. */
    protected abstract void data(T row, Map<String, Object> data);

    /**
     * The rows of the bound municipality past {@code retention} (closed before
     * {@link Retention#closedBefore()}), e.g. {@code query("X.expired").setParameter(…).getResultList()};
     * rows anonymised before may be among them (they are not counted again).
     */
    protected abstract List<T> expired(Retention retention);

    /** Called for each row just anonymised, e.g. to delete its files; nothing by default. */
    protected void anonymised(T row) {
    }

    /** The entity manager of the bound municipality. */
    protected EntityManager em() {
        return tenancy.em();
    }

    /** A named query of the entity type, in the bound municipality. */
    protected TypedQuery<T> query(String name) {
        return em().createNamedQuery(name, type);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public LocalizedText label() {
        return label;
    }

    @Override
    public List<ResidentRecord> export(String lgCode, ResidentQuery query) {
        tenancy.bind(lgCode);
        List<T> rows = new ArrayList<>();
        if (lookup.byEmail() != null && query.email() != null) {
            rows.addAll(query(lookup.byEmail()).setParameter("email", query.email()).getResultList());
        }
        if (lookup.byPhone() != null && query.phoneDigits() != null) {
            rows.addAll(query(lookup.byPhone()).setParameter("phone", query.phoneDigits()).getResultList());
        }
        return records(rows);
    }

    @Override
    public int anonymiseExpired(String lgCode, Retention retention) {
        tenancy.bind(lgCode);
        return Anonymisable.anonymiseAll(expired(retention), OffsetDateTime.now(ZoneOffset.UTC), this::anonymised);
    }

    /** Each row once (a row found twice is one record), in {@link ResidentRecord#ORDER}. */
    List<ResidentRecord> records(List<T> rows) {
        Map<UUID, T> once = new LinkedHashMap<>();
        rows.forEach(row -> once.putIfAbsent(row.getId(), row));
        return once.values().stream().map(this::record).sorted(ResidentRecord.ORDER).toList();
    }

    private ResidentRecord record(T row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data(row, data);
        List<String> personal = PersonalDataFields.present(row).stream()
                .filter(f -> !f.equals(lookup.phoneDigitsField())).toList();
        return new ResidentRecord(source, label.ja(), EntityTypeNames.of(type), row.getId().toString(),
                recordedAt(row), row.getAnonymisedAt() != null, personal, data);
    }
}

package jp.machi.core.personaldata;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One record a module holds about a resident, as a resident data export shows it: everything in
 * it, in full (the export is for the resident; reading it is recorded in the audit trail).
 *
 * @param source the provider, e.g. {@code engagement.voices}
 * @param entityType the record's entity type as the audit trail names it
 * @param recordedAt when the record was made (e.g. a voice's received date)
 * @param data the record's content, field name to value, in a stable order
 * @param personalFields which of {@code data}'s fields are personal data
 */
@JsonbPropertyOrder({"source", "sourceLabel", "entityType", "entityId", "recordedAt", "anonymised", "personalFields",
    "data"})
public record ResidentRecord(String source, String sourceLabel, String entityType, String entityId,
        OffsetDateTime recordedAt, boolean anonymised, List<String> personalFields, Map<String, Object> data) {

    /** The order of an export: oldest first (undated last), then by entity id. */
    public static final Comparator<ResidentRecord> ORDER = Comparator
            .comparing(ResidentRecord::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ResidentRecord::entityId);
}

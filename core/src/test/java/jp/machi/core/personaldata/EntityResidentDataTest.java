package jp.machi.core.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

class EntityResidentDataTest {

    static class Row implements Anonymisable {
        final UUID id;
        final OffsetDateTime madeAt;
        @PersonalData(PersonalData.Kind.NAME)
        String name;
        @PersonalData(PersonalData.Kind.PHONE)
        String phone;
        @PersonalData(PersonalData.Kind.OTHER)
        String phoneDigits;
        @PersonalData(PersonalData.Kind.EMAIL)
        String email;
        String subject = "件名";
        OffsetDateTime anonymisedAt;

        Row(String id, OffsetDateTime madeAt, String name, String phone, String email) {
            this.id = UUID.fromString(id);
            this.madeAt = madeAt;
            this.name = name;
            this.phone = phone;
            this.phoneDigits = ResidentQuery.phoneDigits(phone);
            this.email = email;
        }

        @Override
        public UUID getId() {
            return id;
        }

        @Override
        public OffsetDateTime getAnonymisedAt() {
            return anonymisedAt;
        }

        @Override
        public boolean anonymise(OffsetDateTime now) {
            if (anonymisedAt != null) {
                return false;
            }
            name = PersonalDataFields.ANONYMOUS_NAME;
            phone = null;
            phoneDigits = null;
            email = null;
            anonymisedAt = now;
            return true;
        }
    }

    static class Rows extends EntityResidentData<Row> {
        Rows() {
            super("test.rows", LocalizedText.of("テスト", "Test rows"), Row.class,
                    Lookup.byEmailOrPhone("Row.byEmail", "Row.byPhone", "phoneDigits"));
        }

        @Override
        protected OffsetDateTime recordedAt(Row row) {
            return row.madeAt;
        }

        @Override
        protected void data(Row row, Map<String, Object> data) {
            data.put("subject", row.subject);
            data.put("name", row.name);
            data.put("phone", row.phone);
            data.put("email", row.email);
        }

        @Override
        protected List<Row> expired(Retention retention) {
            throw new UnsupportedOperationException();
        }
    }

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aRowFoundByEmailAndByPhoneIsOneRecordAndRecordsAreOldestFirst() {
        Row a = new Row("00000000-0000-0000-0000-00000000000a", T0.plusDays(2), "山田 花子", "090-1234-5678", null);
        Row b = new Row("00000000-0000-0000-0000-00000000000b", T0, "山田 花子", null, "hanako@example.jp");
        Row c = new Row("00000000-0000-0000-0000-00000000000c", T0.plusDays(1), "山田 花子", "090-1234-5678",
                "hanako@example.jp");

        List<ResidentRecord> out = new Rows().records(List.of(c, b, a, c));

        assertEquals(List.of(b.id.toString(), c.id.toString(), a.id.toString()),
                out.stream().map(ResidentRecord::entityId).toList());
        ResidentRecord rc = out.get(1);
        assertEquals("test.rows", rc.source());
        assertEquals("テスト", rc.sourceLabel());
        assertEquals("Row", rc.entityType());
        assertEquals(T0.plusDays(1), rc.recordedAt());
        assertFalse(rc.anonymised());
        // the phone's lookup copy is not named; fields without a value are not either
        assertEquals(List.of("name", "phone", "email"), rc.personalFields());
        assertEquals(List.of("name", "phone"), out.get(2).personalFields());
        assertEquals(List.of("subject", "name", "phone", "email"), List.copyOf(rc.data().keySet()));
        assertEquals("090-1234-5678", rc.data().get("phone"));
    }

    @Test
    void anAnonymisedRowSaysSo() {
        Row a = new Row("00000000-0000-0000-0000-00000000000a", T0, "山田 花子", "090-1234-5678", null);
        a.anonymise(T0);

        ResidentRecord r = new Rows().records(List.of(a)).get(0);

        assertTrue(r.anonymised());
        assertEquals(List.of("name"), r.personalFields());
        assertEquals(PersonalDataFields.ANONYMOUS_NAME, r.data().get("name"));
    }

    @Test
    void anonymisingCountsEachRowThatChangedOnce() {
        Row a = new Row("00000000-0000-0000-0000-00000000000a", T0, "山田 花子", "090-1234-5678", null);
        Row b = new Row("00000000-0000-0000-0000-00000000000b", T0, "山田 太郎", null, "taro@example.jp");
        Row done = new Row("00000000-0000-0000-0000-00000000000c", T0, "匿名", null, null);
        done.anonymise(T0);
        List<Row> then = new ArrayList<>();

        int n = Anonymisable.anonymiseAll(List.of(a, b, done, a), T0.plusYears(5), then::add);

        assertEquals(2, n);
        assertEquals(List.of(a, b), then);
        assertEquals(T0.plusYears(5), a.getAnonymisedAt());
        assertEquals(T0, done.getAnonymisedAt());
        assertEquals(0, Anonymisable.anonymiseAll(List.of(a, b), T0.plusYears(6), then::add));
    }

    @Test
    void aLookupNeedsAQueryAndByPhoneTheDigitsField() {
        assertThrows(IllegalArgumentException.class, () -> new EntityResidentData.Lookup(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EntityResidentData.Lookup(null, "X.byPhone", null));
        assertThrows(NullPointerException.class, () -> EntityResidentData.Lookup.byEmailOrPhone("X.byEmail", "X.byPhone", null));
        assertEquals(new EntityResidentData.Lookup("X.byEmail", null, null), EntityResidentData.Lookup.byEmail("X.byEmail"));
    }
}

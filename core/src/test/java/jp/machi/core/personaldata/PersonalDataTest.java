package jp.machi.core.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    record Contact(@PersonalData(PersonalData.Kind.PHONE) String phone, String note) {
    }

    record View(UUID id, String subject, @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.EMAIL) String email, Contact contact, List<Contact> more) {
    }

    record Plain(String a, List<String> tags, java.util.Map<String, Integer> counts) {
    }

    record Holder(java.util.Map<String, Contact> byKey) {
    }

    static class Entity {
        @PersonalData(PersonalData.Kind.NAME)
        String name = "x";
    }

    @Test
    void masksEachKind() {
        assertEquals("山＊", Masking.mask(PersonalData.Kind.NAME, "山田"));
        assertEquals("山＊ ＊＊", Masking.mask(PersonalData.Kind.NAME, "山田 太郎"));
        assertEquals("090-****-5678", Masking.mask(PersonalData.Kind.PHONE, "090-1234-5678"));
        assertEquals("029-***-5678", Masking.mask(PersonalData.Kind.PHONE, "029-123-5678"));
        assertEquals("****5678", Masking.mask(PersonalData.Kind.PHONE, "12345678"));
        assertEquals("y***@example.jp", Masking.mask(PersonalData.Kind.EMAIL, "yamada@example.jp"));
        assertEquals("＊＊＊", Masking.mask(PersonalData.Kind.EMAIL, "no-at-sign"));
        assertEquals("茨城県つくば市＊＊＊", Masking.mask(PersonalData.Kind.ADDRESS, "茨城県つくば市研究学園1-1-1"));
        assertEquals("東京都千代田区＊＊＊", Masking.mask(PersonalData.Kind.ADDRESS, "東京都千代田区永田町1-7-1"));
        assertEquals("つくば市＊＊＊", Masking.mask(PersonalData.Kind.ADDRESS, "つくば市研究学園1-1-1"));
        assertEquals("＊＊＊", Masking.mask(PersonalData.Kind.ADDRESS, "研究学園1-1-1"));
        assertEquals("＊＊＊", Masking.mask(PersonalData.Kind.FREE_TEXT, "何でも"));
        assertNull(Masking.apply(PersonalData.Kind.NAME, "山田", Visibility.HIDDEN));
        assertEquals("山田", Masking.apply(PersonalData.Kind.NAME, "山田", Visibility.FULL));
        assertNull(Masking.apply(PersonalData.Kind.NAME, null, Visibility.MASKED));
    }

    private static View view() {
        Contact c = new Contact("090-1234-5678", "夜は不可");
        return new View(UUID.randomUUID(), "件名", "山田太郎", "yamada@example.jp", c, List.of(c));
    }

    @Test
    void rebuildsRecordsNestedInPagesListsAndRecords() {
        View v = view();
        View masked = (View) PersonalDataFilter.apply(v, Visibility.MASKED);
        assertEquals(v.id(), masked.id());
        assertEquals("件名", masked.subject());
        assertEquals("山＊＊＊", masked.name());
        assertEquals("y***@example.jp", masked.email());
        assertEquals("090-****-5678", masked.contact().phone());
        assertEquals("夜は不可", masked.contact().note());
        assertEquals("090-****-5678", masked.more().get(0).phone());

        @SuppressWarnings("unchecked")
        Page<View> page = (Page<View>) PersonalDataFilter.apply(Page.of(List.of(v), PageRequest.of(0, 10)),
                Visibility.HIDDEN);
        assertNull(page.getItems().get(0).name());
        assertNull(page.getItems().get(0).contact().phone());
        assertEquals("件名", page.getItems().get(0).subject());
        assertSame(v, PersonalDataFilter.apply(v, Visibility.FULL));
        Plain p = new Plain("a", List.of("x"), java.util.Map.of("y", 1));
        assertSame(p, PersonalDataFilter.apply(p, Visibility.HIDDEN));
        Holder h = (Holder) PersonalDataFilter.apply(new Holder(java.util.Map.of("k", v.contact())), Visibility.MASKED);
        assertEquals("090-****-5678", h.byKey().get("k").phone());
    }

    @Test
    void csvIsNeverRevealed() {
        Csv.Table<View> t = new Csv.Table<>(List.of("name"), List.of(view()), x -> List.of(x.name()));
        @SuppressWarnings("unchecked")
        Csv.Table<View> out = (Csv.Table<View>) PersonalDataFilter.apply(t, Visibility.FULL);
        assertEquals("山＊＊＊", out.rows().get(0).name());
    }

    @Test
    void anEntityWithPersonalDataIsNeverWritten() {
        assertThrows(IllegalStateException.class, () -> PersonalDataFilter.apply(new Entity(), Visibility.MASKED));
    }

    private static Access access(Access.Level level, Role minimum) {
        return new Access() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Access.class;
            }

            @Override
            public Access.Level value() {
                return level;
            }

            @Override
            public Role minimum() {
                return minimum;
            }
        };
    }

    @Test
    void policy() {
        Optional<Caller> viewer = Optional.of(new Caller("1", "v", Role.VIEWER, "082201", null, Caller.Method.API_TOKEN));
        Optional<Caller> staff = Optional.of(new Caller("2", "s", Role.STAFF, "082201", null, Caller.Method.API_TOKEN));
        Optional<Access> publicRule = Optional.of(access(Access.Level.PUBLIC, Role.PLATFORM_ADMIN));
        Optional<Access> viewerRule = Optional.of(access(Access.Level.ROLE, Role.VIEWER));
        assertEquals(Visibility.HIDDEN, PersonalDataPolicy.visibility(publicRule, staff, true));
        assertEquals(Visibility.HIDDEN, PersonalDataPolicy.visibility(viewerRule, Optional.empty(), true));
        assertEquals(Visibility.HIDDEN, PersonalDataPolicy.visibility(Optional.empty(), staff, true));
        assertEquals(Visibility.MASKED, PersonalDataPolicy.visibility(viewerRule, viewer, true));
        assertEquals(Visibility.MASKED, PersonalDataPolicy.visibility(viewerRule, staff, false));
        assertEquals(Visibility.FULL, PersonalDataPolicy.visibility(viewerRule, staff, true));
    }

    @Test
    void residentQueryNormalForms() {
        assertEquals("09012345678", ResidentQuery.phoneDigits("０９０－１２３４－５６７８"));
        assertEquals("yamada@example.jp", ResidentQuery.email(" Yamada@Example.JP "));
        assertNull(ResidentQuery.phoneDigits("abc"));
        Retention r = new Retention(0, OffsetDateTime.parse("2026-01-01T00:00Z"));
        assertEquals(true, r.expired(OffsetDateTime.parse("2025-12-31T00:00Z")));
        assertEquals(false, r.expired(null));
        assertEquals(false, new Retention(5, r.now()).expired(OffsetDateTime.parse("2022-01-01T00:00Z")));
    }
}

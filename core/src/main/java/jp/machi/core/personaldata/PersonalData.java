package jp.machi.core.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value as a resident's personal data (個人情報): on an entity field and on a component
 * of a response view (a record) alike.
 *
 * <ul>
 *   <li>In a response view, core masks it for every caller by itself (see {@link Masking} and the
 *       JAX-RS writer interceptor): absent (null) in any response of a public endpoint and for
 *       anonymous callers, masked (山＊, 090-****-5678, y***@example.jp) for signed-in roles, in
 *       full only where the resource asked {@code PersonalDataDisclosure#reveal} for it, which
 *       needs staff or above and is written to the audit trail. CSV exports built with
 *       {@code Csv.records} are masked the same way (never revealed).</li>
 *   <li>On an entity field, the audit trail keeps {@code "***"} instead of its values (as with
 *       {@code @AuditMasked}), so anonymising the row leaves no copy behind in the trail.</li>
 * </ul>
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {

    /** What kind of personal data, which decides how a masked value looks. */
    Kind value();

    /** Kinds of personal data. */
    enum Kind {
        /** A person's name: 山田太郎 → 山＊＊＊. */
        NAME,
        /** A postal address: 茨城県つくば市研究学園1-1-1 → 茨城県つくば市＊＊＊. */
        ADDRESS,
        /** A telephone number: 090-1234-5678 → 090-****-5678. */
        PHONE,
        /** An e-mail address: yamada@example.jp → y***@example.jp. */
        EMAIL,
        /** Free text about a person: hidden entirely when masked. */
        FREE_TEXT,
        /** Anything else that identifies a person: hidden entirely when masked. */
        OTHER
    }
}

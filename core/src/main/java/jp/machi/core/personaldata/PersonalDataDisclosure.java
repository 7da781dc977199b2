package jp.machi.core.personaldata;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.machi.core.api.ApiException;
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.identity.CallerContext;

/**
 * A resource's explicit request to answer with personal data in full (e.g.
 * {@code GET …/{id}?reveal=personal-data}): refused (403) below {@link PersonalDataPolicy#REVEAL_MINIMUM},
 * recorded in the audit trail (個人情報の閲覧, naming the fields that hold a value) otherwise. Only
 * after this does core leave the {@code @PersonalData} values of this request's response unmasked.
 */
@RequestScoped
public class PersonalDataDisclosure {

    @Inject
    AuditTrail trail;

    private boolean revealed;

    /** The one value of a {@code ?reveal=} parameter: {@code personal-data}. */
    public static final String REVEAL = "personal-data";

    /**
     * Whether a resource's {@code ?reveal=} parameter asks for personal data in full: absent or blank
     * no, {@code personal-data} yes, anything else a 400 field error on {@code reveal} (ja/en).
     */
    public static boolean requested(String reveal) {
        if (reveal == null || reveal.isBlank()) {
            return false;
        }
        if (!REVEAL.equals(reveal.strip())) {
            String shown = reveal.length() > 40 ? reveal.substring(0, 40) : reveal;
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("reveal", "personalData.revealUnknown", shown)));
        }
        return true;
    }

    /** Reveals the personal data of {@code entity} (its {@code @PersonalData} fields) to the caller. */
    public void reveal(Object entity, Object entityId) {
        reveal(entity.getClass(), entityId, PersonalDataFields.present(entity));
    }

    /** Reveals the named fields of one entity to the caller. */
    public void reveal(Class<?> entityClass, Object entityId, List<String> fields) {
        requireMayReveal();
        trail.personalDataRead(entityClass, entityId, fields);
        revealed = true;
    }

    /** Refuses (403) a caller who may not read personal data in full. */
    public static void requireMayReveal() {
        if (CallerContext.current().filter(c -> c.has(PersonalDataPolicy.REVEAL_MINIMUM)).isEmpty()) {
            throw new ApiException(403, "forbidden", "access.forbidden", PersonalDataPolicy.REVEAL_MINIMUM.label());
        }
    }

    public boolean revealed() {
        return revealed;
    }
}

package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceCategory;

/** The categories of citizen voices of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class VoiceCategoryService {

    @Inject
    Tenancy tenancy;

    /** What a list of categories may be narrowed to (null: either). */
    public record Filter(Boolean active, Boolean open311) {
    }

    /** The fields a list of categories may be sorted by ({@code ?sort=}); the municipality's order by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("sortOrder", "c.sortOrder")
            .field("code", "c.code")
            .field("nameJa", "c.nameJa")
            .nullable("groupName", "c.groupName")
            .byDefault("sortOrder");

    public ListQuery<VoiceCategory> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), VoiceCategory.class, "c")
                .where("c.active = :active", "active", f.active())
                .where("c.open311 = :open311", "open311", f.open311())
                .orderBy(sort);
    }

    public VoiceCategory require(UUID id) {
        VoiceCategory c = tenancy.em().find(VoiceCategory.class, id);
        if (c == null) {
            throw ApiException.notFound("engagement.category.notFound", id.toString());
        }
        return c;
    }

    public Optional<VoiceCategory> find(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenancy.em().find(VoiceCategory.class, id));
    }

    public Optional<VoiceCategory> byCode(String code) {
        return tenancy.em().createQuery("SELECT c FROM VoiceCategory c WHERE c.code = :code", VoiceCategory.class)
                .setParameter("code", code).getResultList().stream().findFirst();
    }

    /** The categories open to Open311 and active: the municipality's Open311 services, in its order. */
    public List<VoiceCategory> open311Services() {
        return tenancy.em().createQuery("SELECT c FROM VoiceCategory c WHERE c.active = TRUE AND c.open311 = TRUE"
                + " ORDER BY c.sortOrder, c.code", VoiceCategory.class).getResultList();
    }

    public VoiceCategory create(VoiceCategory.Fields f) {
        requireUniqueCode(f.code(), null);
        VoiceCategory c = new VoiceCategory(f);
        tenancy.em().persist(c);
        tenancy.em().flush();
        return c;
    }

    public VoiceCategory update(VoiceCategory c, VoiceCategory.Fields f) {
        requireUniqueCode(f.code(), c.getId());
        c.set(f);
        tenancy.em().flush();
        return c;
    }

    /** Deletes a category no voice carries (409 otherwise: deactivate it instead). */
    public void delete(VoiceCategory c) {
        long used = tenancy.em().createQuery("SELECT COUNT(v) FROM CitizenVoice v WHERE v.categoryId = :id", Long.class)
                .setParameter("id", c.getId()).getSingleResult();
        if (used > 0) {
            throw ApiException.conflict("category-in-use", "engagement.category.inUse", c.getCode(), used);
        }
        tenancy.em().remove(c);
        tenancy.em().flush();
    }

    /**
     * The category a voice is to carry: one of this municipality's (400 {@code invalid-reference}
     * naming {@code field} otherwise), active unless the voice carries it already.
     */
    public UUID reference(String field, UUID id, CitizenVoice current) {
        if (id == null) {
            return null;
        }
        VoiceCategory c = find(id).orElseThrow(() -> new ApiException(400, "invalid-reference",
                List.of(new ApiException.FieldErrorKey(field, "engagement.category.referenceNotFound", id)),
                "problem.validation.detail"));
        if (!c.isActive() && (current == null || !id.equals(current.getCategoryId()))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(field, "engagement.category.inactive",
                    c.getNameJa())));
        }
        return c.getId();
    }

    private void requireUniqueCode(String code, UUID self) {
        Optional<VoiceCategory> other = byCode(code);
        if (other.isPresent() && !other.get().getId().equals(self)) {
            throw new ApiException(409, "category-code-taken",
                    List.of(new ApiException.FieldErrorKey("code", "engagement.category.codeTaken", code)),
                    "engagement.category.codeTaken", code);
        }
    }
}

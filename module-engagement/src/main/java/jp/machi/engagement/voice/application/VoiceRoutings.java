package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceCoUnit;
import jp.machi.engagement.voice.domain.VoiceRouting;

/**
 * Routing a citizen voice (担当課の割当): a lead unit (the voice's {@code unitId}) and co-units
 * sharing it (共管課), each of which finds it in its task list; every change is kept in the routing
 * history with who, when and why, and raises the voice's version.
 */
@ApplicationScoped
@Transactional
public class VoiceRoutings {

    /** At most this many co-units share one voice. */
    public static final int MAX_CO_UNITS = 10;

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    /** The units sharing the voice with its lead unit, in the order they were added. */
    public List<UUID> coUnits(UUID voiceId) {
        return tenancy.em().createNamedQuery("VoiceCoUnit.ofVoice", VoiceCoUnit.class).setParameter("voice", voiceId)
                .getResultList().stream().map(VoiceCoUnit::getUnitId).toList();
    }

    /** The voices shared with {@code unitId} as a co-unit (their ids). */
    public List<UUID> sharedWith(UUID unitId) {
        return tenancy.em().createQuery("SELECT c.voiceId FROM VoiceCoUnit c WHERE c.unitId = :unit", UUID.class)
                .setParameter("unit", unitId).getResultList();
    }

    /** The routing history, oldest first. */
    public List<VoiceRouting> history(UUID voiceId) {
        return tenancy.em().createNamedQuery("VoiceRouting.ofVoice", VoiceRouting.class).setParameter("voice", voiceId)
                .getResultList();
    }

    /**
     * Routes {@code v} to {@code lead} shared with {@code coUnits} because of {@code reason}:
     * 400 field by field for an unknown unit, the lead among the co-units, too many co-units, or a
     * reassignment (the lead unit changes from one unit to another, or a unit is taken off) without
     * a reason. Nothing changes and nothing is recorded when the routing stays as it is.
     */
    public void route(CitizenVoice v, UUID lead, List<UUID> coUnits, String reason) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (lead != null && organization.find(lead).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("unitId", "engagement.voice.unitNotFound", lead));
        }
        Set<UUID> co = new LinkedHashSet<>();
        for (UUID u : coUnits) {
            if (u == null) {
                errors.add(new ApiException.FieldErrorKey("coUnitIds", "engagement.voice.routing.coUnitMissing"));
            } else if (organization.find(u).isEmpty()) {
                errors.add(new ApiException.FieldErrorKey("coUnitIds", "engagement.voice.unitNotFound", u));
            } else if (u.equals(lead)) {
                errors.add(new ApiException.FieldErrorKey("coUnitIds", "engagement.voice.routing.leadIsCoUnit"));
            } else if (!co.add(u)) {
                errors.add(new ApiException.FieldErrorKey("coUnitIds", "engagement.voice.routing.coUnitTwice", u));
            }
        }
        if (!co.isEmpty() && lead == null) {
            errors.add(new ApiException.FieldErrorKey("unitId", "engagement.voice.routing.leadNeeded"));
        }
        if (co.size() > MAX_CO_UNITS) {
            errors.add(new ApiException.FieldErrorKey("coUnitIds", "engagement.voice.routing.tooManyCoUnits", MAX_CO_UNITS));
        }
        List<UUID> before = coUnits(v.getId());
        boolean leadChanges = !Objects.equals(lead, v.getUnitId());
        boolean reassigned = (v.getUnitId() != null && leadChanges) || !co.containsAll(before);
        if (reassigned && reason == null) {
            errors.add(new ApiException.FieldErrorKey("reason", "engagement.voice.routing.reasonNeeded"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors.stream().anyMatch(e -> e.key().equals("engagement.voice.unitNotFound"))
                    ? "invalid-reference" : "validation", errors, "problem.validation.detail");
        }
        if (!leadChanges && new LinkedHashSet<>(before).equals(co)) {
            return;
        }
        var em = tenancy.em();
        for (VoiceCoUnit c : em.createNamedQuery("VoiceCoUnit.ofVoice", VoiceCoUnit.class).setParameter("voice", v.getId())
                .getResultList()) {
            if (!co.contains(c.getUnitId())) {
                em.remove(c);
            }
        }
        em.flush();
        for (UUID u : co) {
            if (!before.contains(u)) {
                em.persist(new VoiceCoUnit(v.getId(), u));
            }
        }
        record(v, v.getUnitId(), lead, List.copyOf(co), reason);
        v.routeTo(lead);
        em.lock(v, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
    }

    /**
     * The lead unit was changed through the voice's handling (PUT): recorded in the history
     * without a reason; a co-unit that became the lead is no co-unit any more.
     */
    public void leadChanged(CitizenVoice v, UUID from, UUID to) {
        var em = tenancy.em();
        if (to != null) {
            for (VoiceCoUnit c : em.createNamedQuery("VoiceCoUnit.ofVoice", VoiceCoUnit.class)
                    .setParameter("voice", v.getId()).getResultList()) {
                if (c.getUnitId().equals(to)) {
                    em.remove(c);
                }
            }
            em.flush();
        }
        record(v, from, to, coUnits(v.getId()), null);
    }

    private void record(CitizenVoice v, UUID from, UUID to, List<UUID> co, String reason) {
        String by = CallerContext.current().map(Caller::name).orElse("system");
        tenancy.em().persist(new VoiceRouting(v.getId(), OffsetDateTime.now(ZoneOffset.UTC), by, from, to, co, reason));
    }
}

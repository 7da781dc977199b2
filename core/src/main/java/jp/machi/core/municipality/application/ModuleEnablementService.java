package jp.machi.core.municipality.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.core.municipality.domain.ModuleEnablement;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.persistence.TransactionMemo;

/** Which modules a municipality uses; modules are off until switched on. */
@ApplicationScoped
@Transactional
public class ModuleEnablementService {

    /** Fired after a municipality switched a module on or off. */
    public record ModuleSwitched(String lgCode, String moduleId, boolean enabled) {
    }

    @Inject
    Tenancy tenancy;

    @Inject
    Event<ModuleSwitched> switched;

    @Inject
    TransactionMemo memo;

    /**
     * Whether the module is on for the municipality. A request asks this many times (the module gate,
     * then every metric of every indicator it evaluates): the municipality's switches are read once per
     * transaction.
     */
    public boolean isEnabled(String lgCode, String moduleId) {
        return Boolean.TRUE.equals(enablement(lgCode).get(moduleId));
    }

    public Map<String, Boolean> enablement(String lgCode) {
        return memo.get(key(lgCode), () -> {
            Map<String, Boolean> result = new HashMap<>();
            List<ModuleEnablement> rows = tenancy.bind(lgCode)
                    .createNamedQuery("ModuleEnablement.all", ModuleEnablement.class).getResultList();
            rows.forEach(e -> result.put(e.getModuleId(), e.isEnabled()));
            return Map.copyOf(result);
        });
    }

    private static TransactionMemo.Key<Map<String, Boolean>> key(String lgCode) {
        return new TransactionMemo.Key<>(ModuleEnablementService.class.getName(), lgCode);
    }

    public void set(String lgCode, String moduleId, boolean enabled) {
        var em = tenancy.bind(lgCode);
        ModuleEnablement row = em.createNamedQuery("ModuleEnablement.byModule", ModuleEnablement.class)
                .setParameter("moduleId", moduleId).getResultStream().findFirst().orElse(null);
        if (row == null) {
            em.persist(new ModuleEnablement(moduleId, enabled));
        } else if (row.isEnabled() == enabled) {
            return;
        } else {
            row.switchTo(enabled);
        }
        em.flush();
        memo.forget(key(lgCode));
        switched.fire(new ModuleSwitched(lgCode, moduleId, enabled));
    }
}
